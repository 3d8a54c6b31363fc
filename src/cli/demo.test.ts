import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/client.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../testing/app.js";
import { DEMO_LOGIN, fillDemoSchool } from "./demo.js";

describe("the demo school", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("has staff with titles and departments, governors, pupils in classes and their parents/carers", async () => {
    await fillDemoSchool(t.database.db);
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
    await expect(fillDemoSchool(t.database.db)).rejects.toThrow(/already has a school/);
  });
});
