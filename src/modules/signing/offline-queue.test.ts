import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { todayInLondon } from "../../kernel/dates.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";

/**
 * A kiosk or class device that lost its connection sends a signature again from its queue
 * (decision 039): the key it chose when the signer pressed sign makes the second send the first.
 */
describe("signing again with the same key from a shared device", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let visitorsAgreement: { id: string; textSha256: string };
  let pupilsAgreement: { id: string; textSha256: string };
  let pupils: { id: string }[];

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "POST", url, payload: payload as object, headers });
  const count = async (where: ReturnType<typeof sql>) =>
    (
      await queryRows<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM signatures WHERE ${where}`,
      )
    )[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    await head.put("/api/v1/policies/settings/approvers", { roles: [] });
    const policy = (
      await head.post("/api/v1/policies", { title: "Visitors and pupils", audiences: ["visitor", "pupil"] })
    ).json();
    const v = policy.versions[0].id;
    await head.patch(`/api/v1/policies/${policy.id}/versions/${v}`, {
      content: "# Our rules\n\nWe look after each other online.",
      statements: ["I will be kind online."],
    });
    await head.post(`/api/v1/policies/${policy.id}/versions/${v}/publish`);
    const agreement = async (title: string, audience: string) =>
      (
        await head.post("/api/v1/agreements", {
          policyVersionId: v,
          title,
          audience,
          declaration: "I will follow the rules.",
        })
      ).json();
    visitorsAgreement = await agreement("Visitor agreement", "visitors");
    pupilsAgreement = await agreement("Pupil pledge", "pupils");
    pupils = [];
    for (const givenName of ["Cai", "Efa"])
      pupils.push(
        (
          await head.post("/api/v1/people", {
            givenName,
            familyName: "Rowe",
            kinds: ["pupil"],
            regGroup: "Rowan",
          })
        ).json(),
      );
  });
  afterAll(() => t.close());

  const startKiosk = async (offlineMinutes?: number) => {
    const opened = await head.post("/api/v1/kiosks", {
      agreementId: visitorsAgreement.id,
      deviceName: "Reception iPad",
      until: todayInLondon(),
      ...(offlineMinutes === undefined ? {} : { offlineMinutes }),
    });
    expect(opened.statusCode).toBe(201);
    const started = await post("/api/v1/kiosk/start", { code: opened.json().code });
    expect(started.statusCode).toBe(200);
    return started.json() as { token: string; offlineMinutes: number; agreement: { textSha256: string } };
  };

  const visitor = (fullName: string, idempotencyKey?: string) => ({
    fullName,
    organisation: "Acme Plumbing",
    visiting: "The office",
    choices: {},
    textSha256: visitorsAgreement.textSha256,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });

  it("tells the tablet how long the school lets it hold signatures offline: 30 minutes unless chosen", async () => {
    expect((await startKiosk()).offlineMinutes).toBe(30);
    const kiosk = await startKiosk(5);
    expect(kiosk.offlineMinutes).toBe(5);
    const view = await t.app.inject({
      url: "/api/v1/kiosk/agreement",
      headers: { "x-kiosk-token": kiosk.token },
    });
    expect(view.json().offlineMinutes).toBe(5);
    const tooLong = await head.post("/api/v1/kiosks", {
      agreementId: visitorsAgreement.id,
      until: todayInLondon(),
      offlineMinutes: 24 * 60,
    });
    expect(tooLong.statusCode).toBe(400);
  });

  it("a visitor's signature sent twice with one key is recorded once and answered the same both times", async () => {
    const { token } = await startKiosk();
    const key = randomUUID();
    const first = await post("/api/v1/kiosk/signatures", visitor("Dewi Pugh", key), {
      "x-kiosk-token": token,
    });
    expect(first.statusCode).toBe(201);
    const again = await post("/api/v1/kiosk/signatures", visitor("Dewi Pugh", key), {
      "x-kiosk-token": token,
    });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await count(sql`idempotency_key = ${key}`)).toBe(1);
    expect(await count(sql`full_name = 'Dewi Pugh'`)).toBe(1);
    const events = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'agreement.signed' AND summary->>'fullName' = 'Dewi Pugh'`,
    );
    expect(events[0].n).toBe(1);

    // Another visitor, another key: a signature of their own.
    const next = await post("/api/v1/kiosk/signatures", visitor("Nia Hughes", randomUUID()), {
      "x-kiosk-token": token,
    });
    expect(next.statusCode).toBe(201);
    expect(next.json().verificationReference).not.toBe(first.json().verificationReference);
  });

  it("a key already used at another kiosk is not someone else's receipt", async () => {
    const one = await startKiosk();
    const two = await startKiosk();
    const key = randomUUID();
    const first = await post("/api/v1/kiosk/signatures", visitor("Owain Bell", key), {
      "x-kiosk-token": one.token,
    });
    expect(first.statusCode).toBe(201);
    const elsewhere = await post("/api/v1/kiosk/signatures", visitor("Mali Bell", key), {
      "x-kiosk-token": two.token,
    });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().verificationReference).toBeUndefined();
    expect(await count(sql`idempotency_key = ${key}`)).toBe(1);
  });

  it("a pupil's promise sent twice with one key is recorded once, even after the teacher ends the session", async () => {
    const session = (
      await head.post("/api/v1/class-sessions", { agreementId: pupilsAgreement.id, regGroup: "Rowan" })
    ).json();
    const pledge = (pupilId: string, fullName: string, idempotencyKey: string) => ({
      pupilId,
      fullName,
      choices: {},
      textSha256: pupilsAgreement.textSha256,
      idempotencyKey,
    });
    const url = `/api/v1/class/${session.token}/signatures`;
    const key = randomUUID();
    const first = await post(url, pledge(pupils[0].id, "Cai Rowe", key));
    expect(first.statusCode).toBe(201);
    const again = await post(url, pledge(pupils[0].id, "Cai Rowe", key));
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await count(sql`person_id = ${pupils[0].id}`)).toBe(1);

    // The same pupil with a new key: they have signed already, as before.
    const twice = await post(url, pledge(pupils[0].id, "Cai Rowe", randomUUID()));
    expect(twice.statusCode).toBe(409);
    // The other pupil's key is their own.
    const efa = await post(url, pledge(pupils[1].id, "Efa Rowe", randomUUID()));
    expect(efa.statusCode).toBe(201);
    // Cai's key for Efa is refused, not taken as Cai's receipt.
    expect((await post(url, pledge(pupils[1].id, "Efa Rowe", key))).statusCode).toBe(409);

    // The session ends while a device's answer was lost: sending it again still gets the answer.
    await head.post(`/api/v1/class-sessions/${session.id}/end`);
    const afterEnd = await post(url, pledge(pupils[0].id, "Cai Rowe", key));
    expect(afterEnd.statusCode).toBe(201);
    expect(afterEnd.json()).toEqual(first.json());
    // A new signing after the end is still refused.
    const late = await post(url, pledge(pupils[1].id, "Efa Rowe", randomUUID()));
    expect(late.statusCode).toBe(410);
    expect(await count(sql`subject_id = ${pupilsAgreement.id}`)).toBe(2);
  });

  it("keys are each school's own: another school's signature with the same key is no answer here", async () => {
    const [other] = await queryRows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO schools (name) VALUES ('Brackwell Academy') RETURNING id`,
    );
    const key = randomUUID();
    await t.database.db.execute(
      sql`INSERT INTO signatures (school_id, subject_type, subject_id, kind, full_name, text_sha256, auth_method, signed_at, audit_event_id, verification_ref, idempotency_key)
          VALUES (${other.id}, 'agreement', ${randomUUID()}, 'signed', 'Someone Else', ${"0".repeat(64)}, 'kiosk', now(), ${randomUUID()}, 'BRCK-WELL-0000-0000-0000', ${key})`,
    );
    const { token } = await startKiosk();
    const here = await post("/api/v1/kiosk/signatures", visitor("Lowri Jones", key), {
      "x-kiosk-token": token,
    });
    expect(here.statusCode).toBe(201);
    expect(here.json().verificationReference).not.toBe("BRCK-WELL-0000-0000-0000");
    expect(await count(sql`idempotency_key = ${key}`)).toBe(2);
    expect(await count(sql`idempotency_key = ${key} AND school_id = ${schoolId}`)).toBe(1);
  });
});
