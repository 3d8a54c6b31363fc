import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "./client.js";
import { withDatabase } from "./test-global-setup.js";

/**
 * A fresh, migrated database for one test file: PGlite from the run's snapshot by default,
 * or a clone of the migrated template on the PostgreSQL server named by TEST_DATABASE_URL.
 */
export async function openTestDatabase(): Promise<Database> {
  return (await openTestDatabases(1))[0];
}

/**
 * The same fresh database opened `count` times, as several app servers each open it with their
 * own pool (issue 20's scale-out test). On PostgreSQL each is a separate pool of connections; an
 * embedded PGlite lives inside one process, so there every "server" shares the one instance (a
 * school that runs several servers runs PostgreSQL, and CI runs the same test there). Closing the
 * first closes (and on PostgreSQL drops) the database; close the others first.
 */
export async function openTestDatabases(count: number): Promise<Database[]> {
  const url = process.env.TEST_DATABASE_URL;
  const run = inject("accordTest");
  if (url) {
    const name = `accord_t_${randomBytes(4).toString("hex")}_${run.runId}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${run.template}`);
    await admin.end();
    const others = await Promise.all(
      Array.from({ length: count - 1 }, () => openPostgres(withDatabase(url, name), 4)),
    );
    const database = await openPostgres(withDatabase(url, name), 4);
    const close = database.close;
    database.close = async () => {
      await close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    };
    return [database, ...others];
  }
  const snapshot = readFileSync(run.snapshot!);
  const database = await openPglite(undefined, new Blob([snapshot]));
  const shared = { ...database, close: async () => {} };
  return [database, ...Array.from({ length: count - 1 }, () => shared)];
}
