import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
