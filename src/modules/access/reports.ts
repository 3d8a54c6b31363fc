import { type Actor, ADMIN_ROLES, type Role } from "./roles.js";

/**
 * Reports. The inspector pack holds named records (who signed, who is trained) as well as counts,
 * so it is for those who prepare the school for an inspection: the headteacher, the school admins
 * and the senior leadership team (decision 026). Every download is in the audit log.
 */
export const INSPECTION_PACK_READERS: Role[] = ["headteacher", "school_admin", "slt"];

/**
 * The termly report to governors counts and names nobody (decision 036): it is written for the
 * governing body, so every governor reads it, as do those who read the leaders' dashboard.
 */
export const DASHBOARD_READERS: Role[] = [...ADMIN_ROLES, "slt", "dsl", "deputy_dsl", "chair_of_governors"];

export function mayReadGovernorsReport(actor: Pick<Actor, "kinds" | "roles">) {
  return actor.kinds.includes("governor") || actor.roles.some((r) => DASHBOARD_READERS.includes(r));
}
