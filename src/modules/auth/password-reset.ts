import type { Db } from "../../db/client.js";
import { msg } from "../../kernel/i18n/index.js";
import { gone, notFound } from "../../kernel/problem.js";
import { hashSecret, newSecret } from "../../kernel/secrets.js";
import { recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readerOf } from "../people/service.js";
import { getSchool } from "../schools/service.js";
import { emailPasswordChanged } from "./account-mail.js";
import { hashPassword } from "./passwords.js";
import {
  accountForReset,
  closeOpenResets,
  endAllSessions,
  insertPasswordReset,
  insertSignInAttempt,
  passwordResetByTokenHash,
  resetLinksSince,
  saveCredentials,
} from "./queries.js";
import { actorFor, checkNewPassword, revokeTokensOf } from "./service.js";

/** A reset link works for 30 minutes, once; a newer one replaces it. */
export const RESET_MINUTES = 30;
/** Per email: at most this many links an hour (more asks get the same answer and no email). */
export const RESETS_PER_HOUR = 3;

/**
 * "Forgot your password?": email a one-time link to the account with this address, if there is
 * one. The caller answers the same whatever happened, so the form cannot find accounts.
 */
export async function requestPasswordReset(db: Db, rawEmail: string, ip: string | null, publicUrl: string) {
  const email = rawEmail.trim().toLowerCase();
  const account = await accountForReset(db, email);
  if (!account) return;
  await db.transaction(async (tx) => {
    if ((await resetLinksSince(tx, account.personId, 60)) >= RESETS_PER_HOUR) return;
    await closeOpenResets(tx, account.personId);
    const { secret, hash } = newSecret();
    const expiresAt = new Date(Date.now() + RESET_MINUTES * 60_000);
    await insertPasswordReset(tx, {
      schoolId: account.schoolId,
      personId: account.personId,
      tokenHash: hash,
      ip,
      expiresAt,
    });
    const school = await getSchool(tx, account.schoolId);
    await queueMail(tx, account.schoolId, {
      to: account.email,
      readers: await readerOf(tx, account.schoolId, account.personId),
      subject: msg`Reset your Accord password`,
      lines: [
        msg`Dear ${account.givenName},`,
        "",
        msg`Someone asked to reset the password of your Accord account at ${school.name}.`,
        "",
        msg`Choose a new password here (the link works once, for ${RESET_MINUTES} minutes):`,
        `${publicUrl}/reset-password/${secret}`,
        "",
        msg`If you did not ask, ignore this email: your password stays as it is.`,
      ],
    });
  });
}

async function openReset(db: Parameters<typeof passwordResetByTokenHash>[0], token: string, lock = false) {
  const row = await passwordResetByTokenHash(db, hashSecret(token), lock);
  if (!row) throw notFound(msg`password reset link`);
  if (row.reset.closedAt)
    throw gone(msg`This link has been used or replaced by a newer one. Ask for a new link if you need one.`);
  if (row.reset.expiresAt.getTime() <= Date.now())
    throw gone(msg`This link has expired. Ask for a new link from the sign-in page.`);
  return row;
}

export async function describePasswordReset(db: Db, token: string) {
  const { email } = await openReset(db, token);
  return { email };
}

/**
 * Set a new password with a reset link. Every session of the person ends and the API tokens they
 * made are revoked; they are not signed in (a second factor, where they have one, still applies
 * at their next sign-in). The owner of the address is told by email.
 */
export async function resetPassword(
  db: Db,
  token: string,
  password: string,
  ip: string | null,
  publicUrl: string,
) {
  await db.transaction(async (tx) => {
    const { reset, person, email } = await openReset(tx, token, true);
    // The same deny-list as every other place a password is set (decision 027).
    await checkNewPassword(tx, person.id, email, password);
    await closeOpenResets(tx, person.id);
    await saveCredentials(tx, {
      personId: person.id,
      schoolId: person.schoolId,
      email,
      passwordHash: await hashPassword(password),
    });
    await endAllSessions(tx, person.id);
    // The reset ends a lockout: failures before it no longer count against the new password.
    await insertSignInAttempt(tx, {
      email: email.toLowerCase(),
      personId: person.id,
      schoolId: person.schoolId,
      ip,
      outcome: "password_reset",
    });
    const actor = await actorFor(tx, person.id, ip, "session");
    if (!actor) throw gone(msg`This person has left the school, so the link no longer works.`);
    // A reset is a password change: the person's API tokens go with the old password (decision 029).
    const tokensRevoked = await revokeTokensOf(tx, actor, person.id, "password_changed");
    await recordEvent(tx, actor, {
      action: "auth.password_reset",
      entityType: "person",
      entityId: person.id,
      summary: { resetId: reset.id, tokensRevoked },
    });
    await emailPasswordChanged(tx, { personId: person.id, ip, how: "reset" }, publicUrl);
  });
}
