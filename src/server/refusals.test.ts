import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/client.js";
import { ADMIN, Browser, setUpSchool, startTestApp, type TestApp } from "../testing/app.js";
import { signedInPerson, staffAgreement } from "../testing/factories.js";

type Refusal = {
  status: number;
  actorName: string | null;
  via: string;
  method: string;
  route: string;
  action: string | null;
  ip: string | null;
  at: string;
};

describe("refused requests are kept for the school's admins", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let teacher: Browser;
  const refusals = async () =>
    (await head.get("/api/v1/audit/refusals?limit=500")).json().refusals as Refusal[];

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    ({ browser: teacher } = await signedInPerson(t, head, schoolId, {
      givenName: "Tudur",
      familyName: "Jenkins",
    }));
  });
  afterAll(() => t.close());

  it("keeps a 403 with who, what, where from and when, and never the body", async () => {
    const res = await teacher.post("/api/v1/people", {
      givenName: "SECRET-BODY",
      familyName: "Probe",
      kinds: ["pupil"],
    });
    expect(res.statusCode).toBe(403);
    const kept = await refusals();
    expect(kept[0]).toMatchObject({
      status: 403,
      actorName: "Tudur Jenkins",
      via: "session",
      method: "POST",
      route: "/api/v1/people",
      action: "people.manage",
      ip: "127.0.0.1",
    });
    expect(Date.now() - new Date(kept[0].at).getTime()).toBeLessThan(60_000);
    expect(JSON.stringify(kept)).not.toContain("SECRET-BODY");
    // Kept against the school the person belongs to.
    const [row] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM security_events WHERE school_id = ${schoolId}`,
    );
    expect(row.n).toBeGreaterThanOrEqual(1);
  });

  it("keeps a 401 from an ended session and from a revoked API token, against the person who held it", async () => {
    const { browser: leaver, id } = await signedInPerson(t, head, schoolId, {
      givenName: "Lowri",
      familyName: "Gone",
    });
    await t.database.db.execute(sql`UPDATE sessions SET ended_at = now() WHERE person_id = ${id}`);
    expect((await leaver.get("/api/v1/people")).statusCode).toBe(401);
    const { id: tokenId, token } = (await head.post("/api/v1/api-tokens", { name: "Old MIS sync" })).json();
    await head.delete(`/api/v1/api-tokens/${tokenId}`);
    expect(
      (await t.app.inject({ url: "/api/v1/people?q=x", headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(401);
    const kept = await refusals();
    expect(kept).toContainEqual(
      expect.objectContaining({
        status: 401,
        actorName: "Lowri Gone",
        via: "session",
        route: "/api/v1/people",
      }),
    );
    expect(kept).toContainEqual(
      expect.objectContaining({
        status: 401,
        actorName: ADMIN.name,
        via: "api_token",
        route: "/api/v1/people",
      }),
    );
    expect(JSON.stringify(kept)).not.toContain("q=x");
  });

  it("does not keep a visitor who is simply not signed in, nor a failed sign-in (the sign-in keeps those)", async () => {
    const before = (await refusals()).length;
    expect((await new Browser(t.app).get("/api/v1/me")).statusCode).toBe(401);
    expect(
      (
        await new Browser(t.app).post("/api/v1/auth/login", {
          email: ADMIN.email,
          password: "not-the-password-1",
        })
      ).statusCode,
    ).toBe(401);
    expect((await refusals()).length).toBe(before);
  });

  it("is read by the school's admins only, and only their own school's", async () => {
    expect((await teacher.get("/api/v1/audit/refusals")).statusCode).toBe(403);
    const [other] = await queryRows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO schools (name) VALUES ('Ysgol Arall') RETURNING id`,
    );
    await t.database.db.execute(
      sql`INSERT INTO security_events (school_id, status, actor_name, via, method, route) VALUES (${other.id}, 403, 'Someone Elsewhere', 'session', 'GET', '/api/v1/people')`,
    );
    const kept = await refusals();
    expect(kept.map((r) => r.actorName)).not.toContain("Someone Elsewhere");
    // The teacher's attempt to read them is itself kept.
    expect(kept[0]).toMatchObject({
      status: 403,
      actorName: "Tudur Jenkins",
      route: "/api/v1/audit/refusals",
    });
  });

  it("keeps them a year", async () => {
    await t.database.db.execute(
      sql`INSERT INTO security_events (school_id, at, status, actor_name, via, method, route) VALUES
        (${schoolId}, now() - interval '13 months', 403, 'Thirteen Months Ago', 'session', 'GET', '/api/v1/people'),
        (${schoolId}, now() - interval '11 months', 403, 'Eleven Months Ago', 'session', 'GET', '/api/v1/people')`,
    );
    expect((await teacher.get("/api/v1/people")).statusCode).toBe(403);
    const names = (await refusals()).map((r) => r.actorName);
    expect(names).toContain("Eleven Months Ago");
    expect(names).not.toContain("Thirteen Months Ago");
    const [gone] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM security_events WHERE actor_name = 'Thirteen Months Ago'`,
    );
    expect(gone.n).toBe(0);
  });
});

describe("what browsers and proxies may keep", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
  });
  afterAll(() => t.close());

  it("marks every API answer about people no-store: JSON, CSV, PDF receipts and refusals alike", async () => {
    const { agreementId, textSha256 } = await staffAgreement(head);
    const { browser: signer } = await signedInPerson(t, head, schoolId, { givenName: "Siwan" });
    const signature = (
      await signer.post(`/api/v1/agreements/${agreementId}/signatures`, {
        fullName: "Siwan Staffroom",
        jobTitle: "Teacher",
        choices: { photo: "agree" },
        textSha256,
      })
    ).json();
    const answers = [
      await head.get("/api/v1/me"),
      await head.get("/api/v1/people"),
      await head.get("/api/v1/compliance/agreements?format=csv"),
      await signer.get(`/api/v1/signatures/${signature.id}/receipt.pdf`),
      await new Browser(t.app).get("/api/v1/me"),
      await signer.get("/api/v1/people"),
      await head.get("/api/v1/people/00000000-0000-4000-8000-000000000000"),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 401, 403, 404]);
    for (const [i, a] of answers.entries())
      expect(a.headers["cache-control"], `answer ${i}`).toBe("no-store");
    expect(answers[2].headers["content-type"]).toMatch(/text\/csv/);
    expect(answers[3].headers["content-type"]).toBe("application/pdf");
  });

  it("leaves the API's public description and the health check cacheable", async () => {
    expect((await new Browser(t.app).get("/api/v1/openapi.json")).headers["cache-control"]).not.toBe(
      "no-store",
    );
    expect((await new Browser(t.app).get("/healthz")).headers["cache-control"]).not.toBe("no-store");
  });
});
