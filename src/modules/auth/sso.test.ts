import { sql } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { Browser, ORIGIN, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { staffAgreement } from "../../testing/factories.js";
import { type Person, startTestIdp, type TestIdp } from "../../testing/oidc.js";

const CALLBACK = `${ORIGIN}/api/v1/auth/sso/callback`;

describe("signing in with Google or Microsoft", () => {
  let t: TestApp;
  let admin: Browser;
  let schoolId: string;
  let idp: TestIdp;

  beforeAll(async () => {
    t = await startTestApp();
    // The provider on 127.0.0.1 speaks plain http; openid-client refuses that unless told, and
    // only tests tell it (decision 031).
    t.config.allowHttpSsoIssuers = true;
    idp = await startTestIdp(CALLBACK);
    ({ admin, schoolId } = await setUpSchool(t.app));
    await addPerson("Grace", "grace@oakfield.sch.uk");
    await addPerson("Mo", "mo@oakfield.sch.uk");
  });
  afterAll(async () => {
    await idp.close();
    await t.close();
  });
  beforeEach(() => {
    idp.tamper = null;
  });

  async function addPerson(givenName: string, email: string, kinds = ["staff"]) {
    const res = await admin.post("/api/v1/people", { givenName, familyName: "Tester", kinds, email });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }

  const google = (extra: Record<string, unknown> = {}) => ({
    issuer: idp.issuer,
    clientId: idp.clients[0].id,
    clientSecret: idp.clients[0].secret,
    allowedDomains: ["oakfield.sch.uk"],
    ...extra,
  });
  const microsoft = (extra: Record<string, unknown> = {}) => ({
    issuer: idp.issuer,
    clientId: idp.clients[1].id,
    clientSecret: idp.clients[1].secret,
    allowedDomains: ["oakfield.sch.uk"],
    tenantId: "oakfield-tenant",
    trustsMfa: true,
    ...extra,
  });

  async function setUpProvider(
    provider: "google" | "microsoft",
    body = provider === "google" ? google() : microsoft(),
  ) {
    const res = await admin.put(`/api/v1/school/sso/${provider}`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  const sessionCount = async () =>
    (
      await queryRows<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM sessions WHERE ended_at IS NULL`,
      )
    )[0].n;

  /**
   * A person clicks "Sign in with …" in a fresh browser, signs in at the provider as `person`,
   * and is sent back to Accord. Returns Accord's last answer and the browser (with any session).
   */
  async function signInWithProvider(
    person: Person,
    start: string,
    adjust?: (callbackPath: string) => string,
  ) {
    idp.signInAs(person);
    const browser = new Browser(t.app);
    const started = await browser.get(`/api/v1/auth/sso/start?${start}`);
    expect(started.statusCode, started.body).toBe(302);
    const attempt = started.cookies.find((c) => c.name === "accord_sso");
    expect(attempt?.httpOnly).toBe(true);
    const callbackPath = await idp.authorize(started.headers.location as string);
    const back = await browser.request("GET", adjust ? adjust(callbackPath) : callbackPath, undefined, {
      cookie: `accord_sso=${attempt!.value}`,
    });
    return { back, browser, attemptCookie: attempt!.value, callbackPath };
  }

  const providerId = async (provider: "google" | "microsoft") =>
    ((await admin.get("/api/v1/school/sso")).json().providers as { id: string; provider: string }[]).find(
      (p) => p.provider === provider,
    )!.id;

  /** Refused: sent back to the sign-in page with the reason, and no session anywhere. */
  async function expectRefused(
    back: Awaited<ReturnType<typeof signInWithProvider>>["back"],
    code: string,
    browser: Browser,
  ) {
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe(`/sign-in?sso=${code}`);
    expect(back.cookies.find((c) => c.name === "accord_session")).toBeUndefined();
    expect((await browser.get("/api/v1/me")).statusCode).toBe(401);
  }

  it("lets an admin set up Google with a secret that is kept encrypted and never shown again", async () => {
    const saved = await setUpProvider("google");
    expect(saved).toMatchObject({
      provider: "google",
      hasClientSecret: true,
      allowedDomains: ["oakfield.sch.uk"],
    });
    expect(JSON.stringify(saved)).not.toContain(idp.clients[0].secret);

    const settings = await admin.get("/api/v1/school/sso");
    expect(settings.json().redirectUri).toBe(CALLBACK);
    expect(settings.body).not.toContain(idp.clients[0].secret);

    const stored = await queryRows<{ client_secret_encrypted: string }>(
      t.database.db,
      sql`SELECT client_secret_encrypted FROM sso_providers WHERE school_id = ${schoolId}`,
    );
    expect(stored[0].client_secret_encrypted).not.toContain(idp.clients[0].secret);
    expect(stored[0].client_secret_encrypted).toMatch(/^v1\./);

    const events = await queryRows<{ summary: unknown }>(
      t.database.db,
      sql`SELECT summary FROM audit_events WHERE action = 'sso.provider_saved'`,
    );
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain(idp.clients[0].secret);

    // Saved again without a secret: the one kept stays, and sign-in still works with it.
    const { clientSecret: _left, ...withoutSecret } = google({
      allowedDomains: ["@Oakfield.sch.uk", "oakfield.org.uk"],
    });
    const resaved = await setUpProvider("google", withoutSecret as never);
    expect(resaved.allowedDomains).toEqual(["oakfield.sch.uk", "oakfield.org.uk"]);
  });

  it("signs a person in with Google, matched to their record by verified email", async () => {
    await setUpProvider("google");
    const before = await sessionCount();
    const { back, browser } = await signInWithProvider(
      { sub: "g-grace", email: "Grace@oakfield.sch.uk", email_verified: true },
      "email=grace@oakfield.sch.uk",
    );
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe("/");
    const me = await browser.get("/api/v1/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ name: "Grace Tester", email: "grace@oakfield.sch.uk" });
    expect(await sessionCount()).toBe(before + 1);

    const [event] = await queryRows<{ summary: { provider: string } }>(
      t.database.db,
      sql`SELECT summary FROM audit_events WHERE action = 'auth.signed_in_sso' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event.summary).toMatchObject({ provider: "google", mfaAsserted: false });
  });

  it("asks a person with two-step sign-in for their own second step after Google, as after a password", async () => {
    await setUpProvider("google"); // Google's own MFA is not trusted here (trustsMfa false)
    const person = { sub: "g-mo", email: "mo@oakfield.sch.uk", email_verified: true };
    const first = await signInWithProvider(person, "email=mo@oakfield.sch.uk");
    expect(first.back.headers.location).toBe("/");
    const setup = await first.browser.post("/api/v1/me/security/totp");
    expect(setup.statusCode, setup.body).toBe(200);
    const secret = Secret.fromBase32(setup.json().secret);
    const code = (ahead = 0) => new TOTP({ secret }).generate({ timestamp: Date.now() + ahead * 30_000 });
    expect((await first.browser.post("/api/v1/me/security/totp/confirm", { code: code() })).statusCode).toBe(
      200,
    );

    const before = await sessionCount();
    const again = await signInWithProvider(person, "email=mo@oakfield.sch.uk");
    expect(again.back.statusCode).toBe(302);
    expect(again.back.headers.location).toBe("/sign-in?second-step=totp,recovery_code");
    expect(again.back.cookies.find((c) => c.name === "accord_session")).toBeUndefined();
    expect(await sessionCount()).toBe(before);
    const pending = again.back.cookies.find((c) => c.name === "accord_pending")!;
    const done = await again.browser.request(
      "POST",
      "/api/v1/auth/mfa/totp",
      { code: code(1) },
      { cookie: `accord_pending=${pending.value}` },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ name: "Mo Tester" });
    const [event] = await queryRows<{ summary: unknown }>(
      t.database.db,
      sql`SELECT summary FROM audit_events WHERE action = 'auth.signed_in_sso' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event.summary).toEqual({ provider: "google", mfaAsserted: false, mfa: "totp" });
    const [session] = await queryRows<{ method: string; mfa_method: string }>(
      t.database.db,
      sql`SELECT method, mfa_method FROM sessions ORDER BY created_at DESC LIMIT 1`,
    );
    expect(session).toEqual({ method: "sso", mfa_method: "totp" });
  });

  it("shows the sign-in page the providers of the school an email belongs to", async () => {
    await setUpProvider("google");
    const forDomain = (
      await new Browser(t.app).get("/api/v1/auth/sso/providers?email=mo@oakfield.sch.uk")
    ).json();
    expect(forDomain.providers).toEqual([
      expect.objectContaining({ provider: "google", schoolName: "Oakfield Primary School" }),
    ]);
    const elsewhere = (
      await new Browser(t.app).get("/api/v1/auth/sso/providers?email=mo@elsewhere.test")
    ).json();
    expect(elsewhere.providers).toEqual([]);
    const noProvider = await new Browser(t.app).get("/api/v1/auth/sso/start?email=mo@elsewhere.test");
    expect(noProvider.headers.location).toBe("/sign-in?sso=not_set_up");
  });

  it("refuses an ID token issued for another application (wrong audience)", async () => {
    await setUpProvider("google");
    idp.tamper = (p) => ({ ...p, aud: "someone-elses-app" });
    const { back, browser } = await signInWithProvider(
      { sub: "g-grace", email: "grace@oakfield.sch.uk", email_verified: true },
      `provider=${await providerId("google")}`,
    );
    await expectRefused(back, "token_rejected", browser);
  });

  it("refuses an expired ID token", async () => {
    await setUpProvider("google");
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    idp.tamper = (p) => ({ ...p, iat: hourAgo - 300, exp: hourAgo });
    const { back, browser } = await signInWithProvider(
      { sub: "g-grace", email: "grace@oakfield.sch.uk", email_verified: true },
      `provider=${await providerId("google")}`,
    );
    await expectRefused(back, "token_rejected", browser);
  });

  it("refuses an ID token whose nonce is not the one this sign-in sent", async () => {
    await setUpProvider("google");
    idp.tamper = (p) => ({ ...p, nonce: "a-nonce-from-another-sign-in" });
    const { back, browser } = await signInWithProvider(
      { sub: "g-grace", email: "grace@oakfield.sch.uk", email_verified: true },
      `provider=${await providerId("google")}`,
    );
    await expectRefused(back, "token_rejected", browser);
  });

  it("refuses a callback whose state is not this browser's", async () => {
    await setUpProvider("google");
    const { back, browser } = await signInWithProvider(
      { sub: "g-grace", email: "grace@oakfield.sch.uk", email_verified: true },
      `provider=${await providerId("google")}`,
      (path) => path.replace(/state=[^&]+/, "state=someone-elses-state"),
    );
    await expectRefused(back, "token_rejected", browser);
  });

  it("refuses a callback carried to another browser, and the same callback a second time", async () => {
    await setUpProvider("google");
    idp.signInAs({ sub: "g-grace", email: "grace@oakfield.sch.uk", email_verified: true });
    const victim = new Browser(t.app);
    const started = await new Browser(t.app).get(
      `/api/v1/auth/sso/start?provider=${await providerId("google")}`,
    );
    const callbackPath = await idp.authorize(started.headers.location as string);
    // Another browser (no cookie from the start): nothing happens.
    await expectRefused(await victim.get(callbackPath), "expired", victim);

    const {
      back,
      browser,
      attemptCookie,
      callbackPath: used,
    } = await signInWithProvider(
      { sub: "g-grace", email: "grace@oakfield.sch.uk", email_verified: true },
      `provider=${await providerId("google")}`,
    );
    expect(back.headers.location).toBe("/");
    const replay = new Browser(t.app);
    const again = await replay.request("GET", used, undefined, { cookie: `accord_sso=${attemptCookie}` });
    await expectRefused(again, "expired", replay);
    expect((await browser.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("refuses an email address the provider has not verified", async () => {
    await setUpProvider("google");
    const { back, browser } = await signInWithProvider(
      { sub: "g-grace", email: "grace@oakfield.sch.uk", email_verified: false },
      `provider=${await providerId("google")}`,
    );
    await expectRefused(back, "unverified_email", browser);
  });

  it("refuses an address outside the school's allowed domains, even one on a person's record", async () => {
    await setUpProvider("google");
    await addPerson("Priya", "priya@gmail.test");
    const { back, browser } = await signInWithProvider(
      { sub: "g-priya", email: "priya@gmail.test", email_verified: true },
      `provider=${await providerId("google")}`,
    );
    await expectRefused(back, "domain_not_allowed", browser);
  });

  it("creates no account for an address nobody at the school has", async () => {
    await setUpProvider("google");
    const people = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM people`);
    const { back, browser } = await signInWithProvider(
      { sub: "g-stranger", email: "stranger@oakfield.sch.uk", email_verified: true },
      `provider=${await providerId("google")}`,
    );
    await expectRefused(back, "unknown_person", browser);
    expect(await queryRows(t.database.db, sql`SELECT count(*)::int AS n FROM people`)).toEqual(people);
  });

  it("refuses a parent whose address is on the school's records: parents never sign in", async () => {
    await setUpProvider("google");
    await addPerson("Pat", "pat.parent@oakfield.sch.uk", ["parent"]);
    const { back, browser } = await signInWithProvider(
      { sub: "g-pat", email: "pat.parent@oakfield.sch.uk", email_verified: true },
      `provider=${await providerId("google")}`,
    );
    await expectRefused(back, "unknown_person", browser);
  });

  it("refuses a leaver", async () => {
    await setUpProvider("google");
    const id = await addPerson("Lee", "lee@oakfield.sch.uk");
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });
    expect((await admin.post(`/api/v1/people/${id}/leaver`, { leaveDate: today })).statusCode).toBe(200);
    const { back, browser } = await signInWithProvider(
      { sub: "g-lee", email: "lee@oakfield.sch.uk", email_verified: true },
      `provider=${await providerId("google")}`,
    );
    await expectRefused(back, "leaver", browser);
  });

  it("signs in with Microsoft by the sign-in name, passing on a second factor the school trusts", async () => {
    await setUpProvider("microsoft");
    const { back, browser } = await signInWithProvider(
      { sub: "m-mo", preferred_username: "mo@oakfield.sch.uk", tid: "oakfield-tenant", amr: ["pwd", "mfa"] },
      `provider=${await providerId("microsoft")}`,
    );
    expect(back.headers.location).toBe("/");
    expect((await browser.get("/api/v1/me")).json()).toMatchObject({ name: "Mo Tester" });
    const [event] = await queryRows<{ summary: unknown }>(
      t.database.db,
      sql`SELECT summary FROM audit_events WHERE action = 'auth.signed_in_sso' ORDER BY seq DESC LIMIT 1`,
    );
    // The provider's second factor stands as the session's own (the school trusts it).
    expect(event.summary).toEqual({ provider: "microsoft", mfaAsserted: true, mfa: "sso" });
  });

  it("refuses a Microsoft account from another organisation's tenant", async () => {
    await setUpProvider("microsoft");
    const { back, browser } = await signInWithProvider(
      { sub: "m-mo", preferred_username: "mo@oakfield.sch.uk", tid: "another-tenant" },
      `provider=${await providerId("microsoft")}`,
    );
    await expectRefused(back, "wrong_tenant", browser);
  });

  it("refuses Microsoft settings for every tenant at once, and an issuer Accord cannot reach", async () => {
    const common = await admin.put(
      "/api/v1/school/sso/microsoft",
      microsoft({ issuer: "https://login.microsoftonline.com/common/v2.0" }),
    );
    expect(common.statusCode).toBe(400);
    expect(common.json().errors[0]).toMatchObject({ field: "issuer" });
    const unreachable = await admin.put(
      "/api/v1/school/sso/google",
      google({ issuer: "http://127.0.0.1:9/nothing" }),
    );
    expect(unreachable.statusCode).toBe(400);
    expect(unreachable.json().errors[0].message).toContain("could not read the OpenID configuration");
  });

  it("stops sign-in with a provider the admin removes", async () => {
    await setUpProvider("google");
    const id = await providerId("google");
    expect((await admin.delete("/api/v1/school/sso/google")).statusCode).toBe(204);
    const started = await new Browser(t.app).get(`/api/v1/auth/sso/start?provider=${id}`);
    expect(started.headers.location).toBe("/sign-in?sso=not_set_up");
  });

  it("records on a signature's evidence that its signer signed in with Google, not a password", async () => {
    await setUpProvider("google");
    const { agreementId, textSha256 } = await staffAgreement(admin);
    await admin.post(`/api/v1/agreements/${agreementId}/assignments`, {
      kinds: ["staff"],
      dueDate: "2099-07-01",
    });
    const { browser } = await signInWithProvider(
      { sub: "g-grace", email: "grace@oakfield.sch.uk", email_verified: true },
      `provider=${await providerId("google")}`,
    );
    const signed = await browser.post(`/api/v1/agreements/${agreementId}/signatures`, {
      fullName: "Grace Tester",
      jobTitle: "Teacher",
      choices: { photo: "agree" },
      textSha256,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const [row] = await queryRows<{ auth_method: string }>(
      t.database.db,
      sql`SELECT auth_method FROM signatures WHERE id = ${signed.json().id}`,
    );
    expect(row.auth_method).toBe("sso");
  });
});
