import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, id } from "../../db/columns.js";
import { people } from "../people/tables.js";
import { policies, policyVersions } from "../policies/tables.js";
import { schools } from "../schools/tables.js";

// The agreements module's tables. Every domain table carries school_id and every query filters by it
// (DESIGN.md, Tenancy); timestamps are timestamptz in UTC, shown in Europe/London.

export const agreements = pgTable(
  "agreements",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id),
    policyVersionId: uuid("policy_version_id")
      .notNull()
      .references(() => policyVersions.id),
    title: text("title").notNull(),
    /** The policy title and version number as shown and hashed when the agreement was made. */
    policyTitle: text("policy_title").notNull().default(""),
    versionNumber: text("version_number").notNull().default(""),
    /**
     * The policy version's full text (Markdown) as the signer is shown it, snapshotted like the
     * title. Null only when the version had no text at all.
     */
    policyText: text("policy_text"),
    /**
     * The canonical format the hash was made with (signing/receipt/canonical.ts): 1 covered the
     * statements only; 2 covers the policy text shown too. Never changed once made, so every
     * signature's hash stays the hash of the text its receipt prints.
     */
    textFormat: integer("text_format").notNull().default(1),
    audience: text("audience").notNull(),
    declaration: text("declaration").notNull(),
    statements: jsonb("statements").notNull(),
    choices: jsonb("choices").notNull().default([]),
    requireJobTitle: boolean("require_job_title").notNull().default(false),
    /** Parents: one signature per child, or one for the family. */
    parentMode: text("parent_mode", { enum: ["per_child", "per_family"] })
      .notNull()
      .default("per_child"),
    textSha256: text("text_sha256").notNull(),
    status: text("status", { enum: ["active", "superseded", "retired"] })
      .notNull()
      .default("active"),
    /** The agreement this one replaced when its policy got a new version. */
    supersedesId: uuid("supersedes_id"),
    /** Carried forward from a "reviewed – no changes" version: earlier signatures still count. */
    sameTextAsPrevious: boolean("same_text_as_previous").notNull().default(false),
    createdBy: uuid("created_by").references(() => people.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("agreements_school_idx").on(t.schoolId, t.status)],
);

/** Who must sign an agreement, by kinds and roles: new starters matching it are assigned automatically. */
export const agreementRules = pgTable("agreement_rules", {
  id: id(),
  schoolId: uuid("school_id")
    .notNull()
    .references(() => schools.id),
  agreementId: uuid("agreement_id")
    .notNull()
    .references(() => agreements.id),
  kinds: text("kinds").array().notNull(),
  roles: text("roles").array().notNull(),
  /** New starters get this many days from their start to sign. */
  dueInDays: integer("due_in_days").notNull().default(14),
});

export const assignments = pgTable(
  "assignments",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    dueDate: date("due_date").notNull(),
    source: text("source", { enum: ["manual", "starter", "new_version"] }).notNull(),
    assignedBy: uuid("assigned_by").references(() => people.id),
    assignedAt: at("assigned_at").notNull().defaultNow(),
    cancelledAt: at("cancelled_at"),
  },
  (t) => [
    uniqueIndex("assignments_person_idx").on(t.agreementId, t.personId),
    index("assignments_school_idx").on(t.schoolId, t.personId),
  ],
);

/** Reminders already sent for an assignment: each (assignment, step) once. */
export const assignmentReminders = pgTable(
  "assignment_reminders",
  {
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    step: text("step").notNull(),
    sentAt: at("sent_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.step] })],
);
