import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { splitName } from "../../kernel/names.js";
import { ADMIN, Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";

describe("the first admin's name", () => {
  it("takes the last word as the family name, and accepts a single name", () => {
    expect(splitName("  Ada  Okafor ")).toEqual({ givenName: "Ada", familyName: "Okafor" });
    expect(splitName("Mary Jane Watson")).toEqual({ givenName: "Mary Jane", familyName: "Watson" });
    expect(splitName("Ngozi")).toEqual({ givenName: "Ngozi", familyName: "" });
  });
});

describe("first-run setup", () => {
  // Each case starts from an empty installation: whether a school exists is what setup is about.
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it("reports the database kind on /healthz", async () => {
    const res = await t.app.inject("/healthz");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: t.database.kind });
  });

  it("refuses a weak password and writes nothing", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/setup",
      payload: { school: { name: "Oakfield" }, admin: { ...ADMIN, password: "password1234" } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors).toEqual([{ field: "password", message: expect.stringMatching(/too common/) }]);
    expect((await t.app.inject("/api/v1/setup/status")).json()).toEqual({ needed: true });
  });

  it("names every invalid field", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/setup",
      payload: { school: { name: "" }, admin: { name: " ", email: "not-an-email", password: "x" } },
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(["admin.email", "admin.name", "school.name"]);
  });

  it("creates the school and an admin who holds the headteacher and school-admin roles", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/setup",
      payload: { school: { name: "Oakfield Primary School" }, admin: ADMIN },
    });
    expect(res.statusCode).toBe(201);
    const browser = await new Browser(t.app).signIn(ADMIN.email.toUpperCase(), ADMIN.password);
    const me = (await browser.get("/api/v1/me")).json();
    expect(me).toMatchObject({
      name: "Ada Okafor",
      email: ADMIN.email,
      kinds: ["staff"],
      school: { name: "Oakfield Primary School" },
    });
    expect(me.roles.sort()).toEqual(["headteacher", "school_admin"]);
    expect(me.permissions).toContain("people.manage");
  });

  it("leaves the admin signed in: the browser that ran setup goes straight on, with no second sign-in", async () => {
    const browser = new Browser(t.app);
    const res = await browser.post("/api/v1/setup", {
      school: { name: "Oakfield Primary School" },
      admin: ADMIN,
    });
    expect(res.statusCode).toBe(201);
    expect(browser.cookie).toMatch(/^accord_session=/);
    const me = await browser.get("/api/v1/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ name: "Ada Okafor", school: { name: "Oakfield Primary School" } });
    // The sign-in is on the record, as any other.
    const audit = (await browser.get("/api/v1/audit")).json();
    expect(JSON.stringify(audit)).toContain("auth.signed_in");
  });

  it("refuses a second setup with 409", async () => {
    await setUpSchool(t.app);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/setup",
      payload: { school: { name: "Another" }, admin: { ...ADMIN, email: "other@x.test" } },
    });
    expect(res.statusCode).toBe(409);
    expect((await t.app.inject("/api/v1/setup/status")).json()).toEqual({ needed: false });
  });
});
