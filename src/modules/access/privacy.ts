import { ADMIN_ROLES, type Role } from "./roles.js";

/**
 * Privacy (decision 034). A subject access export holds everything about one person, child
 * protection records and other people's names included, so only the DPO takes it; every export is
 * audited. Retention rules say how long the school keeps each kind of record: the DPO and the
 * admins set them (the basis is shown). Working the queue of records due — removing a record's
 * personal details for good, or keeping it longer with a reason — is the DPO's alone.
 */
export const SUBJECT_ACCESS_READERS: Role[] = ["dpo"];
export const RETENTION_RULE_SETTERS: Role[] = ["dpo", ...ADMIN_ROLES];
export const RETENTION_REVIEWERS: Role[] = ["dpo"];
