/**
 * The figures behind the leaders' dashboard, for one school and a run of terms. Written to be
 * reused by the termly governors' report: everything is a function of (school, terms, today), and
 * every definition is the owning module's own (compliance.ts says who is covered, coverage.ts
 * what training is in date, statuses.ts where a pupil's consent stands). Counts only: no person
 * is named in anything returned here.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/client.js";
import { addDays, endOfLondonDay, todayInLondon } from "../../kernel/dates.js";
import { complianceMatrix } from "../agreements/compliance.js";
import { purposesOf } from "../consent/purposes.js";
import { pupilsWhere } from "../consent/queries.js";
import { statusesFor } from "../consent/statuses.js";
import { actionCounts } from "../filtering/queries.js";
import { reviewDue } from "../filtering/status.js";
import { coverage } from "../training/coverage.js";
import type { DashboardView } from "./schema.js";
import { type Term, termOf } from "./terms.js";

/** A policy whose review falls due within this many days is "due soon". */
export const DUE_SOON_DAYS = 30;

const percent = (done: number, required: number) =>
  required ? Math.round((1000 * done) / required) / 10 : null;

type Tally = { required: number; done: number };
function tally<K>(map: Map<K, Tally>, key: K, done: boolean) {
  const t = map.get(key) ?? { required: 0, done: 0 };
  t.required++;
  if (done) t.done++;
  map.set(key, t);
}

/** Agreement compliance now (by agreement, kind, department) and by the end of each term. */
export async function agreementFigures(db: Db, schoolId: string, terms: Term[], today: string) {
  const matrix = await complianceMatrix(db, schoolId, {});
  const audienceOf = new Map(matrix.agreements.map((a) => [a.id, a.audience]));
  const byKind = new Map<string, Tally>();
  const byDepartment = new Map<string | null, Tally>();
  // A term's figure: of those asked today, who had signed (or been covered) by the term's last day.
  const ends = terms.map((t) => (t.to < today ? endOfLondonDay(t.to).toISOString() : null));
  const byTerm = terms.map(() => ({ required: 0, done: 0 }));
  for (const person of matrix.people) {
    for (const [agreementId, cell] of Object.entries(person.cells)) {
      if (cell.status === "not_required" || !audienceOf.has(agreementId)) continue;
      // Done as compliance.ts counts it: signed this text, or (parents) covered by another carer.
      const done = cell.status === "signed" || cell.status === "covered";
      for (const kind of person.kinds) tally(byKind, kind, done);
      tally(byDepartment, person.department ?? null, done);
      ends.forEach((end, i) => {
        byTerm[i].required++;
        if (done && (end === null || (cell.signedAt ?? "") <= end)) byTerm[i].done++;
      });
    }
  }
  return {
    agreements: matrix.agreements.map((a) => {
      // Parents' agreements count children covered (decision 012), as the compliance page does.
      const required = a.children ? a.children.required : a.required;
      const done = a.children ? a.children.covered : a.signed + a.covered;
      return { agreement: a.title, audience: a.audience, required, done, percent: percent(done, required) };
    }),
    agreementsByKind: [...byKind]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([kind, t]) => ({ kind, ...t, percent: percent(t.done, t.required) })),
    agreementsByDepartment: [...byDepartment]
      .sort(([x], [y]) => (x === null ? 1 : y === null ? -1 : x.localeCompare(y)))
      .map(([department, t]) => ({ department, ...t, percent: percent(t.done, t.required) })),
    agreementsByTerm: terms.map((term, i) => ({
      term: term.name,
      ...byTerm[i],
      percent: percent(byTerm[i].done, byTerm[i].required),
    })),
  };
}

/** Pupils on roll with consent given, by class and purpose (statuses.ts decides each pupil's). */
export async function consentFigures(db: Db, schoolId: string) {
  const purposes = await purposesOf(db, schoolId);
  const pupils = await pupilsWhere(db, schoolId);
  const statuses = await statusesFor(
    db,
    schoolId,
    pupils.map((p) => p.id),
    purposes,
  );
  const cells = new Map<string, { class: string | null; purpose: string; pupils: number; given: number }>();
  for (const pupil of pupils) {
    const mine = new Map((statuses.get(pupil.id)?.statuses ?? []).map((s) => [s.key, s.status]));
    for (const purpose of purposes) {
      const key = `${pupil.reg_group ?? ""}\u0000${purpose.key}`;
      const cell = cells.get(key) ?? { class: pupil.reg_group, purpose: purpose.name, pupils: 0, given: 0 };
      cell.pupils++;
      if (mine.get(purpose.key) === "yes") cell.given++;
      cells.set(key, cell);
    }
  }
  // Pupils come ordered by class, so the cells are in class order, purposes in the school's order.
  return [...cells.values()].map((c) => ({ ...c, percent: percent(c.given, c.pupils) }));
}

