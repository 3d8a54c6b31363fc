/**
 * The filtering module's reads. Every query takes the school: a review, its actions, the people
 * named on them, and the school's named leader and governor.
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/client.js";
import { personNameSql } from "../../kernel/names.js";
import type { FilteringResponsibles } from "../access/filtering.js";
import type { CheckKey, PersonRef, Trigger } from "./schema.js";

export async function responsiblesOf(db: DbOrTx, schoolId: string): Promise<FilteringResponsibles> {
  const [row] = await queryRows<{ leaderId: string | null; governorId: string | null }>(
    db,
    sql`SELECT leader_id AS "leaderId", governor_id AS "governorId" FROM filtering_responsibles
        WHERE school_id = ${schoolId}`,
  );
  return { schoolId, leaderId: row?.leaderId ?? null, governorId: row?.governorId ?? null };
}

export type PersonFacts = PersonRef & { email: string | null; kinds: string[]; left: boolean };

/** People of this school by id, with what the rules ask of them (kind, whether they have left). */
export async function peopleByIds(db: DbOrTx, schoolId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, PersonFacts>();
  const rows = await queryRows<PersonFacts>(
    db,
    sql`SELECT p.id, ${personNameSql("p")} AS name, p.email, p.kinds,
          (p.leave_date IS NOT NULL AND p.leave_date <= now()::date) AS "left"
        FROM people p WHERE p.school_id = ${schoolId} AND p.id = ANY(${sql.param([...new Set(ids)])}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export type ReviewRow = {
  id: string;
  schoolId: string;
  reviewedOn: string;
  trigger: Trigger;
  incidentId: string | null;
  incidentReference: string | null;
  participantIds: string[];
  externalParticipants: string[];
  products: string[];
  checks: { key: CheckKey; checked: boolean; note: string }[];
  findings: string;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: Date | string;
};

export async function reviewById(db: DbOrTx, schoolId: string, id: string) {
  const [row] = await queryRows<ReviewRow>(
    db,
    sql`SELECT r.id, r.school_id AS "schoolId", r.reviewed_on::text AS "reviewedOn", r.trigger,
          r.incident_id AS "incidentId", i.reference AS "incidentReference",
          r.participant_ids AS "participantIds", r.external_participants AS "externalParticipants",
          r.products, r.checks, r.findings, r.recorded_by AS "recordedBy",
          ${personNameSql("p")} AS "recordedByName", r.recorded_at AS "recordedAt"
        FROM filtering_reviews r
          LEFT JOIN incidents i ON i.id = r.incident_id AND i.school_id = r.school_id
          LEFT JOIN people p ON p.id = r.recorded_by
        WHERE r.school_id = ${schoolId} AND r.id = ${id}`,
  );
  return row ?? null;
}

export type ReviewSummaryRow = {
  id: string;
  reviewedOn: string;
  trigger: Trigger;
  recordedBy: string | null;
  recordedByName: string | null;
  actions: number;
  openActions: number;
};

/** Newest first: the one at the top is the one the next is due from. */
export function reviewsOf(db: DbOrTx, schoolId: string) {
  return queryRows<ReviewSummaryRow>(
    db,
    sql`SELECT r.id, r.reviewed_on::text AS "reviewedOn", r.trigger, r.recorded_by AS "recordedBy",
          ${personNameSql("p")} AS "recordedByName",
          (SELECT count(*)::int FROM filtering_actions a WHERE a.review_id = r.id) AS actions,
          (SELECT count(*)::int FROM filtering_actions a WHERE a.review_id = r.id AND a.done_on IS NULL) AS "openActions"
        FROM filtering_reviews r LEFT JOIN people p ON p.id = r.recorded_by
        WHERE r.school_id = ${schoolId}
        ORDER BY r.reviewed_on DESC, r.recorded_at DESC`,
  );
}

export type ActionRow = {
  id: string;
  schoolId: string;
  reviewId: string;
  reviewedOn: string;
  text: string;
  ownerId: string;
  ownerName: string;
  ownerEmail: string | null;
  dueOn: string;
  doneOn: string | null;
  doneBy: string | null;
  doneByName: string | null;
};

const selectActions = (where: ReturnType<typeof sql>) =>
  sql`SELECT a.id, a.school_id AS "schoolId", a.review_id AS "reviewId", r.reviewed_on::text AS "reviewedOn",
        a.text, a.owner_id AS "ownerId", ${personNameSql("o")} AS "ownerName", o.email AS "ownerEmail",
        a.due_on::text AS "dueOn", a.done_on::text AS "doneOn", a.done_by AS "doneBy",
        CASE WHEN d.id IS NULL THEN NULL ELSE ${personNameSql("d")} END AS "doneByName"
      FROM filtering_actions a
        JOIN filtering_reviews r ON r.id = a.review_id
        JOIN people o ON o.id = a.owner_id
        LEFT JOIN people d ON d.id = a.done_by
      WHERE ${where}
      ORDER BY a.due_on, a.position`;

export const actionsOfReview = (db: DbOrTx, schoolId: string, reviewId: string) =>
  queryRows<ActionRow>(db, selectActions(sql`a.school_id = ${schoolId} AND a.review_id = ${reviewId}`));

export async function actionById(db: DbOrTx, schoolId: string, reviewId: string, id: string) {
  const [row] = await queryRows<ActionRow>(
    db,
    selectActions(sql`a.school_id = ${schoolId} AND a.review_id = ${reviewId} AND a.id = ${id}`),
  );
  return row ?? null;
}

export const openActionsOwnedBy = (db: DbOrTx, schoolId: string, ownerId: string) =>
  queryRows<ActionRow>(
    db,
    selectActions(sql`a.school_id = ${schoolId} AND a.owner_id = ${ownerId} AND a.done_on IS NULL`),
  );

export const openActionsDueBy = (db: DbOrTx, schoolId: string, today: string) =>
  queryRows<ActionRow>(
    db,
    selectActions(sql`a.school_id = ${schoolId} AND a.done_on IS NULL AND a.due_on <= ${today}`),
  );

export async function actionCounts(db: DbOrTx, schoolId: string, today: string) {
  const [row] = await queryRows<{ open: number; overdue: number }>(
    db,
    sql`SELECT count(*)::int AS open, count(*) FILTER (WHERE due_on < ${today})::int AS overdue
        FROM filtering_actions WHERE school_id = ${schoolId} AND done_on IS NULL`,
  );
  return row;
}

export async function lastReviewedOn(db: DbOrTx, schoolId: string) {
  const [row] = await queryRows<{ last: string | null }>(
    db,
    sql`SELECT max(reviewed_on)::text AS last FROM filtering_reviews WHERE school_id = ${schoolId}`,
  );
  return row?.last ?? null;
}

/** A filtering incident of this school, by id: what a review may say prompted it. */
export async function filteringIncident(db: DbOrTx, schoolId: string, id: string) {
  const [row] = await queryRows<{ id: string; reference: string; category: string }>(
    db,
    sql`SELECT id, reference, category FROM incidents WHERE school_id = ${schoolId} AND id = ${id}`,
  );
  return row ?? null;
}
