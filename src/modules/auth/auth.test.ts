import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { hashSecret } from "../../kernel/secrets.js";
import { ADMIN, Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";

describe("signing in and sessions", () => {
  let t: TestApp;
  let admin: Browser;
  // A new school for each case: accounts, invitations, failed sign-ins and the rate limit start clean.
  beforeEach(async () => {
    t = await startTestApp();
    ({ admin } = await setUpSchool(t.app));
  });
  afterEach(() => t.close());

  async function addStaff(givenName: string, email: string, extra: Record<string, unknown> = {}) {
    const res = await admin.post("/api/v1/people", {
      givenName,
      familyName: "Tester",
      kinds: ["staff"],
      email,
      ...extra,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }

  /** Invite a person and accept the emailed link, as they would from their inbox. */
  async function giveAccount(personId: string, password: string) {
    expect((await admin.post(`/api/v1/people/${personId}/invite`)).statusCode).toBe(201);
    const token = await latestInvitationToken();
    const res = await new Browser(t.app).post(`/api/v1/invitations/${token}/accept`, { password });
    expect(res.statusCode).toBe(204);
  }

  /** The hash under which a browser's session is stored. */
  const sessionHash = (b: Browser) => hashSecret(b.cookie!.split("=")[1]);

  async function latestInvitationToken() {
    const outbox = (await admin.get("/api/v1/mail/outbox")).json();
    const body: string = outbox.messages[0].body;
    return /\/invite\/([\w-]+)/.exec(body)![1];
  }

  it("gives the same 401 message for an unknown email and a wrong password", async () => {
    const unknown = await new Browser(t.app).post("/api/v1/auth/login", {
      email: "nobody@x.test",
      password: "whatever-it-is-now",
    });
    const wrong = await new Browser(t.app).post("/api/v1/auth/login", {
      email: ADMIN.email,
      password: "not-the-right-one",
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().detail).toBe(wrong.json().detail);
    expect(unknown.cookies).toHaveLength(0);
  });

  it("sets an HttpOnly, SameSite=Lax session cookie", async () => {
    const res = await new Browser(t.app).post("/api/v1/auth/login", {
      email: ADMIN.email,
      password: ADMIN.password,
    });
    const cookie = res.cookies.find((c) => c.name === "accord_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    expect(cookie.secure).toBeFalsy();
  });

  it("locks an account for a while after five wrong passwords, even with the right one", async () => {
    const id = await addStaff("Lock", "lock@oakfield.test");
    await giveAccount(id, "violet-harbour-engine-17");
    const b = new Browser(t.app);
    for (let i = 0; i < 5; i++) {
      expect(
        (await b.post("/api/v1/auth/login", { email: "lock@oakfield.test", password: "wrong-wrong-wrong" }))
          .statusCode,
      ).toBe(401);
    }
    const locked = await b.post("/api/v1/auth/login", {
      email: "lock@oakfield.test",
      password: "violet-harbour-engine-17",
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().detail).toMatch(/Too many unsuccessful attempts/);
  });

  it("ends a session after 30 minutes idle", async () => {
    const b = await new Browser(t.app).signIn(ADMIN.email, ADMIN.password);
    expect((await b.get("/api/v1/me")).statusCode).toBe(200);
    await t.database.db.execute(
      sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = ${sessionHash(b)}`,
    );
    expect((await b.get("/api/v1/me")).statusCode).toBe(401);
  });

  it("keeps a session alive while it is used: a request after 29 idle minutes starts the clock again", async () => {
    const b = await new Browser(t.app).signIn(ADMIN.email, ADMIN.password);
    await t.database.db.execute(
      sql`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE token_hash = ${sessionHash(b)}`,
    );
    expect((await b.get("/api/v1/me")).statusCode).toBe(200);
    // The touch is written in the background (requests do not wait for it): give it a moment.
    const idleSeconds = async () => {
      const [row] = await queryRows<{ idle: number }>(
        t.database.db,
        sql`SELECT extract(epoch FROM now() - last_seen_at)::float AS idle FROM sessions WHERE token_hash = ${sessionHash(b)}`,
      );
      return row.idle;
    };
    for (let i = 0; i < 50 && (await idleSeconds()) > 60; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await idleSeconds()).toBeLessThan(60);
  });

  it("ends a session 12 hours after sign-in however active it is", async () => {
    const b = await new Browser(t.app).signIn(ADMIN.email, ADMIN.password);
    await t.database.db.execute(
      sql`UPDATE sessions SET created_at = now() - interval '12 hours 1 minute' WHERE token_hash = ${sessionHash(b)}`,
    );
    expect((await b.get("/api/v1/me")).statusCode).toBe(401);
  });

  it("really ends the session on sign-out: the old cookie no longer works", async () => {
    const b = await new Browser(t.app).signIn(ADMIN.email, ADMIN.password);
    const stolen = b.cookie!;
    expect((await b.post("/api/v1/auth/logout")).statusCode).toBe(204);
    const replay = await t.app.inject({ url: "/api/v1/me", headers: { cookie: stolen } });
    expect(replay.statusCode).toBe(401);
  });

  it("ends every session of a person when they change their password", async () => {
    const id = await addStaff("Change", "change@oakfield.test");
    await giveAccount(id, "copper-kettle-orchard-88");
    const laptop = await new Browser(t.app).signIn("change@oakfield.test", "copper-kettle-orchard-88");
    const phone = await new Browser(t.app).signIn("change@oakfield.test", "copper-kettle-orchard-88");
    const tooShort = await laptop.post("/api/v1/auth/password", {
      currentPassword: "copper-kettle-orchard-88",
      newPassword: "short",
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0].field).toBe("newPassword");
    expect((await phone.get("/api/v1/me")).statusCode).toBe(200);
    const ok = await laptop.post("/api/v1/auth/password", {
      currentPassword: "copper-kettle-orchard-88",
      newPassword: "silver-lantern-meadow-21",
    });
    expect(ok.statusCode).toBe(204);
    expect((await phone.get("/api/v1/me")).statusCode).toBe(401);
    await new Browser(t.app).signIn("change@oakfield.test", "silver-lantern-meadow-21");
  });

  it("an invitation link works once and then says it has been used", async () => {
    const id = await addStaff("Once", "once@oakfield.test");
    await admin.post(`/api/v1/people/${id}/invite`);
    const token = await latestInvitationToken();
    const invited = (await admin.get("/api/v1/people?account=invited"))
      .json()
      .people.map((p: { id: string }) => p.id);
    expect(invited).toEqual([id]);
    const visitor = new Browser(t.app);
    expect((await visitor.get(`/api/v1/invitations/${token}`)).json()).toMatchObject({
      name: "Once Tester",
      schoolName: "Oakfield Primary School",
    });
    const weak = await visitor.post(`/api/v1/invitations/${token}/accept`, { password: "qwertyuiop123" });
    expect(weak.statusCode).toBe(400);
    expect(
      (await visitor.post(`/api/v1/invitations/${token}/accept`, { password: "amber-fox-window-3110" }))
        .statusCode,
    ).toBe(204);
    const again = await visitor.post(`/api/v1/invitations/${token}/accept`, {
      password: "another-one-entirely-9",
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().detail).toMatch(/already been used/);
    await new Browser(t.app).signIn("once@oakfield.test", "amber-fox-window-3110");
  });

  it("an invitation link expires after 72 hours", async () => {
    const id = await addStaff("Late", "late@oakfield.test");
    await admin.post(`/api/v1/people/${id}/invite`);
    const token = await latestInvitationToken();
    await t.database.db.execute(
      sql`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE person_id = ${id}`,
    );
    const res = await new Browser(t.app).post(`/api/v1/invitations/${token}/accept`, {
      password: "amber-fox-window-3110",
    });
    expect(res.statusCode).toBe(410);
    expect(res.json().detail).toMatch(/expired/);
  });

  it("a leaver loses sign-in on their leave date", async () => {
    const id = await addStaff("Leaving", "leaving@oakfield.test");
    await giveAccount(id, "granite-puffin-sky-4040");
    const b = await new Browser(t.app).signIn("leaving@oakfield.test", "granite-puffin-sky-4040");
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });
    expect((await admin.post(`/api/v1/people/${id}/leaver`, { leaveDate: today })).statusCode).toBe(200);
    expect((await b.get("/api/v1/me")).statusCode).toBe(401);
    const again = await new Browser(t.app).post("/api/v1/auth/login", {
      email: "leaving@oakfield.test",
      password: "granite-puffin-sky-4040",
    });
    expect(again.statusCode).toBe(401);
  });

  it("API tokens act for their creator, are shown once, stored hashed and can be revoked", async () => {
    const created = await admin.post("/api/v1/api-tokens", { name: "MIS sync" });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    const stored = await queryRows(t.database.db, sql`SELECT token_hash FROM api_tokens WHERE id = ${id}`);
    expect(JSON.stringify(stored)).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    const people = await t.app.inject({ url: "/api/v1/people", headers: bearer });
    expect(people.statusCode).toBe(200);
    // No cookie and no Origin needed for a bearer request that changes state.
    const add = await t.app.inject({
      method: "POST",
      url: "/api/v1/people",
      headers: bearer,
      payload: { givenName: "Via", familyName: "Token", kinds: ["volunteer"] },
    });
    expect(add.statusCode).toBe(201);
    expect(JSON.stringify((await admin.get("/api/v1/api-tokens")).json())).not.toContain(token);
    expect((await admin.delete(`/api/v1/api-tokens/${id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ url: "/api/v1/people", headers: bearer })).statusCode).toBe(401);
  });
});

describe("over HTTPS", () => {
  it("uses a __Host- cookie marked Secure", async () => {
    const t = await startTestApp({ ACCORD_PUBLIC_URL: "https://accord.oakfield.test" });
    try {
      await t.app.inject({
        method: "POST",
        url: "/api/v1/setup",
        payload: { school: { name: "Oakfield" }, admin: ADMIN },
      });
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: ADMIN.email, password: ADMIN.password },
      });
      const cookie = res.cookies.find((c) => c.name === "__Host-accord_session")!;
      expect(cookie.secure).toBe(true);
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.path).toBe("/");
      expect(res.headers["strict-transport-security"]).toBeDefined();
    } finally {
      await t.close();
    }
  });
});

describe("one email, one account", () => {
  it("refuses a second account for an email that already signs in, with a clear message", async () => {
    const t = await startTestApp();
    try {
      const { admin } = await setUpSchool(t.app);
      const twin = (
        await admin.post("/api/v1/people", {
          givenName: "Ada",
          familyName: "Twin",
          kinds: ["staff"],
          email: ADMIN.email,
        })
      ).json();
      await admin.post(`/api/v1/people/${twin.id}/invite`);
      const body = (await admin.get("/api/v1/mail/outbox")).json().messages[0].body as string;
      const token = /\/invite\/([\w-]+)/.exec(body)![1];
      const res = await new Browser(t.app).post(`/api/v1/invitations/${token}/accept`, {
        password: "meadow-copper-violin-88",
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toMatch(/already has an Accord account/);
    } finally {
      await t.close();
    }
  });
});
