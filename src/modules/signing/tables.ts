import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, id } from "../../db/columns.js";
import { people } from "../people/tables.js";
import { schools } from "../schools/tables.js";
import { AUTH_METHODS, SIGNATURE_KINDS } from "./schema.js";
import { SUBJECT_TYPES } from "./subject-types.js";

// The signing module's tables: every signature, parent link, kiosk and class session, each of a
// subject that another module owns (decision 011). School-scoped like every domain table.

/**
 * Signatures are evidence: insert-only (a trigger refuses UPDATE and DELETE). A decline, withdrawal
 * or correction is a new row that points to the one it answers.
 */
export const signatures = pgTable(
  "signatures",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    /** What was signed, as its owning module names it (SUBJECT_TYPES): an agreement today. */
    subjectType: text("subject_type", { enum: SUBJECT_TYPES }).notNull(),
    subjectId: uuid("subject_id").notNull(),
    kind: text("kind", { enum: SIGNATURE_KINDS }).notNull(),
    personId: uuid("person_id").references(() => people.id),
    /** For a parent/carer signing for a child. */
    onBehalfOfId: uuid("on_behalf_of_id").references(() => people.id),
    fullName: text("full_name").notNull(),
    jobTitle: text("job_title"),
    organisation: text("organisation"),
    visiting: text("visiting"),
    choices: jsonb("choices").notNull().default({}),
    signatureImage: text("signature_image"),
    reason: text("reason"),
    textSha256: text("text_sha256").notNull(),
    authMethod: text("auth_method", { enum: AUTH_METHODS }).notNull(),
    signedAt: at("signed_at").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    auditEventId: uuid("audit_event_id").notNull(),
    verificationRef: text("verification_ref").notNull(),
    answersId: uuid("answers_id"),
    /** The reception kiosk a visitor signed at, for the visitors' register (null for every other way). */
    kioskId: uuid("kiosk_id"),
    /** A withdrawal or correction points at the signature it withdraws or corrects. */
    correctsId: uuid("corrects_id").references((): AnyPgColumn => signatures.id),
    /**
     * The key a shared device chose when the signer pressed sign (decision 039): a signature sent
     * again from the device's offline queue, or after an answer lost on the way, is the same one.
     */
    idempotencyKey: uuid("idempotency_key"),
  },
  (t) => [
    index("signatures_person_idx").on(t.schoolId, t.personId, t.subjectId),
    index("signatures_corrects_idx").on(t.correctsId),
    index("signatures_subject_idx").on(t.subjectId),
    uniqueIndex("signatures_ref_idx").on(t.verificationRef),
    uniqueIndex("signatures_idempotency_idx").on(t.schoolId, t.idempotencyKey),
  ],
);

/** Single-use emailed links for parents/carers (no account): only the hash is kept. */
export const signingLinks = pgTable(
  "signing_links",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    /** What was signed, as its owning module names it (SUBJECT_TYPES): an agreement today. */
    subjectType: text("subject_type", { enum: SUBJECT_TYPES }).notNull(),
    subjectId: uuid("subject_id").notNull(),
    parentId: uuid("parent_id")
      .notNull()
      .references(() => people.id),
    childId: uuid("child_id").references(() => people.id),
    tokenHash: text("token_hash").notNull(),
    expiresAt: at("expires_at").notNull(),
    signatureId: uuid("signature_id"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("signing_links_token_idx").on(t.tokenHash)],
);

/** A reception kiosk: opened by an admin with a code typed on the tablet, for one subject addressed to visitors. */
export const kiosks = pgTable(
  "kiosks",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    /** What was signed, as its owning module names it (SUBJECT_TYPES): an agreement today. */
    subjectType: text("subject_type", { enum: SUBJECT_TYPES }).notNull(),
    subjectId: uuid("subject_id").notNull(),
    codeHash: text("code_hash").notNull(),
    tokenHash: text("token_hash"),
    /** What reception calls the device ("Reception iPad"), so an admin knows which one to revoke. */
    deviceName: text("device_name"),
    openedBy: uuid("opened_by").references(() => people.id),
    openedAt: at("opened_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    closedAt: at("closed_at"),
    /**
     * How long the tablet may keep taking signatures it cannot send (decision 039): the school's
     * choice when it opens the kiosk. Past it the tablet refuses new visitors until it is online.
     */
    offlineMinutes: integer("offline_minutes").notNull().default(30),
  },
  (t) => [uniqueIndex("kiosks_code_idx").on(t.codeHash), index("kiosks_token_idx").on(t.tokenHash)],
);

/** A class signing session a teacher opens for one reg group on a shared device. */
export const classSessions = pgTable(
  "class_sessions",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    /** What was signed, as its owning module names it (SUBJECT_TYPES): an agreement today. */
    subjectType: text("subject_type", { enum: SUBJECT_TYPES }).notNull(),
    subjectId: uuid("subject_id").notNull(),
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => people.id),
    regGroup: text("reg_group").notNull(),
    tokenHash: text("token_hash").notNull(),
    /**
     * The short code typed at /class on the shared device, in place of the long link; only its
     * hash is kept, and it works only while the session is open.
     */
    shortCodeHash: text("short_code_hash"),
    openedAt: at("opened_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    endedAt: at("ended_at"),
  },
  (t) => [
    uniqueIndex("class_sessions_token_idx").on(t.tokenHash),
    uniqueIndex("class_sessions_short_code_idx").on(t.shortCodeHash),
  ],
);

/**
 * A shared device that opened a class session by typing its short code: each gets its own key
 * (only the hash kept), good for as long as the session is open.
 */
export const classSessionDevices = pgTable(
  "class_session_devices",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => classSessions.id),
    tokenHash: text("token_hash").notNull(),
    openedAt: at("opened_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("class_session_devices_token_idx").on(t.tokenHash)],
);

/**
 * A printed form a carer signed and the office recorded (paper-forms.ts): who recorded it and
 * the date written on the form, beside the signature it became. Evidence too: insert-only.
 */
export const paperForms = pgTable(
  "paper_forms",
  {
    signatureId: uuid("signature_id")
      .primaryKey()
      .references(() => signatures.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => people.id),
    /** The date the carer wrote beside their signature. */
    signedOn: date("signed_on").notNull(),
  },
  (t) => [index("paper_forms_school_idx").on(t.schoolId)],
);
