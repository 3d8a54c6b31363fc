import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { groupCommit } from "../../db/group-commit.js";
import { msg } from "../../kernel/i18n/index.js";
import { fullName } from "../../kernel/names.js";
import { badRequest, conflict, gone, notFound, tooManyRequests, unauthorized } from "../../kernel/problem.js";
import { hashSecret, newSecret } from "../../kernel/secrets.js";
import { canHoldAccount } from "../access/people.js";
import {
  ACCOUNT_KINDS,
  type Actor,
  type Kind,
  type Role,
  systemActor,
  TOKEN_SCOPES,
  type TokenScope,
} from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readerOf } from "../people/service.js";
import { emailPasswordChanged } from "./account-mail.js";
import { deviceLabel } from "./device.js";
import { completeSignIn } from "./mfa.js";
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from "./passwords.js";
import {
  accountWithEmail,
  apiTokensOf,
  closeOpenInvitations,
  credentialsForSignIn,
  credentialsOf,
  currentPerson,
  endAllSessions,
  endSession,
  findPerson,
  forgetSignInAttemptsBefore,
  holderOfToken,
  type InviteFilter,
  insertApiToken,
  insertInvitation,
  invitationByTokenHash,
  type LiveSession,
  liveApiToken,
  liveSessionsQuery,
  markApiTokenRevoked,
  markApiTokenUsed,
  markInvitationUsed,
  markTokensOfCreatorRevoked,
  type PersonFields,
  passwordContextOf,
  peopleWithoutAccount,
  reserveSignInAttempt,
  saveCredentials,
  settleSignInAttempt,
  touchSessions,
} from "./queries.js";

export const WRONG_CREDENTIALS = msg`Email or password is incorrect.`;
/** Per account: this many failures in the window locks sign-in for the rest of the window. */
export const ACCOUNT_FAILURE_LIMIT = 5;
const FAILURE_WINDOW_MINUTES = 15;
const INVITATION_HOURS = 72;

/** Sign-in attempts are kept a year: long enough to look back over an incident, no longer. */
export const SIGN_IN_RETENTION_DAYS = 365;

export type SessionPolicy = { idleMinutes: number; maxHours: number };

function toActor(person: PersonFields, ip: string | null, via: Actor["via"]): Actor {
  return {
    schoolId: person.schoolId,
    personId: person.id,
    name: fullName({ givenName: person.givenName, familyName: person.familyName }),
    kinds: person.kinds as Kind[],
    roles: person.roles as Role[],
    ip,
    via,
  };
}

/** Load the actor for a person: their kinds and designated roles drive every permission. */
export async function actorFor(db: DbOrTx, personId: string, ip: string | null, via: Actor["via"]) {
  const person = await currentPerson(db, personId);
  return person ? toActor(person, ip, via) : null;
}

/**
 * Sign in with email and password. Unknown email and wrong password give the same answer and
 * take the same time (a decoy hash is checked), so the form cannot be used to find accounts.
 *
 * Every attempt is kept (sign_in_attempts, a year). The attempt is reserved before the password
 * is hashed, under a lock on the email, and the failures in flight count: 25 wrong passwords sent
 * at once get 5 checks and 20 refusals, as 25 sent one by one do (docs/decisions/033).
 */
export async function login(
  db: Db,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
  publicUrl = "",
) {
  const email = input.email.trim().toLowerCase();
  const userAgent = input.userAgent?.slice(0, 500) ?? null;
  const device = deviceLabel(userAgent);
  const cred = await credentialsForSignIn(db, email);
  const attempt = await reserveSignInAttempt(
    db,
    { email, personId: cred?.personId, schoolId: cred?.schoolId, ip: input.ip, userAgent, device },
    ACCOUNT_FAILURE_LIMIT,
    FAILURE_WINDOW_MINUTES,
  );
  if (attempt.locked) {
    if (cred && attempt.lockStarts)
      await auditSignInRefusal(db, cred, input.ip, "auth.account_locked", {
        device,
        failures: ACCOUNT_FAILURE_LIMIT,
      });
    throw tooManyRequests(
      msg`Too many unsuccessful attempts for this account. Wait ${FAILURE_WINDOW_MINUTES} minutes, or choose a new password with “Forgot your password?”.`,
    );
  }
  const ok = cred
    ? await verifyPassword(cred.hash, input.password)
    : await verifyPassword(await decoyHash(), "x");
  if (!cred || !ok) {
    await settleSignInAttempt(db, attempt.id, cred ? "wrong_password" : "unknown_email");
    // Into the school's audit log too: at most ACCOUNT_FAILURE_LIMIT a window per account, as only
    // those are checked. (An unknown address belongs to no school: it stays in sign_in_attempts.)
    if (cred) await auditSignInRefusal(db, cred, input.ip, "auth.sign_in_failed", { device });
    throw unauthorized(WRONG_CREDENTIALS);
  }
  const actor = (await actorFor(db, cred.personId, input.ip, "session"))!;
  // The password is right: a session now, or the person's second step first (mfa.ts), the same
  // decision SSO makes. The attempt becomes a success when a session opens (open-session.ts).
  const outcome = await completeSignIn(
    db,
    { id: cred.personId, schoolId: actor.schoolId, email },
    {
      signIn: { method: "password" },
      ip: input.ip,
      userAgent: input.userAgent,
      attemptId: attempt.id,
      publicUrl,
    },
    actor,
  );
  return { outcome, actor };
}

