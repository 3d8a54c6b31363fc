import { sql } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson, staffAgreement } from "../../testing/factories.js";
import { tombstoneBinding } from "./service.js";

/** A date `years` before today (UTC calendar), as a date of birth relative to now. */
const yearsAgo = (years: number, days = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return addDays(d.toISOString().slice(0, 10), -days);
};

describe("subject access and retention", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let dpo: { browser: Browser; id: string };
  let dsl: { browser: Browser; id: string };
  let teacher: { browser: Browser; id: string };
  let pupilId: string;
  let classmateId: string;
  let carerId: string;
  let cpIncident: { id: string; reference: string };
  let entryId: string;
  let signatureId: string;

  const db = () => t.database.db;
  const events = (action: string) =>
    queryRows<{ id: string; entity_id: string; actor_person_id: string; summary: Record<string, unknown> }>(
      db(),
      sql`SELECT id, entity_id, actor_person_id, summary FROM audit_events WHERE school_id = ${schoolId} AND action = ${action} ORDER BY seq`,
    );
  const zipOf = async (res: { rawPayload: Buffer }) => JSZip.loadAsync(res.rawPayload);
  const jsonIn = async (zip: JSZip, name: string) => {
    const entry = zip.file(name);
    if (!entry) throw new Error(`${name} is not in the export`);
    return JSON.parse(await entry.async("string"));
  };
  const queue = async () => (await dpo.browser.get("/api/v1/retention/queue")).json();

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    dpo = await signedInPerson(t, head, schoolId, {
      givenName: "Dora",
      familyName: "Price",
      roles: ["dpo"],
    } as never);
    dsl = await signedInPerson(t, head, schoolId, {
      givenName: "Delyth",
      familyName: "Evans",
      roles: ["dsl"],
    } as never);
    teacher = await signedInPerson(t, head, schoolId, { givenName: "Tegan", familyName: "Hughes" });
    const person = async (body: Record<string, unknown>) =>
      (await head.post("/api/v1/people", body)).json().id as string;
    pupilId = await person({ givenName: "Gwen", familyName: "Morgan", kinds: ["pupil"], yearGroup: "13" });
    classmateId = await person({ givenName: "Osian", familyName: "Rees", kinds: ["pupil"] });
    carerId = await person({
      givenName: "Mari",
      familyName: "Morgan",
      kinds: ["parent"],
      email: "mari@home.test",
    });
    // Dates of birth come from the MIS import; here they are set relative to today. Gwen turned 25
    // a year and a day ago, so a record about her fell due yesterday at the latest.
    await db().execute(sql`UPDATE people SET date_of_birth = ${yearsAgo(26, 1)} WHERE id = ${pupilId}`);
    await db().execute(sql`UPDATE people SET date_of_birth = ${yearsAgo(27)} WHERE id = ${classmateId}`);
    await db().execute(
      sql`INSERT INTO pupil_contacts (school_id, pupil_id, contact_id, relationship, parental_responsibility)
          VALUES (${schoolId}, ${pupilId}, ${carerId}, 'Mother', true)`,
    );

    // A concern about Gwen and Osian, reported by the teacher, with the DSL's note on the timeline.
    cpIncident = (
      await teacher.browser.post("/api/v1/incidents", {
        category: "cyberbullying",
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        summary: "Gwen showed me messages Osian sent her in the class group chat.",
        involvedPersonIds: [pupilId, classmateId],
      })
    ).json();
    entryId = (
      await dsl.browser.post(`/api/v1/incidents/${cpIncident.id}/entries`, {
        kind: "contact",
        text: "Spoke to Gwen's mother, Mari Morgan, by phone.",
      })
    ).json().id;

    // Mari's photo consent for Gwen, taken by phone by the office.
    const consent = await head.post("/api/v1/consent/answers", {
      pupilId,
      purposeKey: "school_website",
      answer: "yes",
      carerId,
      method: "phone",
    });
    expect(consent.statusCode, consent.body).toBe(201);

    // The teacher's own records: a signed agreement, a request, a device lent, training.
    const { agreementId, textSha256 } = await staffAgreement(head);
    const signed = await teacher.browser.post(`/api/v1/agreements/${agreementId}/signatures`, {
      fullName: "Tegan Hughes",
      jobTitle: "Teacher",
      choices: { photo: "agree" },
      textSha256,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    signatureId = signed.json().id;
    expect(
      (
        await teacher.browser.post("/api/v1/requests", {
          typeKey: "phone_contact_time",
          details: { reason: "To reach the coach driver on the trip.", when: "The museum trip" },
        })
      ).statusCode,
    ).toBe(201);
    const device = (await head.post("/api/v1/devices", { assetTag: "LAP-001", type: "laptop" })).json();
    expect(
      (await head.post(`/api/v1/devices/${device.id}/allocate`, { personId: teacher.id })).statusCode,
    ).toBe(200);
    expect(
      (
        await head.post("/api/v1/training/completions", {
          courseKey: "online_safety",
          completedOn: todayInLondon(),
          personIds: [teacher.id],
        })
      ).statusCode,
    ).toBe(200);
    // An allegation about the teacher, reported by the DSL.
    expect(
      (
        await dsl.browser.post("/api/v1/incidents", {
          category: "staff_misuse",
          occurredAt: new Date(Date.now() - 7_200_000).toISOString(),
          summary: "A parent says the teacher messaged a pupil on social media.",
          subjectPersonId: teacher.id,
        })
      ).statusCode,
    ).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  it("gives the DPO everything held about a member of staff, each kind of record, with other people flagged", async () => {
    const res = await dpo.browser.get(`/api/v1/people/${teacher.id}/subject-access.zip`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    expect(res.headers["content-disposition"]).toMatch(
      /attachment; filename="subject-access-Tegan-Hughes-\d{4}-\d{2}-\d{2}\.zip"/,
    );
    const zip = await zipOf(res);
    for (const name of [
      "README.txt",
      "summary.pdf",
      "person.json",
      "signatures.json",
      "consent.json",
      "incidents.json",
      "requests.json",
      "devices.json",
      "training.json",
      "audit.json",
      "third-parties.json",
    ])
      expect(zip.file(name), name).not.toBeNull();

    expect((await jsonIn(zip, "person.json")).email).toBe("tegan@staffroom.test");
    const [signature] = await jsonIn(zip, "signatures.json");
    expect(signature).toMatchObject({
      id: signatureId,
      fullName: "Tegan Hughes",
      agreement: "Staff acceptable use agreement",
    });
    expect(zip.file(signature.receipt), "the receipt as PDF").not.toBeNull();
    expect((await zip.file(signature.receipt)!.async("uint8array")).slice(0, 4)).toEqual(
      new TextEncoder().encode("%PDF"),
    );
    expect((await jsonIn(zip, "requests.json"))[0].type).toBeTruthy();
    expect((await jsonIn(zip, "devices.json")).loans[0].assetTag).toBe("LAP-001");
    expect((await jsonIn(zip, "training.json"))[0].course).toBe("Online safety");

    // Both incidents: the one they reported and the allegation about them, which may be withheld.
    const incidents = await jsonIn(zip, "incidents.json");
    const reported = incidents.find((i: { id: string }) => i.id === cpIncident.id);
    expect(reported.theirPart).toEqual(["reporter"]);
    expect(reported.involved.map((p: { name: string }) => p.name).sort()).toEqual([
      "Gwen Morgan",
      "Osian Rees",
    ]);
    expect(reported.involved.every((p: { thirdParty: boolean }) => p.thirdParty)).toBe(true);
    expect(reported.entries.find((e: { id: string }) => e.id === entryId).author).toMatchObject({
      name: "Delyth Evans",
      thirdParty: true,
    });
    expect(reported.mayBeWithheld.why).toMatch(/child protection record/);
    const allegation = incidents.find((i: { theirPart: string[] }) =>
      i.theirPart.includes("subject of the allegation"),
    );
    expect(allegation.reporter).toMatchObject({ name: "Delyth Evans", thirdParty: true });
    expect(allegation.mayBeWithheld.why).toMatch(/allegation/);

    // Audit: what they did (signed) and what was done about them (added to the directory).
    const audit = await jsonIn(zip, "audit.json");
    expect(audit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["person.created", "agreement.signed"]),
    );

    const third = await jsonIn(zip, "third-parties.json");
    const gwen = third.find((p: { name: string }) => p.name === "Gwen Morgan");
    expect(gwen.appearsIn).toEqual([{ file: "incidents.json", recordId: cpIncident.id, as: "involved" }]);
    expect(third.map((p: { name: string }) => p.name)).not.toContain("Tegan Hughes");
    expect(await zip.file("README.txt")!.async("string")).toMatch(/third-parties\.json/);
  });

  it("gives a pupil's export the consent answers about them and names their carer as a third party", async () => {
    const zip = await zipOf(await dpo.browser.get(`/api/v1/people/${pupilId}/subject-access.zip`));
    const consent = await jsonIn(zip, "consent.json");
    expect(consent.answers).toHaveLength(1);
    expect(consent.answers[0]).toMatchObject({
      answer: "yes",
      method: "phone",
      carer: { name: "Mari Morgan", thirdParty: true },
    });
    expect(consent.answers[0].redactionReview).toContain("carer");
    const [incident] = await jsonIn(zip, "incidents.json");
    expect(incident.theirPart).toEqual(["involved"]);
    expect(incident.involved.map((p: { name: string }) => p.name)).toEqual(["Osian Rees"]);
    expect((await jsonIn(zip, "person.json")).family[0].person).toMatchObject({
      name: "Mari Morgan",
      thirdParty: true,
    });
    // And the carer's own export holds the answer they gave, with Gwen as the third party.
    const carerZip = await zipOf(await dpo.browser.get(`/api/v1/people/${carerId}/subject-access.zip`));
    const given = await jsonIn(carerZip, "consent.json");
    expect(given.answers[0].pupil).toMatchObject({ name: "Gwen Morgan", thirdParty: true });
  });

  it("records every export in the audit log: who, whose, when", async () => {
    const before = (await events("privacy.subject_access_exported")).length;
    await dpo.browser.get(`/api/v1/people/${classmateId}/subject-access.zip`);
    const after = await events("privacy.subject_access_exported");
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      entity_id: classmateId,
      actor_person_id: dpo.id,
      summary: expect.objectContaining({ name: "Osian Rees" }),
    });
    // The DPO sees past exports in the audit log, by person.
    const log = (
      await dpo.browser.get(`/api/v1/audit?personId=${classmateId}&action=privacy.subject_access_exported`)
    ).json();
    expect(log.total).toBe(1);
  });

  it("refuses the export to every other role, and answers 404 for a person of another school", async () => {
    for (const who of [head, dsl.browser, teacher.browser])
      expect((await who.get(`/api/v1/people/${pupilId}/subject-access.zip`)).statusCode).toBe(403);
    expect(
      (await dpo.browser.get("/api/v1/people/00000000-0000-4000-8000-000000000000/subject-access.zip"))
        .statusCode,
    ).toBe(404);
    expect((await dsl.browser.get("/api/v1/retention/queue")).statusCode).toBe(403);
    expect((await teacher.browser.get("/api/v1/retention/rules")).statusCode).toBe(403);
  });

  it("shows the school's retention rules with the toolkit's defaults and their basis, and lets the DPO change one", async () => {
    const { rules } = (await dpo.browser.get("/api/v1/retention/rules")).json();
    expect(rules.find((r: { recordType: string }) => r.recordType === "child_protection")).toMatchObject({
      periodMonths: 300,
      changed: false,
    });
    expect(rules.find((r: { recordType: string }) => r.recordType === "staff_allegation")).toMatchObject({
      periodMonths: 120,
      retirementAge: 67,
    });
    expect(rules.find((r: { recordType: string }) => r.recordType === "staff_agreement").periodMonths).toBe(
      72,
    );
    expect(rules.every((r: { basis: string }) => r.basis.length > 20)).toBe(true);
    const changed = await dpo.browser.put("/api/v1/retention/rules/visitor_signature", {
      periodMonths: 6,
      basis: "Our visitors' log is kept for six months, as agreed by governors.",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ periodMonths: 6, changed: true });
    expect((await events("retention.rule_changed")).at(-1)!.summary).toMatchObject({
      recordType: "visitor_signature",
      before: { periodMonths: 12 },
      after: { periodMonths: 6 },
    });
  });

  it("puts a child protection record in the queue once the youngest child is 25, and not before", async () => {
    const due = (await queue()).records.find((r: { recordId: string }) => r.recordId === cpIncident.id);
    // Gwen (26 years and a day) is the younger of the two: the record is due on her 25th birthday.
    expect(due).toMatchObject({
      recordType: "child_protection",
      label: cpIncident.reference,
      from: "date_of_birth",
      fromDate: yearsAgo(26, 1),
      dueOn: yearsAgo(1, 1),
    });
    // Make Osian 24: the record is about him too, so it waits for his 25th birthday.
    await db().execute(sql`UPDATE people SET date_of_birth = ${yearsAgo(24)} WHERE id = ${classmateId}`);
    expect((await queue()).records.map((r: { recordId: string }) => r.recordId)).not.toContain(cpIncident.id);
    await db().execute(sql`UPDATE people SET date_of_birth = ${yearsAgo(27)} WHERE id = ${classmateId}`);
    expect((await queue()).records.map((r: { recordId: string }) => r.recordId)).toContain(cpIncident.id);
  });

  it("takes a record kept until a later date out of the queue, with the reason in the audit log", async () => {
    const kept = await dpo.browser.post(`/api/v1/retention/records/child_protection/${cpIncident.id}/keep`, {
      keepUntil: addDays(todayInLondon(), 30),
      reason: "A civil claim has been notified: keep until the solicitor replies.",
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect((await queue()).records.map((r: { recordId: string }) => r.recordId)).not.toContain(cpIncident.id);
    expect((await events("retention.record_kept")).at(-1)!.summary).toMatchObject({
      reason: expect.stringContaining("civil claim"),
    });
    // A date in the past is refused; and once "keep until" has passed, it is due again.
    expect(
      (
        await dpo.browser.post(`/api/v1/retention/records/child_protection/${cpIncident.id}/keep`, {
          keepUntil: todayInLondon(),
          reason: "x",
        })
      ).statusCode,
    ).toBe(400);
    await db().execute(sql`ALTER TABLE retention_holds DISABLE TRIGGER retention_holds_insert_only`);
    await db().execute(
      sql`UPDATE retention_holds SET keep_until = ${todayInLondon()} WHERE record_id = ${cpIncident.id}`,
    );
    await db().execute(sql`ALTER TABLE retention_holds ENABLE TRIGGER retention_holds_insert_only`);
    const again = (await queue()).records.find((r: { recordId: string }) => r.recordId === cpIncident.id);
    expect(again.keptUntil).toBe(todayInLondon());
  });

  it("still refuses any change to evidence that retention did not explain", async () => {
    await expect(
      db().execute(sql`UPDATE incident_entries SET text = 'changed' WHERE id = ${entryId}`),
    ).rejects.toThrow();
    await expect(
      db().execute(sql`UPDATE incidents SET summary = 'changed' WHERE id = ${cpIncident.id}`),
    ).rejects.toThrow();
    await expect(
      db().execute(sql`UPDATE signatures SET full_name = 'changed' WHERE id = ${signatureId}`),
    ).rejects.toThrow();
    await expect(db().execute(sql`DELETE FROM incident_entries WHERE id = ${entryId}`)).rejects.toThrow();
    // Naming an event in the setting without a tombstone for the row opens nothing.
    await expect(
      db().transaction(async (tx) => {
        await tx.execute(
          sql`SELECT set_config('accord.retention_event', '00000000-0000-4000-8000-000000000000', true)`,
        );
        await tx.execute(sql`UPDATE signatures SET full_name = 'changed' WHERE id = ${signatureId}`);
      }),
    ).rejects.toThrow();
  });

  it("removes a due record's details for good: a tombstone, an audit event binding each row, and a chain that verifies", async () => {
    const other = await dsl.browser.get(`/api/v1/incidents/${cpIncident.id}`);
    expect(other.statusCode).toBe(200);
    const res = await dpo.browser.post(`/api/v1/retention/records/child_protection/${cpIncident.id}/delete`, {
      reason: "Past the retention date; no claim or inquiry outstanding.",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ recordType: "child_protection", recordId: cpIncident.id });

    // The rows and their ids stay; what they said is gone, replaced by the tombstone's words.
    const [incident] = await queryRows<{ summary: string; reference: string }>(
      db(),
      sql`SELECT summary, reference FROM incidents WHERE id = ${cpIncident.id}`,
    );
    expect(incident.reference).toBe(cpIncident.reference);
    expect(incident.summary).toMatch(
      /^\[Removed on \d{4}-\d{2}-\d{2} under the school's retention rule for child protection records/,
    );
    const [entry] = await queryRows<{ id: string; text: string }>(
      db(),
      sql`SELECT id, text FROM incident_entries WHERE id = ${entryId}`,
    );
    expect(entry.text).not.toContain("Mari Morgan");
    const shown = (await dsl.browser.get(`/api/v1/incidents/${cpIncident.id}`)).body;
    expect(shown).not.toContain("class group chat");

    const tombstones = await queryRows<{
      table_name: string;
      row_id: string;
      reason: string;
      deleted_by: string;
      audit_event_id: string;
    }>(
      db(),
      sql`SELECT table_name, row_id, reason, deleted_by, audit_event_id FROM retention_tombstones WHERE record_id = ${cpIncident.id} ORDER BY table_name`,
    );
    // One for the incident and one for each of its timeline entries (the report's own and the DSL's).
    const entryRows = await queryRows<{ id: string }>(
      db(),
      sql`SELECT id FROM incident_entries WHERE incident_id = ${cpIncident.id}`,
    );
    expect(tombstones).toHaveLength(1 + entryRows.length);
    expect(res.json().rows).toBe(tombstones.length);
    expect(tombstones.map((r) => [r.table_name, r.row_id])).toEqual(
      expect.arrayContaining([
        ["incident_entries", entryId],
        ["incidents", cpIncident.id],
      ]),
    );
    expect(
      tombstones.every((r) => r.deleted_by === dpo.id && r.reason.startsWith("Past the retention date")),
    ).toBe(true);

    const [event] = await events("retention.record_deleted");
    expect(event.id).toBe(tombstones[0].audit_event_id);
    const rows = event.summary.rows as {
      table: string;
      id: string;
      replaced: Record<string, string | null>;
      sha256: string;
    }[];
    for (const row of rows) expect(row.sha256).toBe(tombstoneBinding(row.table, row.id, row.replaced));
    expect(rows.find((r) => r.table === "incidents")!.replaced.summary).toBe(incident.summary);

    expect((await head.get("/api/v1/audit/verify")).json()).toMatchObject({ ok: true });
    // Gone from the queue, and a second removal finds nothing due.
    expect((await queue()).records.map((r: { recordId: string }) => r.recordId)).not.toContain(cpIncident.id);
    expect(
      (
        await dpo.browser.post(`/api/v1/retention/records/child_protection/${cpIncident.id}/delete`, {
          reason: "again",
        })
      ).statusCode,
    ).toBe(404);
  });

  it("refuses to remove a record that is not yet due", async () => {
    const res = await dpo.browser.post(`/api/v1/retention/records/staff_agreement/${signatureId}/delete`, {
      reason: "Tidying up.",
    });
    expect(res.statusCode).toBe(404);
    const [row] = await queryRows<{ full_name: string }>(
      db(),
      sql`SELECT full_name FROM signatures WHERE id = ${signatureId}`,
    );
    expect(row.full_name).toBe("Tegan Hughes");
  });

  it("puts a leaver's signed agreement in the queue six years after they left, and removes the signer's details", async () => {
    await head.post(`/api/v1/people/${teacher.id}/leaver`, { leaveDate: yearsAgo(6, 2) });
    const due = (await queue()).records.find((r: { recordId: string }) => r.recordId === signatureId);
    expect(due).toMatchObject({ recordType: "staff_agreement", personName: "Tegan Hughes", from: "left" });
    const res = await dpo.browser.post(`/api/v1/retention/records/staff_agreement/${signatureId}/delete`, {
      reason: "Six years after leaving.",
    });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await queryRows<{ full_name: string; job_title: string | null; verification_ref: string }>(
      db(),
      sql`SELECT full_name, job_title, verification_ref FROM signatures WHERE id = ${signatureId}`,
    );
    expect(row.full_name).toMatch(/^\[Removed on/);
    expect(row.job_title).toBeNull();
    expect(row.verification_ref).toBeTruthy();
    expect((await head.get("/api/v1/audit/verify")).json()).toMatchObject({ ok: true });
  });
});
