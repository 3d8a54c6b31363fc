/**
 * The people import's SQL: the school's people and contact links as they stand, and writing an
 * import's plan. These only read and write rows; what the file means (who is new, who changed,
 * who left) is worked out in service.ts.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client.js";
import { domainEvents, importMappings, people, pupilContacts } from "../../../db/schema.js";
import type { Kind } from "../../access/roles.js";
import type { Field, ImportKind, Mapping } from "./columns.js";
import type { ImportRecord } from "./rows.js";

/** Fields copied onto the person (the rest describe links between contacts and pupils). */
export const PERSON_FIELDS = [
  "givenName",
  "familyName",
  "preferredName",
  "email",
  "phone",
  "staffCode",
  "jobTitle",
  "department",
  "startDate",
  "upn",
  "admissionNumber",
  "yearGroup",
  "regGroup",
  "dateOfBirth",
  "misId",
] as const satisfies readonly Field[];
export type PersonField = (typeof PERSON_FIELDS)[number];
const INSERT_COLUMNS = PERSON_FIELDS.filter((f) => f !== "startDate");
const COLUMN_NAMES: Record<PersonField, string> = {
  givenName: "given_name",
  familyName: "family_name",
  preferredName: "preferred_name",
  email: "email",
  phone: "phone",
  staffCode: "staff_code",
  jobTitle: "job_title",
  department: "department",
  startDate: "start_date",
  upn: "upn",
  admissionNumber: "admission_number",
  yearGroup: "year_group",
  regGroup: "reg_group",
  dateOfBirth: "date_of_birth",
  misId: "mis_id",
};
/** Rows per UPDATE or INSERT … VALUES statement. */
const CHUNK = 1000;
/** New people per INSERT … SELECT FROM unnest(): arrays, so many more fit in one statement. */
const INSERT_CHUNK = 10_000;

export type Existing = typeof people.$inferSelect;

/** The columns the school mapped for this kind of file last time, if it has imported one. */
export async function savedMapping(db: Db, schoolId: string, kind: ImportKind) {
  const [saved] = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.schoolId, schoolId), eq(importMappings.kind, kind)));
  return saved?.mapping as Mapping | undefined;
}

export async function saveMapping(tx: Tx, schoolId: string, kind: ImportKind, mapping: Mapping) {
  await tx
    .insert(importMappings)
    .values({ schoolId, kind, mapping })
    .onConflictDoUpdate({
      target: [importMappings.schoolId, importMappings.kind],
      set: { mapping, updatedAt: new Date() },
    });
}

export async function peopleOfSchool(tx: Tx, schoolId: string) {
  return tx.select().from(people).where(eq(people.schoolId, schoolId));
}

export async function contactLinksOfSchool(tx: Tx, schoolId: string) {
  return tx.select().from(pupilContacts).where(eq(pupilContacts.schoolId, schoolId));
}

/**
 * Add new people of one kind, each with a start date; returns their ids in the order given.
 * They go in as one array per column through unnest(): building a 100,000-row INSERT with the
 * query builder spent most of an import's time in JavaScript (see docs/PERFORMANCE.md).
 */
export async function insertPeople(
  tx: Tx,
  schoolId: string,
  kind: Kind,
  records: ImportRecord[],
  startDates: string[],
) {
  const createdIds: string[] = [];
  for (let i = 0; i < records.length; i += INSERT_CHUNK) {
    const chunk = records.slice(i, i + INSERT_CHUNK);
    const ids = chunk.map(() => randomUUID());
    const column = (f: PersonField) => chunk.map((record) => (record[f] ?? null) as string | null);
    await tx.execute(sql`
      INSERT INTO people (id, school_id, kinds, start_date, ${sql.raw(INSERT_COLUMNS.map((c) => COLUMN_NAMES[c]).join(", "))})
      SELECT u.id, ${schoolId}::uuid, ARRAY[${kind}]::text[], u.start_date, ${sql.raw(INSERT_COLUMNS.map((c) => `u.${COLUMN_NAMES[c]}`).join(", "))}
      FROM unnest(${sql.param(ids)}::uuid[], ${sql.param(startDates.slice(i, i + INSERT_CHUNK))}::date[], ${sql.join(
        INSERT_COLUMNS.map(
          (c) =>
            sql`${sql.param(c === "givenName" ? chunk.map(forenameOf) : column(c))}::${sql.raw(c === "dateOfBirth" ? "date" : "text")}[]`,
        ),
        sql`, `,
      )}) AS u(id, start_date, ${sql.raw(INSERT_COLUMNS.map((c) => COLUMN_NAMES[c]).join(", "))})`);
    createdIds.push(...ids);
  }
  return createdIds;
}

/** A new person's forename: the legal one, or the one they go by when the file has only that. */
const forenameOf = (record: ImportRecord) => String(record.givenName ?? record.preferredName ?? "");

export async function updatePerson(tx: Tx, schoolId: string, id: string, set: Record<string, unknown>) {
  await tx
    .update(people)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(people.schoolId, schoolId), eq(people.id, id)));
}

/** These people leave today (never deleted: their signatures and history stay). */
export async function markLeft(tx: Tx, schoolId: string, ids: string[], today: string) {
  for (let i = 0; i < ids.length; i += CHUNK)
    await tx
      .update(people)
      .set({ leaveDate: today, updatedAt: new Date() })
      .where(and(eq(people.schoolId, schoolId), inArray(people.id, ids.slice(i, i + CHUNK))));
}

/** A contact is no longer linked to these pupils. */
export async function dropContactLinks(tx: Tx, schoolId: string, contactId: string, pupilIds: string[]) {
  await tx
    .delete(pupilContacts)
    .where(
      and(
        eq(pupilContacts.schoolId, schoolId),
        eq(pupilContacts.contactId, contactId),
        inArray(pupilContacts.pupilId, pupilIds),
      ),
    );
}

/** Link contacts to pupils; a link that exists takes the file's relationship, priority and responsibility. */
export async function saveContactLinks(tx: Tx, rows: (typeof pupilContacts.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await tx
      .insert(pupilContacts)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: [pupilContacts.pupilId, pupilContacts.contactId],
        set: {
          relationship: sql`excluded.relationship`,
          priority: sql`excluded.priority`,
          parentalResponsibility: sql`excluded.parental_responsibility`,
        },
      });
}

/** Tell the other modules who joined (agreements assigns new starters what they must sign). */
export async function announceJoiners(tx: Tx, schoolId: string, kind: Kind, personIds: string[]) {
  await tx.insert(domainEvents).values({ schoolId, type: "people.joined", payload: { kind, personIds } });
}
