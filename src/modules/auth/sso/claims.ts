import type { SsoProviderKind, SsoRefusalCode } from "../schema.js";

/** What a school's provider is trusted for: read from its settings, never from the token. */
export type ProviderRules = {
  provider: SsoProviderKind;
  allowedDomains: string[];
  tenantId: string | null;
  trustsMfa: boolean;
};

export type IdTokenClaims = Record<string, unknown>;

export type ProvenIdentity =
  | { ok: true; email: string; ssoMfaAsserted: boolean }
  | { ok: false; code: SsoRefusalCode; domain?: string };

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const asEmail = (value: unknown) =>
  typeof value === "string" && EMAIL.test(value.trim()) ? value.trim().toLowerCase() : null;
export const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1);

/**
 * Which email address an ID token (already checked by openid-client: signature, issuer, audience,
 * expiry, nonce) proves, under the school's rules for its provider.
 *
 * Google says whether it verified the address (`email_verified`); only `true` is enough.
 * Entra ID sends no `email_verified`, and its `email` claim is an attribute an administrator
 * (of any tenant, for multi-tenant apps) can set to anything; the sign-in name
 * (`preferred_username`, the UPN) is the tenant's own. So for Microsoft the sign-in name comes
 * first, and the tenant (`tid`) must be the school's when one is set. An address that is not in
 * one of the school's allowed domains is refused whatever the provider says about it.
 */
export function provenIdentity(rules: ProviderRules, claims: IdTokenClaims): ProvenIdentity {
  let email: string | null;
  if (rules.provider === "microsoft") {
    if (rules.tenantId && claims.tid !== rules.tenantId) return { ok: false, code: "wrong_tenant" };
    // Entra ID never sends email_verified; if a provider says false, believe it.
    if (claims.email_verified === false) return { ok: false, code: "unverified_email" };
    email = asEmail(claims.preferred_username) ?? asEmail(claims.email);
  } else {
    email = asEmail(claims.email);
    if (email && claims.email_verified !== true) return { ok: false, code: "unverified_email" };
  }
  if (!email) return { ok: false, code: "no_email" };
  const domain = domainOf(email);
  if (!rules.allowedDomains.includes(domain)) return { ok: false, code: "domain_not_allowed", domain };
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  return { ok: true, email, ssoMfaAsserted: rules.trustsMfa && amr.includes("mfa") };
}
