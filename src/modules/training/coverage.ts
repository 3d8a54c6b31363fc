/**
 * Who must take which course, and where each person stands on it. Set-based: three queries per
 * school (courses, people with their roles, each person's latest completion per course) and the
 * standing worked out in memory, never a query per cell.
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/client.js";
import { addDays, addMonths, todayInLondon } from "../../kernel/dates.js";
import { personNameSql } from "../../kernel/names.js";
import { ACCOUNT_KINDS } from "../access/roles.js";
import type { CellView, TrainingStatus } from "./schema.js";

/** A completion counts until this day, inclusive (decision 020); null: it never runs out. */
export function expiryOf(completedOn: string, validityMonths: number | null) {
  return validityMonths === null ? null : addMonths(completedOn, validityMonths);
}

/** "Expiring": runs out within this many days. */
export const EXPIRING_WITHIN_DAYS = 30;

export type CourseRule = {
  id: string;
  key: string;
  name: string;
  description: string;
  evidence: "certificate" | "attendance";
  validityMonths: number | null;
  requiredKinds: string[];
  requiredRoles: string[];
  dueWithinDays: number | null;
  /** The London day the course was added: induction applies to those due from then on. */
  addedOn: string;
};

export type TrainingPerson = {
  id: string;
  name: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  email: string | null;
  department: string | null;
  jobTitle: string | null;
  kinds: string[];
  roles: string[];
  startDate: string | null;
  lineManagerId: string | null;
  leaveDate: string | null;
};

/**
 * Whether a course is one this person must take: their kind or a role of theirs is named. An
 * induction course is for new starters: people with a start date whose induction falls due on or
 * after the day the course was added, not colleagues of years (nor a whole staff imported on the
 * day a school sets Accord up, before their start dates are known).
 */
export function mustTake(course: CourseRule, person: TrainingPerson) {
  const named =
    person.kinds.some((k) => course.requiredKinds.includes(k)) ||
    person.roles.some((r) => course.requiredRoles.includes(r));
  if (!named) return false;
  const due = inductionDue(course, person);
  return course.dueWithinDays === null || (due !== null && due >= course.addedOn);
}

/** The day a new starter's induction is due: within N days of their start date. */
export function inductionDue(course: CourseRule, person: TrainingPerson) {
  if (course.dueWithinDays === null || person.startDate === null) return null;
  return addDays(person.startDate, course.dueWithinDays);
}

/** A person's standing on a course, from their latest completion (null: none) on `today`. */
export function standingOn(
  course: Pick<CourseRule, "validityMonths" | "dueWithinDays">,
  latest: string | null,
  dueOn: string | null,
  today: string,
): CellView {
  if (!latest) return { status: "never", completedOn: null, expiresOn: null, dueOn };
  const expiresOn = expiryOf(latest, course.validityMonths);
  let status: TrainingStatus = "in_date";
  if (expiresOn !== null && today > expiresOn) status = "expired";
  else if (expiresOn !== null && expiresOn <= addDays(today, EXPIRING_WITHIN_DAYS)) status = "expiring";
  return { status, completedOn: latest, expiresOn, dueOn: null };
}

export async function coursesOf(db: DbOrTx, schoolId: string, withRetired = false): Promise<CourseRule[]> {
  return queryRows<CourseRule>(
    db,
    sql`SELECT id, key, name, description, evidence, validity_months AS "validityMonths",
          required_kinds AS "requiredKinds", required_roles AS "requiredRoles",
          due_within_days AS "dueWithinDays",
          (created_at AT TIME ZONE 'Europe/London')::date::text AS "addedOn"
        FROM training_courses
        WHERE school_id = ${schoolId} ${withRetired ? sql`` : sql`AND retired_at IS NULL`}
        ORDER BY position, created_at`,
  );
}

export type PeopleScope = { personIds?: string[]; lineManagerId?: string; withLeavers?: boolean };

/**
 * The school's adults who might have to train (those who may hold an account; current unless
 * asked), with their roles.
 */
export async function trainingPeople(db: DbOrTx, schoolId: string, scope: PeopleScope = {}) {
  const today = todayInLondon();
  const rows = await queryRows<TrainingPerson>(
    db,
    sql`SELECT p.id, ${personNameSql("p")} AS name, p.given_name AS "givenName", p.family_name AS "familyName",
          p.preferred_name AS "preferredName", p.email, p.department, p.job_title AS "jobTitle",
          p.kinds, p.start_date::text AS "startDate",
          p.line_manager_id AS "lineManagerId", p.leave_date::text AS "leaveDate",
          coalesce((SELECT array_agg(r.role) FROM role_assignments r WHERE r.person_id = p.id), '{}') AS roles
        FROM people p
        WHERE p.school_id = ${schoolId}
          AND p.kinds && ${sql.param([...ACCOUNT_KINDS])}::text[]
          ${scope.withLeavers ? sql`` : sql`AND (p.leave_date IS NULL OR p.leave_date > ${today})`}
          ${scope.personIds ? sql`AND p.id = ANY(${sql.param(scope.personIds)}::uuid[])` : sql``}
          ${scope.lineManagerId ? sql`AND p.line_manager_id = ${scope.lineManagerId}` : sql``}
        ORDER BY p.family_name, p.given_name`,
  );
  return rows;
}

/** Each person's latest completion per course, withdrawn ones left out: "personId courseId" → day. */
export async function latestCompletions(db: DbOrTx, schoolId: string, personIds?: string[]) {
  const rows = await queryRows<{ person_id: string; course_id: string; latest: string }>(
    db,
    sql`SELECT c.person_id, c.course_id, max(c.completed_on)::text AS latest
        FROM training_completions c
        WHERE c.school_id = ${schoolId}
          ${personIds ? sql`AND c.person_id = ANY(${sql.param(personIds)}::uuid[])` : sql``}
          AND NOT EXISTS (SELECT 1 FROM training_withdrawals w WHERE w.completion_id = c.id)
        GROUP BY c.person_id, c.course_id`,
  );
  return new Map(rows.map((r) => [`${r.person_id} ${r.course_id}`, r.latest]));
}

export type Coverage = {
  courses: CourseRule[];
  people: (TrainingPerson & { cells: Map<string, CellView> })[];
};

/** People × the courses each must take, with their standing today (cells keyed by course id). */
export async function coverage(
  db: DbOrTx,
  schoolId: string,
  scope: PeopleScope = {},
  today = todayInLondon(),
): Promise<Coverage> {
  const [courses, people, latest] = await Promise.all([
    coursesOf(db, schoolId),
    trainingPeople(db, schoolId, scope),
    latestCompletions(db, schoolId, scope.personIds),
  ]);
  return {
    courses,
    people: people.map((person) => {
      const cells = new Map<string, CellView>();
      for (const course of courses) {
        if (!mustTake(course, person)) continue;
        const done = latest.get(`${person.id} ${course.id}`) ?? null;
        cells.set(course.id, standingOn(course, done, inductionDue(course, person), today));
      }
      return { ...person, cells };
    }),
  };
}
