import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { at, id } from "../../db/columns.js";
import { schools } from "../schools/tables.js";

// The people module's tables. Every domain table carries school_id and every query filters by it
// (DESIGN.md, Tenancy); timestamps are timestamptz in UTC, shown in Europe/London.

export const people = pgTable(
  "people",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    preferredName: text("preferred_name"),
    kinds: text("kinds").array().notNull(),
    email: text("email"),
    phone: text("phone"),
    jobTitle: text("job_title"),
    department: text("department"),
    yearGroup: text("year_group"),
    regGroup: text("reg_group"),
    dateOfBirth: date("date_of_birth"),
    upn: text("upn"),
    admissionNumber: text("admission_number"),
    staffCode: text("staff_code"),
    misId: text("mis_id"),
    startDate: date("start_date"),
    leaveDate: date("leave_date"),
    /** The member of staff this person answers to: asked about their requests, told of lapsed training. */
    lineManagerId: uuid("line_manager_id").references((): AnyPgColumn => people.id),
    /** The language this person reads Accord's emails and documents in; null: the school's (decision 038). */
    language: text("language", { enum: ["en-GB", "cy"] }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("people_school_family_idx").on(t.schoolId, t.familyName, t.givenName),
    index("people_school_email_idx").on(t.schoolId, sql`lower(${t.email})`),
    index("people_kinds_idx").using("gin", t.kinds),
    index("people_school_upn_idx").on(t.schoolId, t.upn),
  ],
);

export const roleAssignments = pgTable(
  "role_assignments",
  {
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    role: text("role").notNull(),
    assignedAt: at("assigned_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.role] }),
    index("role_assignments_school_idx").on(t.schoolId, t.role),
  ],
);

export const pupilContacts = pgTable(
  "pupil_contacts",
  {
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    pupilId: uuid("pupil_id")
      .notNull()
      .references(() => people.id),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => people.id),
    relationship: text("relationship"),
    priority: integer("priority"),
    parentalResponsibility: boolean("parental_responsibility").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.pupilId, t.contactId] }),
    index("pupil_contacts_contact_idx").on(t.contactId),
  ],
);

/** The column mapping a school last used for each kind of MIS export, offered again next time. */
export const importMappings = pgTable(
  "import_mappings",
  {
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    kind: text("kind").notNull(),
    mapping: jsonb("mapping").notNull(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.kind] })],
);
