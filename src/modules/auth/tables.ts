import { sql } from "drizzle-orm";
import { bigserial, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    ip: text("ip"),
    userAgent: text("user_agent"),
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
  },
  (t) => [uniqueIndex("api_tokens_token_idx").on(t.tokenHash)],
);
