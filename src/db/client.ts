import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { type ExtractTablesWithRelations, type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgDialect, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema.js";

export type Schema = typeof schema;
/** The Drizzle handle every service uses; the same type for PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A service function accepts either the database or a transaction it is already inside. */
export type DbOrTx = Db | Tx;

export type Database = {
  kind: "pglite" | "postgresql";
  db: Db;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Only for PGlite: the underlying instance (tests snapshot it). */
  pglite?: PGlite;
  pool?: pg.Pool;
};

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** Inside an embedded data directory: the process that has it open (decision 030). */
export const DATA_DIR_LOCK = "accord.lock";

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is one process's database: a second process opening the same directory (a backup or
 * a migration while the server runs) would corrupt it. So whoever opens it leaves its process id
 * here, and a second opener is refused while that process lives.
 */
function lockDataDir(dataDir: string) {
  const file = path.join(dataDir, DATA_DIR_LOCK);
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
  } catch {
    const holder = Number(readFileSync(file, "utf8"));
    if (holder && holder !== process.pid && alive(holder))
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${holder} (is Accord running?). Stop it first.`,
      );
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  const client = await PGlite.create({ dataDir, loadDataDir }).catch((err) => {
    unlock();
    throw err;
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    pglite: client,
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection can be cut by the server (restart, failover, a dropped test database).
  // pg reports that as an 'error' event; unhandled, it would bring the whole process down. The
  // pool replaces the connection, and the next query that fails surfaces as a normal error.
  pool.on("error", (err) => {
    if ((err as { code?: string }).code !== "57P01")
      console.error("PostgreSQL connection lost:", err.message);
  });
  // Surface a wrong URL or a stopped server at start, not at the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: "postgresql",
    db,
    pool,
    migrate: async () => {
      // Several app servers may start at once against one database: one migrates, the rest wait.
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock(7262010)");
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query("SELECT pg_advisory_unlock(7262010)").catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export async function openDatabase(
  config: { kind: "pglite"; dataDir: string } | { kind: "postgresql"; url: string },
): Promise<Database> {
  return config.kind === "pglite" ? openPglite(config.dataDir) : openPostgres(config.url);
}

/** Rows of a raw SQL query; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const statementNames = new Map<string, string>();

/**
 * `queryRows` for a hot path's statement whose text never changes (arrays carry the batch): on
 * PostgreSQL it becomes a named prepared statement, parsed and planned once per connection rather
 * than for every batch. Only for statements made of key look-ups (a generic plan cannot go wrong:
 * a join against a big table might be planned as a scan). PGlite, in-process, just runs it.
 */
export async function queryRowsPrepared<T>(db: Db, query: SQL): Promise<T[]> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (!(client instanceof pg.Pool)) return queryRows<T>(db, query);
  const { sql: text, params } = (db as unknown as { dialect: PgDialect }).dialect.sqlToQuery(query);
  // A statement whose text did vary would otherwise leave one prepared statement per variant.
  if (!statementNames.has(text) && statementNames.size < 50)
    statementNames.set(text, `accord_${statementNames.size + 1}`);
  const name = statementNames.get(text);
  return (await client.query({ name, text, values: params })).rows as T[];
}

/**
 * Several INSERT/UPDATE statements as one (data-modifying WITH): one round trip. They share a
 * snapshot and cannot see each other's rows, so use it for writes that do not depend on each other.
 */
export async function writeTogether(tx: DbOrTx, statements: SQL[]) {
  if (statements.length === 0) return;
  await tx.execute(sql`WITH ${withClauses(statements)} SELECT 1`);
}

/** Statements as the comma-separated clauses of a WITH (`w0 AS (…), w1 AS (…)`). */
export function withClauses(statements: SQL[]): SQL {
  return sql.join(
    statements.map((s, i) => sql`${sql.raw(`w${i}`)} AS (${s})`),
    sql`, `,
  );
}
