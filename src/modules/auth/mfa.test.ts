import { sql } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { ADMIN, Browser, ORIGIN, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { softwarePasskey } from "../../testing/passkey.js";

/** The code an authenticator app shows for this secret, `stepsAhead` periods from now. */
const codeFor = (secret: string, stepsAhead = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });

describe("two-step sign-in", () => {
  let t: TestApp;
  let admin: Browser;
  let schoolId: string;
  let adminId: string;
  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, schoolId, adminId } = await setUpSchool(t.app));
  });
  afterAll(() => t.close());

  let n = 0;
  /** A member of staff with an account (invited, link accepted), holding these roles. */
  async function staffWithAccount(roles: string[] = []) {
    n += 1;
    const email = `staff${n}@oakfield.test`;
    const password = `quiet-harbour-pencil-${n}${n}`;
    const res = await admin.post("/api/v1/people", {
      givenName: `Sam${n}`,
      familyName: "Tester",
      kinds: ["staff"],
      email,
      roles,
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    await acceptResetLink(id, password);
    return { id, email, password };
  }

  /** Invite (or reset the access of) a person, and follow the emailed link with a new password. */
  async function acceptResetLink(personId: string, password: string) {
    expect((await admin.post(`/api/v1/people/${personId}/invite`)).statusCode).toBe(201);
    const outbox = (await admin.get("/api/v1/mail/outbox")).json();
    const token = /\/invite\/([\w-]+)/.exec(outbox.messages[0].body)![1];
    expect(
      (await new Browser(t.app).post(`/api/v1/invitations/${token}/accept`, { password })).statusCode,
    ).toBe(204);
  }

  /** Set up an authenticator app in this signed-in browser; returns its secret and recovery codes. */
  async function enrolTotp(b: Browser) {
    const setup = await b.post("/api/v1/me/security/totp");
    expect(setup.statusCode).toBe(200);
    const { secret, uri } = setup.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Accord:/);
    const confirmed = await b.post("/api/v1/me/security/totp/confirm", { code: codeFor(secret) });
    expect(confirmed.statusCode).toBe(200);
    return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
  }

  /** Move the moment a person's privileged roles were granted back by this many days. */
  async function grantedDaysAgo(personId: string, days: number) {
    await t.database.db.execute(
      sql`UPDATE role_assignments SET assigned_at = now() - make_interval(days => ${days}) WHERE person_id = ${personId}`,
    );
  }

  it("lets a teacher without a privileged role sign in with their password alone", async () => {
    const teacher = await staffWithAccount();
    const b = new Browser(t.app);
    const res = await b.post("/api/v1/auth/login", { email: teacher.email, password: teacher.password });
    expect(res.statusCode).toBe(200);
    expect(res.json().mfa).toEqual({ required: false, enrolled: false, enrolBy: null });
    expect((await b.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("lets a new headteacher in with a password during the 14-day grace, and says by when to set it up", async () => {
    const b = await new Browser(t.app).signIn(ADMIN.email, ADMIN.password);
    const me = (await b.get("/api/v1/me")).json();
    expect(me.mfa.required).toBe(true);
    expect(me.mfa.enrolled).toBe(false);
    const daysLeft = (Date.parse(me.mfa.enrolBy) - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(13.9);
    expect(daysLeft).toBeLessThanOrEqual(14);
    expect((await b.get("/api/v1/people")).statusCode).toBe(200);
  });

  it("keeps a DSL past the grace without two-step sign-in out of personal data until they set it up", async () => {
    const dsl = await staffWithAccount(["dsl"]);
    await grantedDaysAgo(dsl.id, 15);
    const b = new Browser(t.app);
    const login = await b.post("/api/v1/auth/login", { email: dsl.email, password: dsl.password });
    expect(login.statusCode).toBe(200);
    expect(login.json().mfa).toMatchObject({ required: true, enrolled: false });
    expect(Date.parse(login.json().mfa.enrolBy)).toBeLessThan(Date.now());

    const refused = await b.get("/api/v1/people");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe("Set up two-step sign-in to continue.");
    expect(refused.json().type).toMatch(/mfa-enrolment-required$/);
    expect((await b.get("/api/v1/incidents")).statusCode).toBe(403);

    await enrolTotp(b);
    expect((await b.get("/api/v1/people")).statusCode).toBe(200);
  });

  it("asks for a code after the password once an app is set up, refuses a wrong or used code, and takes a fresh one", async () => {
    const head = await staffWithAccount(["headteacher"]);
    const b = await new Browser(t.app).signIn(head.email, head.password);
    const { secret, recoveryCodes } = await enrolTotp(b);
    expect(recoveryCodes).toHaveLength(10);
    await b.post("/api/v1/auth/logout");

    const first = new Browser(t.app);
    const challenge = await first.post("/api/v1/auth/login", { email: head.email, password: head.password });
    expect(challenge.statusCode).toBe(200);
    expect(challenge.json()).toEqual({ mfaRequired: true, methods: ["totp", "recovery_code"] });
    expect(challenge.cookies.map((c) => c.name)).toEqual(["accord_pending"]);
    // The pending sign-in is not a session: it reaches nothing else.
    const pendingCookie = `accord_pending=${challenge.cookies[0].value}`;
    const probe = await t.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { cookie: pendingCookie },
    });
    expect(probe.statusCode).toBe(401);

    const wrong = await first.request(
      "POST",
      "/api/v1/auth/mfa/totp",
      { code: "000000" },
      { cookie: pendingCookie },
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).toMatch(/not right/);

    // The code of the step the app was confirmed with has been used; the next one has not.
    const used = await first.request(
      "POST",
      "/api/v1/auth/mfa/totp",
      { code: codeFor(secret) },
      { cookie: pendingCookie },
    );
    expect(used.statusCode).toBe(401);
    const next = codeFor(secret, 1);
    const ok = await first.request(
      "POST",
      "/api/v1/auth/mfa/totp",
      { code: next },
      { cookie: pendingCookie },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mfa).toMatchObject({ required: true, enrolled: true });
    const session = ok.cookies.find((c) => c.name === "accord_session")!;
    const signedIn = new Browser(t.app);
    signedIn.cookie = `accord_session=${session.value}`;
    expect((await signedIn.get("/api/v1/people")).statusCode).toBe(200);

    // The same code, seen over a shoulder and typed again at once, is refused.
    const again = new Browser(t.app);
    const c2 = await again.post("/api/v1/auth/login", { email: head.email, password: head.password });
    const replay = await again.request(
      "POST",
      "/api/v1/auth/mfa/totp",
      { code: next },
      { cookie: `accord_pending=${c2.cookies[0].value}` },
    );
    expect(replay.statusCode).toBe(401);
    // And a pending sign-in cannot be finished twice.
    const twice = await again.request(
      "POST",
      "/api/v1/auth/mfa/totp",
      { code: codeFor(secret, 1) },
      { cookie: pendingCookie },
    );
    expect(twice.statusCode).toBe(410);
  });

  it("takes each recovery code once", async () => {
    const dpo = await staffWithAccount(["dpo"]);
    const b = await new Browser(t.app).signIn(dpo.email, dpo.password);
    const { recoveryCodes } = await enrolTotp(b);
    const signInWith = async (code: string) => {
      const c = await new Browser(t.app).post("/api/v1/auth/login", {
        email: dpo.email,
        password: dpo.password,
      });
      return t.app.inject({
        method: "POST",
        url: "/api/v1/auth/mfa/recovery-code",
        payload: { code },
        headers: { origin: ORIGIN, cookie: `accord_pending=${c.cookies[0].value}` },
      });
    };
    expect((await signInWith(recoveryCodes[0].toUpperCase())).statusCode).toBe(200);
    const reused = await signInWith(recoveryCodes[0]);
    expect(reused.statusCode).toBe(401);
    expect(reused.json().detail).toMatch(/recovery code is not right, or it has been used/);
    expect((await signInWith(recoveryCodes[1])).statusCode).toBe(200);
  });

  it("ends a pending sign-in after five wrong codes", async () => {
    const deputy = await staffWithAccount(["deputy_dsl"]);
    const b = await new Browser(t.app).signIn(deputy.email, deputy.password);
    const { secret } = await enrolTotp(b);
    const c = await new Browser(t.app).post("/api/v1/auth/login", {
      email: deputy.email,
      password: deputy.password,
    });
    const cookie = `accord_pending=${c.cookies[0].value}`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await b.request("POST", "/api/v1/auth/mfa/totp", { code: "123456" }, { cookie })).statusCode,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const late = await b.request("POST", "/api/v1/auth/mfa/totp", { code: codeFor(secret, 1) }, { cookie });
    expect(late.statusCode).toBe(410);
  });

  it("counts wrong codes against the account like wrong passwords, so the right password alone cannot keep trying", async () => {
    const deputy = await staffWithAccount(["deputy_dsl"]);
    const b = await new Browser(t.app).signIn(deputy.email, deputy.password);
    await enrolTotp(b);
    const login = () =>
      new Browser(t.app).post("/api/v1/auth/login", { email: deputy.email, password: deputy.password });
    const first = await login();
    expect(first.json()).toMatchObject({ mfaRequired: true });
    const cookie = `accord_pending=${first.cookies[0].value}`;
    for (let i = 0; i < 5; i++)
      await b.request("POST", "/api/v1/auth/mfa/totp", { code: "123456" }, { cookie });
    // Five wrong codes are five failures: the account is locked even to the right password.
    const locked = await login();
    expect(locked.statusCode).toBe(429);
    // The person's history says what happened, not "signed in".
    const history = await queryRows<{ outcome: string }>(
      t.database.db,
      sql`SELECT outcome FROM sign_in_attempts WHERE email = ${deputy.email.toLowerCase()} ORDER BY id`,
    );
    expect(history.map((h) => h.outcome)).toEqual([
      "success",
      "second_step",
      ...Array(5).fill("wrong_second_step"),
      "locked",
    ]);
  });

  it("keeps two-step sign-in through a password reset", async () => {
    const admin2 = await staffWithAccount(["school_admin"]);
    const b = await new Browser(t.app).signIn(admin2.email, admin2.password);
    await enrolTotp(b);
    await acceptResetLink(admin2.id, "fresh-garden-lantern-99");
    const res = await new Browser(t.app).post("/api/v1/auth/login", {
      email: admin2.email,
      password: "fresh-garden-lantern-99",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().mfaRequired).toBe(true);
  });

  it("lets only an admin who has proven their own second step reset someone's, records it and emails them", async () => {
    const dsl = await staffWithAccount(["dsl"]);
    const dslBrowser = await new Browser(t.app).signIn(dsl.email, dsl.password);
    await enrolTotp(dslBrowser);

    const headWithPasswordOnly = await new Browser(t.app).signIn(ADMIN.email, ADMIN.password);
    const refused = await headWithPasswordOnly.delete(`/api/v1/people/${dsl.id}/mfa`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/two-step sign-in/);

    await enrolTotp(headWithPasswordOnly);
    const reset = await headWithPasswordOnly.delete(`/api/v1/people/${dsl.id}/mfa`);
    expect(reset.statusCode).toBe(204);

    // Signed out everywhere; the next sign-in is by password, and (in the grace) /me says set it up.
    expect((await dslBrowser.get("/api/v1/me")).statusCode).toBe(401);
    const next = await new Browser(t.app).post("/api/v1/auth/login", {
      email: dsl.email,
      password: dsl.password,
    });
    expect(next.json().mfa).toMatchObject({ required: true, enrolled: false });

    const outbox = (await headWithPasswordOnly.get("/api/v1/mail/outbox")).json();
    expect(outbox.messages[0].subject).toBe(
      "Your two-step sign-in for Accord at Oakfield Primary School was reset",
    );
    expect(outbox.messages[0].body).toContain("Ada Okafor has reset your two-step sign-in");
    const events = await queryRows<{ action: string; actor_person_id: string }>(
      t.database.db,
      sql`SELECT action, actor_person_id FROM audit_events WHERE school_id = ${schoolId} AND entity_id = ${dsl.id} AND action = 'mfa.reset'`,
    );
    expect(events).toEqual([{ action: "mfa.reset", actor_person_id: adminId }]);
  });

  it("signs in with a passkey as the second step", async () => {
    const head = await staffWithAccount(["headteacher"]);
    const b = await new Browser(t.app).signIn(head.email, head.password);
    const key = softwarePasskey(ORIGIN);
    const options = (await b.post("/api/v1/me/security/passkeys/options")).json();
    expect(options.rp).toEqual({ name: "Accord", id: "localhost" });
    const added = await b.post("/api/v1/me/security/passkeys", {
      name: "Work laptop",
      response: key.register(options),
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().recoveryCodes).toHaveLength(10);
    const security = (await b.get("/api/v1/me/security")).json();
    expect(security.passkeys.map((p: { name: string }) => p.name)).toEqual(["Work laptop"]);

    const c = await new Browser(t.app).post("/api/v1/auth/login", {
      email: head.email,
      password: head.password,
    });
    expect(c.json()).toEqual({ mfaRequired: true, methods: ["passkey", "recovery_code"] });
    const cookie = `accord_pending=${c.cookies[0].value}`;
    const signInOptions = (
      await b.request("POST", "/api/v1/auth/mfa/passkey/options", {}, { cookie })
    ).json();
    const res = await b.request(
      "POST",
      "/api/v1/auth/mfa/passkey",
      { response: key.authenticate(signInOptions) },
      { cookie },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe(`Sam${n} Tester`);
  });
});
