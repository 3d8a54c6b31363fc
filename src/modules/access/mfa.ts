import type { Action } from "./matrix.js";
import type { Actor, Role } from "./roles.js";

/**
 * Who must sign in in two steps, and by when (docs/decisions/032). The DfE cyber security
 * standard for schools asks for MFA on every account that reaches personal data in bulk: the
 * headteacher, the DSL and deputies, the DPO and the school's admins, and every trust role
 * (access/roles.ts TRUST_ROLES: the session's lookup reads trust_roles beside these).
 */
export const MFA_ROLES: readonly Role[] = ["headteacher", "dsl", "deputy_dsl", "dpo", "school_admin"];

/**
 * Days to set it up from when it first became required (the role's grant, or the account's
 * creation with it), as Microsoft Entra's security defaults give: integrations and the first
 * admin's first steps after setup keep working, and nobody goes longer without it.
 */
export const MFA_GRACE_DAYS = 14;

/** What a session knows about its person's second step: see auth's session lookup. */
export type MfaStanding = NonNullable<Actor["mfa"]>;

export const mfaRequired = (roles: readonly Role[]) => roles.some((r) => MFA_ROLES.includes(r));

/** The last moment a person may still skip enrolment; null when it is not required of them. */
export function enrolBy(requiredSince: Date | null): Date | null {
  return requiredSince ? new Date(requiredSince.getTime() + MFA_GRACE_DAYS * 86_400_000) : null;
}

/**
 * Past the grace, a session without a second step reaches only what enrolment needs: the person
 * themselves, signing out, and setting up two-step sign-in.
 */
export const ALLOWED_BEFORE_ENROLMENT: readonly Action[] = ["public", "me.read", "auth.logout", "mfa.manage"];

/** Must this session set up two-step sign-in before it may do this? */
export function mustEnrolFirst(standing: MfaStanding | undefined, action: Action, now = new Date()) {
  if (!standing || standing.sessionMethod) return false;
  const by = enrolBy(standing.requiredSince);
  if (!by || by.getTime() > now.getTime()) return false;
  return !ALLOWED_BEFORE_ENROLMENT.includes(action);
}

/**
 * Actions that need a second step proven in this very session, whoever holds the role: resetting
 * someone else's two-step sign-in must not be possible with a password alone, or recovery would
 * be a way round MFA.
 */
export const PROVEN_SECOND_STEP_ACTIONS: readonly Action[] = ["mfa.reset"];

export const needsProvenSecondStep = (actor: Partial<Pick<Actor, "mfa" | "roles">> | null, action: Action) =>
  PROVEN_SECOND_STEP_ACTIONS.includes(action) && !actor?.mfa?.sessionMethod;
