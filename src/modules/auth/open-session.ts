import type { Tx } from "../../db/client.js";
import { newSecret } from "../../kernel/secrets.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { emailIfNewDevice } from "./account-mail.js";
import { deviceLabel } from "./device.js";
import { credentialsOf, insertSession, insertSignInAttempt, settleSignInAttempt } from "./queries.js";

/** How a person proved who they are, for the session, its audit event and their signatures' evidence. */
export type SignInMethod =
  | { method: "password" }
  | { method: "sso"; provider: "google" | "microsoft"; ssoMfaAsserted: boolean };

/**
 * Open a session for someone who has just proved who they are: every way of signing in ends here
 * (a password, Google or Microsoft, each after its second step where one is due, and the first
 * admin at setup, who chose their password a moment ago), so what every sign-in must do belongs
 * here: the session with its device, the sign-in kept in the person's history (decision 033), the
 * audit event, and the email when the device is new to them.
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
    /** The password sign-in's attempt, reserved before the password was checked (service.ts login). */
    attemptId?: number | null;
    /** Where the new-device email's links point; without it (setup, the demo) no email is sent. */
    publicUrl?: string;
  },
) {
  const signIn = input.signIn ?? { method: "password" };
  const mfaMethod = input.mfaMethod ?? null;
  const userAgent = input.userAgent?.slice(0, 500) ?? null;
  const device = deviceLabel(userAgent);
  const { secret, hash } = newSecret();
  await insertSession(tx, {
    tokenHash: hash,
    schoolId: actor.schoolId,
    personId,
    method: signIn.method,
    ip: input.ip,
    userAgent,
    device,
    mfaMethod,
  });
  // Kept as a sign-in like any other: the person's history shows it, and this device is known.
  let attemptId = input.attemptId ?? null;
  if (attemptId !== null) await settleSignInAttempt(tx, attemptId, "success");
  else {
    const cred = await credentialsOf(tx, personId);
    if (cred)
      attemptId = await insertSignInAttempt(tx, {
        email: cred.email.toLowerCase(),
        personId,
        schoolId: actor.schoolId,
        ip: input.ip,
        userAgent,
        device,
        outcome: "success",
      });
  }
  const second = mfaMethod ? { mfa: mfaMethod } : {};
  await recordEvent(
    tx,
    actor,
    signIn.method === "sso"
      ? {
          action: "auth.signed_in_sso",
          entityType: "person",
          entityId: personId,
          summary: { provider: signIn.provider, mfaAsserted: signIn.ssoMfaAsserted, ...second },
        }
      : {
          action: "auth.signed_in",
          entityType: "person",
          entityId: personId,
          summary: { method: "password", device, ip: input.ip, ...second },
        },
  );
  if (attemptId !== null && input.publicUrl)
    await emailIfNewDevice(tx, { personId, attemptId, device, ip: input.ip, publicUrl: input.publicUrl });
  return secret;
}
