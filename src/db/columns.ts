import { customType, timestamp, uuid } from "drizzle-orm/pg-core";

/** The column shapes every module's tables share. */
export const id = () => uuid("id").primaryKey().defaultRandom();
/** A moment: timestamptz in UTC (the web app shows it in Europe/London). */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
/** A file's bytes kept in PostgreSQL, the only store (incident attachments, training certificates). */
export const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });
