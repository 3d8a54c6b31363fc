/**
 * The auth module's SQL: credentials, failed sign-ins, sessions, invitations and API tokens, and
 * the person (with their designated roles) that each of them acts as. These only read and write
 * rows; when a sign-in, a link or a token is good is decided in service.ts.
 */
import { and, desc, eq, gt, isNull, lt, ne, sql } from "drizzle-orm";
import { type Db, type DbOrTx, queryRows, type Tx } from "../../db/client.js";
import {
  apiTokens,
  credentials,
  invitations,
  passwordResets,
  people,
  schools,
  sessions,
  signInAttempts,
} from "../../db/schema.js";
import { MFA_ROLES } from "../access/mfa.js";
import type { SessionPolicy } from "./service.js";

const today = () => sql`(now() AT TIME ZONE 'Europe/London')::date`;

/** A person may sign in until their leave date (a leaver loses access on the day they leave). */
const stillHere = sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > ${today()})`;

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
export type PersonFields = {
  id: string;
  schoolId: string;
  givenName: string;
  familyName: string;
  kinds: string[];
  roles: string[];
};

/** A person who is still here, with their kinds and designated roles. */
export async function currentPerson(db: DbOrTx, personId: string) {
  const [person] = await db
    .select(personFields)
    .from(people)
    .where(and(eq(people.id, personId), stillHere));
  return person;
}

export async function findPerson(tx: Tx, schoolId: string, personId: string) {
  const [person] = await tx
    .select()
    .from(people)
    .where(and(eq(people.schoolId, schoolId), eq(people.id, personId)));
  return person;
}

// ---- signing in

/**
 * Reserve a sign-in attempt for an email, or refuse it, under a lock on that email: the failures
 * since the account's last success (or password reset) within the window are counted, attempts
 * still being checked included, so attempts sent at once cannot all slip under the limit.
 */
export async function reserveSignInAttempt(
  db: Db,
  values: Omit<typeof signInAttempts.$inferInsert, "outcome">,
  limit: number,
  windowMinutes: number,
) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:${values.email}`}))`);
    // One statement after the lock (so it sees every attempt committed before it): count the
    // failures since the last success in the window, and insert this attempt as pending or locked.
    const since = sql`a.email = ${values.email} AND a.at > now() - make_interval(mins => ${windowMinutes})
      AND a.id > coalesce((SELECT max(b.id) FROM sign_in_attempts b
        WHERE b.email = ${values.email} AND b.outcome IN ('success', 'password_reset', 'password_changed')), 0)`;
    const [row] = await queryRows<{ id: string | number; outcome: string; earlier_locks: number }>(
      tx,
      sql`WITH counted AS (
          SELECT count(*) FILTER (WHERE a.outcome IN ('pending', 'wrong_password', 'unknown_email', 'wrong_second_step'))::int AS failures,
                 count(*) FILTER (WHERE a.outcome = 'locked')::int AS locks
          FROM sign_in_attempts a WHERE ${since})
        INSERT INTO sign_in_attempts (email, person_id, school_id, ip, user_agent, device, outcome)
        SELECT ${values.email}, ${values.personId ?? null}::uuid, ${values.schoolId ?? null}::uuid,
          ${values.ip ?? null}, ${values.userAgent ?? null}, ${values.device ?? null},
          CASE WHEN counted.failures >= ${limit} THEN 'locked' ELSE 'pending' END
        FROM counted
        RETURNING id, outcome, (SELECT locks FROM counted) AS earlier_locks`,
    );
    const locked = row.outcome === "locked";
    // The first refusal of a lockout is the one worth telling the school about.
    return { id: Number(row.id), locked, lockStarts: locked && row.earlier_locks === 0 };
  });
}

export async function settleSignInAttempt(
  db: DbOrTx,
  id: number,
  // "second_step": the password was right and the person's second step is still to come (or never
  // came); neither a success (it does not clear the count) nor a failure.
  outcome: "success" | "wrong_password" | "unknown_email" | "second_step" | "password_changed",
) {
  await db.update(signInAttempts).set({ outcome }).where(eq(signInAttempts.id, id));
}

export async function insertSignInAttempt(tx: Tx, values: typeof signInAttempts.$inferInsert) {
  const [row] = await tx.insert(signInAttempts).values(values).returning({ id: signInAttempts.id });
  return row.id;
}

/** The person's earlier successful sign-ins: which devices and networks they have used. */
export async function knownDevices(db: DbOrTx, personId: string, exceptAttemptId: number) {
  return db
    .select({ device: signInAttempts.device, ip: signInAttempts.ip })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.personId, personId),
        eq(signInAttempts.outcome, "success"),
        ne(signInAttempts.id, exceptAttemptId),
      ),
    );
}

/** A person's recent sign-in attempts, newest first (failed ones against their email included). */
export async function recentAttemptsOf(db: Db, schoolId: string, personId: string, limit: number) {
  return db
    .select()
    .from(signInAttempts)
    .where(and(eq(signInAttempts.schoolId, schoolId), eq(signInAttempts.personId, personId)))
    .orderBy(desc(signInAttempts.id))
    .limit(limit);
}

/** Attempts older than the retention period are forgotten. */
export async function forgetSignInAttemptsBefore(db: Db, before: Date) {
  const gone = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.at, before))
    .returning({ id: signInAttempts.id });
  return gone.length;
}

/** The password hash for an email address (any case), if its person is still here. */
export async function credentialsForSignIn(db: Db, email: string) {
  const [cred] = await db
    .select({
      personId: credentials.personId,
      schoolId: credentials.schoolId,
      hash: credentials.passwordHash,
    })
    .from(credentials)
    .innerJoin(people, eq(people.id, credentials.personId))
    .where(and(sql`lower(${credentials.email}) = ${email}`, stillHere));
  return cred;
}

export async function credentialsOf(db: DbOrTx, personId: string) {
  const [cred] = await db.select().from(credentials).where(eq(credentials.personId, personId));
  return cred;
}

/** Another account with this email address (in any case), in any school. */
export async function accountWithEmail(tx: Tx, email: string, exceptPersonId: string) {
  const [clash] = await tx
    .select({ personId: credentials.personId })
    .from(credentials)
    .where(and(sql`lower(${credentials.email}) = lower(${email})`, ne(credentials.personId, exceptPersonId)));
  return clash;
}

export async function saveCredentials(
  tx: Tx,
  values: { personId: string; schoolId: string; email: string; passwordHash: string },
) {
  const { passwordHash, email } = values;
  await tx
    .insert(credentials)
    .values(values)
    .onConflictDoUpdate({
      target: credentials.personId,
      set: { passwordHash, email, passwordChangedAt: new Date() },
    });
}

// ---- sessions

export async function insertSession(tx: Tx, values: typeof sessions.$inferInsert) {
  await tx.insert(sessions).values(values);
}

/**
 * When two-step sign-in became required of a person: the grant of the earliest privileged role
 * they hold (access/mfa.ts); null when they hold none. Read with the session, so no extra query.
 */
export const mfaRequiredSince =
  // Every trust role reaches the figures of many schools: each requires it too (access/mfa.ts).
  sql<Date | null>`(SELECT min(x.at) FROM (
      SELECT r.assigned_at AS at FROM role_assignments r WHERE r.person_id = people.id AND r.school_id = people.school_id AND r.role IN (${sql.raw(MFA_ROLES.map((r) => `'${r}'`).join(", "))})
      UNION ALL SELECT t.assigned_at FROM trust_roles t WHERE t.person_id = people.id AND t.school_id = people.school_id) x)`.mapWith(
    (v: string | Date) => new Date(v),
  );

export type LiveSession = PersonFields & {
  sessionId: string;
  lastSeenAt: Date;
  tokenHash: string;
  method: "password" | "sso";
  mfaMethod: string | null;
  mfaRequiredSince: Date | null;
};

/**
 * The live sessions among some token hashes, each joined to its (still current) person and roles.
 * Every API request runs it, so it is built once and prepared on each connection (named), not
 * parsed and planned again for every batch; the hashes come as one array, whatever their number.
 */
export function liveSessionsQuery(db: Db, policy: SessionPolicy) {
  return db
    .select({
      tokenHash: sessions.tokenHash,
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      method: sessions.method,
      mfaMethod: sessions.mfaMethod,
      mfaRequiredSince,
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
 * Sessions were used just now. Committed without waiting for its WAL flush (synchronous_commit
 * off for this statement's own transaction only): a touch is bookkeeping, and the next
 * signature's commit flushes it.
 */
export async function touchSessions(db: Db, sessionIds: string[]) {
  await db.execute(sql`
      WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
      UPDATE sessions SET last_seen_at = now()
      WHERE id = ANY(${sql.param(sessionIds)}::uuid[]) AND EXISTS (SELECT 1 FROM relaxed)`);
}

export async function endSession(tx: Tx, sessionId: string) {
  await tx.update(sessions).set({ endedAt: new Date() }).where(eq(sessions.id, sessionId));
}

export async function endAllSessions(tx: Tx, personId: string) {
  await tx
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.personId, personId), isNull(sessions.endedAt)));
}

/** The person's sessions that are still live (not ended, not idle too long, not too old), newest first. */
export async function liveSessionsOf(db: Db, schoolId: string, personId: string, policy: SessionPolicy) {
  return db
    .select({
      id: sessions.id,
      device: sessions.device,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.schoolId, schoolId),
        eq(sessions.personId, personId),
        isNull(sessions.endedAt),
        gt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${policy.idleMinutes * 60})`),
        gt(sessions.createdAt, sql`now() - make_interval(secs => ${policy.maxHours * 3600})`),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
}

