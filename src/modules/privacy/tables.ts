import { date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at, id } from "../../db/columns.js";
import { people } from "../people/tables.js";
import { schools } from "../schools/tables.js";

// The privacy module's tables (decision 034): how long each kind of record is kept, the DPO's
// "keep until" decisions, and the tombstones left where a record's personal details were removed.

/**
 * A school's own retention rule for one record type. A record type without a row follows the
 * default (retention.ts RETENTION_DEFAULTS, from the records management toolkit for schools).
 */
export const retentionRules = pgTable(
  "retention_rules",
  {
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    recordType: text("record_type").notNull(),
    /** How long after the rule's starting point (a birth, a leaving, a signing) the record is reviewed. */
    periodMonths: integer("period_months").notNull(),
    /** For allegations about staff: the normal retirement age, when it is later than the period. */
    retirementAge: integer("retirement_age"),
    /** Why the school keeps it this long, shown beside the rule. */
    basis: text("basis").notNull(),
    updatedBy: uuid("updated_by").references(() => people.id),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.recordType] })],
);

/** "Keep until": the DPO reviewed a record that was due and decided to keep it, with a reason. */
export const retentionHolds = pgTable(
  "retention_holds",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    keepUntil: date("keep_until").notNull(),
    reason: text("reason").notNull(),
    decidedBy: uuid("decided_by").references(() => people.id),
    decidedAt: at("decided_at").notNull().defaultNow(),
  },
  (t) => [index("retention_holds_record_idx").on(t.schoolId, t.recordId, t.decidedAt)],
);

/**
 * One row for each database row whose personal details retention removed: the row itself stays
 * (its id, its links, its place in the chain) with the tombstone's words in place of what it held.
 * The insert-only triggers let an UPDATE through only for a row named here in the same
 * transaction (migration 0028), so nothing else can use the way through.
 */
export const retentionTombstones = pgTable(
  "retention_tombstones",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    /** The record the DPO deleted (an incident, a signature) and its type. */
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    /** The database row changed: the record's own row, or one of its entries or attachments. */
    tableName: text("table_name").notNull(),
    rowId: uuid("row_id").notNull(),
    /** The rule as it stood when the record fell due (type, years, basis, due date). */
    rule: jsonb("rule").notNull(),
    reason: text("reason").notNull(),
    deletedBy: uuid("deleted_by").references(() => people.id),
    deletedByName: text("deleted_by_name"),
    deletedAt: at("deleted_at").notNull().defaultNow(),
    /** The audit event that explains the change; it carries the row's new values and their SHA-256. */
    auditEventId: uuid("audit_event_id").notNull(),
  },
  (t) => [
    index("retention_tombstones_record_idx").on(t.schoolId, t.recordId),
    index("retention_tombstones_row_idx").on(t.tableName, t.rowId),
  ],
);
