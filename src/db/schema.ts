import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// Every domain table carries school_id and every query filters by it (DESIGN.md, Tenancy).
// Timestamps are timestamptz in UTC; the web app shows them in Europe/London.

const id = () => uuid("id").primaryKey().defaultRandom();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const trusts = pgTable("trusts", {
  id: id(),
  name: text("name").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const schools = pgTable("schools", {
  id: id(),
  trustId: uuid("trust_id").references(() => trusts.id),
  name: text("name").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});

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

/** Sign-in credentials: email is unique across every school so sign-in needs no school picker. */
export const credentials = pgTable(
  "credentials",
  {
    personId: uuid("person_id")
      .primaryKey()
      .references(() => people.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    passwordChangedAt: at("password_changed_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("credentials_email_idx").on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    tokenHash: text("token_hash").notNull(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    createdAt: at("created_at").notNull().defaultNow(),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    endedAt: at("ended_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [uniqueIndex("sessions_token_idx").on(t.tokenHash), index("sessions_person_idx").on(t.personId)],
);

/** Failed sign-ins, kept to rate-limit per account; not tied to a school (the email may be unknown). */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ip: text("ip"),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("login_failures_email_idx").on(t.email, t.at)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    tokenHash: text("token_hash").notNull(),
    createdBy: uuid("created_by").references(() => people.id),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
  },
  (t) => [
    uniqueIndex("invitations_token_idx").on(t.tokenHash),
    index("invitations_person_idx").on(t.personId),
  ],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: at("created_at").notNull().defaultNow(),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_token_idx").on(t.tokenHash)],
);

/** Append-only and hash-chained per school: see docs/decisions/004-audit-chain.md. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: at("at").notNull(),
    actorPersonId: uuid("actor_person_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    summary: jsonb("summary").notNull(),
    ip: text("ip"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    uniqueIndex("audit_events_chain_idx").on(t.schoolId, t.seq),
    index("audit_events_action_idx").on(t.schoolId, t.action),
  ],
);

/**
 * The end of each school's audit chain. Writers lock this row (one statement: upsert and read)
 * instead of searching audit_events for the last event, and move it on in the statement that
 * writes their events. It is a cache of the chain's end, not evidence: verify walks the events.
 */
export const auditChainHeads = pgTable("audit_chain_heads", {
  schoolId: uuid("school_id")
    .primaryKey()
    .references(() => schools.id),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
});

export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: at("created_at").notNull().defaultNow(),
    sentAt: at("sent_at"),
  },
  (t) => [index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt)],
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

/**
 * Durable domain events (e.g. "people joined"), written in the transaction that caused them, for
 * other modules to act on (agreements assigns what a new starter must sign).
 */
export const domainEvents = pgTable(
  "domain_events",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    handledAt: at("handled_at"),
  },
  (t) => [index("domain_events_pending_idx").on(t.type, t.handledAt)],
);

// ---- Policies (capability 1): a library of policies, each with numbered versions.

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

// ---- Agreements (capability 2): what an audience signs for a policy version, and the evidence.

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
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    kind: text("kind", { enum: ["signed", "declined", "withdrawn"] }).notNull(),
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
    authMethod: text("auth_method", {
      enum: ["password", "sso", "api_token", "parent_link", "kiosk", "class_session"],
    }).notNull(),
    signedAt: at("signed_at").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    auditEventId: uuid("audit_event_id").notNull(),
    verificationRef: text("verification_ref").notNull(),
    answersId: uuid("answers_id"),
    /** A withdrawal or correction points at the signature it withdraws or corrects. */
    correctsId: uuid("corrects_id").references((): AnyPgColumn => signatures.id),
  },
  (t) => [
    index("signatures_person_idx").on(t.schoolId, t.personId, t.agreementId),
    index("signatures_corrects_idx").on(t.correctsId),
    index("signatures_agreement_idx").on(t.agreementId),
    uniqueIndex("signatures_ref_idx").on(t.verificationRef),
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
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
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

/** A reception kiosk: opened by an admin with a code typed on the tablet, for one visitors agreement. */
export const kiosks = pgTable(
  "kiosks",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    codeHash: text("code_hash").notNull(),
    tokenHash: text("token_hash"),
    openedBy: uuid("opened_by").references(() => people.id),
    openedAt: at("opened_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    closedAt: at("closed_at"),
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
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => people.id),
    regGroup: text("reg_group").notNull(),
    tokenHash: text("token_hash").notNull(),
    openedAt: at("opened_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    endedAt: at("ended_at"),
  },
  (t) => [uniqueIndex("class_sessions_token_idx").on(t.tokenHash)],
);
