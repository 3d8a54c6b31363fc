import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, id } from "../../db/columns.js";
import { people } from "../people/tables.js";
import { schools } from "../schools/tables.js";
import type { Question } from "./schema.js";

// The permission requests module's tables. A request cannot be changed once made; what happens to
// it is a row in request_entries (a decision or the requester's reply), insert-only: evidence of
// who allowed what, when, on what conditions. The request's status is its latest entry.

export const requestTypes = pgTable(
  "request_types",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    approverRoles: text("approver_roles").array().notNull(),
    questions: jsonb("questions").$type<Question[]>().notNull(),
    /** "images_moved": once approved, the requester confirms the images went to school systems. */
    followUp: text("follow_up", { enum: ["images_moved"] }),
    /** Approving it offers a line in this register. */
    register: text("register", { enum: ["service", "social_account"] }),
    position: integer("position").notNull().default(0),
    retiredAt: at("retired_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("request_types_key_idx").on(t.schoolId, t.key)],
);

export const permissionRequests = pgTable(
  "permission_requests",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    typeId: uuid("type_id")
      .notNull()
      .references(() => requestTypes.id),
    requesterId: uuid("requester_id")
      .notNull()
      .references(() => people.id),
    /** The answers to the type's questions, and the questions as they were asked. */
    details: jsonb("details").$type<Record<string, string | boolean>>().notNull(),
    questions: jsonb("questions").$type<Question[]>().notNull(),
    /** The approver roles when it was made: a later change to the type does not move it. */
    approverRoles: text("approver_roles").array().notNull(),
    madeAt: at("made_at").notNull().defaultNow(),
  },
  (t) => [
    index("permission_requests_requester_idx").on(t.schoolId, t.requesterId),
    index("permission_requests_made_idx").on(t.schoolId, t.madeAt),
  ],
);

/** Decisions (approved, refused, more_info) and the requester's replies: insert-only. */
export const requestEntries = pgTable(
  "request_entries",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    requestId: uuid("request_id")
      .notNull()
      .references(() => permissionRequests.id),
    kind: text("kind", { enum: ["approved", "refused", "more_info", "reply"] }).notNull(),
    conditions: text("conditions"),
    validUntil: date("valid_until"),
    /** The reason for a refusal, what more is wanted, or the requester's reply. */
    text: text("text"),
    authorId: uuid("author_id").references(() => people.id),
    // The clock's time, not the transaction's: the latest entry is the request's status.
    at: at("at").notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index("request_entries_request_idx").on(t.schoolId, t.requestId, t.at)],
);

/** An approved request's follow-up: due, chased once a day while overdue, confirmed. */
export const requestFollowUps = pgTable(
  "request_follow_ups",
  {
    requestId: uuid("request_id")
      .primaryKey()
      .references(() => permissionRequests.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    dueOn: date("due_on").notNull(),
    lastChasedOn: date("last_chased_on"),
    confirmedAt: at("confirmed_at"),
    confirmedBy: uuid("confirmed_by").references(() => people.id),
  },
  (t) => [index("request_follow_ups_open_idx").on(t.schoolId, t.dueOn).where(sql`confirmed_at IS NULL`)],
);

/** The register of approved online services. */
export const onlineServices = pgTable(
  "online_services",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    name: text("name").notNull(),
    personalData: text("personal_data").notNull().default(""),
    approvedBy: uuid("approved_by").references(() => people.id),
    reviewOn: date("review_on"),
    dpoView: text("dpo_view"),
    requestId: uuid("request_id").references(() => permissionRequests.id),
    addedAt: at("added_at").notNull().defaultNow(),
  },
  (t) => [index("online_services_school_idx").on(t.schoolId, t.name)],
);

/** The register of the school's social media accounts and who administers each. */
export const socialAccounts = pgTable(
  "social_accounts",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    platform: text("platform").notNull(),
    handle: text("handle").notNull().default(""),
    purpose: text("purpose").notNull().default(""),
    administratorIds: uuid("administrator_ids").array().notNull(),
    approvedBy: uuid("approved_by").references(() => people.id),
    lastReviewedOn: date("last_reviewed_on"),
    requestId: uuid("request_id").references(() => permissionRequests.id),
    addedAt: at("added_at").notNull().defaultNow(),
  },
  (t) => [index("social_accounts_school_idx").on(t.schoolId, t.platform)],
);
