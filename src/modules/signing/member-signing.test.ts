import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson, staffAgreement } from "../../testing/factories.js";

/** Many people signing at the same moment share group-commit batches (docs/decisions/007). */
describe("a staff room signing at once", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let agreementId: string;
  let hash: string;

  const staffMember = (givenName: string) => signedInPerson(t, head, schoolId, { givenName });
  const body = (name: string, extra: Record<string, unknown> = {}) => ({
    fullName: `${name} Staffroom`,
    jobTitle: "Teacher",
    choices: { photo: "agree" },
    textSha256: hash,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    ({ agreementId, textSha256: hash } = await staffAgreement(head));
  });
  afterAll(() => t.close());

  it("gives each their own signature, receipt and audit event, and the chain holds", async () => {
    const names = ["Ada", "Ben", "Cai", "Dee", "Eli", "Fay", "Gus", "Hal"];
    const staff = await Promise.all(names.map(staffMember));
    const responses = await Promise.all(
      staff.map((s, i) => s.browser.post(`/api/v1/agreements/${agreementId}/signatures`, body(names[i]))),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const rows = await queryRows<{ person_id: string; audit_event_id: string; full_name: string }>(
      t.database.db,
      sql`SELECT person_id, audit_event_id, full_name FROM signatures WHERE person_id = ANY(${sql.param(staff.map((s) => s.id))}::uuid[])`,
    );
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.person_id)).size).toBe(8);
    const events = await queryRows<{ action: string; summary: { fullName: string } }>(
      t.database.db,
      sql`SELECT action, summary FROM audit_events WHERE id = ANY(${sql.param(rows.map((r) => r.audit_event_id))}::uuid[])`,
    );
    expect(events.map((e) => e.action)).toEqual(Array(8).fill("agreement.signed"));
    expect(events.map((e) => e.summary.fullName).sort()).toEqual(rows.map((r) => r.full_name).sort());
    const outbox = (await head.get("/api/v1/mail/outbox")).json().messages as { to: string; body: string }[];
    for (const name of names) {
      const mine = outbox.filter((m) => m.to === `${name.toLowerCase()}@staffroom.test`);
      expect(mine).toHaveLength(1);
      const reference = responses[names.indexOf(name)].json().verificationReference;
      expect(mine[0].body).toContain(reference);
    }
    expect((await head.get("/api/v1/audit/verify")).json()).toMatchObject({ ok: true });
  });

  it("answers each request in a shared batch on its own: a double click, other text, a bad answer", async () => {
    const [ivy, jo, kit] = await Promise.all(["Ivy", "Jo", "Kit"].map(staffMember));
    const post = (who: typeof ivy, b: Record<string, unknown>) =>
      who.browser.post(`/api/v1/agreements/${agreementId}/signatures`, b);
    const [first, again, otherText, badAnswer] = await Promise.all([
      post(ivy, body("Ivy")),
      post(ivy, body("Ivy")),
      post(jo, body("Jo", { textSha256: "0".repeat(64) })),
      post(kit, body("Kit", { choices: { photo: "maybe" } })),
    ]);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already signed/);
    expect(otherText.statusCode).toBe(409);
    expect(otherText.json().detail).toMatch(/not the text in force/);
    expect(badAnswer.statusCode).toBe(400);
    expect(badAnswer.json().errors).toEqual([
      { field: "choices.photo", message: "Choose one of: agree, disagree." },
    ]);
    const [{ n }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM signatures WHERE person_id = ANY(${sql.param([ivy.id, jo.id, kit.id])}::uuid[])`,
    );
    expect(n).toBe(1);
    expect((await head.get("/api/v1/audit/verify")).json()).toMatchObject({ ok: true });
  });

  it("never records a decline after a signature sent at the same moment", async () => {
    for (const name of ["Mo", "Nel", "Oz"]) {
      const who = await staffMember(name);
      const responses = await Promise.all([
        who.browser.post(`/api/v1/agreements/${agreementId}/signatures`, body(name)),
        who.browser.post(`/api/v1/agreements/${agreementId}/decline`, {
          reason: "I need to ask about this first.",
        }),
        who.browser.post(`/api/v1/agreements/${agreementId}/signatures`, body(name)),
      ]);
      // A decline may come first (and the person then signs), but never after their signature.
      const [signed, declined, secondSignature] = responses;
      expect([signed.statusCode, secondSignature.statusCode].sort()).toEqual([201, 409]);
      const records = await queryRows<{ kind: string }>(
        t.database.db,
        sql`SELECT kind FROM signatures WHERE person_id = ${who.id} ORDER BY signed_at`,
      );
      expect(records.map((r) => r.kind)).toEqual(
        declined.statusCode === 201 ? ["declined", "signed"] : ["signed"],
      );
    }
  });

  it("refuses an agreement that is not there, or not for this person, without holding up the others", async () => {
    const [lee] = await Promise.all([staffMember("Lee")]);
    const { browser: gwen } = await signedInPerson(t, head, schoolId, {
      givenName: "Gwen",
      familyName: "Governor",
      kinds: ["governor"],
    });
    const [missing, notForGwen, fine] = await Promise.all([
      lee.browser.post(`/api/v1/agreements/${crypto.randomUUID()}/signatures`, body("Lee")),
      gwen.post(`/api/v1/agreements/${agreementId}/signatures`, body("Gwen")),
      lee.browser.post(`/api/v1/agreements/${agreementId}/signatures`, body("Lee")),
    ]);
    expect(missing.statusCode).toBe(404);
    expect(notForGwen.statusCode).toBe(403);
    expect(fine.statusCode).toBe(201);
  });
});
