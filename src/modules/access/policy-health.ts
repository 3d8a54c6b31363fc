import { canManagePolicy, type PolicyRecord, policyAccess } from "./policies.js";
import type { Actor } from "./roles.js";

/**
 * The policy health check: its findings are working notes on a policy's text, read by those who
 * see the policy's drafts and approval trail (policies.ts, "all"), and dismissed or reinstated,
 * with a reason, by those who manage the policy. A reader of the published policy alone sees none.
 */
export function canReadPolicyHealth(actor: Actor, policy: PolicyRecord, approverRoles: readonly string[]) {
  return policyAccess(actor, policy, approverRoles) === "all";
}

/** Admins, the headteacher and the policy's owner: those who can change the text the finding is about. */
export function canDismissFinding(actor: Actor, policy: Pick<PolicyRecord, "schoolId" | "ownerPersonId">) {
  return canManagePolicy(actor, policy);
}
