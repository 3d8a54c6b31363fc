import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "./client.js";

/**
 * Migrate once per test run, then let every test file start from that state:
 * - PGlite: a snapshot of the migrated data directory (creating one costs ~5 s, loading well under 1 s);
 * - PostgreSQL (TEST_DATABASE_URL): a migrated template database that each file clones.
 */
declare module "vitest" {
  export interface ProvidedContext {
    accordTest: { runId: string; template?: string; snapshot?: string };
  }
}

export default async function setup({ provide }: TestProject) {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `accord_tmpl_${runId}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const database = await openPostgres(withDatabase(url, template), 2);
    await database.migrate();
    await database.close();
    provide("accordTest", { runId, template });
    return async () => {
      // Drop this run's databases; files clean up after themselves but a crash may leave some.
      const { rows } = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [
        `accord_%${runId}%`,
      ]);
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  const database = await openPglite(undefined);
  await database.migrate();
  const snapshot = await database.pglite!.dumpDataDir("gzip");
  const dir = path.resolve(".test-cache");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-${runId}.tar.gz`);
  writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
  await database.close();
  provide("accordTest", { runId, snapshot: file });
  return () => rmSync(file, { force: true });
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
