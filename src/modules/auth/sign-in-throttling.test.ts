import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";

/**
 * Sign-in throttling under attack (issue 15, ASVS V2.2.1 / V6.3): the per-IP limit and the
 * per-account lockout hold whether attempts come one by one, from one address, from many, or all
 * at once. Each case uses its own account and its own addresses, so one app serves them all.
 */
describe("sign-in throttling", () => {
  let t: TestApp;
  let admin: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    ({ admin } = await setUpSchool(t.app));
  });
  afterAll(() => t.close());

  /** A member of staff with a password, through the emailed invitation as in real life. */
  async function staffWithPassword(name: string, password: string) {
    const email = `${name.toLowerCase()}@oakfield.test`;
    const person = await admin.post("/api/v1/people", {
      givenName: name,
      familyName: "Tester",
      kinds: ["staff"],
      email,
    });
    expect((await admin.post(`/api/v1/people/${person.json().id}/invite`)).statusCode).toBe(201);
    const outbox = (await admin.get("/api/v1/mail/outbox")).json();
    const token = /\/invite\/([\w-]+)/.exec(outbox.messages[0].body)![1];
    const accepted = await new Browser(t.app).post(`/api/v1/invitations/${token}/accept`, { password });
    expect(accepted.statusCode).toBe(204);
    return { email, id: person.json().id as string };
  }

  const attempt = (email: string, password: string, remoteAddress: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email, password },
      remoteAddress,
      headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0" },
    });

  async function checkedPasswords(email: string) {
    const [row] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM sign_in_attempts WHERE email = ${email} AND outcome = 'wrong_password'`,
    );
    return row.n;
  }

  function tally(codes: number[]) {
    const counts: Record<number, number> = {};
    for (const c of codes) counts[c] = (counts[c] ?? 0) + 1;
    return counts;
  }

  it("checks only five of 25 wrong passwords sent at once, refuses the other 20, and then the right one", async () => {
    const { email } = await staffWithPassword("Race", "violet-harbour-engine-17");
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => attempt(email, `wrong-guess-number-${i}`, `10.25.0.${i + 1}`)),
    );
    expect(tally(answers.map((a) => a.statusCode))).toEqual({ 401: 5, 429: 20 });
    expect(await checkedPasswords(email)).toBe(5);
    expect((await attempt(email, "violet-harbour-engine-17", "10.25.1.1")).statusCode).toBe(429);
  }, 30_000);

  it("answers 1,000 attempts from one address with 429 once its limit is reached, and nothing unlocks", async () => {
    const { email } = await staffWithPassword("Flood", "copper-kettle-orchard-88");
    const started = Date.now();
    const codes: number[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => attempt(email, `guess-${batch}-${i}`, "10.1.1.1")),
      );
      codes.push(...answers.map((a) => a.statusCode));
    }
    // At most 30 a minute reach the service (the per-IP limit); of those the lockout checks 5 at most.
    const counts = tally(codes);
    expect(Object.keys(counts).sort()).toEqual(Object.keys(counts).length === 1 ? ["429"] : ["401", "429"]);
    expect(counts[429]).toBeGreaterThanOrEqual(970);
    expect(await checkedPasswords(email)).toBeLessThanOrEqual(5);
    expect(Date.now() - started).toBeLessThan(30_000);
    // The right password from the same address is still refused.
    expect((await attempt(email, "copper-kettle-orchard-88", "10.1.1.1")).statusCode).toBe(429);
  }, 60_000);

  it("holds the account lockout against 1,000 attempts from 1,000 addresses, 50 at a time", async () => {
    const { email } = await staffWithPassword("Botnet", "granite-puffin-sky-4040");
    const started = Date.now();
    const codes: number[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          attempt(email, `guess-${batch}-${i}`, `10.${100 + batch}.${i}.${(batch * 50 + i) % 250}`),
        ),
      );
      codes.push(...answers.map((a) => a.statusCode));
    }
    expect(tally(codes)).toEqual({ 401: 5, 429: 995 });
    expect(await checkedPasswords(email)).toBe(5);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect((await attempt(email, "granite-puffin-sky-4040", "10.200.0.1")).statusCode).toBe(429);
  }, 120_000);

  it("keeps failed attempts after a success, shows them to the account's owner, and records them in the audit log", async () => {
    const { email, id } = await staffWithPassword("Kept", "amber-fox-window-3110");
    expect((await attempt(email, "not-my-password", "192.0.2.7")).statusCode).toBe(401);
    expect((await attempt(email, "still-not-it-no", "192.0.2.7")).statusCode).toBe(401);
    const owner = new Browser(t.app);
    owner.remoteAddress = "198.51.100.20";
    owner.userAgent =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    await owner.signIn(email, "amber-fox-window-3110");
    const { signIns } = (await owner.get("/api/v1/me/sessions")).json();
    expect(signIns).toEqual([
      expect.objectContaining({ outcome: "success", device: "Chrome on Windows", ip: "198.51.100.20" }),
      expect.objectContaining({ outcome: "wrong_password", device: "Firefox on Linux", ip: "192.0.2.7" }),
      expect.objectContaining({ outcome: "wrong_password", device: "Firefox on Linux", ip: "192.0.2.7" }),
    ]);
    const audit = (await admin.get(`/api/v1/audit?action=auth.sign_in_failed&personId=${id}`)).json();
    expect(audit.events).toHaveLength(2);
    expect(audit.events[0]).toMatchObject({ action: "auth.sign_in_failed", ip: "192.0.2.7" });
  }, 30_000);

  it("counts only the failures since the last success: a person who gets in is not locked by older slips", async () => {
    const { email } = await staffWithPassword("Slips", "silver-lantern-meadow-21");
    for (let i = 0; i < 4; i++)
      expect((await attempt(email, `slip-${i}-wrong`, "203.0.113.9")).statusCode).toBe(401);
    expect((await attempt(email, "silver-lantern-meadow-21", "203.0.113.9")).statusCode).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await attempt(email, `slip-${i}-again`, "203.0.113.9")).statusCode).toBe(401);
    expect((await attempt(email, "silver-lantern-meadow-21", "203.0.113.9")).statusCode).toBe(200);
  }, 60_000);
});
