import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { schools } from "../modules/schools/tables.js";
import { at, id } from "./columns.js";

// Domain events between modules (a small outbox): written by one module, handled by another.

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