/** A refused sign-in, recorded by Accord itself (nobody proved who they are) against the account. */
async function auditSignInRefusal(
  db: Db,
  account: { personId: string; schoolId: string },
  ip: string | null,
  action: "auth.sign_in_failed" | "auth.account_locked",
  summary: Record<string, unknown>,
) {
  await db.transaction(async (tx) => {
    await recordEvent(
      tx,
      { ...systemActor(account.schoolId), ip },
      {
        action,
        entityType: "person",
        entityId: account.personId,
        summary,
      },
    );
  });
}

export { openSession, type SignInMethod } from "./open-session.js";

/** Routes of other modules that open a session (first-run setup) set the same cookie. */
export { setSessionCookie } from "./session-cookie.js";

/**
 * Resolve session cookies. A session ends after `idleMinutes` without a request or `maxHours`
 * after sign-in, whichever comes first; last_seen_at is touched at most once a minute.
 * Every API request resumes its session, so the lookups of requests that arrive together are
 * made in one query (group commit, docs/decisions/007): under load that is one round trip for
 * many requests instead of one each.
 *
 * The touch is bookkeeping, not evidence, so requests do not wait for it: touches are written
 * in the background, many in one UPDATE. (Awaited one by one, every request of a member of staff
 * who had read for a minute before signing paid an extra round trip and commit: measured, it cut
 * the signing rate under load by a third.) One lost to a crash only ends that session a minute
 * or so early.
 */
export function sessionResumer(db: Db, policy: SessionPolicy) {
  const liveSessions = liveSessionsQuery(db, policy);
  const lookups = groupCommit<string, LiveSession | null>(
    async (hashes) => {
      const rows: LiveSession[] = await liveSessions.execute({ hashes });
      const found = new Map(rows.map((r) => [r.tokenHash, r]));
      return hashes.map((h) => ({ ok: true, value: found.get(h) ?? null }));
    },
    { maxInFlight: 2 },
  );
  const touches = groupCommit<string, void>(async (sessionIds) => {
    await touchSessions(db, sessionIds);
    return sessionIds.map(() => ({ ok: true, value: undefined }));
  });
  return async function resumeSession(token: string, ip: string | null) {
    const row = await lookups.submit(hashSecret(token));
    if (!row) return null;
    if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
      // Not awaited (see above); a failed touch is tried again by the session's next request.
      touches.submit(row.sessionId).catch(() => {});
    }
    const actor: Actor = { ...toActor(row, ip, "session"), signedInWith: row.method };
    actor.mfa = { requiredSince: row.mfaRequiredSince, sessionMethod: row.mfaMethod };
    return { sessionId: row.sessionId, actor };
  };
}

export async function logout(db: Db, actor: Actor, sessionId: string) {
  await db.transaction(async (tx) => {
    await endSession(tx, sessionId);
    await recordEvent(tx, actor, {
      action: "auth.signed_out",
      entityType: "person",
      entityId: actor.personId,
    });
  });
}

async function setPassword(tx: Tx, schoolId: string, personId: string, email: string, password: string) {
  // Sign-in is by email across every school, so one address can belong to one account only.
  const clash = await accountWithEmail(tx, email, personId);
  if (clash)
    throw conflict(
      msg`This email address already has an Accord account (perhaps at another school). Ask your school admin to record a different address.`,
    );
  const passwordHash = await hashPassword(password);
  await saveCredentials(tx, { personId, schoolId, email, passwordHash });
  await endAllSessions(tx, personId);
}

