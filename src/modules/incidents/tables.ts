import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, bytea, id } from "../../db/columns.js";
import { people } from "../people/tables.js";
import { schools } from "../schools/tables.js";
import { CATEGORIES } from "./schema.js";

// The incidents module's tables (decision 016). A report cannot be quietly changed: a trigger
// refuses any change to what the reporter wrote; only its status, outcome and escalation move.
// Timeline entries and attachments are insert-only: a correction is a new entry.

export const incidents = pgTable(
  "incidents",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    /** INC-<year>-<number>, per school: what people quote, never a name. */
    reference: text("reference").notNull(),
    category: text("category", { enum: CATEGORIES }).notNull(),
    occurredAt: at("occurred_at").notNull(),
    awareAt: at("aware_at").notNull(),
    location: text("location"),
    summary: text("summary").notNull(),
    actionsTaken: text("actions_taken"),
    involvedDescribed: text("involved_described"),
    reporterId: uuid("reporter_id").references(() => people.id),
    /** The adult an allegation is about: never a handler, never shown it. */
    subjectPersonId: uuid("subject_person_id").references(() => people.id),
    routedRoles: text("routed_roles").array().notNull(),
    /** Data breaches: aware_at + 72 hours, the regulator's deadline. */
    icoDeadline: at("ico_deadline"),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    outcome: text("outcome"),
    closedBy: uuid("closed_by").references(() => people.id),
    closedAt: at("closed_at"),
    firstOpenedAt: at("first_opened_at"),
    escalationLevel: integer("escalation_level").notNull().default(0),
    lastRoutedAt: at("last_routed_at").notNull().defaultNow(),
    reportedAt: at("reported_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("incidents_reference_idx").on(t.schoolId, t.reference),
    index("incidents_open_idx").on(t.schoolId, t.status, t.reportedAt),
    index("incidents_reporter_idx").on(t.schoolId, t.reporterId),
  ],
);

/** Pupils and adults involved, picked from the directory. */
export const incidentPeople = pgTable(
  "incident_people",
  {
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.personId] }),
    index("incident_people_person_idx").on(t.schoolId, t.personId),
  ],
);

/**
 * Who handles an incident: the people it was routed to, those it escalated to, and those a
 * handler added. Nobody else sees it, whatever their role.
 */
export const incidentHandlers = pgTable(
  "incident_handlers",
  {
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    why: text("why", { enum: ["routed", "escalated", "added"] }).notNull(),
    addedAt: at("added_at").notNull().defaultNow(),
    openedAt: at("opened_at"),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.personId] }),
    index("incident_handlers_person_idx").on(t.schoolId, t.personId),
  ],
);

export const incidentEntries = pgTable(
  "incident_entries",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    kind: text("kind").notNull(),
    text: text("text").notNull(),
    agency: text("agency"),
    reference: text("reference"),
    outcome: text("outcome"),
    correctsId: uuid("corrects_id"),
    authorId: uuid("author_id").references(() => people.id),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("incident_entries_incident_idx").on(t.schoolId, t.incidentId, t.at)],
);

export const incidentAttachments = pgTable(
  "incident_attachments",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => people.id),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("incident_attachments_incident_idx").on(t.schoolId, t.incidentId)],
);

/** Alerts from the school's monitoring product, to triage: dismiss with a reason, or an incident. */
export const monitoringAlerts = pgTable(
  "monitoring_alerts",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    /** SHA-256 of device, user, time and capture: the same alert imported twice is one. */
    fingerprint: text("fingerprint").notNull(),
    device: text("device"),
    userText: text("user_text"),
    at: at("at").notNull(),
    capture: text("capture").notNull(),
    severity: text("severity"),
    status: text("status", { enum: ["new", "dismissed", "incident"] })
      .notNull()
      .default("new"),
    reason: text("reason"),
    incidentId: uuid("incident_id").references(() => incidents.id),
    decidedBy: uuid("decided_by").references(() => people.id),
    importedAt: at("imported_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("monitoring_alerts_fingerprint_idx").on(t.schoolId, t.fingerprint)],
);

export const incidentSettings = pgTable("incident_settings", {
  schoolId: uuid("school_id")
    .primaryKey()
    .references(() => schools.id),
  escalateAfterMinutes: integer("escalate_after_minutes").notNull().default(60),
  /** The monitoring export's column headings, remembered from the first import. */
  alertMapping: jsonb("alert_mapping"),
});
