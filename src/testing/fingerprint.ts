import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.js";

/**
 * What the database holds, cheaply: each table's rows hashed together. Two equal fingerprints
 * mean nothing was inserted, changed or deleted in between.
 *
 * Left out: sessions (every request moves its last-seen time), sign_in_attempts (a refused
 * sign-in or password change is kept on purpose: that is the throttle and the person's history)
 * and security_events (every refused request is kept on purpose: decision 027).
 */
const CHANGES_BY_DESIGN = new Set(["sessions", "sign_in_attempts", "security_events"]);

let tables: string[] | null = null;

export async function databaseFingerprint(db: Db): Promise<Record<string, string>> {
  tables ??= (
    await queryRows<{ name: string }>(
      db,
      sql`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  )
    .map((r) => r.name)
    .filter((name) => !CHANGES_BY_DESIGN.has(name));
  const parts = tables.map(
    (name) =>
      `SELECT '${name}' AS name, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS hash FROM "${name}" t`,
  );
  const rows = await queryRows<{ name: string; hash: string }>(db, sql.raw(parts.join(" UNION ALL ")));
  return Object.fromEntries(rows.map((r) => [r.name, r.hash]));
}

/** The tables whose content differs between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>) {
  return Object.keys(after).filter((name) => before[name] !== after[name]);
}
