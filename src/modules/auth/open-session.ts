import type { Tx } from "../../db/client.js";
import { newSecret } from "../../kernel/secrets.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { insertSession } from "./queries.js";

/** How a person proved who they are, for the session, its audit event and their signatures' evidence. */
export type SignInMethod =
  | { method: "password" }
  | { method: "sso"; provider: "google" | "microsoft"; ssoMfaAsserted: boolean };

/**
 * Open a session for someone who has just proved who they are: every way of signing in ends here
 * (a password, Google or Microsoft, and the first admin at setup, who chose their password a
 * moment ago), so a check every sign-in must pass belongs here. `ssoMfaAsserted` says the
 * school's provider asserted a second factor and the school trusts it to (decision 031).
 */
export async function openSession(
  tx: Tx,
  actor: Actor,
  personId: string,
  input: {
    ip: string | null;
    userAgent: string | null;
    signIn?: SignInMethod;
    /** How the second step was proven (mfa.ts), or "sso" when the provider asserted it; null: none. */
    mfaMethod?: string | null;
  },
) {
  const signIn = input.signIn ?? { method: "password" };
  const mfaMethod = input.mfaMethod ?? null;
  const { secret, hash } = newSecret();
  await insertSession(tx, {
    tokenHash: hash,
    schoolId: actor.schoolId,
    personId,
    method: signIn.method,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
    mfaMethod,
  });
  await recordEvent(
    tx,
    actor,
    signIn.method === "sso"
      ? {
          action: "auth.signed_in_sso",
          entityType: "person",
          entityId: personId,
          summary: {
            provider: signIn.provider,
            mfaAsserted: signIn.ssoMfaAsserted,
            ...(mfaMethod ? { mfa: mfaMethod } : {}),
          },
        }
      : {
          action: "auth.signed_in",
          entityType: "person",
          entityId: personId,
          summary: { method: "password", ...(mfaMethod ? { mfa: mfaMethod } : {}) },
        },
  );
  return secret;
}
