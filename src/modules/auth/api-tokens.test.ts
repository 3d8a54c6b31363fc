import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { ADMIN, Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { apiToken } from "../../testing/factories.js";

const DAY = 86_400_000;
const STAFF_CSV =
  "Staff Code,Legal Forename,Legal Surname,Work Email,Job Title\r\nABR,Anwen,Brackwell,a.brackwell@oakfield.test,Class Teacher\r\n";

describe("API tokens: scopes, expiry and what no token may do", () => {
  let t: TestApp;
  let admin: Browser;
  let adminId: string;
  beforeEach(async () => {
    t = await startTestApp();
    ({ admin, adminId } = await setUpSchool(t.app));
  });
  afterEach(() => t.close());

  const tokenCount = async () =>
    (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM api_tokens`))[0].n;

  /** A second admin with an account of their own, signed in (their password is theirs to change). */
  async function secondAdmin() {
    const person = (
      await admin.post("/api/v1/people", {
        givenName: "Bryn",
        familyName: "Office",
        kinds: ["staff"],
        email: "office@oakfield.test",
        roles: ["school_admin"],
      })
    ).json();
    expect((await admin.post(`/api/v1/people/${person.id}/invite`)).statusCode).toBe(201);
    const body: string = (await admin.get("/api/v1/mail/outbox")).json().messages[0].body;
    const link = /\/invite\/([\w-]+)/.exec(body)![1];
    const password = "harbour-quince-lantern-907";
    expect(
      (await new Browser(t.app).post(`/api/v1/invitations/${link}/accept`, { password })).statusCode,
    ).toBe(204);
    const browser = await new Browser(t.app).signIn("office@oakfield.test", password);
    return { id: person.id as string, browser, password };
  }

  it("gives a name alone the full scope for 90 days, and answers with its id, scopes and expiry", async () => {
    const res = await admin.post("/api/v1/api-tokens", { name: "MIS sync" });
    expect(res.statusCode).toBe(201);
    const made = res.json();
    expect(made.token).toMatch(/^acc_/);
    expect(made.scopes).toEqual(["full"]);
    const days = (new Date(made.expiresAt).getTime() - Date.now()) / DAY;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    const listed = (await admin.get("/api/v1/api-tokens")).json().tokens;
    expect(listed).toEqual([
      expect.objectContaining({
        id: made.id,
        name: "MIS sync",
        scopes: ["full"],
        expiresAt: made.expiresAt,
        status: "active",
        createdByName: ADMIN.name,
        lastUsedAt: null,
      }),
    ]);
  });

  it("makes a token with the scopes and expiry asked for, up to a year, and refuses a later or past expiry", async () => {
    const in30 = new Date(Date.now() + 30 * DAY).toISOString();
    const made = (
      await admin.post("/api/v1/api-tokens", { name: "Reports", scopes: ["read"], expiresAt: in30 })
    ).json();
    expect(made).toMatchObject({ scopes: ["read"], expiresAt: in30 });

    const tooLate = await admin.post("/api/v1/api-tokens", {
      name: "Forever",
      expiresAt: new Date(Date.now() + 400 * DAY).toISOString(),
    });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().errors).toEqual([
      { field: "expiresAt", message: "A token can last a year at most: choose an earlier expiry." },
    ]);
    const past = await admin.post("/api/v1/api-tokens", {
      name: "Yesterday",
      expiresAt: new Date(Date.now() - DAY).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].field).toBe("expiresAt");
    const unknown = await admin.post("/api/v1/api-tokens", { name: "Odd", scopes: ["admin"] });
    expect(unknown.statusCode).toBe(400);
    expect(await tokenCount()).toBe(1);
  });

  it("lets a read-only token read but change nothing", async () => {
    const reader = await apiToken(t, admin, { name: "Dashboard screen", scopes: ["read"] });
    expect((await reader.get("/api/v1/people")).statusCode).toBe(200);
    const add = await reader.post("/api/v1/people", {
      givenName: "Not",
      familyName: "Added",
      kinds: ["volunteer"],
    });
    expect(add.statusCode).toBe(403);
    expect(add.json().detail).toBe(
      'This API token\'s scopes (read) do not allow this: it needs the "full" scope.',
    );
    expect((await admin.get("/api/v1/people?q=Added")).json().people).toEqual([]);
  });

  it("lets an import token run the people import, and nothing else that changes records", async () => {
    const importer = await apiToken(t, admin, { name: "Nightly MIS sync", scopes: ["import"] });
    const res = await importer.call("POST", "/api/v1/people/import?kind=staff&dryRun=false", STAFF_CSV, {
      "content-type": "text/csv",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, errors: [] });
    const add = await importer.post("/api/v1/people", {
      givenName: "By",
      familyName: "Hand",
      kinds: ["staff"],
    });
    expect(add.statusCode).toBe(403);
    expect(add.json().detail).toMatch(/needs the "full" scope/);
    // Reading is its own scope: an import token reads nothing.
    expect((await importer.get("/api/v1/people")).statusCode).toBe(403);
  });

  it("refuses an expired token with a 401 that says it expired", async () => {
    const script = await apiToken(t, admin, { name: "Old script" });
    expect((await script.get("/api/v1/people")).statusCode).toBe(200);
    await t.database.db.execute(
      sql`UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = ${script.id}`,
    );
    const res = await script.get("/api/v1/people");
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.json().detail).toMatch(/^This API token expired on \d{4}-\d{2}-\d{2}\. Ask a school admin/);
    expect((await admin.get("/api/v1/api-tokens")).json().tokens[0].status).toBe("expired");
  });

  it("never lets a token make or revoke tokens, even a full one", async () => {
    const script = await apiToken(t, admin, { name: "MIS sync" });
    const other = await apiToken(t, admin, { name: "Reports", scopes: ["read"] });
    const mint = await script.post("/api/v1/api-tokens", { name: "Child of a token" });
    expect(mint.statusCode).toBe(403);
    expect(mint.json().detail).toBe(
      "API tokens cannot manage tokens, roles, passwords or sign-in settings. Sign in to do this.",
    );
    expect((await script.delete(`/api/v1/api-tokens/${other.id}`)).statusCode).toBe(403);
    expect((await script.get("/api/v1/api-tokens")).statusCode).toBe(403);
    expect(await tokenCount()).toBe(2);
    expect((await other.get("/api/v1/people")).statusCode).toBe(200);
  });

  it("never lets a token give roles, change them or change a password", async () => {
    const script = await apiToken(t, admin, { name: "MIS sync" });
    const asHead = await script.post("/api/v1/people", {
      givenName: "Sly",
      familyName: "Head",
      kinds: ["staff"],
      roles: ["headteacher"],
    });
    expect(asHead.statusCode).toBe(403);
    expect(asHead.json().detail).toMatch(/API tokens cannot give roles/);
    expect((await admin.get("/api/v1/people?q=Sly")).json().people).toEqual([]);
    const plain = await script.post("/api/v1/people", {
      givenName: "Plain",
      familyName: "Staff",
      kinds: ["staff"],
    });
    expect(plain.statusCode).toBe(201);
    const promote = await script.put(`/api/v1/people/${plain.json().id}/roles`, { roles: ["dsl"] });
    expect(promote.statusCode).toBe(403);
    expect((await admin.get(`/api/v1/people/${plain.json().id}`)).json().roles).toEqual([]);
    const password = await script.post("/api/v1/auth/password", {
      currentPassword: ADMIN.password,
      newPassword: "a-brand-new-password-for-me",
    });
    expect(password.statusCode).toBe(403);
    await new Browser(t.app).signIn(ADMIN.email, ADMIN.password);
  });

  it("revokes the tokens a person made when they change their password, and says why", async () => {
    const script = await apiToken(t, admin, { name: "MIS sync" });
    const res = await admin.post("/api/v1/auth/password", {
      currentPassword: ADMIN.password,
      newPassword: "copper-walrus-meadow-5150",
    });
    expect(res.statusCode).toBe(204);
    const refused = await script.get("/api/v1/people");
    expect(refused.statusCode).toBe(401);
    const head = await new Browser(t.app).signIn(ADMIN.email, "copper-walrus-meadow-5150");
    const [listed] = (await head.get("/api/v1/api-tokens")).json().tokens;
    expect(listed).toMatchObject({ status: "revoked", revokedReason: "password_changed" });
    const events = (await head.get("/api/v1/audit?action=api_token.revoked")).json().events;
    expect(events[0]).toMatchObject({
      entityId: script.id,
      summary: { name: "MIS sync", reason: "password_changed" },
    });
  });

  it("revokes a person's tokens when an admin resets their access", async () => {
    const bryn = await secondAdmin();
    const theirs = await apiToken(t, bryn.browser, { name: "Bryn's script" });
    const mine = await apiToken(t, admin, { name: "Head's script" });
    expect((await admin.post(`/api/v1/people/${bryn.id}/invite`)).statusCode).toBe(201);
    expect((await theirs.get("/api/v1/people")).statusCode).toBe(401);
    expect((await mine.get("/api/v1/people")).statusCode).toBe(200);
    const listed = (await admin.get("/api/v1/api-tokens")).json().tokens;
    expect(listed.find((x: { id: string }) => x.id === theirs.id)).toMatchObject({
      revokedReason: "access_reset",
    });
  });

  it("gives a token no more than its creator's current roles: a role taken away or leaving takes it too", async () => {
    const bryn = await secondAdmin();
    const script = await apiToken(t, bryn.browser, { name: "Bryn's script" });
    expect((await script.get("/api/v1/people")).statusCode).toBe(200);
    expect((await admin.put(`/api/v1/people/${bryn.id}/roles`, { roles: [] })).statusCode).toBe(200);
    const refused = await script.get("/api/v1/people");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe("The person who made this API token is no longer allowed to do this.");
    // Given back, it works again: the creator's roles are read at each request, not copied at creation.
    expect((await admin.put(`/api/v1/people/${bryn.id}/roles`, { roles: ["school_admin"] })).statusCode).toBe(
      200,
    );
    expect((await script.get("/api/v1/people")).statusCode).toBe(200);
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });
    expect((await admin.post(`/api/v1/people/${bryn.id}/leaver`, { leaveDate: today })).statusCode).toBe(200);
    expect((await script.get("/api/v1/people")).statusCode).toBe(401);
    const listed = (await admin.get("/api/v1/api-tokens")).json().tokens;
    expect(listed.find((x: { id: string }) => x.id === script.id).status).toBe("creator_left");
    expect(adminId).not.toBe(bryn.id);
  });

  it("records on every event whether a session, a token or Accord itself acted, naming the token", async () => {
    const script = await apiToken(t, admin, { name: "MIS sync" });
    const viaToken = await script.post("/api/v1/people", {
      givenName: "Tok",
      familyName: "En",
      kinds: ["volunteer"],
    });
    expect(viaToken.statusCode).toBe(201);
    await admin.post("/api/v1/people", { givenName: "Ses", familyName: "Sion", kinds: ["volunteer"] });
    const events = (await admin.get("/api/v1/audit?action=person.created")).json().events;
    const byToken = events.find((e: { summary: { name: string } }) => e.summary.name === "Tok En");
    const bySession = events.find((e: { summary: { name: string } }) => e.summary.name === "Ses Sion");
    expect(byToken).toMatchObject({
      actorName: ADMIN.name,
      actorVia: "token",
      actorToken: { id: script.id, name: "MIS sync" },
    });
    expect(bySession).toMatchObject({ actorName: ADMIN.name, actorVia: "session", actorToken: null });
    const created = (await admin.get("/api/v1/audit?action=school.created")).json().events[0];
    expect(created.actorVia).toBe("system");
    const unmarked = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE actor_via IS NULL`,
    );
    expect(unmarked[0].n).toBe(0);
    expect((await admin.get("/api/v1/audit/verify")).json()).toMatchObject({ ok: true });
  });
});
