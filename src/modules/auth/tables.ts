import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, id } from "../../db/columns.js";
import { people } from "../people/tables.js";
import { schools } from "../schools/tables.js";

// The auth module's tables. Every domain table carries school_id and every query filters by it
// (DESIGN.md, Tenancy); timestamps are timestamptz in UTC, shown in Europe/London.

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
    /** How the person proved who they are: a signature made in this session says so in its evidence. */
    method: text("method", { enum: ["password", "sso"] })
      .notNull()
      .default("password"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** How the second step was proven for this session ("totp", "passkey", "recovery_code", "sso"); null: password only. */
    mfaMethod: text("mfa_method"),
    /** "Chrome on Windows": what the person sees in their list of sessions (device.ts). */
    device: text("device"),
  },
  (t) => [uniqueIndex("sessions_token_idx").on(t.tokenHash), index("sessions_person_idx").on(t.personId)],
);

/**
 * Every sign-in attempt, kept a year (then forgotten by the retention sweep): the per-account
 * lockout counts the failures since the last success, and each person sees the attempts against
 * their account. An attempt is reserved (outcome `pending`) before its password is hashed, so
 * attempts in flight count too (docs/decisions/033). Person and school are known only when the
 * email belongs to an account.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    personId: uuid("person_id").references(() => people.id),
    schoolId: uuid("school_id").references(() => schools.id),
    ip: text("ip"),
    userAgent: text("user_agent"),
    device: text("device"),
    /** pending | success | wrong_password | unknown_email | locked | password_reset */
    outcome: text("outcome").notNull(),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.id),
    index("sign_in_attempts_person_idx").on(t.personId, t.at),
    index("sign_in_attempts_at_idx").on(t.at),
  ],
);

/** Self-service password reset links: only the hash of the 256-bit secret is stored. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    tokenHash: text("token_hash").notNull(),
    ip: text("ip"),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    /** Used, or replaced by a newer link: either way it no longer works. */
    closedAt: at("closed_at"),
  },
  (t) => [
    uniqueIndex("password_resets_token_idx").on(t.tokenHash),
    index("password_resets_person_idx").on(t.personId, t.createdAt),
  ],
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
    /** What the token may be used for: access/roles.ts TOKEN_SCOPES (decision 029). */
    scopes: text("scopes").array().notNull().default(sql`'{full}'::text[]`),
    /** Refused from this moment on (at most a year after it was made). */
    expiresAt: at("expires_at").notNull(),
    /** Why it was revoked: "revoked" by an admin, "password_changed", "access_reset". */
    revokedReason: text("revoked_reason"),
  },
  (t) => [
    uniqueIndex("api_tokens_token_idx").on(t.tokenHash),
    index("api_tokens_creator_idx").on(t.createdBy),
  ],
);

/**
 * A school's sign-in with Google Workspace or Microsoft Entra ID (OpenID Connect), one per provider.
 * The client secret is encrypted at rest (kernel/secrets.ts) and never sent back to a browser.
 */
export const ssoProviders = pgTable(
  "sso_providers",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    provider: text("provider", { enum: ["google", "microsoft"] }).notNull(),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    clientSecretEncrypted: text("client_secret_encrypted").notNull(),
    /** Email domains whose people may sign in this way, lower case ("oakfield.sch.uk"). */
    allowedDomains: text("allowed_domains").array().notNull(),
    /** Entra ID only: the directory (tenant) id every ID token's `tid` must equal, when set. */
    tenantId: text("tenant_id"),
    /** Whether the school trusts this provider's `amr: ["mfa"]` as its second step (decision 031). */
    trustsMfa: boolean("trusts_mfa").notNull().default(false),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sso_providers_school_provider_idx").on(t.schoolId, t.provider)],
);

/**
 * A sign-in started with a provider and not yet finished: its state, nonce and PKCE verifier stay
 * here, found by the SHA-256 of a secret in a short-lived cookie of the browser that started it.
 */
export const ssoAttempts = pgTable(
  "sso_attempts",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => ssoProviders.id, { onDelete: "cascade" }),
    browserHash: text("browser_hash").notNull(),
    state: text("state").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
  },
  (t) => [
    uniqueIndex("sso_attempts_browser_idx").on(t.browserHash),
    index("sso_attempts_expiry_idx").on(t.expiresAt),
  ],
);

// --- Two-step sign-in (docs/decisions/032-two-step-sign-in.md)

/**
 * A person's authenticator app (TOTP). The secret is sealed at rest (kernel/secrets.ts); it is
 * confirmed by a first code before it counts. `last_used_step` makes each code work once.
 */
export const totpAuthenticators = pgTable("totp_authenticators", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id),
  schoolId: uuid("school_id")
    .notNull()
    .references(() => schools.id),
  sealedSecret: text("sealed_secret").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
  confirmedAt: at("confirmed_at"),
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
});

/** Recovery codes: only their SHA-256 is stored; each works once. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    codeHash: text("code_hash").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    usedAt: at("used_at"),
  },
  (t) => [index("recovery_codes_person_idx").on(t.personId)],
);

/** Passkeys (WebAuthn credentials): the public key only; the private key never leaves the device. */
export const passkeys = pgTable(
  "passkeys",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    credentialId: text("credential_id").notNull(),
    publicKey: text("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: text("transports").array().notNull().default(sql`'{}'`),
    name: text("name").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    lastUsedAt: at("last_used_at"),
  },
  (t) => [
    uniqueIndex("passkeys_credential_idx").on(t.credentialId),
    index("passkeys_person_idx").on(t.personId),
  ],
);

/**
 * A password accepted, second step not yet: not a session. Its cookie reaches only the two-step
 * endpoints, for a few minutes, and a handful of wrong codes ends it.
 */
export const pendingSignIns = pgTable(
  "pending_sign_ins",
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
    expiresAt: at("expires_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** The first step: "password", or the SSO provider ("google", "microsoft"). */
    firstStep: text("first_step").notNull().default("password"),
    /** The password's attempt (sign_in_attempts), made a success when the second step is done. */
    signInAttemptId: bigint("sign_in_attempt_id", { mode: "number" }),
    /** The WebAuthn challenge offered for a passkey, if one was asked for. */
    challenge: text("challenge"),
    usedAt: at("used_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [uniqueIndex("pending_sign_ins_token_idx").on(t.tokenHash)],
);

/** The challenge of a passkey being added from the security page (one at a time per person). */
export const passkeyChallenges = pgTable("passkey_challenges", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id),
  schoolId: uuid("school_id")
    .notNull()
    .references(() => schools.id),
  challenge: text("challenge").notNull(),
  expiresAt: at("expires_at").notNull(),
});
