import { inSchool, isSchoolAdmin, isSelf } from "./predicates.js";
import type { Actor, Role } from "./roles.js";

/**
 * Policies: who sees which policies and versions, who changes them, who approves them and who is
 * told that a review is overdue. Each rule asks tenant, then role, then ownership.
 */
export type PolicyRecord = {
  schoolId: string;
  ownerPersonId: string | null;
  governorPersonId: string | null;
  /** Kinds of person the policy is for ("pupil", "parent", "staff"…). */
  audiences: string[];
  /**
   * Whether a version is published. A policy with drafts only is not there at all for its
   * readers (not even its title); left out, it counts as not published, the safer answer.
   */
  hasPublishedVersion?: boolean;
};

/** Admins, the headteacher and the policy's owner edit it, submit it and publish it. */
export function canManagePolicy(actor: Actor, policy: Pick<PolicyRecord, "schoolId" | "ownerPersonId">) {
  if (!inSchool(actor, policy)) return false;
  if (isSchoolAdmin(actor)) return true;
  return isSelf(actor, policy.ownerPersonId);
}

/** The approver roles this actor holds among those the school requires (none: may not approve). */
export function approverRolesOf(actor: Pick<Actor, "roles">, required: readonly string[]): Role[] {
  return actor.roles.filter((r) => required.includes(r));
}

/**
 * Who sees drafts and the approval trail: admins, anyone holding an approver role, the policy's
 * owner and the governor responsible. Everyone else sees only the published version, and only of
 * policies addressed to one of their kinds (a pupil is "pupil", a parent/carer "parent"…): a
 * policy not yet published is, to them, not there (decision 027).
 */
export function policyAccess(
  actor: Actor,
  policy: PolicyRecord,
  approverRoles: readonly string[],
): "all" | "published" | "none" {
  if (!inSchool(actor, policy)) return "none";
  if (isSchoolAdmin(actor) || approverRolesOf(actor, approverRoles).length > 0) return "all";
  if (isSelf(actor, policy.ownerPersonId) || isSelf(actor, policy.governorPersonId)) return "all";
  if (!policy.hasPublishedVersion) return "none";
  return policy.audiences.some((a) => (actor.kinds as string[]).includes(a)) ? "published" : "none";
}

/** An overdue review is on the home page of the headteacher, who answers for every policy, and of its owner. */
export function canSeeOverdueReview(actor: Actor, policy: Pick<PolicyRecord, "schoolId" | "ownerPersonId">) {
  if (!inSchool(actor, policy)) return false;
  if (actor.roles.includes("headteacher")) return true;
  return isSelf(actor, policy.ownerPersonId);
}
