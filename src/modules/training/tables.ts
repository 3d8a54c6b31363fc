import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, bytea, id } from "../../db/columns.js";
import { people } from "../people/tables.js";
import { schools } from "../schools/tables.js";
import { COMPLETION_SOURCES, EVIDENCE } from "./schema.js";

// The training module's tables (decision 020). A completion is a record of what happened:
// insert-only, like a signature. A mistaken one is withdrawn by a row in
// training_withdrawals (who, when, why), never changed or deleted. Certificates are kept as bytes
// in PostgreSQL, the only store, and are insert-only too.

export const trainingCourses = pgTable(
  "training_courses",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** How long a completion counts, in calendar months; null: it never runs out. */
    validityMonths: integer("validity_months"),
    requiredKinds: text("required_kinds").array().notNull().default(sql`'{}'::text[]`),
    requiredRoles: text("required_roles").array().notNull().default(sql`'{}'::text[]`),
    evidence: text("evidence", { enum: EVIDENCE }).notNull().default("certificate"),
    /** Induction: due within this many days of a new starter's start date. */
    dueWithinDays: integer("due_within_days"),
    position: integer("position").notNull().default(0),
    retiredAt: at("retired_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("training_courses_key_idx").on(t.schoolId, t.key)],
);

/** A certificate a person uploaded: PDF, JPEG or PNG, checked by its first bytes. */
export const trainingCertificates = pgTable(
  "training_certificates",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    content: bytea("content").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => people.id),
    uploadedAt: at("uploaded_at").notNull().defaultNow(),
  },
  (t) => [index("training_certificates_person_idx").on(t.schoolId, t.personId)],
);

export const trainingCompletions = pgTable(
  "training_completions",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    courseId: uuid("course_id")
      .notNull()
      .references(() => trainingCourses.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    completedOn: date("completed_on").notNull(),
    /** "self": recorded by the person; "attendance": an INSET or meeting; "import": a provider's file. */
    source: text("source", { enum: COMPLETION_SOURCES }).notNull(),
    certificateId: uuid("certificate_id").references(() => trainingCertificates.id),
    recordedBy: uuid("recorded_by").references(() => people.id),
    recordedAt: at("recorded_at").notNull().defaultNow(),
  },
  (t) => [
    // The same person, course and day twice is one event recorded twice: counted once.
    uniqueIndex("training_completions_once_idx").on(t.schoolId, t.personId, t.courseId, t.completedOn),
    // The matrix reads each person's latest completion per course.
    index("training_completions_course_idx").on(t.schoolId, t.courseId, t.personId, t.completedOn),
  ],
);

/** A completion recorded by mistake: who withdrew it, when and why. The completion stays. */
export const trainingWithdrawals = pgTable(
  "training_withdrawals",
  {
    completionId: uuid("completion_id")
      .primaryKey()
      .references(() => trainingCompletions.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    reason: text("reason").notNull(),
    withdrawnBy: uuid("withdrawn_by").references(() => people.id),
    withdrawnAt: at("withdrawn_at").notNull().defaultNow(),
  },
  (t) => [index("training_withdrawals_school_idx").on(t.schoolId)],
);

/**
 * Reminders sent, one row per step: the step names the date it counts from ("2026-05-01:before"),
 * so a new completion starts a fresh set and running the sweep twice sends nothing new.
 */
export const trainingReminders = pgTable(
  "training_reminders",
  {
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    courseId: uuid("course_id")
      .notNull()
      .references(() => trainingCourses.id),
    step: text("step").notNull(),
    sentOn: date("sent_on").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.courseId, t.step] })],
);
