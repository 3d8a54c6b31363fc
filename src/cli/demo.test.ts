import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/client.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../testing/app.js";
import { DEMO_APPROVER, DEMO_LOGIN, fillDemoSchool } from "./demo.js";

describe("the demo school", () => {
  let t: TestApp;
  let summary: string;
  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t.close());

  it("has staff with titles and departments, governors, pupils in classes and their parents/carers", async () => {
    summary = await fillDemoSchool(t.database, t.config);
    const admin = await new Browser(t.app).signIn(DEMO_LOGIN.email, DEMO_LOGIN.password);
    const count = async (q: string) => (await admin.get(`/api/v1/people?${q}&limit=1`)).json().total;
    expect(await count("kind=staff")).toBe(60);
    expect(await count("kind=governor")).toBe(8);
    expect(await count("kind=pupil")).toBe(400);
    expect(await count("kind=volunteer")).toBeGreaterThan(0);
    expect(await count("kind=student_teacher")).toBeGreaterThan(0);
    expect(await count("kind=parent")).toBeGreaterThan(300);
    expect(await count("role=dsl")).toBe(1);
    expect(await count("role=chair_of_governors")).toBe(1);
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM people WHERE 'pupil' = ANY(kinds) AND (year_group IS NULL OR reg_group IS NULL)`,
    );
    expect(rows[0].n).toBe(0);
    const orphans = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM people p WHERE 'pupil' = ANY(kinds) AND NOT EXISTS (SELECT 1 FROM pupil_contacts c WHERE c.pupil_id = p.id)`,
    );
    expect(orphans[0].n).toBe(0);
    expect((await admin.get("/api/v1/audit/verify")).json().ok).toBe(true);
  }, 180_000);

  it("comes with published policies and agreements part-signed by staff, parents and pupils", async () => {
    const admin = await new Browser(t.app).signIn(DEMO_LOGIN.email, DEMO_LOGIN.password);
    const policies = (await admin.get("/api/v1/policies")).json().policies;
    expect(policies.filter((p: { published: unknown }) => p.published).length).toBeGreaterThanOrEqual(4);
    const { glance } = (await admin.get("/api/v1/home")).json();
    const byAudience = Object.fromEntries(
      glance.agreements.map((a: { audience: string; signed: number; required: number }) => [a.audience, a]),
    );
    for (const audience of ["staff", "parents", "pupils"]) {
      expect(byAudience[audience].signed).toBeGreaterThan(0);
      expect(byAudience[audience].signed).toBeLessThan(byAudience[audience].required);
    }
    expect(byAudience.staff.required).toBe(60);
    expect(glance.reviews.length).toBeGreaterThan(0);
    const kinds = await queryRows<{ method: string; n: number }>(
      t.database.db,
      sql`SELECT auth_method AS method, count(*)::int AS n FROM signatures GROUP BY auth_method ORDER BY 1`,
    );
    expect(kinds.length).toBeGreaterThanOrEqual(3);
    // Photo consent: asked of every family, some answered, one child restricted.
    const consent = (await admin.get("/api/v1/consent/collection")).json();
    expect(consent.total).toBe(400);
    expect(consent.answered).toBeGreaterThan(100);
    expect(consent.answered).toBeLessThan(400);
    expect(consent.pupils.filter((p: { restricted: boolean }) => p.restricted)).toHaveLength(1);
    // The logins are the ones the command prints.
    expect(summary).toContain(DEMO_LOGIN.email);
    expect(summary).toContain(DEMO_APPROVER.email);
  });

  it("has a chair of governors who signs in and approves, so the head publishes without changing settings", async () => {
    const admin = await new Browser(t.app).signIn(DEMO_LOGIN.email, DEMO_LOGIN.password);
    const chair = await new Browser(t.app).signIn(DEMO_APPROVER.email, DEMO_APPROVER.password);
    const asked = (await chair.get("/api/v1/home")).json().attention;
    const waiting = asked.find((i: { key: string }) => i.key === "approvalRequested");
    expect(waiting.params.title).toBe("Social media policy");
    const version = waiting.href.replace("/policies/", "/api/v1/policies/");
    expect((await chair.post(`${version}/approve`)).json().status).toBe("approved");
    const published = await admin.post(`${version}/publish`);
    expect(published.statusCode).toBe(200);
    expect(
      published
        .json()
        .approvals.map((a: { role: string }) => a.role)
        .sort(),
    ).toEqual(["chair_of_governors", "headteacher"]);
  });
});

describe("filling the demo school", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("refuses to fill a data directory that already has a school", async () => {
    await setUpSchool(t.app);
    await expect(fillDemoSchool(t.database, t.config)).rejects.toThrow(/already has a school/);
  });
});
