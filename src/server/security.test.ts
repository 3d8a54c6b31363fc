import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../kernel/config.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../testing/app.js";

describe("security basics", () => {
  let t: TestApp;
  let admin: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    ({ admin } = await setUpSchool(t.app));
  });
  afterAll(() => t.close());

  it("sends a Content-Security-Policy and the other helmet headers", async () => {
    const res = await t.app.inject("/api/v1/setup/status");
    expect(res.headers["content-security-policy"]).toMatch(/default-src 'self'/);
    expect(res.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("refuses a cookie-authenticated change from another site and writes nothing", async () => {
    const before = (await admin.get("/api/v1/people?status=all")).json().total;
    const res = await admin.request(
      "POST",
      "/api/v1/people",
      { givenName: "Evil", familyName: "Site", kinds: ["staff"] },
      { origin: "https://evil.example" },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/another site/);
    expect((await admin.get("/api/v1/people?status=all")).json().total).toBe(before);
  });

  it("refuses a cookie-authenticated change that carries no Origin", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/people",
      headers: { cookie: admin.cookie! },
      payload: { givenName: "No", familyName: "Origin", kinds: ["staff"] },
    });
    expect(res.statusCode).toBe(403);
  });

  it("limits the size of a request body", async () => {
    const res = await admin.post("/api/v1/people", {
      givenName: "x".repeat(2 * 1024 * 1024),
      familyName: "Big",
      kinds: ["staff"],
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  it("answers malformed JSON with a problem and no stack trace", async () => {
    const res = await admin.request("POST", "/api/v1/people", "{not json", {
      "content-type": "application/json",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 400, title: expect.any(String), detail: expect.any(String) });
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it("answers an unknown API address with a 404 problem", async () => {
    const res = await admin.get("/api/v1/nothing-here");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  it("answers a missing or malformed id plainly, never with SQL", async () => {
    // A valid UUID that does not exist is a 404; a malformed one is a field error, not an SQL error.
    const res = await admin.get("/api/v1/people/00000000-0000-4000-8000-000000000000");
    expect(res.statusCode).toBe(404);
    const bad = await admin.get("/api/v1/people/not-a-uuid");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("id");
    expect(bad.body).not.toMatch(/select|invalid input syntax/i);
  });

  it("serves the OpenAPI document", async () => {
    const doc = (await t.app.inject("/api/v1/openapi.json")).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/setup", "/api/v1/people", "/api/v1/audit/verify"]),
    );
  });
});

describe("config", () => {
  it("stops with a message naming the bad variable", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => loadConfig({ ACCORD_SMTP_URL: "http://x" })).toThrow(/ACCORD_SMTP_URL/);
  });

  it("runs a school on one machine with no set-up", () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database.kind).toBe("pglite");
    expect(c.session).toEqual({ idleMinutes: 30, maxHours: 12 });
    expect(c.smtpUrl).toBeNull();
  });
});
