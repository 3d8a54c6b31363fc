import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, migrationsFolder } from "../../db/client.js";
import * as schema from "../../db/schema.js";
import { loadConfig } from "../../kernel/config.js";
import { buildApp } from "../../testing/app.js";

/**
 * Migration 0012 moves signatures, parent links, kiosks and class sessions from `agreement_id` to
 * a subject (`subject_type`, `subject_id`). A school upgrading keeps every signature, and every
 * receipt reference it ever issued still verifies. The database is built as it stood at 0011 (the
 * migrations folder cut there), filled in the old shape, then migrated to the end. PGlite in
 * memory: the SQL under test is plain PostgreSQL DDL, and the PostgreSQL run of the other tests
 * applies the same migration to a real server.
 */
describe("migration 0012: signatures become of a subject", () => {
  const before = mkdtempSync(path.join(tmpdir(), "accord-0011-"));
  afterAll(() => rmSync(before, { recursive: true, force: true }));

  it("moves every signature, link, kiosk and class session over, and old references still verify", async () => {
    // The migrations as they stood before signing became a module.
    cpSync(migrationsFolder, before, { recursive: true });
    const journalPath = path.join(before, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8"));
    const at0012 = journal.entries.findIndex((e: { tag: string }) => e.tag.startsWith("0012_"));
    expect(at0012).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, at0012);
    writeFileSync(journalPath, JSON.stringify(journal));

    const client = await PGlite.create();
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: before });
    const ids = {
      school: "00000000-0000-4000-8000-000000000001",
      teacher: "00000000-0000-4000-8000-000000000002",
      policy: "00000000-0000-4000-8000-000000000003",
      version: "00000000-0000-4000-8000-000000000004",
      agreement: "00000000-0000-4000-8000-000000000005",
      signature: "00000000-0000-4000-8000-000000000006",
    };
    await client.exec(`
      INSERT INTO schools (id, name) VALUES ('${ids.school}', 'Hillcrest Primary');
      INSERT INTO people (id, school_id, given_name, family_name, kinds)
        VALUES ('${ids.teacher}', '${ids.school}', 'Tomos', 'Price', '{staff}');
      INSERT INTO policies (id, school_id, title, audiences) VALUES ('${ids.policy}', '${ids.school}', 'Staff rules', '{staff}');
      INSERT INTO policy_versions (id, school_id, policy_id, major, minor, status)
        VALUES ('${ids.version}', '${ids.school}', '${ids.policy}', 2, 1, 'published');
      INSERT INTO agreements (id, school_id, policy_id, policy_version_id, title, policy_title, version_number,
          audience, declaration, statements, text_sha256)
        VALUES ('${ids.agreement}', '${ids.school}', '${ids.policy}', '${ids.version}', 'Staff agreement',
          'Staff rules', '2.1', 'staff', 'I agree.', '["I will lock my screen."]', '${"a".repeat(64)}');
      INSERT INTO signatures (id, school_id, agreement_id, kind, person_id, full_name, text_sha256, auth_method,
          signed_at, audit_event_id, verification_ref)
        VALUES ('${ids.signature}', '${ids.school}', '${ids.agreement}', 'signed', '${ids.teacher}', 'Tomos Price',
          '${"a".repeat(64)}', 'password', now(), gen_random_uuid(), 'ABCD-EFGH-JKMN-PQRS-TVWX');
      INSERT INTO signing_links (school_id, agreement_id, parent_id, token_hash, expires_at)
        VALUES ('${ids.school}', '${ids.agreement}', '${ids.teacher}', 'hash-1', now() + interval '1 day');
      INSERT INTO kiosks (school_id, agreement_id, code_hash, expires_at)
        VALUES ('${ids.school}', '${ids.agreement}', 'code-1', now() + interval '1 day');
      INSERT INTO class_sessions (school_id, agreement_id, teacher_id, reg_group, token_hash, expires_at)
        VALUES ('${ids.school}', '${ids.agreement}', '${ids.teacher}', '3B', 'hash-2', now() + interval '1 day');
    `);

    await migrate(db, { migrationsFolder });

    for (const table of ["signatures", "signing_links", "kiosks", "class_sessions"]) {
      const { rows } = await client.query<{ subject_type: string; subject_id: string }>(
        `SELECT subject_type, subject_id FROM ${table}`,
      );
      expect(rows, table).toEqual([{ subject_type: "agreement", subject_id: ids.agreement }]);
    }
    const { rows: signature } = await client.query(`SELECT id, verification_ref FROM signatures`);
    expect(signature).toEqual([{ id: ids.signature, verification_ref: "ABCD-EFGH-JKMN-PQRS-TVWX" }]);

    // The receipt issued before the upgrade still verifies, however it is typed.
    const database: Database = {
      kind: "pglite",
      db: db as unknown as Database["db"],
      migrate: async () => {},
      close: () => client.close(),
    };
    const app = await buildApp(database, loadConfig({ ACCORD_LOG_LEVEL: "silent" }));
    const res = await app.inject("/api/v1/receipts/abcd efgh jkmn pqrs tvwx");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      valid: true,
      schoolName: "Hillcrest Primary",
      agreementTitle: "Staff agreement",
      versionNumber: "2.1",
      signerName: "Tomos Price",
      withdrawnAt: null,
    });
    await app.close();
    await client.close();
  }, 120_000); // builds a database from the migrations twice
});
