import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at, id } from "../../db/columns.js";
import { incidents } from "../incidents/tables.js";
import { people } from "../people/tables.js";
import { schools } from "../schools/tables.js";
import { type CheckKey, TRIGGERS } from "./schema.js";

// The filtering and monitoring module's tables (decision 019). A review is a record of what
// happened on the day: insert-only, like every other piece of evidence. Its actions change in
// one way only, when they are marked done; a trigger keeps the rest as written.

/** The senior leader and the governor the school names as responsible for filtering and monitoring. */
export const filteringResponsibles = pgTable("filtering_responsibles", {
  schoolId: uuid("school_id")
    .primaryKey()
    .references(() => schools.id),
  leaderId: uuid("leader_id").references(() => people.id),
  governorId: uuid("governor_id").references(() => people.id),
  namedBy: uuid("named_by").references(() => people.id),
  namedAt: at("named_at").notNull().defaultNow(),
});

export const filteringReviews = pgTable(
  "filtering_reviews",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    reviewedOn: date("reviewed_on").notNull(),
    trigger: text("trigger", { enum: TRIGGERS }).notNull(),
    incidentId: uuid("incident_id").references(() => incidents.id),
    participantIds: uuid("participant_ids").array().notNull(),
    externalParticipants: text("external_participants").array().notNull(),
    products: text("products").array().notNull(),
    checks: jsonb("checks").$type<{ key: CheckKey; checked: boolean; note: string }[]>().notNull(),
    findings: text("findings").notNull(),
    recordedBy: uuid("recorded_by").references(() => people.id),
    recordedAt: at("recorded_at").notNull().defaultNow(),
  },
  (t) => [index("filtering_reviews_school_idx").on(t.schoolId, t.reviewedOn)],
);

export const filteringActions = pgTable(
  "filtering_actions",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    reviewId: uuid("review_id")
      .notNull()
      .references(() => filteringReviews.id),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => people.id),
    dueOn: date("due_on").notNull(),
    doneOn: date("done_on"),
    doneBy: uuid("done_by").references(() => people.id),
    doneAt: at("done_at"),
  },
  (t) => [
    index("filtering_actions_review_idx").on(t.schoolId, t.reviewId, t.position),
    // The chase and the home page read only the open ones.
    index("filtering_actions_open_idx").on(t.schoolId, t.dueOn).where(sql`done_on IS NULL`),
  ],
);

/**
 * Reminders sent for an open action: one row per step (the due day, then each week after it), so
 * a sweep that runs twice, or on two servers, emails the owner once per step.
 */
export const filteringActionReminders = pgTable(
  "filtering_action_reminders",
  {
    actionId: uuid("action_id")
      .notNull()
      .references(() => filteringActions.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    step: date("step").notNull(),
    sentAt: at("sent_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.step] })],
);
