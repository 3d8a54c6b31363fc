import { and, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { people, schools } from "../../db/schema.js";
import { isLanguage, type Language, msg, type Readers } from "../../kernel/i18n/index.js";
import { notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";

/**
 * Which language each person reads Accord's emails and documents in (decision 038): their own
 * choice where they made one (staff and governors in the language switch, a parent on their link's
 * page), else the school's: English, Welsh, or both with the Welsh first.
 */
export async function readersOf(db: DbOrTx, schoolId: string, personIds: readonly string[]) {
  const school = await schoolReaders(db, schoolId);
  const found = new Map<string, Readers>();
  if (personIds.length > 0) {
    const rows = await db
      .select({ id: people.id, language: people.language })
      .from(people)
      .where(and(eq(people.schoolId, schoolId), inArray(people.id, [...new Set(personIds)])));
    for (const r of rows) found.set(r.id, r.language ?? school);
  }
  return (personId: string | null | undefined): Readers => (personId && found.get(personId)) || school;
}

/** One person's readers: their language, else the school's. */
export async function readerOf(db: DbOrTx, schoolId: string, personId: string | null | undefined) {
  return (await readersOf(db, schoolId, personId ? [personId] : []))(personId);
}

/** The school's language for readers who have not chosen one. */
export async function schoolReaders(db: DbOrTx, schoolId: string): Promise<Readers> {
  const [s] = await db.select({ language: schools.language }).from(schools).where(eq(schools.id, schoolId));
  return s?.language ?? "en-GB";
}

/**
 * A person's own choice of language, kept on their record: `actor.personId` chooses for themself
 * (a parent through their link acts as themself). Audited, as it decides what they are sent.
 * `null` goes back to the school's language.
 */
export async function setPersonLanguage(db: Db, actor: Actor, personId: string, language: Language | null) {
  if (language !== null && !isLanguage(language)) throw notFound(msg`language`);
  await db.transaction(async (tx) => {
    const where = and(eq(people.schoolId, actor.schoolId), eq(people.id, personId));
    const [before] = await tx.select({ language: people.language }).from(people).where(where);
    if (!before) throw notFound(msg`person`);
    if (before.language === language) return;
    await tx.update(people).set({ language, updatedAt: new Date() }).where(where);
    await recordEvent(tx, actor, {
      action: "person.language_set",
      entityType: "person",
      entityId: personId,
      summary: { from: before.language, to: language },
    });
  });
}
