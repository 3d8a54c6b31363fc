import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, id } from "../../db/columns.js";
import { people } from "../people/tables.js";
import { schools } from "../schools/tables.js";
import { ABOUT, ANSWERS, BASES, METHODS } from "./schema.js";

// The consent module's tables (decision 015). Answers and restrictions are evidence: insert-only
// (a trigger refuses UPDATE and DELETE); a change of mind is a new row, and the status is worked
// out from the history (status.ts).

/** What images of pupils may be used for, each with its lawful basis. */
export const consentPurposes = pgTable(
  "consent_purposes",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    basis: text("basis", { enum: BASES }).notNull(),
    /** Pupils' images (carers answer) or staff's own (each answers for themself). */
    about: text("about", { enum: ABOUT }).notNull().default("pupils"),
    /** Required for public task: why this is the school's job, in one sentence. */
    justification: text("justification"),
    position: integer("position").notNull().default(0),
    retiredAt: at("retired_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("consent_purposes_key_idx").on(t.schoolId, t.key)],
);

/**
 * One answer for one pupil and purpose, by a carer (carer_id), the pupil themself (method
 * "pupil"), or staff recording a paper form or call on a carer's behalf (recorded_by). The exact
 * wording shown and its SHA-256 are kept: a parent said yes to those words.
 */
export const consentAnswers = pgTable(
  "consent_answers",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    pupilId: uuid("pupil_id")
      .notNull()
      .references(() => people.id),
    purposeId: uuid("purpose_id")
      .notNull()
      .references(() => consentPurposes.id),
    answer: text("answer", { enum: ANSWERS }).notNull(),
    carerId: uuid("carer_id").references(() => people.id),
    method: text("method", { enum: METHODS }).notNull(),
    note: text("note"),
    wording: text("wording").notNull(),
    wordingSha256: text("wording_sha256").notNull(),
    recordedBy: uuid("recorded_by").references(() => people.id),
    linkId: uuid("link_id"),
    answeredAt: at("answered_at").notNull().defaultNow(),
  },
  (t) => [index("consent_answers_pupil_idx").on(t.schoolId, t.pupilId, t.purposeId, t.answeredAt)],
);

/** The DSL's "no images under any circumstances": set and lift are rows; the newest stands. */
export const consentRestrictions = pgTable(
  "consent_restrictions",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    pupilId: uuid("pupil_id")
      .notNull()
      .references(() => people.id),
    restricted: boolean("restricted").notNull(),
    reason: text("reason"),
    byId: uuid("by_id").references(() => people.id),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("consent_restrictions_pupil_idx").on(t.schoolId, t.pupilId, t.at)],
);

/** Each "can I use this photo?" asked, with its answer: the school can show it checked. */
export const consentChecks = pgTable(
  "consent_checks",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    purposeId: uuid("purpose_id")
      .notNull()
      .references(() => consentPurposes.id),
    pupilIds: uuid("pupil_ids").array().notNull(),
    allowed: boolean("allowed").notNull(),
    refusedIds: uuid("refused_ids").array().notNull(),
    checkedBy: uuid("checked_by").references(() => people.id),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("consent_checks_school_idx").on(t.schoolId, t.at)],
);

/** A carer's emailed link: their children, until the due date; only the token's hash is kept. */
export const consentLinks = pgTable(
  "consent_links",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    carerId: uuid("carer_id")
      .notNull()
      .references(() => people.id),
    pupilIds: uuid("pupil_ids").array().notNull(),
    purposeKeys: text("purpose_keys").array().notNull(),
    tokenHash: text("token_hash").notNull(),
    dueDate: text("due_date").notNull(),
    expiresAt: at("expires_at").notNull(),
    answeredAt: at("answered_at"),
    remindedAt: at("reminded_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("consent_links_token_idx").on(t.tokenHash),
    index("consent_links_carer_idx").on(t.schoolId, t.carerId),
  ],
);

/**
 * After a pupil's yes turns to no (a withdrawal, a second carer's no, the DSL's restriction):
 * each named image manager is told, and chased until they confirm the images are down.
 */
export const consentRemovals = pgTable(
  "consent_removals",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    pupilId: uuid("pupil_id")
      .notNull()
      .references(() => people.id),
    purposeId: uuid("purpose_id")
      .notNull()
      .references(() => consentPurposes.id),
    /** The answer that turned it to no; null when the DSL's restriction did. */
    answerId: uuid("answer_id").references(() => consentAnswers.id),
    managerId: uuid("manager_id")
      .notNull()
      .references(() => people.id),
    notifiedAt: at("notified_at").notNull().defaultNow(),
    chasedAt: at("chased_at"),
    confirmedAt: at("confirmed_at"),
  },
  (t) => [index("consent_removals_open_idx").on(t.schoolId, t.confirmedAt)],
);

/** A school's consent settings: one row per school, made on first use. */
export const consentSettings = pgTable("consent_settings", {
  schoolId: uuid("school_id")
    .primaryKey()
    .references(() => schools.id),
  /** Pupils this age or older answer for themselves; null: never. */
  selfAnswerAge: integer("self_answer_age"),
  /** When set, pupils who join after this moment have their parents asked automatically. */
  askNewPupilsSince: at("ask_new_pupils_since"),
  imageManagerIds: uuid("image_manager_ids").array().notNull().default([]),
});
