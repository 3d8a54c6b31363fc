import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at } from "../../db/columns.js";
import { schools } from "../schools/tables.js";

/** Termly reports already emailed: each (school, report, term) once, across servers and restarts. */
export const reportMailings = pgTable(
  "report_mailings",
  {
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    report: text("report", { enum: ["governors"] }).notNull(),
    term: text("term").notNull(),
    sentAt: at("sent_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.report, t.term] })],
);
