import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson, staffAgreement } from "../../testing/factories.js";
import { verifyChain } from "../audit/service.js";
import { actorFor } from "../auth/service.js";
import { memberSigningWriter } from "./member-signing.js";

/**
 * Staff signing tries each batch as one optimistic statement first (docs/decisions/010). These
 * tests drive a writer of their own, so they can see which way each batch went: the quick way
 * must be taken when nothing has changed, and must give way whenever something has.
 */
describe("signing in one statement when nothing has changed since the last batch", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let agreementId: string;
  let hash: string;
  let writer: ReturnType<typeof memberSigningWriter>;

  const person = async (givenName: string, extra: { kinds?: string[]; email?: string } = {}) => {
    const { id, browser } = await signedInPerson(t, head, schoolId, { givenName, ...extra });
    return { id, browser, actor: (await actorFor(t.database.db, id, "192.0.2.7", "session"))! };
  };
  const signing = (
    who: Awaited<ReturnType<typeof person>>,
    agreement = { id: agreementId, textSha256: hash },
  ) => ({
    actor: who.actor,
    subjectType: "agreement" as const,
    subjectId: agreement.id,
    body: {
      fullName: `${who.actor.name}`,
      jobTitle: "Teacher",
      choices: { photo: "agree" },
      textSha256: agreement.textSha256,
    },
    ip: "192.0.2.7",
    userAgent: "test",
  });
  const sign = (who: Awaited<ReturnType<typeof person>>, agreement?: { id: string; textSha256: string }) =>
    writer.submit(signing(who, agreement));
  const signaturesOf = (id: string) =>
    queryRows<{ kind: string; verification_ref: string; audit_event_id: string }>(
      t.database.db,
      sql`SELECT kind, verification_ref, audit_event_id FROM signatures WHERE person_id = ${id}`,
    );
  const mailsTo = (address: string) =>
    queryRows<{ subject: string; body_text: string }>(
      t.database.db,
      sql`SELECT subject, body_text FROM mail_outbox WHERE to_address = ${address}`,
    );

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    ({ agreementId, textSha256: hash } = await staffAgreement(head));
  });
  afterAll(() => t.close());
  // Each case drives a writer of its own: what it learnt of the chain, and its batch counts, start afresh.
  beforeEach(() => {
    writer = memberSigningWriter(t.database.db, "http://localhost:3000");
  });

  it("learns the chain from a careful first batch, then signs in one statement with the same records", async () => {
    const [ada, ben, cai] = await Promise.all(["Ada", "Ben", "Cai"].map((n) => person(n)));
    await sign(ada);
    expect(writer.batches).toEqual({ optimistic: 0, careful: 1 });

    const [b, c] = await Promise.all([sign(ben), sign(cai)]);
    expect(writer.batches.optimistic).toBeGreaterThanOrEqual(1);
    expect(writer.batches.careful).toBe(1);
    for (const [who, answer] of [
      [ben, b],
      [cai, c],
    ] as const) {
      const [row] = await signaturesOf(who.id);
      expect(row.kind).toBe("signed");
      expect(row.verification_ref).toBe(answer.verificationReference);
      const [event] = await queryRows<{ action: string; ip: string }>(
        t.database.db,
        sql`SELECT action, ip FROM audit_events WHERE id = ${row.audit_event_id}`,
      );
      expect(event).toEqual({ action: "agreement.signed", ip: "192.0.2.7" });
      const mails = await mailsTo(`${who.actor.name!.split(" ")[0].toLowerCase()}@staffroom.test`);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe("Your signed copy: Staff acceptable use agreement");
      expect(mails[0].body_text).toContain(answer.verificationReference);
    }
    expect(await verifyChain(t.database.db, schoolId)).toMatchObject({ ok: true });
  });

  it("gives way to the careful path when anything else has happened in the school meanwhile", async () => {
    // (Adding a person is an audited change too: everyone is added before the writer is warm.)
    const [dee, eli, fay, gus] = await Promise.all(["Dee", "Eli", "Fay", "Gus"].map((n) => person(n)));
    await sign(dee); // the chain as this writer left it
    const before = { ...writer.batches };
    // Someone else declines through the app: an audited change this writer knows nothing of.
    const declined = await eli.browser.post(`/api/v1/agreements/${agreementId}/decline`, {
      reason: "I want to ask about monitoring first.",
    });
    expect(declined.statusCode).toBe(201);
    await sign(fay);
    expect(writer.batches).toEqual({ optimistic: before.optimistic, careful: before.careful + 1 });
    expect(await signaturesOf(fay.id)).toHaveLength(1);
    // And once it has caught up, it is quick again.
    await sign(gus);
    expect(writer.batches.optimistic).toBe(before.optimistic + 1);
    expect(await verifyChain(t.database.db, schoolId)).toMatchObject({ ok: true });
  });

  it("never signs twice, even when the first signature reached the database some other way", async () => {
    const hal = await person("Hal");
    await sign(await person("Ivy")); // warm: the next batch would be quick
    // A signature this writer never saw, written without moving the chain (another server, a
    // restore): the database itself must refuse the quick write, and the careful path answer.
    await t.database.db.execute(sql`
      INSERT INTO signatures (school_id, subject_type, subject_id, kind, person_id, full_name, job_title, choices, text_sha256, auth_method, signed_at, ip, user_agent, audit_event_id, verification_ref)
      SELECT school_id, subject_type, subject_id, 'signed', ${hal.id}, 'Hal Staffroom', job_title, choices, text_sha256, auth_method, now(), ip, user_agent, audit_event_id, 'TEST-HAL-REF'
      FROM signatures WHERE school_id = ${schoolId} AND subject_id = ${agreementId} AND kind = 'signed' LIMIT 1`);
    const before = { ...writer.batches };
    await expect(sign(hal)).rejects.toMatchObject({ status: 409 });
    expect(writer.batches).toEqual({ optimistic: before.optimistic, careful: before.careful + 1 });
    expect(await signaturesOf(hal.id)).toHaveLength(1);
    expect(await mailsTo("hal@staffroom.test")).toHaveLength(0);
  });

  it("refuses someone the agreement is not for, and writes nothing of the batch they shared", async () => {
    const gwen = await person("Gwen", { kinds: ["governor"] });
    const kit = await person("Kit");
    await sign(await person("Jo")); // warm
    const before = { ...writer.batches };
    const [refused, fine] = await Promise.allSettled([sign(gwen), sign(kit)]);
    expect(refused).toMatchObject({ status: "rejected", reason: { status: 403 } });
    expect(fine.status).toBe("fulfilled");
    expect(writer.batches.careful).toBeGreaterThan(before.careful);
    expect(await signaturesOf(gwen.id)).toHaveLength(0);
    expect(await signaturesOf(kit.id)).toHaveLength(1);
    expect(await verifyChain(t.database.db, schoolId)).toMatchObject({ ok: true });
  });

  it("signs someone with no email address quickly, with no receipt email", async () => {
    const mo = await person("Mo", { email: undefined });
    await sign(await person("Lee")); // warm
    const before = { ...writer.batches };
    await sign(mo);
    expect(writer.batches.optimistic).toBe(before.optimistic + 1);
    expect(await signaturesOf(mo.id)).toHaveLength(1);
  });

  it("signs once when two servers take the same signature at the same moment", async () => {
    const other = memberSigningWriter(t.database.db, "http://localhost:3000");
    const [pat, quin, rhi] = await Promise.all(["Pat", "Quin", "Rhi"].map((n) => person(n)));
    await sign(pat); // this server learns the chain…
    await other.submit(signing(quin)); // …and the other moves it on: each has its own idea
    const results = await Promise.allSettled([sign(rhi), other.submit(signing(rhi))]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { status: 409 } });
    expect(await signaturesOf(rhi.id)).toHaveLength(1);
    expect(await verifyChain(t.database.db, schoolId)).toMatchObject({ ok: true });
  });

  it("refuses the old text once a new version is in force", async () => {
    // An agreement of its own to replace: the one the other cases sign stays in force.
    const own = await staffAgreement(head);
    const agreement = { id: own.agreementId, textSha256: own.textSha256 };
    await sign(await person("Nel"), agreement); // warm
    const oz = await person("Oz");
    // A new version of the policy is published: its agreement replaces the one this writer knows.
    const next = (await head.post(`/api/v1/policies/${own.policyId}/versions`, {})).json();
    await head.patch(`/api/v1/policies/${own.policyId}/versions/${next.id}`, {
      content: "# Acceptable use, revised",
      statements: ["I will lock my screen.", "I will report anything that worries me."],
    });
    const published = await head.post(`/api/v1/policies/${own.policyId}/versions/${next.id}/publish`);
    expect(published.statusCode).toBe(200);
    await expect(sign(oz, agreement)).rejects.toMatchObject({ status: 409 });
    expect(await signaturesOf(oz.id)).toHaveLength(0);
  });
});
