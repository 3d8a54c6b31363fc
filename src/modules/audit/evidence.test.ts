import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyAllSchools } from "../../cli/audit-verify.js";
import { queryRows } from "../../db/client.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { schoolWithEvidence } from "../../testing/evidence.js";

// Each case breaks its own database on purpose, as someone with the database's owner rights could.
describe("tamper evidence: what the audit check catches", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let evidence: Awaited<ReturnType<typeof schoolWithEvidence>>;
  beforeEach(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    evidence = await schoolWithEvidence(t, head, schoolId);
  }, 120_000);
  afterEach(() => t.close());

  const run = (statement: ReturnType<typeof sql>) => t.database.db.execute(statement);
  const verify = async () => (await head.get("/api/v1/audit/verify")).json();

  it("an untouched school verifies ok, with its head to keep elsewhere", async () => {
    const ok = await verify();
    expect(ok).toEqual({
      ok: true,
      events: expect.any(Number),
      head: { seq: ok.events, hash: expect.any(String) },
    });
    const [cli] = await verifyAllSchools(t.database.db, [ok.head.hash]);
    expect(cli).toMatchObject({ ok: true });
  });

  it("deleting the newest event with the insert-only trigger disabled is caught", async () => {
    const before = await verify();
    await run(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_insert_only`);
    await run(sql`DELETE FROM audit_events WHERE school_id = ${schoolId} AND seq = ${before.events}`);
    await run(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_insert_only`);
    const after = await verify();
    expect(after).toMatchObject({ ok: false, firstBrokenId: null, events: before.events - 1 });
    expect(after.reason).toContain(`its head records event ${before.events}`);
  });

  it("deleting the newest event as a replica (triggers off for the session) is caught", async () => {
    const before = await verify();
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(
        sql`DELETE FROM audit_events WHERE school_id = ${schoolId} AND seq = ${before.events}`,
      );
    });
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: null });
  });

  it("deleting every event of a school is caught, not reported as 'ok, 0 events'", async () => {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql`DELETE FROM audit_events WHERE school_id = ${schoolId}`);
    });
    const after = await verify();
    expect(after).toMatchObject({ ok: false, events: 0 });
    const [cli] = await verifyAllSchools(t.database.db);
    expect(cli.ok).toBe(false);
  });

  it("a chain rewritten together with its head is caught by the hash kept elsewhere", async () => {
    const kept = (await verify()).head.hash;
    const before = await verify();
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(
        sql`DELETE FROM audit_events WHERE school_id = ${schoolId} AND seq = ${before.events}`,
      );
      await tx.execute(
        sql`UPDATE audit_chain_heads SET seq = seq - 1,
          hash = (SELECT hash FROM audit_events WHERE school_id = ${schoolId} AND seq = ${before.events - 1})
          WHERE school_id = ${schoolId}`,
      );
    });
    // Without the kept hash, a rewrite of head and chain together cannot be seen (SECURITY.md says so).
    expect((await verifyAllSchools(t.database.db))[0]).toMatchObject({ ok: true });
    const [cli] = await verifyAllSchools(t.database.db, [kept]);
    expect(cli).toMatchObject({ ok: false });
    expect(cli.ok === false && cli.reason).toContain(kept);
  });

  it("a signer's name edited in the table is named by verify, and the receipt check says it does not match", async () => {
    const reference = evidence.signature.verificationReference;
    expect((await head.get(`/api/v1/receipts/${reference}`)).json()).toMatchObject({
      valid: true,
      signerName: "Jane Smith",
    });
    await run(sql`ALTER TABLE signatures DISABLE TRIGGER signatures_insert_only`);
    await run(sql`UPDATE signatures SET full_name = 'Someone Else' WHERE id = ${evidence.signature.id}`);
    await run(sql`ALTER TABLE signatures ENABLE TRIGGER signatures_insert_only`);
    const after = await verify();
    expect(after).toMatchObject({
      ok: false,
      record: { type: "signature", id: evidence.signature.id, problem: "changed" },
    });
    const check = (await head.get(`/api/v1/receipts/${reference}`)).json();
    expect(check).toEqual({ valid: false, reason: "record_mismatch" });
  });

  it("a signer's answers edited in the table are caught", async () => {
    await run(sql`ALTER TABLE signatures DISABLE TRIGGER signatures_insert_only`);
    await run(
      sql`UPDATE signatures SET choices = '{"photo":"disagree"}' WHERE id = ${evidence.signature.id}`,
    );
    await run(sql`ALTER TABLE signatures ENABLE TRIGGER signatures_insert_only`);
    expect(await verify()).toMatchObject({
      ok: false,
      record: { type: "signature", id: evidence.signature.id },
    });
  });

  it("a consent answer edited in the table is named by verify", async () => {
    const [answer] = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM consent_answers WHERE pupil_id = ${evidence.pupilId}`,
    );
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql`UPDATE consent_answers SET answer = 'yes' WHERE id = ${answer.id}`);
    });
    expect(await verify()).toMatchObject({
      ok: false,
      record: { type: "consent_answer", id: answer.id, problem: "changed" },
    });
  });

  it("an incident timeline entry edited in the table is named by verify", async () => {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(
        sql`UPDATE incident_entries SET text = 'Nothing happened.' WHERE id = ${evidence.entryId}`,
      );
    });
    const after = await verify();
    expect(after).toMatchObject({
      ok: false,
      record: { type: "incident_entry", id: evidence.entryId, problem: "changed" },
    });
    expect(after.reason).toContain("was changed after it was made");
  });

  it("an incident timeline entry deleted from the table is named as missing", async () => {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql`DELETE FROM incident_entries WHERE id = ${evidence.entryId}`);
    });
    expect(await verify()).toMatchObject({
      ok: false,
      record: { type: "incident_entry", id: evidence.entryId, problem: "missing" },
    });
  });
});
