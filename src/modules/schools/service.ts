import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { schools } from "../../db/schema.js";
import { msg } from "../../kernel/i18n/index.js";
import { splitName } from "../../kernel/names.js";
import { conflict, notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { actorFor, createCredentials, openSession } from "../auth/service.js";
import { insertPerson } from "../people/service.js";
import { seedCourses } from "../training/service.js";
import { createTrustWithFirstSchool } from "../trust/service.js";
import type { Country, SchoolLanguage, SetupInput } from "./schema.js";

export async function schoolCount(db: DbOrTx) {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(schools);
  return n;
}

export async function getSchool(db: DbOrTx, id: string) {
  const [s] = await db.select().from(schools).where(eq(schools.id, id));
  if (!s) throw notFound(msg`school`);
  return { id: s.id, name: s.name };
}

/** England or Wales: which guidance and law the school's policies are checked against. */
export async function schoolCountry(db: DbOrTx, schoolId: string): Promise<Country> {
  const [s] = await db.select({ country: schools.country }).from(schools).where(eq(schools.id, schoolId));
  return s?.country ?? "england";
}

export async function schoolSettings(db: DbOrTx, schoolId: string) {
  const [s] = await db
    .select({ name: schools.name, country: schools.country, language: schools.language })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!s) throw notFound(msg`school`);
  return s;
}

/**
 * Listeners run in the transaction that changes the school's country. The policy health check
 * registers one to check every policy again against that country's guidance.
 */
export const onCountryChanged: ((tx: Tx, actor: Actor) => Promise<void>)[] = [];

export async function setSchoolSettings(
  db: Db,
  actor: Actor,
  input: { country: Country; language?: SchoolLanguage },
) {
  await db.transaction(async (tx) => {
    await setCountry(tx, actor, input.country);
    if (input.language) await setLanguage(tx, actor, input.language);
  });
  return schoolSettings(db, actor.schoolId);
}

async function setLanguage(tx: Tx, actor: Actor, language: SchoolLanguage) {
  const [before] = await tx
    .select({ language: schools.language })
    .from(schools)
    .where(eq(schools.id, actor.schoolId));
  if (before?.language === language) return;
  await tx.update(schools).set({ language }).where(eq(schools.id, actor.schoolId));
  await recordEvent(tx, actor, {
    action: "school.language_set",
    entityType: "school",
    entityId: actor.schoolId,
    summary: { from: before?.language, to: language },
  });
}

async function setCountry(tx: Tx, actor: Actor, country: Country) {
  const before = await schoolCountry(tx, actor.schoolId);
  if (before === country) return;
  await tx.update(schools).set({ country }).where(eq(schools.id, actor.schoolId));
  for (const listener of onCountryChanged) await listener(tx, actor);
  await recordEvent(tx, actor, {
    action: "school.country_set",
    entityType: "school",
    entityId: actor.schoolId,
    summary: { from: before, to: country },
  });
}

/**
 * First run: create the school and its first admin, a member of staff holding the headteacher
 * and school-admin roles (API.md), signed in. Refused once any school exists, so it cannot be replayed.
 */
export async function setupSchool(
  db: Db,
  input: SetupInput,
  ip: string | null,
  userAgent: string | null = null,
) {
  return db.transaction(async (tx) => {
    // Serialise concurrent first-run attempts so two browsers cannot both create a school.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7262011)`);
    if ((await schoolCount(tx)) > 0) throw conflict(msg`This Accord is already set up. Sign in instead.`);
    const [school] = await tx.insert(schools).values({ name: input.school.name }).returning();
    // Every school starts with the courses schools are expected to keep up (training/courses.ts).
    await seedCourses(tx, school.id);
    const { givenName, familyName } = splitName(input.admin.name);
    const actor: Actor = {
      schoolId: school.id,
      personId: null,
      name: input.admin.name,
      roles: [],
      kinds: [],
      ip,
      via: "system",
    };
    await recordEvent(tx, actor, {
      action: "school.created",
      entityType: "school",
      entityId: school.id,
      summary: { name: school.name },
    });
    const person = await insertPerson(tx, actor, {
      givenName,
      familyName,
      kinds: ["staff"],
      email: input.admin.email.toLowerCase(),
      jobTitle: "Headteacher",
      roles: ["headteacher", "school_admin"],
    });
    await createCredentials(tx, school.id, person.id, input.admin.email.toLowerCase(), input.admin.password);
    if (input.trust) await createTrustWithFirstSchool(tx, actor, input.trust.name, school.id, person.id);
    // They chose their password a moment ago: signed in at once, not sent to sign in again.
    const admin = (await actorFor(tx, person.id, ip, "session"))!;
    const sessionToken = await openSession(tx, admin, person.id, { ip, userAgent });
    return { school: { id: school.id, name: school.name }, person: { id: person.id }, sessionToken };
  });
}
