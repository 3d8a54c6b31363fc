/**
 * The courses a school expects its people to take. Every school starts with the ones schools in
 * England and Wales are expected to keep up (decision 020) and edits them. A course with records
 * is retired, never deleted: the records point at it.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { trainingCompletions, trainingCourses } from "../../db/schema.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, notFound } from "../../kernel/problem.js";
import type { Actor, Kind, Role } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import type { CourseInput, CoursePatch, CourseView } from "./schema.js";

type DefaultCourse = {
  key: string;
  name: string;
  description: string;
  validityMonths: number | null;
  requiredKinds: Kind[];
  requiredRoles: Role[];
  evidence: "certificate" | "attendance";
  dueWithinDays?: number;
};

/** Everyone who works in school day to day: employed staff, supply staff and student teachers. */
const WORKFORCE: Kind[] = ["staff", "supply", "student_teacher"];

export const DEFAULT_COURSES: DefaultCourse[] = [
  {
    key: "online_safety",
    name: "Online safety",
    description:
      "How pupils can come to harm online, what the school's filtering and monitoring can and cannot catch, and how to pass on a worry.",
    validityMonths: 12,
    requiredKinds: WORKFORCE,
    requiredRoles: [],
    evidence: "certificate",
  },
  {
    key: "safeguarding_update",
    name: "Annual safeguarding update",
    description:
      "This year's changes to statutory guidance and to the school's own procedures, usually given at the first INSET of the year.",
    validityMonths: 12,
    requiredKinds: [...WORKFORCE, "volunteer"],
    requiredRoles: [],
    evidence: "attendance",
  },
  {
    key: "dsl_training",
    name: "Designated safeguarding lead training",
    description:
      "The full course for the designated safeguarding lead and their deputies, with the local safeguarding partnership's arrangements.",
    validityMonths: 24,
    requiredKinds: [],
    requiredRoles: ["dsl", "deputy_dsl"],
    evidence: "certificate",
  },
  {
    key: "prevent",
    name: "Prevent awareness",
    description:
      "Spotting when someone may be drawn into terrorism or extremism, and the referral route the school follows.",
    validityMonths: 24,
    requiredKinds: WORKFORCE,
    requiredRoles: [],
    evidence: "certificate",
  },
  {
    key: "data_protection",
    name: "Data protection",
    description:
      "Handling personal data about pupils, families and colleagues safely, and what to do at once if it goes astray.",
    validityMonths: 24,
    requiredKinds: WORKFORCE,
    requiredRoles: [],
    evidence: "certificate",
  },
  {
    key: "filtering_monitoring",
    name: "Filtering and monitoring",
    description:
      "For the leaders responsible for them: what the school's filtering blocks, what monitoring reports, and how the yearly review is run.",
    validityMonths: 12,
    requiredKinds: [],
    requiredRoles: ["headteacher", "online_safety_lead", "network_manager"],
    evidence: "certificate",
  },
  {
    key: "induction",
    name: "Induction for new starters",
    description:
      "The school's safeguarding and online-safety induction: who the safeguarding leads are, the staff code of conduct and acceptable use.",
    validityMonths: null,
    requiredKinds: [...WORKFORCE, "volunteer"],
    requiredRoles: [],
    evidence: "attendance",
    dueWithinDays: 14,
  },
];

/** A new school's courses, written in the transaction that creates it. */
export async function seedCourses(tx: DbOrTx, schoolId: string) {
  await tx
    .insert(trainingCourses)
    .values(
      DEFAULT_COURSES.map((c, position) => ({
        ...c,
        dueWithinDays: c.dueWithinDays ?? null,
        schoolId,
        position,
      })),
    )
    .onConflictDoNothing();
}

type CourseRow = typeof trainingCourses.$inferSelect;

export function presentCourse(c: CourseRow, completions: number): CourseView {
  return {
    id: c.id,
    key: c.key,
    name: c.name,
    description: c.description,
    validityMonths: c.validityMonths,
    requiredFor: { kinds: c.requiredKinds as Kind[], roles: c.requiredRoles as Role[] },
    evidence: c.evidence,
    dueWithinDays: c.dueWithinDays,
    retired: c.retiredAt !== null,
    completions,
  };
}