/** End one of the person's own open sessions; nothing when it is not theirs or already ended. */
export async function endOwnSession(tx: Tx, schoolId: string, personId: string, sessionId: string) {
  const [row] = await tx
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(
      and(
        eq(sessions.schoolId, schoolId),
        eq(sessions.personId, personId),
        eq(sessions.id, sessionId),
        isNull(sessions.endedAt),
      ),
    )
    .returning({ id: sessions.id, device: sessions.device });
  return row;
}

/** End every open session of the person but one (the one asking). */
export async function endOtherSessions(tx: Tx, schoolId: string, personId: string, keep: string | null) {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(
      and(
        eq(sessions.schoolId, schoolId),
        eq(sessions.personId, personId),
        isNull(sessions.endedAt),
        keep ? ne(sessions.id, keep) : sql`true`,
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}

// ---- password reset links

/** The account behind an email (any case) that may reset its password: still here. */
export async function accountForReset(db: Db, email: string) {
  const [row] = await db
    .select({
      personId: credentials.personId,
      schoolId: credentials.schoolId,
      email: credentials.email,
      givenName: people.givenName,
    })
    .from(credentials)
    .innerJoin(people, eq(people.id, credentials.personId))
    .where(and(sql`lower(${credentials.email}) = ${email}`, stillHere));
  return row;
}

export async function resetLinksSince(tx: Tx, personId: string, minutes: number) {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM password_resets
      WHERE person_id = ${personId} AND created_at > now() - make_interval(mins => ${minutes})`,
  );
  return row.n;
}

/** Earlier links stop working when a newer one is sent, or once one has been used. */
export async function closeOpenResets(tx: Tx, personId: string) {
  await tx
    .update(passwordResets)
    .set({ closedAt: new Date() })
    .where(and(eq(passwordResets.personId, personId), isNull(passwordResets.closedAt)));
}

export async function insertPasswordReset(tx: Tx, values: typeof passwordResets.$inferInsert) {
  await tx.insert(passwordResets).values(values);
}

/** A reset link by its hash, locked until the transaction ends so it can be used only once. */
export async function passwordResetByTokenHash(db: DbOrTx, tokenHash: string, lock = false) {
  const q = db
    .select({ reset: passwordResets, person: people, email: credentials.email })
    .from(passwordResets)
    .innerJoin(people, eq(people.id, passwordResets.personId))
    .innerJoin(credentials, eq(credentials.personId, passwordResets.personId))
    .where(and(eq(passwordResets.tokenHash, tokenHash), stillHere));
  const [row] = lock ? await q.for("update", { of: passwordResets }) : await q;
  return row;
}

// ---- invitations

/** Earlier links for the person stop working (marked used). */
export async function closeOpenInvitations(tx: Tx, personId: string, now: Date) {
  await tx
    .update(invitations)
    .set({ usedAt: now })
    .where(and(eq(invitations.personId, personId), isNull(invitations.usedAt)));
}

export async function insertInvitation(tx: Tx, values: typeof invitations.$inferInsert) {
  await tx.insert(invitations).values(values);
}

export async function invitationByTokenHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ inv: invitations, person: people })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(eq(invitations.tokenHash, tokenHash));
  return row;
}

export async function markInvitationUsed(tx: Tx, id: string) {
  await tx.update(invitations).set({ usedAt: new Date() }).where(eq(invitations.id, id));
}

// ---- API tokens

export async function insertApiToken(tx: Tx, values: typeof apiTokens.$inferInsert) {
  const [row] = await tx.insert(apiTokens).values(values).returning({ id: apiTokens.id });
  return row;
}

/** A school's API tokens, oldest first, each with the person who made it. */
export async function apiTokensOf(db: Db, schoolId: string) {
  return db
    .select({ t: apiTokens, creator: people })
    .from(apiTokens)
    .innerJoin(people, eq(people.id, apiTokens.createdBy))
    .where(eq(apiTokens.schoolId, schoolId))
    .orderBy(apiTokens.createdAt);
}

/** Revoke a token not revoked yet; returns its name, or nothing when there was none to revoke. */
export async function markApiTokenRevoked(tx: Tx, schoolId: string, id: string, reason: string) {
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(apiTokens.schoolId, schoolId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ name: apiTokens.name });
  return row;
}

/** Revoke every token a person made that is not revoked yet; returns those revoked. */
export async function markTokensOfCreatorRevoked(tx: Tx, personId: string, reason: string) {
  return tx
    .update(apiTokens)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(apiTokens.createdBy, personId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name });
}

export async function liveApiToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row;
}

export async function markApiTokenUsed(db: Db, id: string) {
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, id));
}

// ---- inviting many at once

export type InviteFilter = { kind?: string; role?: string; department?: string; q?: string };

/**
 * People who could be given an account and have none yet: still here, of a kind that signs in,
 * no password set, no invitation waiting. Filtered as the people directory filters.
 */
export async function peopleWithoutAccount(
  db: DbOrTx,
  schoolId: string,
  accountKinds: readonly string[],
  f: InviteFilter,
) {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      email: people.email,
    })
    .from(people)
    .where(
      and(
        eq(people.schoolId, schoolId),
        stillHere,
        sql`${people.kinds} && ${sql.param([...accountKinds])}::text[]`,
        f.kind ? sql`${people.kinds} @> ARRAY[${f.kind}]::text[]` : sql`true`,
        f.department ? eq(people.department, f.department) : sql`true`,
        f.role
          ? sql`EXISTS (SELECT 1 FROM role_assignments r WHERE r.person_id = ${people.id} AND r.role = ${f.role})`
          : sql`true`,
        like
          ? sql`(${people.givenName} || ' ' || ${people.familyName} ILIKE ${like} OR coalesce(${people.preferredName}, '') || ' ' || ${people.familyName} ILIKE ${like} OR ${people.email} ILIKE ${like} OR ${people.jobTitle} ILIKE ${like})`
          : sql`true`,
        sql`NOT EXISTS (SELECT 1 FROM ${credentials} c WHERE c.person_id = ${people.id})`,
        sql`NOT EXISTS (SELECT 1 FROM ${invitations} i WHERE i.person_id = ${people.id} AND i.used_at IS NULL AND i.expires_at > now())`,
      ),
    )
    .orderBy(people.familyName, people.givenName);
}

/** What a person setting a password is known by: their names and the school's (see passwords.ts). */
export async function passwordContextOf(db: DbOrTx, personId: string) {
  const [row] = await db
    .select({
      givenName: people.givenName,
      preferredName: people.preferredName,
      familyName: people.familyName,
      schoolName: schools.name,
    })
    .from(people)
    .innerJoin(schools, eq(schools.id, people.schoolId))
    .where(eq(people.id, personId));
  return row;
}

/**
 * Whose session or API token this was, valid or not: a refused request is kept with the person
 * and school its token belonged to (an expired session, a revoked token). Nothing else asks.
 */
export async function holderOfToken(db: DbOrTx, tokenHash: string, via: "session" | "api_token") {
  const [row] =
    via === "session"
      ? await db
          .select({ schoolId: sessions.schoolId, personId: sessions.personId })
          .from(sessions)
          .where(eq(sessions.tokenHash, tokenHash))
      : await db
          .select({ schoolId: apiTokens.schoolId, personId: apiTokens.createdBy })
          .from(apiTokens)
          .where(eq(apiTokens.tokenHash, tokenHash));
  if (!row) return null;
  const [person] = await db
    .select({ givenName: people.givenName, familyName: people.familyName })
    .from(people)
    .where(eq(people.id, row.personId));
  return { ...row, person: person ?? null };
}
