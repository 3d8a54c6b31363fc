import type { Actor, Role } from "./roles.js";

/**
 * Record-level rules: the matrix says who may attempt an action at all; these say which records
 * they may do it to. Each starts from the tenant (the actor's school), then role, then ownership.
 */
const ADMIN_ROLES: Role[] = ["headteacher", "school_admin"];
export const isSchoolAdmin = (actor: Actor) => actor.roles.some((r) => ADMIN_ROLES.includes(r));

type PolicyRecord = {
  schoolId: string;
  ownerPersonId: string | null;
  governorPersonId: string | null;
  audiences: string[];
};

/** Admins, the headteacher and the policy's owner edit it, submit it and publish it. */
export function canManagePolicy(actor: Actor, policy: PolicyRecord) {
  return (
    policy.schoolId === actor.schoolId && (isSchoolAdmin(actor) || policy.ownerPersonId === actor.personId)
  );
}

/** The approver roles this actor holds among those the school requires. */
export function approverRolesOf(actor: Actor, required: string[]): Role[] {
  return actor.roles.filter((r) => required.includes(r));
}

/**
 * Who sees drafts and the approval trail: managers, the governor responsible and anyone holding an
 * approver role. Everyone else sees only the published version, and only of policies addressed to
 * one of their kinds (a pupil is "pupil", a parent/carer "parent"…).
 */
export function policyAccess(
  actor: Actor,
  policy: PolicyRecord,
  approverRoles: string[],
): "all" | "published" | "none" {
  if (policy.schoolId !== actor.schoolId) return "none";
  if (canManagePolicy(actor, policy) || policy.governorPersonId === actor.personId) return "all";
  if (approverRolesOf(actor, approverRoles).length > 0) return "all";
  return policy.audiences.some((a) => (actor.kinds as string[]).includes(a)) ? "published" : "none";
}

type SignatureRecord = { schoolId: string; personId: string | null };

/**
 * A signer withdraws their own signature; the school's admins may withdraw anyone's (a parent
 * rings the office, a visitor signed on the kiosk by mistake).
 */
export const canWithdrawSignature = (actor: Actor, s: SignatureRecord) =>
  s.schoolId === actor.schoolId &&
  ((s.personId !== null && s.personId === actor.personId) || isSchoolAdmin(actor));

/** Only the signer corrects a signature: a correction is their signature, given again. */
export const canCorrectSignature = (actor: Actor, s: SignatureRecord) =>
  s.schoolId === actor.schoolId && s.personId !== null && s.personId === actor.personId;
