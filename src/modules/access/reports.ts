import type { Role } from "./roles.js";

/**
 * Reports. The inspector pack holds named records (who signed, who is trained) as well as counts,
 * so it is for those who prepare the school for an inspection: the headteacher, the school admins
 * and the senior leadership team (decision 026). Every download is in the audit log.
 */
export const INSPECTION_PACK_READERS: Role[] = ["headteacher", "school_admin", "slt"];
