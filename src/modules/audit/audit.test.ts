import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAllSchools } from "../../cli/audit-verify.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson, staffAgreement } from "../../testing/factories.js";
import { canonicalJson } from "./chain.js";

describe("the audit log", () => {
  let t: TestApp;
  let admin: Browser;
  let schoolId: string;
  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, schoolId } = await setUpSchool(t.app));
  });
  afterAll(() => t.close());

  it("records each change with actor, entity, what changed and IP, in order", async () => {
    const created = (
      await admin.post("/api/v1/people", { givenName: "Nell", familyName: "Ashby", kinds: ["staff"] })
    ).json();
    await admin.patch(`/api/v1/people/${created.id}`, { jobTitle: "Class Teacher" });
    const { events } = (await admin.get("/api/v1/audit?limit=3")).json();
    expect(events[0]).toMatchObject({
      action: "person.updated",
      entityType: "person",
      entityId: created.id,
      actorName: "Ada Okafor",
      summary: { jobTitle: { from: null, to: "Class Teacher" } },
      ip: "127.0.0.1",
    });
    expect(events[1]).toMatchObject({ action: "person.created", entityId: created.id });
    expect(events[0].seq).toBe(events[1].seq + 1);
  });

  it("filters events by action and by text", async () => {
    await admin.post("/api/v1/people", { givenName: "Bryn", familyName: "Treharne", kinds: ["staff"] });
    const byAction = (await admin.get("/api/v1/audit?action=person.created")).json();
    expect(byAction.events.length).toBeGreaterThan(0);
    expect(byAction.events.every((e: { action: string }) => e.action === "person.created")).toBe(true);
    const byText = (await admin.get("/api/v1/audit?q=Treharne")).json();
    expect(byText.events.map((e: { action: string }) => e.action)).toContain("person.created");
  });

  it("names what each event was about and who did it, so a headteacher need not read ids", async () => {
    const { agreementId, textSha256, policyId } = await staffAgreement(admin);
    const jane = await signedInPerson(t, admin, schoolId, { givenName: "Jane", familyName: "Smith" });
    await admin.post(`/api/v1/agreements/${agreementId}/assignments`, {
      personIds: [jane.id],
      dueDate: "2099-07-01",
    });
    const signed = await jane.browser.post(`/api/v1/agreements/${agreementId}/signatures`, {
      fullName: "Jane Smith",
      jobTitle: "Teacher",
      choices: { photo: "agree" },
      textSha256,
    });
    expect(signed.statusCode).toBe(201);
    const [signing] = (await admin.get("/api/v1/audit?action=agreement.signed")).json().events;
    expect(signing).toMatchObject({
      actorName: "Jane Smith",
      actorPersonId: jane.id,
      subject: "Staff acceptable use agreement v1.0",
      forPerson: null,
    });
    const [published] = (await admin.get("/api/v1/audit?action=policy.version_published")).json().events;
    expect(published).toMatchObject({ actorName: "Ada Okafor", subject: "Acceptable use v1.0" });
    const [created] = (await admin.get(`/api/v1/audit?action=policy.created`)).json().events;
    expect(created).toMatchObject({ entityId: policyId, subject: "Acceptable use" });
    const [added] = (await admin.get(`/api/v1/audit?action=person.created&personId=${jane.id}`)).json()
      .events;
    expect(added).toMatchObject({ actorName: "Ada Okafor", subject: "Jane Smith" });
  });

  it("filters by person: what they did and what was done about them, and nobody else's", async () => {
    const bryn = await signedInPerson(t, admin, schoolId, { givenName: "Bryn", familyName: "Hughes" });
    await admin.patch(`/api/v1/people/${bryn.id}`, { jobTitle: "Caretaker" });
    await bryn.browser.post("/api/v1/auth/logout");
    const { events, total } = (await admin.get(`/api/v1/audit?personId=${bryn.id}`)).json();
    expect(events.map((e: { action: string }) => e.action).sort()).toEqual([
      "auth.signed_out",
      "person.created",
      "person.updated",
    ]);
    expect(total).toBe(3);
    expect(
      events.every(
        (e: { actorPersonId: string; entityId: string }) =>
          e.actorPersonId === bryn.id || e.entityId === bryn.id,
      ),
    ).toBe(true);
    expect((await admin.get("/api/v1/audit?personId=not-a-person")).statusCode).toBe(400);
  });

  it("filters by kind and by school day, in Europe/London", async () => {
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
    const byKind = (await admin.get(`/api/v1/audit?action=person.created&from=${today}&to=${today}`)).json();
    expect(byKind.total).toBeGreaterThan(0);
    expect(byKind.events.every((e: { action: string }) => e.action === "person.created")).toBe(true);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await admin.get(`/api/v1/audit?to=${yesterday}`)).json().total).toBe(0);
  });

  it("does not audit a request that failed, and writes nothing for it", async () => {
    const before = (await admin.get("/api/v1/audit?limit=1")).json().total;
    const res = await admin.post("/api/v1/people", { givenName: "", familyName: "X", kinds: [] });
    expect(res.statusCode).toBe(400);
    expect((await admin.get("/api/v1/audit?limit=1")).json().total).toBe(before);
  });

  it("refuses an ordinary UPDATE of an audit event", async () => {
    const error: unknown = await t.database.db
      .execute(sql`UPDATE audit_events SET action = 'x'`)
      .catch((e) => e);
    expect(String((error as { cause?: Error }).cause?.message)).toMatch(/audit_events is insert-only/);
  });

  it("verifies an intact chain, then finds the first event someone edited in the database", async () => {
    // Its own school: the edit breaks the chain, which no other case should have to live with.
    const own = await startTestApp();
    try {
      const { admin: head } = await setUpSchool(own.app);
      const person = (
        await head.post("/api/v1/people", { givenName: "Cerys", familyName: "Vaughan", kinds: ["staff"] })
      ).json();
      await head.patch(`/api/v1/people/${person.id}`, { jobTitle: "Class Teacher" });
      const ok = (await head.get("/api/v1/audit/verify")).json();
      expect(ok).toEqual({
        ok: true,
        events: expect.any(Number),
        head: { seq: ok.events, hash: expect.any(String) },
      });
      expect(ok.events).toBeGreaterThanOrEqual(4);
      const { events } = (await head.get("/api/v1/audit?action=person.updated")).json();
      const victim = events[0].id;
      // A database owner can switch the guard off; the hash chain still gives the edit away.
      await own.database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_insert_only`);
      await own.database.db.execute(
        sql`UPDATE audit_events SET summary = '{"jobTitle":{"from":null,"to":"Caretaker"}}' WHERE id = ${victim}`,
      );
      await own.database.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_insert_only`);
      const broken = (await head.get("/api/v1/audit/verify")).json();
      expect(broken).toMatchObject({ ok: false, firstBrokenId: victim });
      const cli = await verifyAllSchools(own.database.db);
      expect(cli[0]).toMatchObject({ ok: false, firstBrokenId: victim });
    } finally {
      await own.close();
    }
  });

  it("hashes summaries the same whatever order their keys come back in", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }),
    );
  });
});

