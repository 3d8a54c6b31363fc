import { type Actor, AUDIENCE_KIND, type Audience, type Kind } from "./roles.js";
import { canSign } from "./signatures.js";

/**
 * Agreements: who an agreement is for. Setting agreements up and chasing them is the matrix's
 * `agreements.manage` row (admins); here is which agreements a person may sign or decline.
 */
export type AgreementRecord = { schoolId: string; audience: string };

/** Whether an agreement with this audience is addressed to someone of these kinds. */
export function isAddressedTo(audience: string, kinds: readonly Kind[] | readonly string[]) {
  const kind: string | undefined = AUDIENCE_KIND[audience as Audience];
  return kind !== undefined && (kinds as readonly string[]).includes(kind);
}

/**
 * A person signs (or declines) what is addressed to their kind of person, or what they are
 * assigned (a teaching assistant asked to sign the governors' agreement, a new starter's pledge).
 * No role reaches further: nobody signs for someone else with their account.
 */
export function canSignAgreement(
  actor: Pick<Actor, "schoolId" | "kinds">,
  agreement: AgreementRecord,
  assigned: boolean,
) {
  const audienceKind: string = AUDIENCE_KIND[agreement.audience as Audience] ?? "";
  return canSign(actor, { schoolId: agreement.schoolId, audienceKind }, assigned);
}
