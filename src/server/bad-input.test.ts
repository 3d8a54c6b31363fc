import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../testing/app.js";
import { changedTables, databaseFingerprint } from "../testing/fingerprint.js";

/**
 * Input that once answered 500 (issue 15's probe: a NUL anywhere, lone surrogates, the year 0000,
 * broken multipart uploads). Each is the sender's mistake: a 400 problem naming the field, and
 * nothing written.
 */
describe("bad input is refused plainly and changes nothing", () => {
  let t: TestApp;
  let admin: Browser;
  let before: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    ({ admin } = await setUpSchool(t.app));
    await admin.post("/api/v1/training/courses", { key: "safeguarding", name: "Safeguarding" });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    before = await databaseFingerprint(t.database.db);
  });
  const nothingChanged = async () =>
    expect(changedTables(before, await databaseFingerprint(t.database.db))).toEqual([]);

  it("refuses a NUL character in the sign-in form without signing in or failing", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "head@oakfield.test\u0000", password: "kettle-meadow-lantern-42" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors).toEqual([
      { field: "email", message: "Remove the invisible NUL character from this text." },
    ]);
    expect(res.headers["set-cookie"]).toBeUndefined();
    await nothingChanged();
  });

  it("refuses a NUL character in a person's name, naming the field", async () => {
    const res = await admin.post("/api/v1/people", {
      givenName: "Gwen\u0000",
      familyName: "Morgan",
      kinds: ["staff"],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("givenName");
    await nothingChanged();
  });

  it("refuses a NUL in a query string and in a free-form answer's key", async () => {
    const search = await admin.get("/api/v1/people?q=%00");
    expect(search.statusCode).toBe(400);
    expect(search.json().detail).toMatch(/query string: q/);
    const keyed = await admin.post("/api/v1/requests", { typeKey: "x", details: { "a\u0000": "b" } });
    expect(keyed.statusCode).toBe(400);
    await nothingChanged();
  });

  it("refuses half an emoji (a lone surrogate) rather than storing text the audit chain hashed differently", async () => {
    for (const name of ["Gwen\ud83d", "\udca9Gwen", "Gwen\udc00\ud800"]) {
      const res = await admin.post("/api/v1/people", {
        givenName: name,
        familyName: "Morgan",
        kinds: ["staff"],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].message).toMatch(/broken character/);
    }
    await nothingChanged();
    // A whole emoji is fine.
    const whole = await admin.post("/api/v1/people", {
      givenName: "Gwen 😀",
      familyName: "Morgan",
      kinds: ["staff"],
    });
    expect(whole.statusCode).toBe(201);
    expect((await admin.get("/api/v1/audit/verify")).json().ok).toBe(true);
  });

  it("refuses the year 0000 and far-off years in a date, as a field error", async () => {
    const me = (await admin.get("/api/v1/me")).json();
    for (const completedOn of ["0000-01-01", "1899-12-31", "9999-12-31"]) {
      const res = await admin.post("/api/v1/training/completions", {
        courseKey: "safeguarding",
        completedOn,
        personIds: [me.id],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        { field: "completedOn", message: "Give a date between 1900 and 2199." },
      ]);
    }
    const incident = await admin.post("/api/v1/incidents", {
      category: "other",
      occurredAt: "0000-01-01T09:00:00Z",
      summary: "A date typed wrongly",
    });
    expect(incident.statusCode).toBe(400);
    expect(incident.json().errors[0].field).toBe("occurredAt");
    const stats = await admin.get("/api/v1/incidents/stats?from=0000-01-01");
    expect(stats.statusCode).toBe(400);
    await nothingChanged();
  });

  const boundary = "----accord";
  const multipart = { "content-type": `multipart/form-data; boundary=${boundary}` } as const;
  const cutShort = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="staff.csv"\r\nContent-Type: text/csv\r\n\r\nFirst name,Surname\r\nAda,Okafor\r\n`;

  it.each([
    ["the people import", "/api/v1/people/import?kind=staff"],
    ["the policy import", "/api/v1/policies/import"],
  ])("answers a cut-short or boundary-less upload to %s with a 400", async (_name, url) => {
    for (const [body, headers] of [
      [cutShort, multipart],
      ["not a form at all", multipart],
      [cutShort, { "content-type": "multipart/form-data" }],
    ] as const) {
      const res = await admin.request("POST", url, body, headers);
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().detail).toMatch(/upload|multipart/i);
    }
    await nothingChanged();
  });
});
