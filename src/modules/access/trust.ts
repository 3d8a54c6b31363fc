import type { TrustRole } from "./roles.js";

/**
 * The trust's rules (issue 20). Trust roles are held in `trust_roles`, not among a school's
 * designated roles, so the matrix admits any member to the trust routes and these rules decide,
 * with the person's trust roles read by the trust module: tenant (the trust) first, then role.
 */

/** Every trust role reads the schools side by side: figures only, no names (counts, as the dashboard). */
export function mayReadTrust(trustRoles: readonly TrustRole[]) {
  return trustRoles.length > 0;
}

/** Only the trust admin adds a school to the trust. */
export function mayAddSchools(trustRoles: readonly TrustRole[]) {
  return trustRoles.includes("trust_admin");
}

/** A school's figures are for the trust's roles only when the school is in their trust. */
export function mayReadSchoolOfTrust(
  trustRoles: readonly TrustRole[],
  trustId: string | null,
  school: { trustId: string | null },
) {
  return mayReadTrust(trustRoles) && trustId !== null && school.trustId === trustId;
}