/** Incidents by category and the term they happened in: counts, never who. */
export async function incidentFigures(db: Db, schoolId: string, terms: Term[]) {
  if (terms.length === 0) return [];
  const rows = await queryRows<{ category: string; day: string; count: number }>(
    db,
    sql`SELECT category, to_char(occurred_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS day, count(*)::int AS count
        FROM incidents
        WHERE school_id = ${schoolId}
          AND occurred_at >= ${new Date(`${addDays(terms[0].from, -1)}T00:00:00Z`)}
          AND occurred_at <= ${endOfLondonDay(terms[terms.length - 1].to)}
        GROUP BY 1, 2`,
  );
  const names = new Set(terms.map((t) => t.name));
  const counts = new Map<string, { category: string; term: string; count: number }>();
  for (const r of rows) {
    const term = termOf(r.day).name;
    if (!names.has(term)) continue;
    const key = `${r.category} ${term}`;
    const c = counts.get(key) ?? { category: r.category, term, count: 0 };
    c.count += r.count;
    counts.set(key, c);
  }
  const order = terms.map((t) => t.name);
  return [...counts.values()].sort(
    (x, y) => x.category.localeCompare(y.category) || order.indexOf(x.term) - order.indexOf(y.term),
  ) as DashboardView["incidents"];
}

/** Policies by where their review stands today: overdue after its day, as the policies page says. */
export async function policyFigures(db: Db, schoolId: string, today: string, dueSoonDays = DUE_SOON_DAYS) {
  const [row] = await queryRows<Record<"overdue" | "due_soon" | "in_date" | "no_date", number>>(
    db,
    sql`SELECT count(*) FILTER (WHERE next_review_due < ${today})::int AS overdue,
               count(*) FILTER (WHERE next_review_due >= ${today} AND next_review_due <= ${addDays(today, dueSoonDays)})::int AS due_soon,
               count(*) FILTER (WHERE next_review_due > ${addDays(today, dueSoonDays)})::int AS in_date,
               count(*) FILTER (WHERE next_review_due IS NULL)::int AS no_date
        FROM policies WHERE school_id = ${schoolId}`,
  );
  return (["overdue", "due_soon", "in_date", "no_date"] as const).map((status) => ({
    status,
    count: row[status],
  }));
}

/** Each course: of those who must take it, how many are in date, expiring, expired, never done. */
export async function trainingFigures(db: Db, schoolId: string, today: string) {
  const cover = await coverage(db, schoolId, {}, today);
  return cover.courses.map((course) => {
    const t = { required: 0, inDate: 0, expiring: 0, expired: 0, never: 0 };
    for (const person of cover.people) {
      const cell = person.cells.get(course.id);
      if (!cell) continue;
      t.required++;
      if (cell.status === "in_date") t.inDate++;
      else if (cell.status === "expiring") t.expiring++;
      else if (cell.status === "expired") t.expired++;
      else t.never++;
    }
    // Expiring training is still valid today: it counts as covered.
    return { course: course.name, ...t, percent: percent(t.inDate + t.expiring, t.required) };
  });
}

/** The annual filtering and monitoring review (decision 019) and its open actions. */
export async function filteringFigures(db: Db, schoolId: string, today: string) {
  const due = await reviewDue(db, schoolId, today);
  const counts = await actionCounts(db, schoolId, today);
  return [{ ...due, openActions: counts.open, overdueActions: counts.overdue }];
}

/** Everything the dashboard shows, for the terms given (oldest first) as of `today`. */
export async function dashboardFigures(
  db: Db,
  schoolId: string,
  terms: Term[],
  today = todayInLondon(),
): Promise<DashboardView> {
  return {
    today,
    terms: terms.map(({ name, from, to }) => ({ name, from, to })),
    dueSoonDays: DUE_SOON_DAYS,
    ...(await agreementFigures(db, schoolId, terms, today)),
    consent: await consentFigures(db, schoolId),
    incidents: await incidentFigures(db, schoolId, terms),
    policies: await policyFigures(db, schoolId, today),
    training: await trainingFigures(db, schoolId, today),
    filtering: await filteringFigures(db, schoolId, today),
  };
}
