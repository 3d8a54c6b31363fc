import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, id } from "../../db/columns.js";
import { agreements } from "../agreements/tables.js";
import { people } from "../people/tables.js";
import { schools } from "../schools/tables.js";
import { DEVICE_STATUSES, DEVICE_TYPES } from "./schema.js";

// The devices module's tables (decision 017). A device's history (check-outs, returns, reports,
// disposal) is insert-only; its current status and holder are read from the register row and
// the open allocation.

export const devices = pgTable(
  "devices",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    assetTag: text("asset_tag").notNull(),
    type: text("type", { enum: DEVICE_TYPES }).notNull(),
    serial: text("serial"),
    makeModel: text("make_model"),
    encrypted: boolean("encrypted").notNull().default(false),
    pinSet: boolean("pin_set").notNull().default(false),
    labelled: boolean("labelled").notNull().default(false),
    location: text("location"),
    status: text("status", { enum: DEVICE_STATUSES }).notNull().default("in_store"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("devices_tag_idx").on(t.schoolId, t.assetTag),
    index("devices_status_idx").on(t.schoolId, t.status, t.assetTag),
  ],
);

/** Who has a device: an allocation (no due date) or a loan (due back); open until returned. */
export const deviceAllocations = pgTable(
  "device_allocations",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => devices.id),
    personId: uuid("person_id").references(() => people.id),
    className: text("class_name"),
    dueDate: date("due_date"),
    outAt: at("out_at").notNull().defaultNow(),
    outBy: uuid("out_by").references(() => people.id),
    returnedAt: at("returned_at"),
    returnedBy: uuid("returned_by").references(() => people.id),
    remindedOn: date("reminded_on"),
  },
  (t) => [
    // Who has what now: only the open allocations, a small part of years of loans.
    index("device_allocations_open_idx").on(t.schoolId, t.deviceId).where(sql`returned_at IS NULL`),
    index("device_allocations_person_idx").on(t.schoolId, t.personId).where(sql`returned_at IS NULL`),
    index("device_allocations_device_idx").on(t.deviceId, t.outAt),
  ],
);

/** What happened to a device, in order: insert-only. */
export const deviceEvents = pgTable(
  "device_events",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => devices.id),
    kind: text("kind").notNull(),
    note: text("note"),
    byId: uuid("by_id").references(() => people.id),
    incidentId: uuid("incident_id"),
    /** The pupil a device agreement was asked of (the device waits in store for them meanwhile). */
    personId: uuid("person_id").references(() => people.id),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("device_events_device_idx").on(t.schoolId, t.deviceId, t.at)],
);

/** A leaver's checklist item ticked off: who and when (the items themselves are worked out). */
export const leaverChecks = pgTable(
  "leaver_checks",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    itemKey: text("item_key").notNull(),
    doneBy: uuid("done_by").references(() => people.id),
    doneAt: at("done_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("leaver_checks_item_idx").on(t.schoolId, t.personId, t.itemKey)],
);

/**
 * The systems a leaver must be taken off: a few offered to every school, then the school's own
 * list (a finance system, the cloud drive). Retired rather than deleted, so old ticks still name
 * what was disabled. `key` is what a tick is stored under (`logon:<key>`).
 */
export const leaverSystems = pgTable(
  "leaver_systems",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    key: text("key").notNull(),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    retiredAt: at("retired_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("leaver_systems_key_idx").on(t.schoolId, t.key)],
);

/** The agreements a pupil's device needs (pupil-agreement.ts): a pledge and a parent's signature. */
export const deviceSettings = pgTable("device_settings", {
  schoolId: uuid("school_id")
    .primaryKey()
    .references(() => schools.id),
  pupilAgreementId: uuid("pupil_agreement_id").references(() => agreements.id),
  parentAgreementId: uuid("parent_agreement_id").references(() => agreements.id),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