export async function listCourses(db: DbOrTx, schoolId: string, withRetired: boolean) {
  const rows = await db
    .select({
      course: trainingCourses,
      completions: sql<number>`(SELECT count(*)::int FROM ${trainingCompletions} c WHERE c.course_id = ${trainingCourses.id})`,
    })
    .from(trainingCourses)
    .where(
      and(
        eq(trainingCourses.schoolId, schoolId),
        withRetired ? sql`true` : sql`${trainingCourses.retiredAt} IS NULL`,
      ),
    )
    .orderBy(trainingCourses.position, trainingCourses.createdAt);
  return rows.map((r) => presentCourse(r.course, r.completions));
}

export async function courseByKey(db: DbOrTx, schoolId: string, key: string) {
  const [row] = await db
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.schoolId, schoolId), eq(trainingCourses.key, key)));
  if (!row) throw notFound(msg`course`);
  return row;
}

/** A course must name someone who takes it, or it would never show on the matrix. */
function checkRequiredFor(requiredFor: { kinds: string[]; roles: string[] }) {
  if (requiredFor.kinds.length + requiredFor.roles.length === 0)
    throw badRequest(msg`Say who must take this course.`, [
      { field: "requiredFor", message: msg`Choose at least one kind of person or role.` },
    ]);
}

export async function createCourse(db: Db, actor: Actor, input: CourseInput) {
  checkRequiredFor(input.requiredFor);
  return db.transaction(async (tx: Tx) => {
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${trainingCourses.position}) + 1, 0)::int` })
      .from(trainingCourses)
      .where(eq(trainingCourses.schoolId, actor.schoolId));
    const [row] = await tx
      .insert(trainingCourses)
      .values({
        schoolId: actor.schoolId,
        key: input.key,
        name: input.name,
        description: input.description,
        validityMonths: input.validityMonths,
        requiredKinds: input.requiredFor.kinds,
        requiredRoles: input.requiredFor.roles,
        evidence: input.evidence,
        dueWithinDays: input.dueWithinDays,
        position: next,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(msg`There is already a course with the key "${input.key}".`);
    await recordEvent(tx, actor, {
      action: "training.course_created",
      entityType: "training_course",
      entityId: row.id,
      summary: { name: row.name, validityMonths: row.validityMonths },
    });
    return presentCourse(row, 0);
  });
}

export async function updateCourse(db: Db, actor: Actor, key: string, patch: CoursePatch) {
  const before = await courseByKey(db, actor.schoolId, key);
  if (patch.requiredFor) checkRequiredFor(patch.requiredFor);
  const set: Partial<typeof trainingCourses.$inferInsert> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.validityMonths !== undefined) set.validityMonths = patch.validityMonths;
  if (patch.evidence !== undefined) set.evidence = patch.evidence;
  if (patch.dueWithinDays !== undefined) set.dueWithinDays = patch.dueWithinDays;
  if (patch.requiredFor) {
    set.requiredKinds = patch.requiredFor.kinds;
    set.requiredRoles = patch.requiredFor.roles;
  }
  if (patch.retired !== undefined) set.retiredAt = patch.retired ? (before.retiredAt ?? new Date()) : null;
  return db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .update(trainingCourses)
      .set(set)
      .where(and(eq(trainingCourses.schoolId, actor.schoolId), eq(trainingCourses.id, before.id)))
      .returning();
    const retiredNow = patch.retired === true && before.retiredAt === null;
    await recordEvent(tx, actor, {
      action: retiredNow ? "training.course_retired" : "training.course_changed",
      entityType: "training_course",
      entityId: row.id,
      summary: { name: row.name, changed: Object.keys(patch) },
    });
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingCompletions)
      .where(eq(trainingCompletions.courseId, row.id));
    return presentCourse(row, n);
  });
}

/** A course added by mistake goes; one with records is retired instead (409 says so). */
export async function deleteCourse(db: Db, actor: Actor, key: string) {
  const course = await courseByKey(db, actor.schoolId, key);
  await db.transaction(async (tx: Tx) => {
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingCompletions)
      .where(eq(trainingCompletions.courseId, course.id));
    if (n > 0) throw conflict(msg`This course has completions on record: retire it instead of deleting it.`);
    await tx.execute(sql`DELETE FROM training_reminders WHERE course_id = ${course.id}`);
    await tx
      .delete(trainingCourses)
      .where(and(eq(trainingCourses.schoolId, actor.schoolId), eq(trainingCourses.id, course.id)));
    await recordEvent(tx, actor, {
      action: "training.course_deleted",
      entityType: "training_course",
      entityId: course.id,
      summary: { name: course.name },
    });
  });
}
