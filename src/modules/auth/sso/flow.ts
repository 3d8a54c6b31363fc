/**
 * Signing in with Google or Microsoft: the authorization code flow with PKCE, state and nonce
 * (openid-client checks the ID token's signature, issuer, audience, expiry and nonce). What a
 * sign-in started with lives in `sso_attempts`, found only through a secret in a short-lived
 * cookie of the browser that started it, so a callback carried to another browser does nothing.
 * A proven email address is matched to a person already in the school's directory: SSO never
 * creates anyone.
 */
import * as oidc from "openid-client";
import type { Db } from "../../../db/client.js";
import type { Config } from "../../../kernel/config.js";
import { hashSecret, newSecret } from "../../../kernel/secrets.js";
import { ACCOUNT_KINDS } from "../../access/roles.js";
import { completeSignIn } from "../mfa.js";
import type { SsoProviderKind, SsoRefusalCode } from "../schema.js";
import { actorFor } from "../service.js";
import { domainOf, provenIdentity } from "./claims.js";
import { providerConfiguration, redirectUriOf } from "./discovery.js";
import { insertAttempt, peopleWithEmail, providerById, providerChoices, takeAttempt } from "./queries.js";

/** Long enough to choose an account and answer a second factor; short enough not to linger. */
const ATTEMPT_MINUTES = 10;

/** A sign-in refused: the sign-in page says why in the person's language (signIn.sso.refused.*). */
export class SsoRefused extends Error {
  constructor(
    readonly code: SsoRefusalCode,
    readonly reason?: string,
  ) {
    super(`SSO sign-in refused: ${code}${reason ? ` (${reason})` : ""}`);
  }
}

const emailDomain = (email: string | undefined) => {
  const e = email?.trim().toLowerCase();
  return e?.includes("@") ? domainOf(e) : null;
};

/** The sign-in page's buttons: providers for the email's domain, or every school's. */
export async function ssoChoices(db: Db, email: string | undefined) {
  return { providers: await providerChoices(db, emailDomain(email)) };
}

/** Start a sign-in: where to send the browser, and the secret its cookie keeps until it returns. */
export async function startSsoSignIn(db: Db, config: Config, input: { providerId?: string; email?: string }) {
  let row = input.providerId ? await providerById(db, input.providerId) : undefined;
  if (!row && !input.providerId) {
    const domain = emailDomain(input.email);
    const choices = domain ? await providerChoices(db, domain) : [];
    if (choices.length > 1) throw new SsoRefused("choose_school");
    if (choices.length === 1) row = await providerById(db, choices[0].id);
  }
  if (!row) throw new SsoRefused("not_set_up");
  let configuration: oidc.Configuration;
  try {
    configuration = await providerConfiguration(config, row);
  } catch (error) {
    throw new SsoRefused("unavailable", (error as Error).message);
  }
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const browser = newSecret();
  await db.transaction((tx) =>
    insertAttempt(tx, {
      schoolId: row.schoolId,
      providerId: row.id,
      browserHash: browser.hash,
      state,
      nonce,
      codeVerifier,
      expiresAt: new Date(Date.now() + ATTEMPT_MINUTES * 60_000),
    }),
  );
  const parameters: Record<string, string> = {
    redirect_uri: redirectUriOf(config),
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  };
  if (input.email?.includes("@")) parameters.login_hint = input.email.trim();
  return { url: oidc.buildAuthorizationUrl(configuration, parameters).href, browserSecret: browser.secret };
}

/**
 * Finish a sign-in when the provider sends the browser back. Any failure is an `SsoRefused`
 * and opens no session; the attempt is used up either way, so its code cannot be tried twice.
 */
export async function finishSsoSignIn(
  db: Db,
  config: Config,
  input: { browserSecret: string | null; search: string; ip: string | null; userAgent: string | null },
) {
  if (!input.browserSecret) throw new SsoRefused("expired", "no sign-in cookie");
  const attempt = await db.transaction((tx) => takeAttempt(tx, hashSecret(input.browserSecret!)));
  if (!attempt) throw new SsoRefused("expired", "no live sign-in for this browser");
  const row = await providerById(db, attempt.providerId);
  if (!row || row.schoolId !== attempt.schoolId) throw new SsoRefused("not_set_up");
  const params = new URLSearchParams(input.search);
  if (params.get("error"))
    throw new SsoRefused(
      params.get("error") === "access_denied" ? "cancelled" : "token_rejected",
      `${params.get("error")}: ${params.get("error_description") ?? ""}`,
    );

  let configuration: oidc.Configuration;
  try {
    configuration = await providerConfiguration(config, row);
  } catch (error) {
    throw new SsoRefused("unavailable", (error as Error).message);
  }
  let claims: Record<string, unknown>;
  try {
    const callback = new URL(redirectUriOf(config));
    callback.search = input.search;
    const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims() ?? {};
  } catch (error) {
    // A wrong audience, an expired or unsigned token, another browser's state or nonce: the
    // provider's answer cannot be trusted. The reason goes to the log, not to the person.
    throw new SsoRefused("token_rejected", (error as Error).message);
  }

  const identity = provenIdentity(row, claims);
  if (!identity.ok) throw new SsoRefused(identity.code, identity.domain);
  const matches = await peopleWithEmail(db, row.schoolId, identity.email, ACCOUNT_KINDS);
  if (matches.length === 0) throw new SsoRefused("unknown_person", identity.email);
  const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });
  const current = matches.filter((p) => !p.leaveDate || p.leaveDate > today);
  if (current.length === 0) throw new SsoRefused("leaver", identity.email);
  // Two current records with one address: which one signs is not for Accord to guess.
  if (current.length > 1)
    throw new SsoRefused("unknown_person", `${identity.email} is on ${current.length} records`);
  const personId = current[0].id;

  const actor = await actorFor(db, personId, input.ip, "session");
  if (!actor) throw new SsoRefused("leaver", identity.email);
  const provider = row.provider as SsoProviderKind;
  // A session now, or the person's own second step first (auth/mfa.ts), as after a password:
  // unless the school trusts its provider's MFA and the provider asserted it (decision 031).
  const outcome = await completeSignIn(
    db,
    { id: personId, schoolId: row.schoolId, email: identity.email },
    {
      signIn: { method: "sso", provider, ssoMfaAsserted: identity.ssoMfaAsserted },
      ip: input.ip,
      userAgent: input.userAgent,
      publicUrl: config.publicUrl,
    },
    actor,
  );
  return {
    outcome,
    actor: { ...actor, signedInWith: "sso" as const },
    provider,
    ssoMfaAsserted: identity.ssoMfaAsserted,
  };
}
