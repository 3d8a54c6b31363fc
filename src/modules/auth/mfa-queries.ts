/**
 * Two-step sign-in's SQL: authenticator apps, recovery codes, passkeys and pending sign-ins. These
 * only read and write rows; when a code or a passkey is good is decided in mfa.ts.
 */
import { and, count, eq, gt, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import {
  passkeyChallenges,
  passkeys,
  pendingSignIns,
  people,
  recoveryCodes,
  sessions,
  totpAuthenticators,
} from "../../db/schema.js";
import { mfaRequiredSince } from "./queries.js";

/** What a person has set up, and since when it is required of them. */
export async function mfaStateOf(db: DbOrTx, personId: string) {
  const [row] = await db
    .select({
      requiredSince: mfaRequiredSince,
      totpConfirmed: sql<boolean>`EXISTS (SELECT 1 FROM totp_authenticators t WHERE t.person_id = people.id AND t.confirmed_at IS NOT NULL)`,
      passkeys: sql<number>`(SELECT count(*) FROM passkeys k WHERE k.person_id = people.id)`.mapWith(Number),
      recoveryCodesLeft:
        sql<number>`(SELECT count(*) FROM recovery_codes c WHERE c.person_id = people.id AND c.used_at IS NULL)`.mapWith(
          Number,
        ),
    })
    .from(people)
    .where(eq(people.id, personId));
  return row;
}

// ---- authenticator app

export async function totpOf(db: DbOrTx, personId: string) {
  const [row] = await db.select().from(totpAuthenticators).where(eq(totpAuthenticators.personId, personId));
  return row;
}

export async function saveUnconfirmedTotp(
  tx: Tx,
  values: { personId: string; schoolId: string; sealedSecret: string },
) {
  await tx
    .insert(totpAuthenticators)
    .values(values)
    .onConflictDoUpdate({
      target: totpAuthenticators.personId,
      set: {
        sealedSecret: values.sealedSecret,
        createdAt: new Date(),
        confirmedAt: null,
        lastUsedStep: null,
      },
    });
}

/**
 * Use a code's time step, once: the row changes only if no code of this step or a later one was
 * used before, so a code seen over a shoulder (or replayed) a moment later is refused, even by a
 * request racing this one.
 */
export async function spendTotpStep(tx: Tx, personId: string, step: number, confirm: boolean) {
  const rows = await tx
    .update(totpAuthenticators)
    .set({ lastUsedStep: step, ...(confirm ? { confirmedAt: new Date() } : {}) })
    .where(
      and(
        eq(totpAuthenticators.personId, personId),
        or(isNull(totpAuthenticators.lastUsedStep), lt(totpAuthenticators.lastUsedStep, step)),
        confirm ? isNull(totpAuthenticators.confirmedAt) : isNotNull(totpAuthenticators.confirmedAt),
      ),
    )
    .returning({ personId: totpAuthenticators.personId });
  return rows.length === 1;
}

export async function deleteTotp(tx: Tx, personId: string) {
  return (await tx.delete(totpAuthenticators).where(eq(totpAuthenticators.personId, personId)).returning())
    .length;
}

// ---- recovery codes

export async function replaceRecoveryCodes(tx: Tx, schoolId: string, personId: string, hashes: string[]) {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.personId, personId));
  if (hashes.length)
    await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ schoolId, personId, codeHash })));
}

/** Use a recovery code once: the row is marked used only if it was not already. */
export async function spendRecoveryCode(tx: Tx, personId: string, codeHash: string) {
  const rows = await tx
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.personId, personId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

export async function unusedRecoveryCodes(db: DbOrTx, personId: string) {
  const [{ n }] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.personId, personId), isNull(recoveryCodes.usedAt)));
  return n;
}

// ---- passkeys

export async function passkeysOf(db: DbOrTx, personId: string) {
  return db.select().from(passkeys).where(eq(passkeys.personId, personId)).orderBy(passkeys.createdAt);
}

export async function passkeyByCredentialId(db: DbOrTx, personId: string, credentialId: string) {
  const [row] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.personId, personId), eq(passkeys.credentialId, credentialId)));
  return row;
}

export async function insertPasskey(tx: Tx, values: typeof passkeys.$inferInsert) {
  const [row] = await tx.insert(passkeys).values(values).returning({ id: passkeys.id });
  return row;
}

export async function markPasskeyUsed(tx: Tx, id: string, counter: number) {
  await tx.update(passkeys).set({ counter, lastUsedAt: new Date() }).where(eq(passkeys.id, id));
}

export async function deletePasskey(tx: Tx, personId: string, id: string) {
  const [row] = await tx
    .delete(passkeys)
    .where(and(eq(passkeys.personId, personId), eq(passkeys.id, id)))
    .returning({ name: passkeys.name });
  return row;
}

export async function deletePasskeysOf(tx: Tx, personId: string) {
  return (await tx.delete(passkeys).where(eq(passkeys.personId, personId)).returning()).length;
}

export async function savePasskeyChallenge(tx: Tx, values: typeof passkeyChallenges.$inferInsert) {
  await tx
    .insert(passkeyChallenges)
    .values(values)
    .onConflictDoUpdate({
      target: passkeyChallenges.personId,
      set: { challenge: values.challenge, expiresAt: values.expiresAt },
    });
}

/** The live registration challenge, taken (it works once). */
export async function takePasskeyChallenge(tx: Tx, personId: string) {
  const [row] = await tx
    .delete(passkeyChallenges)
    .where(and(eq(passkeyChallenges.personId, personId), gt(passkeyChallenges.expiresAt, sql`now()`)))
    .returning({ challenge: passkeyChallenges.challenge });
  return row?.challenge ?? null;
}

// ---- pending sign-ins

export async function insertPendingSignIn(tx: Tx, values: typeof pendingSignIns.$inferInsert) {
  await tx.insert(pendingSignIns).values(values);
}

/** A pending sign-in that is still open: not used, not expired. */
export async function openPendingSignIn(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select()
    .from(pendingSignIns)
    .where(
      and(
        eq(pendingSignIns.tokenHash, tokenHash),
        isNull(pendingSignIns.usedAt),
        gt(pendingSignIns.expiresAt, sql`now()`),
      ),
    );
  return row;
}

export async function countPendingAttempt(db: DbOrTx, id: string) {
  const [row] = await db
    .update(pendingSignIns)
    .set({ attempts: sql`${pendingSignIns.attempts} + 1` })
    .where(eq(pendingSignIns.id, id))
    .returning({ attempts: pendingSignIns.attempts });
  return row.attempts;
}

/** Close a pending sign-in; true only for the one request that closed it. */
export async function closePendingSignIn(db: DbOrTx, id: string) {
  const rows = await db
    .update(pendingSignIns)
    .set({ usedAt: new Date() })
    .where(and(eq(pendingSignIns.id, id), isNull(pendingSignIns.usedAt)))
    .returning({ id: pendingSignIns.id });
  return rows.length === 1;
}

export async function setPendingChallenge(db: DbOrTx, id: string, challenge: string) {
  await db.update(pendingSignIns).set({ challenge }).where(eq(pendingSignIns.id, id));
}

/** The session just proved a second step (enrolment inside a password-only session). */
export async function markSessionMfa(tx: Tx, sessionId: string, method: string) {
  await tx.update(sessions).set({ mfaMethod: method }).where(eq(sessions.id, sessionId));
}
