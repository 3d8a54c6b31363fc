/** SSO's SQL: the schools' providers, the sign-ins under way, and the people they may match. */
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../../db/client.js";
import { people, schools, ssoAttempts, ssoProviders } from "../../../db/schema.js";
import type { SsoProviderKind } from "../schema.js";

export type SsoProviderRow = typeof ssoProviders.$inferSelect;

export async function providersOfSchool(db: DbOrTx, schoolId: string) {
  return db
    .select()
    .from(ssoProviders)
    .where(eq(ssoProviders.schoolId, schoolId))
    .orderBy(ssoProviders.provider);
}

export async function providerOfSchool(db: DbOrTx, schoolId: string, provider: SsoProviderKind) {
  const [row] = await db
    .select()
    .from(ssoProviders)
    .where(and(eq(ssoProviders.schoolId, schoolId), eq(ssoProviders.provider, provider)));
  return row;
}

/** Sign-in starts before anyone is known: a provider by its id, across schools. */
export async function providerById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(ssoProviders).where(eq(ssoProviders.id, id));
  return row;
}

/** Every school's providers (or those allowing one email domain), with the school's name. */
export async function providerChoices(db: DbOrTx, domain: string | null) {
  return db
    .select({ id: ssoProviders.id, provider: ssoProviders.provider, schoolName: schools.name })
    .from(ssoProviders)
    .innerJoin(schools, eq(schools.id, ssoProviders.schoolId))
    .where(domain ? sql`${domain} = ANY(${ssoProviders.allowedDomains})` : undefined)
    .orderBy(schools.name, ssoProviders.provider);
}

export async function saveProvider(tx: Tx, values: typeof ssoProviders.$inferInsert) {
  const { schoolId: _school, provider: _provider, ...changes } = values;
  const [row] = await tx
    .insert(ssoProviders)
    .values(values)
    .onConflictDoUpdate({
      target: [ssoProviders.schoolId, ssoProviders.provider],
      set: { ...changes, updatedAt: new Date() },
    })
    .returning();
  return row;
}

export async function deleteProvider(tx: Tx, schoolId: string, provider: SsoProviderKind) {
  const [row] = await tx
    .delete(ssoProviders)
    .where(and(eq(ssoProviders.schoolId, schoolId), eq(ssoProviders.provider, provider)))
    .returning();
  return row;
}

// ---- sign-ins under way

export async function insertAttempt(tx: Tx, values: typeof ssoAttempts.$inferInsert) {
  // Attempts nobody finished are of no use a day later: cleared as new ones start.
  await tx.delete(ssoAttempts).where(lt(ssoAttempts.expiresAt, sql`now() - interval '1 day'`));
  await tx.insert(ssoAttempts).values(values);
}

/** Take a live attempt once: marked used in the same statement, so a replay finds nothing. */
export async function takeAttempt(tx: Tx, browserHash: string) {
  const [row] = await tx
    .update(ssoAttempts)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(ssoAttempts.browserHash, browserHash),
        isNull(ssoAttempts.usedAt),
        gt(ssoAttempts.expiresAt, sql`now()`),
      ),
    )
    .returning();
  return row;
}

// ---- who a proven email address is

/** People of the school with this email address (any case), of the kinds given. */
export async function peopleWithEmail(db: DbOrTx, schoolId: string, email: string, kinds: readonly string[]) {
  return db
    .select({ id: people.id, leaveDate: people.leaveDate })
    .from(people)
    .where(
      and(
        eq(people.schoolId, schoolId),
        sql`lower(${people.email}) = ${email}`,
        sql`${people.kinds} && ${sql.param([...kinds])}::text[]`,
      ),
    );
}
