import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, id } from "../../db/columns.js";

// The schools module's tables. Every domain table carries school_id and every query filters by it
// (DESIGN.md, Tenancy); timestamps are timestamptz in UTC, shown in Europe/London.

export const trusts = pgTable("trusts", {
  id: id(),
  name: text("name").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const schools = pgTable("schools", {
  id: id(),
  trustId: uuid("trust_id").references(() => trusts.id),
  name: text("name").notNull(),
  /** England or Wales: which guidance and law the school's policies answer to (policy health). */
  country: text("country", { enum: ["england", "wales"] })
    .notNull()
    .default("england"),
  /**
   * The language of emails and documents for a reader who has not chosen one (decision 038):
   * English, Welsh, or both with the Welsh first, as many schools in Wales write to families.
   */
  language: text("language", { enum: ["en-GB", "cy", "bilingual"] })
    .notNull()
    .default("en-GB"),
  createdAt: at("created_at").notNull().defaultNow(),
});
