import { holdsAny, inSchool, isSelf } from "./predicates.js";
import type { Actor, Role } from "./roles.js";

/**
 * Training. Everyone with an account records and reads their own, and downloads only their own
 * certificates. The headteacher, the school admins and the DSL run it: they manage the courses,
 * record an INSET for a whole room, import a provider's file, withdraw a mistaken record and open
 * anyone's certificate. The matrix is read by those and by the deputy DSLs and the senior team;
 * a line manager reads their own team's rows only.
 */
export const TRAINING_MANAGERS: readonly Role[] = ["headteacher", "school_admin", "dsl"];
export const TRAINING_READERS: readonly Role[] = [...TRAINING_MANAGERS, "deputy_dsl", "slt"];

type Someone = { schoolId: string; personId: string | null };

/** Recording a completion for this person: their own, or any of the school's for those who run training. */
export function canRecordTrainingFor(actor: Pick<Actor, "schoolId" | "personId" | "roles">, person: Someone) {
  if (!inSchool(actor, person)) return false;
  return isSelf(actor, person.personId) || holdsAny(actor, TRAINING_MANAGERS);
}

/** A certificate: the person it belongs to, and those who run training. */
export function canReadCertificate(
  actor: Pick<Actor, "schoolId" | "personId" | "roles">,
  certificate: Someone,
) {
  if (!inSchool(actor, certificate)) return false;
  return isSelf(actor, certificate.personId) || holdsAny(actor, TRAINING_MANAGERS);
}

/**
 * Withdrawing a completion recorded by mistake: one a person recorded for themself, or any for
 * those who run training. An INSET attendance or an import stays unless they withdraw it.
 */
export function canWithdrawCompletion(
  actor: Pick<Actor, "schoolId" | "personId" | "roles">,
  completion: Someone & { recordedBy: string | null },
) {
  if (!inSchool(actor, completion)) return false;
  return (
    (isSelf(actor, completion.personId) && isSelf(actor, completion.recordedBy)) ||
    holdsAny(actor, TRAINING_MANAGERS)
  );
}

/** Which rows of the matrix the actor reads: the whole school's, their own team's, or none. */
export function trainingMatrixScope(actor: Pick<Actor, "roles">): "school" | "team" | null {
  if (holdsAny(actor, TRAINING_READERS)) return "school";
  if (holdsAny(actor, ["line_manager"])) return "team";
  return null;
}

/** One person's training page: their own, the matrix's readers, and their own line manager. */
export function canReadTrainingOf(
  actor: Pick<Actor, "schoolId" | "personId" | "roles">,
  person: Someone & { lineManagerId: string | null },
) {
  if (!inSchool(actor, person)) return false;
  return (
    isSelf(actor, person.personId) || holdsAny(actor, TRAINING_READERS) || isSelf(actor, person.lineManagerId)
  );
}
