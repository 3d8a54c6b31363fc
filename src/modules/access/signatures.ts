import { can } from "./matrix.js";
import { inSchool, isSchoolAdmin, isSelf } from "./predicates.js";
import type { Actor } from "./roles.js";

/**
 * Signatures (and declines): who reads one's receipt, who withdraws one and who corrects one.
 * Someone a rule refuses is told there is no such signature: they learn nothing about it.
 */
export type SignatureRecord = { schoolId: string; personId: string | null };

/**
 * A signer reads their own; whoever may read the compliance view (its row of the matrix) reads
 * everyone's, since that view links to each receipt.
 */
export function canReadSignature(actor: Actor, signature: SignatureRecord) {
  if (!inSchool(actor, signature)) return false;
  if (can(actor, "compliance.read")) return true;
  return isSelf(actor, signature.personId);
}

/**
 * A signer withdraws their own signature; the school's admins may withdraw anyone's (a parent
 * rings the office, a visitor signed on the kiosk by mistake).
 */
export function canWithdrawSignature(actor: Actor, signature: SignatureRecord) {
  if (!inSchool(actor, signature)) return false;
  if (isSchoolAdmin(actor)) return true;
  return isSelf(actor, signature.personId);
}

/** Only the signer corrects a signature: a correction is their signature, given again. */
export function canCorrectSignature(actor: Actor, signature: SignatureRecord) {
  if (!inSchool(actor, signature)) return false;
  return isSelf(actor, signature.personId);
}

/** Something to sign (an agreement today): its school, and the kind of person it is addressed to. */
export type SignableRecord = { schoolId: string; audienceKind: string };

/**
 * A person signs (or declines) what is addressed to their kind of person, or what they were asked
 * to sign (a teaching assistant asked to sign the governors' agreement, a new starter's pledge).
 * No role reaches further: nobody signs for someone else with their account.
 */
export function canSign(
  actor: Pick<Actor, "schoolId" | "kinds">,
  subject: SignableRecord,
  assigned: boolean,
) {
  if (!inSchool(actor, subject)) return false;
  return assigned || (actor.kinds as readonly string[]).includes(subject.audienceKind);
}

/**
 * Recording a carer's printed form: it becomes a signature on the carer's behalf, so only those
 * the matrix lets record paper forms (the school office), and only for their own school.
 */
export function canRecordPaperForm(actor: Actor, subject: { schoolId: string }) {
  if (!inSchool(actor, subject)) return false;
  return can(actor, "agreements.recordPaper");
}
