import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { groupCommit } from "../../db/group-commit.js";
import { fullName } from "../../kernel/names.js";
import { badRequest, conflict, gone, notFound, tooManyRequests, unauthorized } from "../../kernel/problem.js";
import { hashSecret, newSecret } from "../../kernel/secrets.js";
import { canHoldAccount } from "../access/people.js";
import { ACCOUNT_KINDS, type Actor, type Kind, type Role } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from "./passwords.js";
import {
  accountWithEmail,
  apiTokensOf,
  clearFailures,
  closeOpenInvitations,
  credentialsForSignIn,
  credentialsOf,
  currentPerson,
  endAllSessions,
  endSession,
  findPerson,
  holderOfToken,
  type InviteFilter,
  insertApiToken,
  insertInvitation,
  insertSession,
  invitationByTokenHash,
  type LiveSession,
  liveApiToken,
  liveSessionsQuery,
  markApiTokenRevoked,
  markApiTokenUsed,
  markInvitationUsed,
  type PersonFields,
  passwordContextOf,
  peopleWithoutAccount,
  recentFailures,
  recordFailure,
  saveCredentials,
  touchSessions,
} from "./queries.js";

export const WRONG_CREDENTIALS = "Email or password is incorrect.";
/** Per account: this many failures in the window locks sign-in for the rest of the window. */
export const ACCOUNT_FAILURE_LIMIT = 5;
const FAILURE_WINDOW_MINUTES = 15;
const INVITATION_HOURS = 72;

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
 */
export async function login(
  db: Db,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
) {
  const email = input.email.trim().toLowerCase();
  if ((await recentFailures(db, email, FAILURE_WINDOW_MINUTES)) >= ACCOUNT_FAILURE_LIMIT) {
    throw tooManyRequests(
      `Too many unsuccessful attempts for this account. Wait ${FAILURE_WINDOW_MINUTES} minutes, or ask your school admin to reset your access.`,
    );
  }
  const cred = await credentialsForSignIn(db, email);
  const ok = cred
    ? await verifyPassword(cred.hash, input.password)
    : await verifyPassword(await decoyHash(), "x");
  if (!cred || !ok) {
    await recordFailure(db, email, input.ip);
    throw unauthorized(WRONG_CREDENTIALS);
  }
  const actor = (await actorFor(db, cred.personId, input.ip, "session"))!;
  const { secret, hash } = newSecret();
  await db.transaction(async (tx) => {
    await clearFailures(tx, email);
    await insertSession(tx, {
      tokenHash: hash,
      schoolId: actor.schoolId,
      personId: cred.personId,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    });
    await recordEvent(tx, actor, { action: "auth.signed_in", entityType: "person", entityId: cred.personId });
  });
  return { token: secret, actor };
}

/**
 * A session for someone who has just proved who they are in the same request: the first admin,
 * who chose their password a moment ago at first-run setup, is signed in at once.
 */
