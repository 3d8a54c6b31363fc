import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, id } from "../../db/columns.js";
import { schools } from "../schools/tables.js";

// The audit module's tables. Every domain table carries school_id and every query filters by it
// (DESIGN.md, Tenancy); timestamps are timestamptz in UTC, shown in Europe/London.

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
    actorVia: text("actor_via"),
    /** The API token the actor used, when `actor_via` is "token" (its name is read from api_tokens). */
    actorTokenId: uuid("actor_token_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    summary: jsonb("summary").notNull(),
    ip: text("ip"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    /**
     * The evidence this event recorded (signatures, consent answers, incident entries), each as
     * its type, id and the SHA-256 of its canonical form (decision 028). Null before form 2.
     */
    records: jsonb("records"),
    /** Which canonical form `hash` is of: 1 (before decision 028) or 2 (adds actor_via, records). */
    hashForm: smallint("hash_form").notNull().default(1),
  },
  (t) => [
    uniqueIndex("audit_events_chain_idx").on(t.schoolId, t.seq),
    index("audit_events_action_idx").on(t.schoolId, t.action),
  ],
);

/**
 * The end of each school's audit chain. Writers lock this row (one statement: upsert and read)
 * instead of searching audit_events for the last event, and move it on in the statement that
 * writes their events. Verify also compares it with the last event it walked: events deleted
 * from the end of the chain, or all of a school's events, leave the head pointing past them
 * (decision 028). `seq` is also the number of events, as sequence numbers run 1, 2, 3….
 */
export const auditChainHeads = pgTable("audit_chain_heads", {
  schoolId: uuid("school_id")
    .primaryKey()
    .references(() => schools.id),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
});

/**
 * Requests refused (403), and requests that came with a session or API token no longer valid
 * (401): who, what (route and action), where from and when, never the body. Not evidence of a
 * change (nothing changed), so outside the hash chain; kept for a year (decision 027). The school
 * is null when a token matches nothing any school issued.
 */
export const securityEvents = pgTable(
  "security_events",
  {
    id: id(),
    schoolId: uuid("school_id").references(() => schools.id),
    at: at("at").notNull().defaultNow(),
    status: integer("status").notNull(),
    personId: uuid("person_id"),
    actorName: text("actor_name"),
    /** "session", "api_token" or "none": what the request presented. */
    via: text("via").notNull(),
    method: text("method").notNull(),
    /** The route's pattern (`/api/v1/people/:id`), not the address asked: no ids or query strings. */
    route: text("route").notNull(),
    action: text("action"),
    ip: text("ip"),
  },
  (t) => [index("security_events_school_idx").on(t.schoolId, t.at)],
);
