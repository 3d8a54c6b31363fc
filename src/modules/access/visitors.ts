import { can } from "./matrix.js";
import { inSchool } from "./predicates.js";
import type { Actor } from "./roles.js";

/**
 * The visitors' register: who came into school and signed at reception. It names adults who are
 * not on the school's roll, so it is for the people who run the school's safeguarding (the
 * matrix's "visitors.read": admins, the headteacher, the DSL and deputies), not every member of staff.
 */
export type VisitorRecord = { schoolId: string };

export function canReadVisitor(actor: Pick<Actor, "schoolId" | "roles">, visitor: VisitorRecord) {
  if (!inSchool(actor, visitor)) return false;
  return can(actor, "visitors.read");
}
