import { and, count, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { groupCommit } from "../../db/group-commit.js";
import { apiTokens, credentials, invitations, loginFailures, people, sessions } from "../../db/schema.js";
import { fullName } from "../../kernel/names.js";
import { badRequest, conflict, gone, notFound, tooManyRequests, unauthorized } from "../../kernel/problem.js";
import { hashSecret, newSecret } from "../../kernel/secrets.js";
import { canHoldAccount } from "../access/people.js";
import type { Actor, Kind, Role } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from "./passwords.js";

export const WRONG_CREDENTIALS = "Email or password is incorrect.";
/** Per account: this many failures in the window locks sign-in for the rest of the window. */
export const ACCOUNT_FAILURE_LIMIT = 5;
const FAILURE_WINDOW_MINUTES = 15;
const INVITATION_HOURS = 72;

export type SessionPolicy = { idleMinutes: number; maxHours: number };

const today = () => sql`(now() AT TIME ZONE 'Europe/London')::date`;

/** A person may sign in until their leave date (a leaver loses access on the day they leave). */
const stillHere = sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > ${today()})`;

/** Load the actor for a person: their kinds and designated roles drive every permission. */
/** An actor's designated roles, gathered in the same query as the person (one round trip per request). */
const rolesOf = sql<
  string[]
>`coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM role_assignments r WHERE r.person_id = people.id AND r.school_id = people.school_id), '{}')`;
const personFields = {
  id: people.id,
  schoolId: people.schoolId,
  givenName: people.givenName,
  familyName: people.familyName,
  kinds: people.kinds,
  roles: rolesOf,
};
type PersonFields = {
  id: string;
  schoolId: string;
  givenName: string;
  familyName: string;
  kinds: string[];
  roles: string[];
};

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
  const [person] = await db
    .select(personFields)
    .from(people)
    .where(and(eq(people.id, personId), stillHere));
  return person ? toActor(person, ip, via) : null;
}

async function recentFailures(db: DbOrTx, email: string) {
  const [{ n }] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(
      and(
        eq(loginFailures.email, email),
        gt(loginFailures.at, sql`now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES})`),
      ),
    );
  return n;
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
  if ((await recentFailures(db, email)) >= ACCOUNT_FAILURE_LIMIT) {
    throw tooManyRequests(
      `Too many unsuccessful attempts for this account. Wait ${FAILURE_WINDOW_MINUTES} minutes, or ask your school admin to reset your access.`,
    );
  }
  const [cred] = await db
    .select({ personId: credentials.personId, hash: credentials.passwordHash })
    .from(credentials)
    .innerJoin(people, eq(people.id, credentials.personId))
    .where(and(sql`lower(${credentials.email}) = ${email}`, stillHere));
  const ok = cred
    ? await verifyPassword(cred.hash, input.password)
    : await verifyPassword(await decoyHash(), "x");
  if (!cred || !ok) {
    await db.insert(loginFailures).values({ email, ip: input.ip });
    throw unauthorized(WRONG_CREDENTIALS);
  }
  const actor = (await actorFor(db, cred.personId, input.ip, "session"))!;
  const { secret, hash } = newSecret();
  await db.transaction(async (tx) => {
    await tx.delete(loginFailures).where(eq(loginFailures.email, email));
    await tx.insert(sessions).values({
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

type LiveSession = PersonFields & { sessionId: string; lastSeenAt: Date; tokenHash: string };

/**
 * The live sessions among some token hashes, each joined to its (still current) person and roles.
 * Every API request runs it, so it is built once and prepared on each connection (named), not
 * parsed and planned again for every batch; the hashes come as one array, whatever their number.
 */
function liveSessionsQuery(db: Db, policy: SessionPolicy) {
  return db
    .select({
      tokenHash: sessions.tokenHash,
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      ...personFields,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(
      and(
        sql`${sessions.tokenHash} = ANY(${sql.placeholder("hashes")}::text[])`,
        isNull(sessions.endedAt),
        gt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${policy.idleMinutes * 60})`),
        gt(sessions.createdAt, sql`now() - make_interval(secs => ${policy.maxHours * 3600})`),
        stillHere,
      ),
    )
    .prepare(`accord_live_sessions_${policy.idleMinutes}_${policy.maxHours}`);
}

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
    // Committed without waiting for its WAL flush (synchronous_commit off for this statement's
    // own transaction only): a touch is bookkeeping, and the next signature's commit flushes it.
    await db.execute(sql`
      WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
      UPDATE sessions SET last_seen_at = now()
      WHERE id = ANY(${sql.param(sessionIds)}::uuid[]) AND EXISTS (SELECT 1 FROM relaxed)`);
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
    await tx.update(sessions).set({ endedAt: new Date() }).where(eq(sessions.id, sessionId));
    await recordEvent(tx, actor, {
      action: "auth.signed_out",
      entityType: "person",
      entityId: actor.personId,
    });
  });
}