/**
 * Refuse a password that is common, or built on the school's name or the person's own names or
 * email name (decision 027). Every place a password is set asks this: setup, invitation, change, reset.
 */
export async function checkNewPassword(
  db: DbOrTx,
  personId: string,
  email: string,
  password: string,
  field = "password",
) {
  const who = await passwordContextOf(db, personId);
  const problem = passwordProblem(password, {
    schoolName: who?.schoolName,
    names: [who?.givenName, who?.preferredName, who?.familyName],
    email,
  });
  if (problem) throw badRequest(problem, [{ field, message: problem }]);
}

/** Whether any person on this installation signs in with this email (sign-in names are installation-wide). */
export async function emailHasAccount(tx: Tx, email: string) {
  // Leavers' sign-in names included: saving credentials refuses any clash (accountWithEmail).
  return (await accountWithEmail(tx, email.trim(), "00000000-0000-0000-0000-000000000000")) !== undefined;
}

/** Give a person their first password (setup) inside the caller's transaction. */
export async function createCredentials(
  tx: Tx,
  schoolId: string,
  personId: string,
  email: string,
  password: string,
) {
  await checkNewPassword(tx, personId, email, password);
  await setPassword(tx, schoolId, personId, email, password);
}

/**
 * Change one's own password: every session of the person ends, this one included. A wrong
 * current password counts as a failed sign-in of the account: the same lockout applies, so a
 * session left open cannot be used to guess the password (and then sign in elsewhere).
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  current: string,
  next: string,
  ip: string | null,
  publicUrl = "",
) {
  const cred = await credentialsOf(db, actor.personId!);
  if (!cred) throw badRequest(msg`You have no password to change.`);
  const email = cred.email.trim().toLowerCase();
  // Reserved like a sign-in (decision 033): checks sent at once cannot slip under the limit.
  const attempt = await reserveSignInAttempt(
    db,
    { email, personId: actor.personId, schoolId: actor.schoolId, ip, device: "Changing the password" },
    ACCOUNT_FAILURE_LIMIT,
    FAILURE_WINDOW_MINUTES,
  );
  if (attempt.locked)
    throw tooManyRequests(
      msg`Too many wrong passwords for this account. Wait ${FAILURE_WINDOW_MINUTES} minutes, or ask your school admin to reset your access.`,
    );
  if (!(await verifyPassword(cred.passwordHash, current))) {
    await settleSignInAttempt(db, attempt.id, "wrong_password");
    const message = msg`Your current password is not right.`;
    throw badRequest(message, [{ field: "currentPassword", message }]);
  }
  await settleSignInAttempt(db, attempt.id, "password_changed");
  await checkNewPassword(db, actor.personId!, cred.email, next, "newPassword");
  await db.transaction(async (tx) => {
    await setPassword(tx, actor.schoolId, actor.personId!, cred.email, next);
    await recordEvent(tx, actor, {
      action: "auth.password_changed",
      entityType: "person",
      entityId: actor.personId,
    });
    await revokeTokensOf(tx, actor, actor.personId!, "password_changed");
    await emailPasswordChanged(tx, { personId: actor.personId!, ip: actor.ip, how: "changed" }, publicUrl);
  });
}

/**
 * Invite a person (or reset their access): a single-use link, valid 72 hours, emailed through
 * the outbox. Earlier unused links for the person stop working, and so do their sessions.
 */
export async function createInvitation(
  tx: Tx,
  actor: Actor,
  personId: string,
  publicUrl: string,
  schoolName: string,
) {
  const person = await findPerson(tx, actor.schoolId, personId);
  if (!person) throw notFound(msg`person`);
  if (!person.email) throw badRequest(msg`Add an email address for this person before inviting them.`);
  if (!canHoldAccount(person))
    throw badRequest(msg`Only staff, governors, volunteers and student teachers sign in with a password.`);
  if (person.leaveDate && person.leaveDate <= new Date().toISOString().slice(0, 10))
    throw badRequest(msg`This person has left, so they cannot be invited.`);
  const now = new Date();
  await closeOpenInvitations(tx, personId, now);
  await endAllSessions(tx, personId);
  await revokeTokensOf(tx, actor, personId, "access_reset");
  const { secret, hash } = newSecret();
  const expiresAt = new Date(now.getTime() + INVITATION_HOURS * 3600_000);
  await insertInvitation(tx, {
    schoolId: actor.schoolId,
    personId,
    tokenHash: hash,
    createdBy: actor.personId,
    expiresAt,
  });
  await queueMail(tx, actor.schoolId, {
    to: person.email,
    readers: await readerOf(tx, actor.schoolId, personId),
    subject: msg`Your Accord account at ${schoolName}`,
    lines: [
      msg`Dear ${person.givenName},`,
      "",
      actor.name
        ? msg`${actor.name} has invited you to Accord, where ${schoolName} keeps its online-safety policies and agreements.`
        : msg`Your school has invited you to Accord, where ${schoolName} keeps its online-safety policies and agreements.`,
      "",
      msg`Choose your password here (the link works once):`,
      `${publicUrl}/invite/${secret}`,
      "",
      msg`The link expires on ${{ dateTime: expiresAt }}. If you were not expecting this email, you can ignore it.`,
    ],
  });
  await recordEvent(tx, actor, {
    action: "person.invited",
    entityType: "person",
    entityId: personId,
    summary: { email: person.email, expiresAt: expiresAt.toISOString() },
  });
  return { token: secret, expiresAt, person };
}

