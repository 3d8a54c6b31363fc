import { index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, id } from "../../db/columns.js";
import { schools } from "../schools/tables.js";

// The mail module's tables. Every domain table carries school_id and every query filters by it
// (DESIGN.md, Tenancy); timestamps are timestamptz in UTC, shown in Europe/London.

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
