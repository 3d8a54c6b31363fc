import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { startSmtp, subjectOf, textOf } from "../../testing/smtp.js";
import { smtpTransport, sweepOutbox } from "../mail/service.js";

const CHROME_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

/**
 * A person's own account: their sessions and sign-in history, signing out elsewhere, the emails
 * about a new device and a changed password, and resetting a forgotten password by email. Mail
 * goes through the outbox to a real SMTP server on loopback, as it would to a school's relay.
 */
describe("sessions and accounts", () => {
  let t: TestApp;
  let admin: Browser;
  let adminId: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp();
    ({ admin, adminId } = await setUpSchool(t.app));
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  /** Deliver the outbox and return what reached this address since the last look. */
  async function inbox(address: string) {
    await sweepOutbox(t.database.db, smtpTransport(smtp.url), "Accord <accord@oakfield.test>", 100);
    const mine = smtp.received.filter((m) => m.to.includes(address));
    for (const m of mine) smtp.received.splice(smtp.received.indexOf(m), 1);
    return mine.map((m) => ({ subject: subjectOf(m), text: textOf(m) }));
  }

  /** A member of staff with a password, set through their emailed invitation. */
  async function staffWithPassword(name: string, password: string) {
    const email = `${name.toLowerCase()}@oakfield.test`;
    const person = await admin.post("/api/v1/people", {
      givenName: name,
      familyName: "Tester",
      kinds: ["staff"],
      email,
    });
    expect((await admin.post(`/api/v1/people/${person.json().id}/invite`)).statusCode).toBe(201);
    const [invitation] = await inbox(email);
    const token = /\/invite\/([\w-]+)/.exec(invitation.text)![1];
    expect(
      (await new Browser(t.app).post(`/api/v1/invitations/${token}/accept`, { password })).statusCode,
    ).toBe(204);
    return { email, id: person.json().id as string };
  }

  function device(userAgent: string, remoteAddress: string) {
    const b = new Browser(t.app);
    b.userAgent = userAgent;
    b.remoteAddress = remoteAddress;
    return b;
  }

  it("lists a person's sessions with this one marked, and signing out everywhere else ends the others only", async () => {
    const { email } = await staffWithPassword("Sessions", "violet-harbour-engine-17");
    const laptop = await device(CHROME_WINDOWS, "198.51.100.10").signIn(email, "violet-harbour-engine-17");
    const phone = await device(SAFARI_IPHONE, "203.0.113.50").signIn(email, "violet-harbour-engine-17");
    const { sessions } = (await laptop.get("/api/v1/me/sessions")).json();
    expect(sessions).toHaveLength(2);
    expect(sessions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ device: "Chrome on Windows", ip: "198.51.100.10", current: true }),
        expect.objectContaining({ device: "Safari on iOS", ip: "203.0.113.50", current: false }),
      ]),
    );
    const out = await laptop.post("/api/v1/me/sessions/sign-out-others");
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ended: 1 });
    expect((await phone.get("/api/v1/me")).statusCode).toBe(401);
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(200);
    expect((await laptop.get("/api/v1/me/sessions")).json().sessions).toEqual([
      expect.objectContaining({ device: "Chrome on Windows", current: true }),
    ]);
  });

  it("signs out one chosen session, and nobody can see or end another person's sessions", async () => {
    const { email } = await staffWithPassword("Chosen", "copper-kettle-orchard-88");
    const laptop = await device(CHROME_WINDOWS, "198.51.100.11").signIn(email, "copper-kettle-orchard-88");
    const phone = await device(SAFARI_IPHONE, "203.0.113.51").signIn(email, "copper-kettle-orchard-88");
    const phoneSession = (await laptop.get("/api/v1/me/sessions"))
      .json()
      .sessions.find((s: { current: boolean }) => !s.current);
    // The headteacher and school admin cannot end it: to them it does not exist.
    const refused = await admin.delete(`/api/v1/me/sessions/${phoneSession.id}`);
    expect(refused.statusCode).toBe(404);
    expect(JSON.stringify((await admin.get("/api/v1/me/sessions")).json())).not.toContain(phoneSession.id);
    expect((await phone.get("/api/v1/me")).statusCode).toBe(200);
    expect((await laptop.delete(`/api/v1/me/sessions/${phoneSession.id}`)).statusCode).toBe(204);
    expect((await phone.get("/api/v1/me")).statusCode).toBe(401);
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("emails a person when they sign in from a new device, not on their first sign-in nor again from the same one", async () => {
    const { email } = await staffWithPassword("Device", "granite-puffin-sky-4040");
    await device(CHROME_WINDOWS, "198.51.100.12").signIn(email, "granite-puffin-sky-4040");
    expect(await inbox(email)).toEqual([]);
    // The same browser on the same network (another address in its /24) is the same device.
    await device(CHROME_WINDOWS, "198.51.100.99").signIn(email, "granite-puffin-sky-4040");
    expect(await inbox(email)).toEqual([]);
    await device(SAFARI_IPHONE, "203.0.113.52").signIn(email, "granite-puffin-sky-4040");
    const [mail, ...more] = await inbox(email);
    expect(more).toEqual([]);
    expect(mail.subject).toBe("A new sign-in to your Accord account");
    expect(mail.text).toContain("Safari on iOS");
    expect(mail.text).toContain("203.0.113.52");
    expect(mail.text).toContain("If this wasn't you, reset your password");
    await device(SAFARI_IPHONE, "203.0.113.52").signIn(email, "granite-puffin-sky-4040");
    expect(await inbox(email)).toEqual([]);
  });

  it("emails a person when their password is changed", async () => {
    const { email } = await staffWithPassword("Changed", "amber-fox-window-3110");
    const b = await device(CHROME_WINDOWS, "198.51.100.13").signIn(email, "amber-fox-window-3110");
    const res = await b.post("/api/v1/auth/password", {
      currentPassword: "amber-fox-window-3110",
      newPassword: "silver-lantern-meadow-21",
    });
    expect(res.statusCode).toBe(204);
    const [mail] = await inbox(email);
    expect(mail.subject).toBe("Your Accord password was changed");
    expect(mail.text).toContain("signed out");
  });

  it("resets a forgotten password by an emailed link that works once; the old password and every session end", async () => {
    const { email } = await staffWithPassword("Forgot", "copper-lantern-orchard-55");
    const elsewhere = await device(CHROME_WINDOWS, "198.51.100.14").signIn(
      email,
      "copper-lantern-orchard-55",
    );
    const token = await api("/api/v1/auth/password-reset", { email: "FORGOT@oakfield.test" }).then(
      async (r) => {
        expect(r.statusCode).toBe(202);
        const [mail] = await inbox(email);
        expect(mail.subject).toBe("Reset your Accord password");
        return /\/reset-password\/([\w-]+)/.exec(mail.text)![1];
      },
    );
    // Only the hash of the link is stored.
    expect(JSON.stringify(await queryRows(t.database.db, sql`SELECT * FROM password_resets`))).not.toContain(
      token,
    );
    const visitor = new Browser(t.app);
    expect((await visitor.get(`/api/v1/auth/password-reset/${token}`)).json()).toEqual({ email });
    const weak = await visitor.post(`/api/v1/auth/password-reset/${token}`, { password: "qwertyuiop123" });
    expect(weak.statusCode).toBe(400);
    expect(
      (await visitor.post(`/api/v1/auth/password-reset/${token}`, { password: "harbour-violet-kettle-62" }))
        .statusCode,
    ).toBe(204);
    // Not signed in by the reset: a second factor, where there is one, still stands at sign-in.
    expect(visitor.cookie).toBeNull();
    const again = await visitor.post(`/api/v1/auth/password-reset/${token}`, {
      password: "another-one-entirely-9",
    });
    expect(again.statusCode).toBe(410);
    expect((await elsewhere.get("/api/v1/me")).statusCode).toBe(401);
    const old = await api("/api/v1/auth/login", { email, password: "copper-lantern-orchard-55" });
    expect(old.statusCode).toBe(401);
    await new Browser(t.app).signIn(email, "harbour-violet-kettle-62");
    const [changed] = await inbox(email);
    expect(changed.subject).toBe("Your Accord password was changed");
  });

  it("a reset link expires after 30 minutes, a newer link replaces an older one, and a made-up link is refused", async () => {
    const { email } = await staffWithPassword("Expiry", "granite-kettle-meadow-77");
    await api("/api/v1/auth/password-reset", { email });
    const first = /\/reset-password\/([\w-]+)/.exec((await inbox(email))[0].text)![1];
    await api("/api/v1/auth/password-reset", { email });
    const second = /\/reset-password\/([\w-]+)/.exec((await inbox(email))[0].text)![1];
    const replaced = await api(`/api/v1/auth/password-reset/${first}`, {
      password: "harbour-violet-kettle-62",
    });
    expect(replaced.statusCode).toBe(410);
    await t.database.db.execute(
      sql`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE closed_at IS NULL`,
    );
    const late = await api(`/api/v1/auth/password-reset/${second}`, { password: "harbour-violet-kettle-62" });
    expect(late.statusCode).toBe(410);
    expect(late.json().detail).toMatch(/expired/);
    const madeUp = await api(`/api/v1/auth/password-reset/${"x".repeat(43)}`, {
      password: "harbour-violet-kettle-62",
    });
    expect(madeUp.statusCode).toBe(404);
    await new Browser(t.app).signIn(email, "granite-kettle-meadow-77");
  });

  it("answers a reset request for an unknown address exactly as for a known one, and sends nothing", async () => {
    const { email } = await staffWithPassword("Known", "meadow-granite-kettle-31");
    const known = await api("/api/v1/auth/password-reset", { email });
    const unknown = await api("/api/v1/auth/password-reset", { email: "nobody@oakfield.test" });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    await sweepOutbox(t.database.db, smtpTransport(smtp.url), "a@b.test", 100);
    expect(smtp.received.filter((m) => m.to.includes("nobody@oakfield.test"))).toEqual([]);
    expect(await inbox(email)).toHaveLength(1);
  });

  it("throttles reset requests: a few links an hour per account, and a limit per address", async () => {
    const { email } = await staffWithPassword("Throttle", "kettle-meadow-harbour-19");
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push((await api("/api/v1/auth/password-reset", { email }, "192.0.2.200")).statusCode);
    expect(answers).toEqual([202, 202, 202, 202, 202]);
    expect(await inbox(email)).toHaveLength(3);
    for (let i = 0; i < 5; i++)
      await api("/api/v1/auth/password-reset", { email: `x${i}@oakfield.test` }, "192.0.2.200");
    expect((await api("/api/v1/auth/password-reset", { email }, "192.0.2.200")).statusCode).toBe(429);
  });

  it("revokes the API tokens a person made when their password is reset", async () => {
    const created = (await admin.post("/api/v1/api-tokens", { name: "MIS sync" })).json();
    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await t.app.inject({ url: "/api/v1/me", headers: bearer })).statusCode).toBe(200);
    await api("/api/v1/auth/password-reset", { email: "head@oakfield.test" }, "192.0.2.201");
    const token = /\/reset-password\/([\w-]+)/.exec((await inbox("head@oakfield.test"))[0].text)![1];
    expect(
      (await api(`/api/v1/auth/password-reset/${token}`, { password: "bright-orchard-falcon-2026" }))
        .statusCode,
    ).toBe(204);
    expect((await t.app.inject({ url: "/api/v1/me", headers: bearer })).statusCode).toBe(401);
    admin = await new Browser(t.app).signIn("head@oakfield.test", "bright-orchard-falcon-2026");
    const events = (await admin.get(`/api/v1/audit?action=auth.password_reset&personId=${adminId}`)).json()
      .events;
    expect(events).toHaveLength(1);
  });

  /** An anonymous JSON request, as the sign-in page's forms make it. */
  function api(url: string, body: unknown, remoteAddress = "127.0.0.1") {
    return t.app.inject({
      method: "POST",
      url,
      payload: body as object,
      remoteAddress,
      headers: { origin: "http://localhost:3000" },
    });
  }
});
