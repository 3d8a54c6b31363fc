import { sql } from "drizzle-orm";
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
import { schools } from "../schools/tables.js";

// The policies module's tables. Every domain table carries school_id and every query filters by it
// (DESIGN.md, Tenancy); timestamps are timestamptz in UTC, shown in Europe/London.

export const policies = pgTable(
  "policies",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    title: text("title").notNull(),
    category: text("category"),
    /** Kinds of person the policy is addressed to (staff, governor, parent, pupil…). */
    audiences: text("audiences").array().notNull(),
    ownerPersonId: uuid("owner_person_id").references(() => people.id),
    governorPersonId: uuid("governor_person_id").references(() => people.id),
    reviewFrequency: text("review_frequency"),
    nextReviewDue: date("next_review_due"),
    /** "Read in conjunction with": other policies here ({policyId}) or external documents ({title, url}). */
    related: jsonb("related").notNull().default([]),
    /** Versions known only from an imported document's version-control table. */
    history: jsonb("history").notNull().default([]),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("policies_school_idx").on(t.schoolId, t.nextReviewDue)],
);

export const policyVersions = pgTable(
  "policy_versions",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id),
    major: integer("major").notNull(),
    minor: integer("minor").notNull(),
    status: text("status", { enum: ["draft", "submitted", "approved", "published", "superseded"] }).notNull(),
    issueDate: date("issue_date"),
    summary: text("summary").notNull().default(""),
    content: text("content").notNull().default(""),
    statements: jsonb("statements").notNull().default([]),
    /** "Reviewed – no changes": same text as the version before; its signers need not sign again. */
    noChanges: boolean("no_changes").notNull().default(false),
    agreedWithStaffOn: date("agreed_with_staff_on"),
    agreedAtCommitteeOn: date("agreed_at_committee_on"),
    /** For imported drafts: the original text and file name, shown beside the extraction. */
    sourceText: text("source_text"),
    sourceFileName: text("source_file_name"),
    createdBy: uuid("created_by").references(() => people.id),
    createdAt: at("created_at").notNull().defaultNow(),
    submittedAt: at("submitted_at"),
    approvedAt: at("approved_at"),
    publishedAt: at("published_at"),
    supersededAt: at("superseded_at"),
  },
  (t) => [
    uniqueIndex("policy_versions_number_idx").on(t.policyId, t.major, t.minor),
    // Only one published version of a policy at a time.
    uniqueIndex("policy_versions_one_published_idx").on(t.policyId).where(sql`status = 'published'`),
  ],
);

export const policyApprovals = pgTable(
  "policy_approvals",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => policyVersions.id),
    role: text("role").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    approvedAt: at("approved_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("policy_approvals_role_idx").on(t.versionId, t.role)],
);

/** Which designated roles must approve a policy version before it is published (per school). */
export const policySettings = pgTable("policy_settings", {
  schoolId: uuid("school_id")
    .primaryKey()
    .references(() => schools.id),
  approverRoles: text("approver_roles").array().notNull(),
});

/** Review reminders already sent: each (policy, due date, kind) once. */
export const policyReminders = pgTable(
  "policy_reminders",
  {
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id),
    dueDate: date("due_date").notNull(),
    kind: text("kind", { enum: ["month", "week", "due"] }).notNull(),
    sentAt: at("sent_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.dueDate, t.kind] })],
);

/**
 * Approvers asked to approve a version: one row per (version, person), so each approver is
 * emailed once for a version however often it is withdrawn and submitted again.
 */
export const policyApprovalRequests = pgTable(
  "policy_approval_requests",
  {
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => policyVersions.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    askedAt: at("asked_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.personId] })],
);