/**
 * Invite everyone matching the directory's filters who has no account yet (no password, no
 * invitation waiting), in one transaction: one link each, as `createInvitation`. People with no
 * email address are named rather than skipped silently. A dry run counts and sends nothing.
 */
export async function inviteMany(
  db: Db,
  actor: Actor,
  filter: InviteFilter,
  publicUrl: string,
  schoolName: string,
  dryRun = false,
) {
  return db.transaction(async (tx) => {
    const found = await peopleWithoutAccount(tx, actor.schoolId, ACCOUNT_KINDS, filter);
    const withEmail = found.filter((p) => p.email);
    const withoutEmail = found
      .filter((p) => !p.email)
      .map((p) => ({ id: p.id, name: fullName({ givenName: p.givenName, familyName: p.familyName }) }));
    let expiresAt: Date | null = null;
    if (!dryRun)
      for (const p of withEmail)
        ({ expiresAt } = await createInvitation(tx, actor, p.id, publicUrl, schoolName));
    return { invited: withEmail.length, withoutEmail, expiresAt: expiresAt?.toISOString() ?? null };
  });
}

async function openInvitation(db: DbOrTx, token: string) {
  const row = await invitationByTokenHash(db, hashSecret(token));
  if (!row) throw notFound(msg`invitation`);
  if (row.inv.usedAt) throw gone(msg`This link has already been used. Ask your school admin for a new one.`);
  if (row.inv.expiresAt.getTime() <= Date.now())
    throw gone(msg`This link has expired. Ask your school admin for a new one.`);
  return row;
}

export async function describeInvitation(db: Db, token: string) {
  const { person } = await openInvitation(db, token);
  return {
    personId: person.id,
    schoolId: person.schoolId,
    name: fullName({ givenName: person.givenName, familyName: person.familyName }),
    email: person.email!,
  };
}

export async function acceptInvitation(db: Db, token: string, password: string, ip: string | null) {
  await db.transaction(async (tx) => {
    const { inv, person } = await openInvitation(tx, token);
    await checkNewPassword(tx, person.id, person.email!, password);
    await markInvitationUsed(tx, inv.id);
    await setPassword(tx, person.schoolId, person.id, person.email!, password);
    const actor = await actorFor(tx, person.id, ip, "session");
    if (!actor) throw gone(msg`This person has left the school, so the link no longer works.`);
    await recordEvent(tx, actor, {
      action: "auth.invitation_accepted",
      entityType: "person",
      entityId: person.id,
    });
    // Choosing a password through a link is a password change too (a reset, or a first password).
    await revokeTokensOf(tx, actor, person.id, "password_changed");
  });
}

// --- API tokens: for integrations and scripts (decision 029). A token acts as its creator, with
// the creator's roles as they are at each request, narrowed by its scopes (access/tokens.ts).

const TOKEN_DAYS = 90;
const TOKEN_MAX_DAYS = 366;
const DAY = 86_400_000;

function tokenExpiry(requested: string | undefined, now: Date) {
  if (!requested) return new Date(now.getTime() + TOKEN_DAYS * DAY);
  const at = new Date(requested);
  const problem =
    at.getTime() <= now.getTime()
      ? msg`Choose an expiry in the future.`
      : at.getTime() > now.getTime() + TOKEN_MAX_DAYS * DAY
        ? msg`A token can last a year at most: choose an earlier expiry.`
        : null;
  if (problem) throw badRequest(problem, [{ field: "expiresAt", message: problem }]);
  return at;
}