async function endAllSessions(tx: Tx, personId: string) {
  await tx
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.personId, personId), isNull(sessions.endedAt)));
}

async function setPassword(tx: Tx, schoolId: string, personId: string, email: string, password: string) {
  // Sign-in is by email across every school, so one address can belong to one account only.
  const [clash] = await tx
    .select({ personId: credentials.personId })
    .from(credentials)
    .where(and(sql`lower(${credentials.email}) = lower(${email})`, ne(credentials.personId, personId)));
  if (clash)
    throw conflict(
      "This email address already has an Accord account (perhaps at another school). Ask your school admin to record a different address.",
    );
  const passwordHash = await hashPassword(password);
  await tx
    .insert(credentials)
    .values({ personId, schoolId, email, passwordHash })
    .onConflictDoUpdate({
      target: credentials.personId,
      set: { passwordHash, email, passwordChangedAt: new Date() },
    });
  await endAllSessions(tx, personId);
}

function checkNewPassword(password: string, context: string[]) {
  const problem = passwordProblem(password, context);
  if (problem) throw badRequest(problem, [{ field: "password", message: problem }]);
}

/** Give a person their first password (setup) inside the caller's transaction. */
export async function createCredentials(
  tx: Tx,
  schoolId: string,
  personId: string,
  email: string,
  password: string,
) {
  checkNewPassword(password, [email.split("@")[0]]);
  await setPassword(tx, schoolId, personId, email, password);
}

/** Change one's own password: every session of the person ends, this one included. */
export async function changePassword(db: Db, actor: Actor, current: string, next: string) {
  const [cred] = await db.select().from(credentials).where(eq(credentials.personId, actor.personId!));
  if (!cred || !(await verifyPassword(cred.passwordHash, current))) {
    const message = "Your current password is not right.";
    throw badRequest(message, [{ field: "currentPassword", message }]);
  }
  const problem = passwordProblem(next, [cred.email.split("@")[0]]);
  if (problem) throw badRequest(problem, [{ field: "newPassword", message: problem }]);
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
  const [person] = await tx
    .select()
    .from(people)
    .where(and(eq(people.schoolId, actor.schoolId), eq(people.id, personId)));
  if (!person) throw notFound("person");
  if (!person.email) throw badRequest("Add an email address for this person before inviting them.");
  if (!canHoldAccount(person))
    throw badRequest("Only staff, governors, volunteers and student teachers sign in with a password.");
  if (person.leaveDate && person.leaveDate <= new Date().toISOString().slice(0, 10))
    throw badRequest("This person has left, so they cannot be invited.");
  const now = new Date();
  await tx
    .update(invitations)
    .set({ usedAt: now })
    .where(and(eq(invitations.personId, personId), isNull(invitations.usedAt)));
  await endAllSessions(tx, personId);
  const { secret, hash } = newSecret();
  const expiresAt = new Date(now.getTime() + INVITATION_HOURS * 3600_000);
  await tx.insert(invitations).values({
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

async function openInvitation(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ inv: invitations, person: people })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(eq(invitations.tokenHash, hashSecret(token)));
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
    checkNewPassword(password, [person.email!.split("@")[0], person.familyName]);
    await tx.update(invitations).set({ usedAt: new Date() }).where(eq(invitations.id, inv.id));
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
    const [row] = await tx
      .insert(apiTokens)
      .values({ schoolId: actor.schoolId, name, tokenHash: hash, createdBy: actor.personId! })
      .returning({ id: apiTokens.id });
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
  const rows = await db
    .select({ t: apiTokens, creator: people })
    .from(apiTokens)
    .innerJoin(people, eq(people.id, apiTokens.createdBy))
    .where(eq(apiTokens.schoolId, actor.schoolId))
    .orderBy(apiTokens.createdAt);
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
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.schoolId, actor.schoolId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ name: apiTokens.name });
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
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashSecret(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  const actor = await actorFor(db, row.createdBy, ip, "token");
  if (!actor) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000)
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  return actor;
}
