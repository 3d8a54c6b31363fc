/**
 * The consent module's SQL. Every query takes the school first (tenancy).
 */
import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/client.js";
import { personNameSql } from "../../kernel/names.js";
import type { Answer, Method } from "./schema.js";
import type { AnswerFact } from "./status.js";

export const nameOf = personNameSql;
/** On the roll today: not yet left. */
export const onRoll = (alias: string) =>
  sql.raw(`(${alias}.leave_date IS NULL OR ${alias}.leave_date > now()::date)`);

export type PupilRow = {
  id: string;
  name: string;
  reg_group: string | null;
  year_group: string | null;
  date_of_birth: string | null;
};

/** Pupils on the roll, optionally only some (by id, class or year group), in register order. */
export async function pupilsWhere(db: DbOrTx, schoolId: string, where: SQL = sql`true`) {
  return queryRows<PupilRow>(
    db,
    sql`SELECT p.id, ${nameOf("p")} AS name, p.reg_group, p.year_group, p.date_of_birth::text AS date_of_birth
        FROM people p
        WHERE p.school_id = ${schoolId} AND 'pupil' = ANY(p.kinds) AND ${onRoll("p")} AND ${where}
        ORDER BY p.reg_group NULLS LAST, p.family_name, p.given_name`,
  );
}

export type Selection = { pupilIds?: string[]; classes?: string[]; yearGroups?: string[] };

/** The pupils a request or a view names; with nothing named, every pupil on the roll. */
export function selectionSql(s: Selection): SQL {
  const parts: SQL[] = [];
  if (s.pupilIds?.length) parts.push(sql`p.id = ANY(${sql.param(s.pupilIds)}::uuid[])`);
  if (s.classes?.length) parts.push(sql`p.reg_group = ANY(${sql.param(s.classes)}::text[])`);
  if (s.yearGroups?.length) parts.push(sql`p.year_group = ANY(${sql.param(s.yearGroups)}::text[])`);
  return parts.length === 0 ? sql`true` : sql`(${sql.join(parts, sql` OR `)})`;
}

export async function classesAndYears(db: DbOrTx, schoolId: string) {
  const rows = await queryRows<{ reg_group: string | null; year_group: string | null }>(
    db,
    sql`SELECT DISTINCT p.reg_group, p.year_group FROM people p
        WHERE p.school_id = ${schoolId} AND 'pupil' = ANY(p.kinds) AND ${onRoll("p")}`,
  );
  const sorted = (xs: (string | null)[]) =>
    [...new Set(xs.filter((x): x is string => Boolean(x)))].sort((a, b) =>
      a.localeCompare(b, "en-GB", { numeric: true }),
    );
  return { classes: sorted(rows.map((r) => r.reg_group)), yearGroups: sorted(rows.map((r) => r.year_group)) };
}

export type CarerRow = {
  pupil_id: string;
  id: string;
  name: string;
  given_name: string;
  email: string | null;
  parental_responsibility: boolean;
};

/** Each pupil's carers on record, those with parental responsibility first. */
export async function carersOf(db: DbOrTx, schoolId: string, pupilIds: string[]) {
  if (pupilIds.length === 0) return [];
  return queryRows<CarerRow>(
    db,
    sql`SELECT pc.pupil_id, c.id, ${nameOf("c")} AS name, coalesce(c.preferred_name, c.given_name) AS given_name,
          c.email, pc.parental_responsibility
        FROM pupil_contacts pc JOIN people c ON c.id = pc.contact_id
        WHERE pc.school_id = ${schoolId} AND pc.pupil_id = ANY(${sql.param(pupilIds)}::uuid[])
        ORDER BY pc.parental_responsibility DESC, pc.priority NULLS LAST, c.family_name`,
  );
}

export type AnswerRow = {
  id: string;
  pupil_id: string;
  purpose_id: string;
  answer: Answer;
  carer_id: string | null;
  method: Method;
  note: string | null;
  wording_sha256: string;
  answered_at: Date;
  by_name: string | null;
};

/** Every answer for these pupils (and purposes, when named), oldest first. */
export async function answersFor(db: DbOrTx, schoolId: string, pupilIds: string[], purposeIds?: string[]) {
  if (pupilIds.length === 0) return [];
  const purposes = purposeIds ? sql`AND a.purpose_id = ANY(${sql.param(purposeIds)}::uuid[])` : sql``;
  const rows = await queryRows<AnswerRow & { answered_at: Date | string }>(
    db,
    sql`SELECT a.id, a.pupil_id, a.purpose_id, a.answer, a.carer_id, a.method, a.note, a.wording_sha256,
          a.answered_at, ${nameOf("c")} AS by_name
        FROM consent_answers a LEFT JOIN people c ON c.id = coalesce(a.carer_id, CASE WHEN a.method IN ('pupil', 'self') THEN a.pupil_id END)
        WHERE a.school_id = ${schoolId} AND a.pupil_id = ANY(${sql.param(pupilIds)}::uuid[]) ${purposes}
        ORDER BY a.answered_at, a.id`,
  );
  return rows.map((r) => ({ ...r, answered_at: new Date(r.answered_at) }));
}

/** Only what the rule needs (no names): the photo check's hot path reads this. */
export async function factsFor(db: DbOrTx, schoolId: string, pupilIds: string[], purposeIds: string[]) {
  if (pupilIds.length === 0) return [];
  const rows = await queryRows<{
    pupil_id: string;
    purpose_id: string;
    answer: Answer;
    carer_id: string | null;
    method: Method;
    answered_at: Date | string;
  }>(
    db,
    sql`SELECT a.pupil_id, a.purpose_id, a.answer, a.carer_id, a.method, a.answered_at
        FROM consent_answers a
        WHERE a.school_id = ${schoolId} AND a.pupil_id = ANY(${sql.param(pupilIds)}::uuid[])
          AND a.purpose_id = ANY(${sql.param(purposeIds)}::uuid[])`,
  );
  return rows.map((r) => ({ ...r, answered_at: new Date(r.answered_at) }));
}

/** Who an answer counts as: each carer is one voice, the pupil another, the office's unnamed record a third. */
export const answererOf = (a: Pick<AnswerRow, "carer_id" | "method">) =>
  a.carer_id ? `carer:${a.carer_id}` : a.method === "pupil" || a.method === "self" ? "self" : "school";

export const factOf = (a: Pick<AnswerRow, "carer_id" | "method" | "answer" | "answered_at">): AnswerFact => ({
  answerer: answererOf(a),
  answer: a.answer,
  at: a.answered_at,
});

export type RestrictionRow = { pupil_id: string; at: Date; reason: string | null; by_name: string | null };

/** The restriction in force for each of these pupils (the newest row says set or lifted). */
export async function restrictionsFor(db: DbOrTx, schoolId: string, pupilIds: string[]) {
  if (pupilIds.length === 0) return new Map<string, RestrictionRow>();
  const rows = await queryRows<RestrictionRow & { restricted: boolean; at: Date | string }>(
    db,
    sql`SELECT DISTINCT ON (r.pupil_id) r.pupil_id, r.restricted, r.at, r.reason, ${nameOf("b")} AS by_name
        FROM consent_restrictions r LEFT JOIN people b ON b.id = r.by_id
        WHERE r.school_id = ${schoolId} AND r.pupil_id = ANY(${sql.param(pupilIds)}::uuid[])
        ORDER BY r.pupil_id, r.at DESC, r.id`,
  );
  return new Map(rows.filter((r) => r.restricted).map((r) => [r.pupil_id, { ...r, at: new Date(r.at) }]));
}