/** `full` already covers the others, so a token holding it holds only it. */
function normalScopes(scopes: TokenScope[] | undefined): TokenScope[] {
  const chosen = [...new Set(scopes ?? ["full"])];
  return chosen.includes("full") ? ["full"] : TOKEN_SCOPES.filter((s) => chosen.includes(s));
}

export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { name: string; scopes?: TokenScope[]; expiresAt?: string },
) {
  const now = new Date();
  const expiresAt = tokenExpiry(input.expiresAt, now);
  const scopes = normalScopes(input.scopes);
  const { secret, hash } = newSecret("acc_");
  return db.transaction(async (tx) => {
    const row = await insertApiToken(tx, {
      schoolId: actor.schoolId,
      name: input.name,
      tokenHash: hash,
      createdBy: actor.personId!,
      scopes,
      expiresAt,
    });
    await recordEvent(tx, actor, {
      action: "api_token.created",
      entityType: "api_token",
      entityId: row.id,
      summary: { name: input.name, scopes, expiresAt: expiresAt.toISOString() },
    });
    return { id: row.id, token: secret, scopes, expiresAt: expiresAt.toISOString() };
  });
}

export async function listApiTokens(db: Db, actor: Actor) {
  const rows = await apiTokensOf(db, actor.schoolId);
  const now = Date.now();
  const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });
  return rows.map(({ t, creator }) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    revokedReason: t.revokedReason,
    createdByName: fullName({ givenName: creator.givenName, familyName: creator.familyName }),
    scopes: t.scopes as TokenScope[],
    expiresAt: t.expiresAt.toISOString(),
    status: t.revokedAt
      ? ("revoked" as const)
      : t.expiresAt.getTime() <= now
        ? ("expired" as const)
        : creator.leaveDate && creator.leaveDate <= today
          ? ("creator_left" as const)
          : ("active" as const),
  }));
}

export async function revokeApiToken(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const row = await markApiTokenRevoked(tx, actor.schoolId, id, "revoked");
    if (!row) throw notFound(msg`API token`);
    await recordEvent(tx, actor, {
      action: "api_token.revoked",
      entityType: "api_token",
      entityId: id,
      summary: { name: row.name },
    });
  });
}

/**
 * A person's password changed or their access was reset: the tokens they made stop working, as
 * their sessions do (whoever learnt the old password may have made one). Each is recorded.
 */
/** Revoke every live token a person made (decision 029), each in the audit log; returns how many. */
export async function revokeTokensOf(
  tx: Tx,
  actor: Actor,
  personId: string,
  reason: "password_changed" | "access_reset",
) {
  const revoked = await markTokensOfCreatorRevoked(tx, personId, reason);
  for (const row of revoked)
    await recordEvent(tx, actor, {
      action: "api_token.revoked",
      entityType: "api_token",
      entityId: row.id,
      summary: { name: row.name, reason },
    });
  return revoked.length;
}

/**
 * The actor behind a bearer token, or null when there is no such token or it was revoked, or its
 * creator has left. An expired token is refused with its own message, so a script's owner knows
 * to make a new one rather than look for a typing mistake.
 */
export async function resumeApiToken(db: Db, token: string, ip: string | null): Promise<Actor | null> {
  const row = await liveApiToken(db, hashSecret(token));
  if (!row) return null;
  if (row.expiresAt.getTime() <= Date.now())
    throw unauthorized(
      msg`This API token expired on ${row.expiresAt.toISOString().slice(0, 10)}. Ask a school admin to make a new one.`,
    );
  const actor = await actorFor(db, row.createdBy, ip, "token");
  if (!actor) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) await markApiTokenUsed(db, row.id);
  return { ...actor, token: { id: row.id, name: row.name, scopes: row.scopes as TokenScope[] } };
}

/** The retention sweep: sign-in attempts older than a year are forgotten (decisions/033). */
export async function forgetOldSignInAttempts(db: Db, now = new Date()) {
  return forgetSignInAttemptsBefore(db, new Date(now.getTime() - SIGN_IN_RETENTION_DAYS * 86_400_000));
}

/** The person and school a presented token belonged to, valid or not (refusals are kept against them). */
export async function holderOfPresentedToken(db: Db, tokenHash: string, via: "session" | "api_token") {
  const row = await holderOfToken(db, tokenHash, via);
  if (!row) return null;
  return {
    schoolId: row.schoolId,
    personId: row.personId,
    name: row.person ? fullName(row.person) : null,
  };
}