describe("accord audit verify (command line)", () => {
  // What is tested is the command, so it always gets an embedded database of its own in
  // ACCORD_DATA_DIR (on the PostgreSQL pass too): it can break a row there without touching the
  // database the other tests share.
  it("prints ok for an intact chain and exits 1 when a row was changed", async () => {
    const dataDir = `.test-cache/cli-audit-${process.pid}`;
    const { DATABASE_URL: _, ...inherited } = process.env;
    const env = { ...inherited, ACCORD_DATA_DIR: dataDir };
    const run = () => {
      try {
        return {
          code: 0,
          out: execFileSync("npx", ["tsx", "src/cli/accord.ts", "audit", "verify"], {
            env,
            encoding: "utf8",
          }),
        };
      } catch (err) {
        const e = err as { status: number; stdout: string };
        return { code: e.status, out: e.stdout };
      }
    };
    const { openPglite } = await import("../../db/client.js");
    const { rmSync } = await import("node:fs");
    rmSync(dataDir, { recursive: true, force: true });
    const database = await openPglite(dataDir);
    await database.migrate();
    const { buildApp } = await import("../../testing/app.js");
    const { loadConfig } = await import("../../kernel/config.js");
    const app = await buildApp(database, loadConfig({ ACCORD_LOG_LEVEL: "silent" }));
    const { admin } = await setUpSchool(app);
    await admin.post("/api/v1/people", { givenName: "Cli", familyName: "Check", kinds: ["staff"] });
    await app.close();
    await database.close();
    // School and admin created, the admin signed in by setup and again by setUpSchool, a person added.
    expect(run()).toEqual({ code: 0, out: expect.stringMatching(/Oakfield Primary School: ok, 5 events/) });
    const again = await openPglite(dataDir);
    await again.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_insert_only`);
    await again.db.execute(sql`UPDATE audit_events SET actor_name = 'Someone else' WHERE seq = 2`);
    await again.close();
    const broken = run();
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/BROKEN at event .* \(after 1 good events\)/);
    rmSync(dataDir, { recursive: true, force: true });
  }, 180_000);
});
