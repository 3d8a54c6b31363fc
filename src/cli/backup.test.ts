import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPglite, openPostgres, queryRows } from "../db/client.js";
import { withDatabase } from "../db/test-global-setup.js";
import { setUpSchool, startTestApp, type TestApp } from "../testing/app.js";
import { schoolWithEvidence } from "../testing/evidence.js";
import { verifyAllSchools } from "./audit-verify.js";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "./backup.js";

const KEY = "correct horse battery staple";
const TABLES = [
  "schools",
  "people",
  "signatures",
  "consent_answers",
  "incidents",
  "incident_entries",
  "audit_events",
];

async function counts(database: Database) {
  const out: Record<string, number> = {};
  for (const table of TABLES)
    out[table] = (
      await queryRows<{ n: number }>(database.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`))
    )[0].n;
  return out;
}

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe(`backup and restore (${onPostgres ? "PostgreSQL" : "embedded"})`, () => {
  let t: TestApp;
  let dir: string;
  let file: string;
  let before: Record<string, number>;
  const fresh: string[] = [];
  let targets = 0;
  const admin = async (query: string) => {
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    try {
      await c.query(query);
    } finally {
      await c.end();
    }
  };
  /** A new, empty place to restore into: a data directory, or an empty PostgreSQL database. */
  const emptyTarget = async () => {
    targets += 1;
    if (!onPostgres) return path.join(dir, `restored-${targets}`);
    const name = `accord_restore_${process.pid}_${fresh.length}`;
    fresh.push(name);
    await admin(`CREATE DATABASE ${name} TEMPLATE template0`);
    return withDatabase(process.env.TEST_DATABASE_URL!, name);
  };
  const backup = (to: string, key: string) =>
    onPostgres
      ? backupPostgres(
          (t.database.pool as unknown as { options: { connectionString: string } }).options.connectionString,
          to,
          key,
        )
      : backupPglite(t.database.pglite!, to, key);
  const restore = (from: string, target: string, key: string) =>
    onPostgres ? restorePostgres(from, target, key) : restorePglite(from, target, key);
  const open = (target: string) => (onPostgres ? openPostgres(target, 2) : openPglite(target));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "accord-backup-test-"));
    file = path.join(dir, "school.accord-backup");
    t = await startTestApp();
    const { admin: head, schoolId } = await setUpSchool(t.app);
    await schoolWithEvidence(t, head, schoolId);
    before = await counts(t.database);
    await backup(file, KEY);
  }, 180_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
    for (const name of fresh) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it("writes an encrypted file: no name or answer from the school can be read in it", () => {
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).toString()).toBe("ACCBKP01");
    expect(bytes.includes(Buffer.from("Jane Smith"))).toBe(false);
    expect(bytes.includes(Buffer.from("Gwen"))).toBe(false);
  });

  it("restores into a fresh database with every table's count and an intact audit chain", async () => {
    const target = await emptyTarget();
    await restore(file, target, KEY);
    const restored = await open(target);
    try {
      expect(await counts(restored)).toEqual(before);
      expect(before.signatures).toBeGreaterThan(0);
      const results = await verifyAllSchools(restored.db);
      expect(results).toEqual([expect.objectContaining({ ok: true, events: before.audit_events })]);
    } finally {
      await restored.close();
    }
  }, 120_000);

  it("refuses to restore into a database that is not empty", async () => {
    const target = await emptyTarget();
    await restore(file, target, KEY);
    await expect(restore(file, target, KEY)).rejects.toThrow(/is not empty/);
  }, 120_000);

  it("a wrong key fails clearly and restores nothing", async () => {
    const target = await emptyTarget();
    await expect(restore(file, target, "not the right key at all")).rejects.toThrow(
      "The backup key does not open this backup: nothing was restored.",
    );
    if (onPostgres) {
      const db = await openPostgres(target, 1);
      expect(
        (
          await queryRows<{ n: number }>(
            db.db,
            sql`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
          )
        )[0].n,
      ).toBe(0);
      await db.close();
    } else expect(existsSync(target)).toBe(false);
  });

  it("a truncated or corrupted file fails clearly and restores nothing", async () => {
    const whole = readFileSync(file);
    const cut = path.join(dir, "cut.accord-backup");
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(restore(cut, await emptyTarget(), KEY)).rejects.toThrow(/damaged or was altered/);
    const flipped = Buffer.from(whole);
    flipped[Math.floor(flipped.length / 2)] ^= 0xff;
    const bad = path.join(dir, "bad.accord-backup");
    writeFileSync(bad, flipped);
    await expect(restore(bad, await emptyTarget(), KEY)).rejects.toThrow(/damaged or was altered/);
    writeFileSync(path.join(dir, "short"), whole.subarray(0, 20));
    await expect(restore(path.join(dir, "short"), await emptyTarget(), KEY)).rejects.toThrow(/cut short/);
  });

  it("refuses to write a backup without a key, or over an existing file", async () => {
    await expect(backup(path.join(dir, "plain"), "")).rejects.toThrow(/never writes an unencrypted backup/);
    expect(existsSync(path.join(dir, "plain"))).toBe(false);
    await expect(backup(file, KEY)).rejects.toThrow(/already exists/);
  });
});