export async function openSession(
  tx: Tx,
  actor: Actor,
  personId: string,
  input: { ip: string | null; userAgent: string | null },
) {
  const { secret, hash } = newSecret();
  await insertSession(tx, {
    tokenHash: hash,
    schoolId: actor.schoolId,
    personId,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
  });
  await recordEvent(tx, actor, { action: "auth.signed_in", entityType: "person", entityId: personId });
  return secret;
}

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
    return { sessionId: row.sessionId, actor: toActor(row, ip, "session") };
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
      "This email address already has an Accord account (perhaps at another school). Ask your school admin to record a different address.",
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
export async function changePassword(db: Db, actor: Actor, current: string, next: string, ip: string | null) {
  const cred = await credentialsOf(db, actor.personId!);
  const email = cred?.email.trim().toLowerCase() ?? "";
  if (cred && (await recentFailures(db, email, FAILURE_WINDOW_MINUTES)) >= ACCOUNT_FAILURE_LIMIT)
    throw tooManyRequests(
      `Too many wrong passwords for this account. Wait ${FAILURE_WINDOW_MINUTES} minutes, or ask your school admin to reset your access.`,
    );
  if (!cred || !(await verifyPassword(cred.passwordHash, current))) {
    if (cred) await recordFailure(db, email, ip);
    const message = "Your current password is not right.";
    throw badRequest(message, [{ field: "currentPassword", message }]);
  }
  await checkNewPassword(db, actor.personId!, cred.email, next, "newPassword");
  await db.transaction(async (tx) => {
    await setPassword(tx, actor.schoolId, actor.personId!, cred.email, next);
    await recordEvent(tx, actor, {
      action: "auth.password_changed",
      entityType: "person",
      entityId: actor.personId,
    });
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
  if (!person) throw notFound("person");
  if (!person.email) throw badRequest("Add an email address for this person before inviting them.");
  if (!canHoldAccount(person))
    throw badRequest("Only staff, governors, volunteers and student teachers sign in with a password.");
  if (person.leaveDate && person.leaveDate <= new Date().toISOString().slice(0, 10))
    throw badRequest("This person has left, so they cannot be invited.");
  const now = new Date();
  await closeOpenInvitations(tx, personId, now);
  await endAllSessions(tx, personId);
  const { secret, hash } = newSecret();
  const expiresAt = new Date(now.getTime() + INVITATION_HOURS * 3600_000);
  await insertInvitation(tx, {
    schoolId: actor.schoolId,
    personId,
    tokenHash: hash,
    createdBy: actor.personId,
    expiresAt,
  });
  const until = expiresAt.toLocaleString("en-GB", {
    timeZone: "Europe/London",
    dateStyle: "full",
    timeStyle: "short",
  });
  await queueMail(tx, actor.schoolId, {
    to: person.email,
    subject: `Your Accord account at ${schoolName}`,
    text: [
      `Dear ${person.givenName},`,
      "",
      `${actor.name ?? "Your school"} has invited you to Accord, where ${schoolName} keeps its online-safety policies and agreements.`,
      "",
      "Choose your password here (the link works once):",
      `${publicUrl}/invite/${secret}`,
      "",
      `The link expires on ${until}. If you were not expecting this email, you can ignore it.`,
    ].join("\n"),
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
  if (!row) throw notFound("invitation");
  if (row.inv.usedAt) throw gone("This link has already been used. Ask your school admin for a new one.");
  if (row.inv.expiresAt.getTime() <= Date.now())
    throw gone("This link has expired. Ask your school admin for a new one.");
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
    if (!actor) throw gone("This person has left the school, so the link no longer works.");
    await recordEvent(tx, actor, {
      action: "auth.invitation_accepted",
      entityType: "person",
      entityId: person.id,
    });
  });
}

// --- API tokens: for integrations and scripts; they act with the permissions of their creator.

export async function createApiToken(db: Db, actor: Actor, name: string) {
  const { secret, hash } = newSecret("acc_");
  return db.transaction(async (tx) => {
    const row = await insertApiToken(tx, {
      schoolId: actor.schoolId,
      name,
      tokenHash: hash,
      createdBy: actor.personId!,
    });
    await recordEvent(tx, actor, {
      action: "api_token.created",
      entityType: "api_token",
      entityId: row.id,
      summary: { name },
    });
    return { id: row.id, token: secret };
  });
}

export async function listApiTokens(db: Db, actor: Actor) {
  const rows = await apiTokensOf(db, actor.schoolId);
  return rows.map(({ t, creator }) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    createdByName: fullName({ givenName: creator.givenName, familyName: creator.familyName }),
  }));
}

export async function revokeApiToken(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const row = await markApiTokenRevoked(tx, actor.schoolId, id);
    if (!row) throw notFound("API token");
    await recordEvent(tx, actor, {
      action: "api_token.revoked",
      entityType: "api_token",
      entityId: id,
      summary: { name: row.name },
    });
  });
}

export async function resumeApiToken(db: Db, token: string, ip: string | null) {
  const row = await liveApiToken(db, hashSecret(token));
  if (!row) return null;
  const actor = await actorFor(db, row.createdBy, ip, "token");
  if (!actor) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) await markApiTokenUsed(db, row.id);
  return actor;
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
