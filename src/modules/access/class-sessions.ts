import { inSchool, isSelf } from "./predicates.js";
import type { Actor, Kind } from "./roles.js";

/**
 * Class signing sessions: a teacher opens one for a registration group, the pupils sign on the
 * classroom screen, the teacher watches and closes it. The matrix lets every member attempt
 * `classSessions.run`; these rules say who actually may.
 */
export type ClassSessionRecord = { schoolId: string; teacherId: string };

/** The kinds of person who teach a class: staff, supply teachers and student teachers. */
const TEACHING_KINDS: readonly Kind[] = ["staff", "supply", "student_teacher"];

/** Only someone who teaches runs a class session (a governor or volunteer does not). */
export function canRunClassSession(actor: Pick<Actor, "kinds">) {
  return actor.kinds.some((k) => TEACHING_KINDS.includes(k));
}

/**
 * A session is its teacher's alone: nobody else, admins included, watches or closes it. No role
 * reaches another teacher's session, so the rule goes from tenant straight to ownership.
 */
export function canUseClassSession(actor: Actor, session: ClassSessionRecord) {
  if (!inSchool(actor, session)) return false;
  return isSelf(actor, session.teacherId);
}
