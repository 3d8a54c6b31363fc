import { isSchoolAdmin } from "./predicates.js";
import type { Actor } from "./roles.js";

/**
 * Home: the school at a glance (agreements outstanding by group, approvals waiting, reviews due)
 * is for those who answer for the whole school, the headteacher and the school's admins; it
 * holds nothing about any one record, so the rule is a role only. Everyone else's home keeps to
 * what needs them.
 */
export const canSeeSchoolAtAGlance = (actor: Pick<Actor, "roles">) => isSchoolAdmin(actor);
