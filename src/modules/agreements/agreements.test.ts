import { sql } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { newSecret } from "../../kernel/secrets.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { chaseAgreements, reminderStep } from "./chasing.js";
import { complianceCsv } from "./compliance.js";
import { assignNewStarters } from "./service.js";

const STATEMENTS = [
  "I will lock my screen when I leave my desk.",
  "I will not share my password with anyone.",
  "I understand that my use of school systems is monitored.",
];
const DECLARATION = "I have read and understood this agreement and I will follow it.";
const PHOTO = {
  key: "photo",
  label: "My photo may be used for professional purposes",
  options: ["agree", "disagree"],
};

describe("agreements and signatures", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let policyId: string;
  let agreementId: string;
  let hash: string;

  const personWith = async (
    givenName: string,
    kinds: string[],
    roles: string[] = [],
    extra: Record<string, unknown> = {},
  ) => {
    const res = await head.post("/api/v1/people", {
      givenName,
      familyName: "Signer",
      kinds,
      roles,
      email: `${givenName.toLowerCase()}@oakfield.test`,
      jobTitle: "Teacher",
      ...extra,
    });
    const id = res.json().id as string;
    const { secret, hash } = newSecret();
    await t.database.db.execute(
      sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${schoolId}, ${id})`,
    );
    const b = new Browser(t.app);
    b.cookie = `accord_session=${secret}`;
    return { browser: b, id };
  };
  const publishPolicy = async (statements: string[], content = "# Acceptable use\n\nText.") => {
    const created = (
      await head.post("/api/v1/policies", { title: "Acceptable use", audiences: ["staff", "parent"] })
    ).json();
    const v = created.versions[0].id;
    await head.patch(`/api/v1/policies/${created.id}/versions/${v}`, { content, statements });
    expect((await head.post(`/api/v1/policies/${created.id}/versions/${v}/publish`)).statusCode).toBe(200);
    return { policyId: created.id as string, versionId: v as string };
  };
  const sign = (b: Browser, id: string, body: Record<string, unknown>) =>
    b.post(`/api/v1/agreements/${id}/signatures`, body);

  let teacher: Browser;
  let teacherId: string;
  // A new school for each case, with the staff agreement published and Tegan on the staff; a case
  // that needs more (assignments, signatures, new versions) makes it itself with the helpers below.
  beforeEach(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    await head.put("/api/v1/policies/settings/approvers", { roles: [] });
    const published = await publishPolicy(STATEMENTS);
    policyId = published.policyId;
    const res = await head.post("/api/v1/agreements", {
      policyVersionId: published.versionId,
      title: "Staff acceptable use agreement",
      audience: "staff",
      declaration: DECLARATION,
      choices: [PHOTO],
    });
    expect(res.statusCode).toBe(201);
    ({ id: agreementId, textSha256: hash } = res.json());
    ({ browser: teacher, id: teacherId } = await personWith("Tegan", ["staff"]));
  });
  afterEach(() => t.close());

  /** Ask all staff (the head and Tegan, and whoever else is on the staff by then) to sign. */
  const assignStaff = async () => {
    const res = await head.post(`/api/v1/agreements/${agreementId}/assignments`, {
      kinds: ["staff"],
      dueDate: addDays(todayInLondon(), 10),
    });
    expect(res.statusCode).toBe(201);
  };
  /** Tegan signs the agreement (photo: disagree) and gets her receipt's reference. */
  const teganSigns = async () => {
    const res = await sign(teacher, agreementId, {
      fullName: "Tegan Signer",
      jobTitle: "Teacher",
      choices: { photo: "disagree" },
      textSha256: hash,
    });
    expect(res.statusCode).toBe(201);
    return { signatureId: res.json().id as string, reference: res.json().verificationReference as string };
  };
  /** A minor version changing the last statement, published over 1.0 and not yet edited further. */
  const CHANGED = [
    ...STATEMENTS.slice(0, 2),
    "I understand that my use of school systems and devices is monitored.",
  ];
  const draftVersion = async () =>
    (await head.post(`/api/v1/policies/${policyId}/versions`, { bump: "minor" })).json().id as string;
  /** Tegan signed 1.0; then 1.1 came in with changed text, and she signed that too. Its agreement's id. */
  const teganSignedVersion11 = async () => {
    await assignStaff();
    await teganSigns();
    const draft = await draftVersion();
    await head.patch(`/api/v1/policies/${policyId}/versions/${draft}`, {
      statements: CHANGED,
      summary: "Monitoring now covers school devices as well as systems.",
    });
    expect((await head.post(`/api/v1/policies/${policyId}/versions/${draft}/publish`)).statusCode).toBe(200);
    const [mine] = (await teacher.get("/api/v1/me/agreements")).json().agreements;
    const res = await sign(teacher, mine.id, {
      fullName: "Tegan Signer",
      jobTitle: "Teacher",
      choices: { photo: "agree" },
      textSha256: mine.textSha256,
    });
    expect(res.statusCode).toBe(201);
    return mine.id as string;
  };

  it("creates an agreement from the published version's statements, with the hash of its text", async () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const [a] = (await head.get("/api/v1/agreements")).json().agreements;
    expect(a).toMatchObject({
      title: "Staff acceptable use agreement",
      statements: STATEMENTS,
      declaration: DECLARATION,
      textSha256: hash,
      requireJobTitle: true,
    });
  });

  it("refuses two choices with the same key, naming the second", async () => {
    const version = (await head.get(`/api/v1/policies/${policyId}`))
      .json()
      .versions.find((v: { status: string }) => v.status === "published");
    const res = await head.post("/api/v1/agreements", {
      policyVersionId: version.id,
      title: "Governors' agreement",
      audience: "governors",
      declaration: DECLARATION,
      choices: [PHOTO, { ...PHOTO, label: "The same key again" }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: "choices.1.key", message: 'Another choice already uses the key "photo".' },
    ]);
    expect((await head.get("/api/v1/agreements")).json().agreements).toHaveLength(1);
  });

  it("refuses an agreement for a version that is not published", async () => {
    const draft = (await head.post(`/api/v1/policies/${policyId}/versions`, { bump: "minor" })).json();
    const res = await head.post("/api/v1/agreements", {
      policyVersionId: draft.id,
      title: "Too early",
      audience: "governors",
      declaration: DECLARATION,
    });
    expect(res.statusCode).toBe(409);
    await head.patch(`/api/v1/policies/${policyId}/versions/${draft.id}`, { summary: "left as a draft" });
  });

  it("assigns by kind, and the person sees what to sign with the text in force", async () => {
    const res = await head.post(`/api/v1/agreements/${agreementId}/assignments`, {
      kinds: ["staff"],
      dueDate: addDays(todayInLondon(), 10),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().assigned).toBe(2); // the head and Tegan
    const [mine] = (await teacher.get("/api/v1/me/agreements")).json().agreements;
    expect(mine).toMatchObject({
      id: agreementId,
      textSha256: hash,
      statements: STATEMENTS,
      declaration: DECLARATION,
      overdue: false,
      previouslySigned: null,
    });
  });

  it("refuses a signature made on other text (409) and writes nothing", async () => {
    await assignStaff();
    const res = await sign(teacher, agreementId, {
      fullName: "Tegan Signer",
      jobTitle: "Teacher",
      choices: { photo: "agree" },
      textSha256: "0".repeat(64),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/not the text in force/);
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM signatures`,
    );
    expect(rows[0].n).toBe(0);
  });

  it("asks for the job title and every choice", async () => {
    await assignStaff();
    const res = await sign(teacher, agreementId, { fullName: "Tegan Signer", choices: {}, textSha256: hash });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["choices.photo", "jobTitle"]);
    const bad = await sign(teacher, agreementId, {
      fullName: "Tegan Signer",
      jobTitle: "Teacher",
      choices: { photo: "maybe" },
      textSha256: hash,
    });
    expect(bad.statusCode).toBe(400);
  });

  it("records the signature with its evidence, emails the signer, and cannot be changed afterwards", async () => {
    await assignStaff();
    const res = await teacher.request(
      "POST",
      `/api/v1/agreements/${agreementId}/signatures`,
      { fullName: "Tegan Signer", jobTitle: "Teacher", choices: { photo: "disagree" }, textSha256: hash },
      { "user-agent": "Test Browser 1.0" },
    );
    expect(res.statusCode).toBe(201);
    const { id: signatureId, verificationReference: reference } = res.json();
    const [row] = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`SELECT * FROM signatures WHERE id = ${signatureId}`,
    );
    expect(row).toMatchObject({
      person_id: teacherId,
      full_name: "Tegan Signer",
      job_title: "Teacher",
      text_sha256: hash,
      auth_method: "password",
      ip: "127.0.0.1",
      user_agent: "Test Browser 1.0",
      choices: { photo: "disagree" },
    });
    const [event] = await queryRows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM audit_events WHERE id = ${row.audit_event_id}`,
    );
    expect(event.action).toBe("agreement.signed");
    const error: unknown = await t.database.db
      .execute(sql`UPDATE signatures SET full_name = 'Someone else' WHERE id = ${signatureId}`)
      .catch((e) => e);
    expect(String((error as { cause?: Error }).cause?.message)).toMatch(/insert-only/);
    const mail = (await head.get("/api/v1/mail/outbox"))
      .json()
      .messages.find((m: { to: string }) => m.to === "tegan@oakfield.test");
    expect(mail.body).toContain(reference);
    expect((await teacher.get("/api/v1/me/agreements")).json().agreements).toEqual([]);
    expect(
      (
        await sign(teacher, agreementId, {
          fullName: "Tegan Signer",
          jobTitle: "Teacher",
          choices: { photo: "agree" },
          textSha256: hash,
        })
      ).statusCode,
    ).toBe(409);
  });

  it("gives a receipt PDF with the full text, answers and hash, to the signer and the admins only", async () => {
    await assignStaff();
    const { signatureId, reference } = await teganSigns();
    const res = await teacher.get(`/api/v1/signatures/${signatureId}/receipt.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="receipt-${reference}.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(Number(res.headers["content-length"])).toBe(res.rawPayload.length);
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    const { text } = await parser.getText();
    await parser.destroy();
    for (const s of STATEMENTS) expect(text.replace(/\s+/g, " ")).toContain(s);
    expect(text.replace(/\s+/g, "")).toContain(hash);
    expect(text).toContain(reference);
    expect(text).toContain("Oakfield Primary School");
    expect((await head.get(`/api/v1/signatures/${signatureId}/receipt.pdf`)).statusCode).toBe(200);
    const { browser: colleague } = await personWith("Nosy", ["staff"]);
    expect((await colleague.get(`/api/v1/signatures/${signatureId}/receipt.pdf`)).statusCode).toBe(404);
  });

  it("confirms a receipt's reference, however it is typed, and denies a made-up one", async () => {
    await assignStaff();
    const { reference } = await teganSigns();
    const ok = (
      await new Browser(t.app).get(`/api/v1/receipts/${reference.toLowerCase().replace(/-/g, " ")}`)
    ).json();
    expect(ok).toMatchObject({
      valid: true,
      signerName: "Tegan Signer",
      agreementTitle: "Staff acceptable use agreement",
      textSha256: hash,
    });
    expect((await new Browser(t.app).get("/api/v1/receipts/AAAA-BBBB-CCCC-DDDD-EEEE")).json()).toEqual({
      valid: false,
    });
  });

  it("lets a signer decline with a reason, and tells the admins", async () => {
    const { browser: doubter } = await personWith("Doubter", ["staff"]);
    await head.post(`/api/v1/agreements/${agreementId}/assignments`, {
      kinds: ["staff"],
      dueDate: addDays(todayInLondon(), 10),
    });
    const res = await doubter.post(`/api/v1/agreements/${agreementId}/decline`, {
      reason: "I need to discuss the monitoring clause.",
    });
    expect(res.statusCode).toBe(201);
    const mail = (await head.get("/api/v1/mail/outbox"))
      .json()
      .messages.find((m: { subject: string }) => m.subject.startsWith("Agreement declined"));
    expect(mail).toMatchObject({
      to: "head@oakfield.test",
      body: expect.stringContaining("monitoring clause"),
    });
    expect((await doubter.get("/api/v1/me/agreements")).json().agreements).toEqual([]);
  });

  it("shows people × agreements in the compliance view, as JSON and CSV, to admins and the DSL only", async () => {
    // Tegan has signed, Doubter has declined and the head is still to sign.
    const { browser: doubter } = await personWith("Doubter", ["staff"]);
    await assignStaff();
    await teganSigns();
    expect(
      (await doubter.post(`/api/v1/agreements/${agreementId}/decline`, { reason: "Not yet." })).statusCode,
    ).toBe(201);
    const m = (await head.get("/api/v1/compliance/agreements")).json();
    const [a] = m.agreements;
    expect(a).toMatchObject({ id: agreementId, versionNumber: "1.0", signed: 1, declined: 1 });
    const cell = (name: string) => m.people.find((p: { name: string }) => p.name === name).cells[agreementId];
    expect(cell("Tegan Signer")).toMatchObject({ status: "signed", versionNumber: "1.0" });
    expect(cell("Doubter Signer").status).toBe("declined");
    expect(cell("Ada Okafor").status).toBe("pending");
    const csv = await head.get("/api/v1/compliance/agreements?format=csv");
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toMatch(
      /^attachment; filename="agreements-compliance-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(csv.body).toMatch(/Tegan Signer,staff,,,Signed v1\.0 \d{4}-\d{2}-\d{2}/);
    // The CSV is sent as written (a byte-order mark for Excel, then the rows), not as JSON: the
    // response schema declares it for OpenAPI only.
    expect(csv.rawPayload.equals(Buffer.from(`\uFEFF${complianceCsv(m)}`, "utf8"))).toBe(true);
    const { browser: dsl } = await personWith("Dsl", ["staff"], ["dsl"]);
    expect((await dsl.get("/api/v1/compliance/agreements")).statusCode).toBe(200);
    expect((await teacher.get("/api/v1/compliance/agreements")).statusCode).toBe(403);
    expect((await dsl.get(`/api/v1/people/${crypto.randomUUID()}/signatures`)).statusCode).toBe(404);
    expect((await dsl.get(`/api/v1/people/${teacherId}/signatures`)).json().signatures[0]).toMatchObject({
      agreementTitle: "Staff acceptable use agreement",
      versionNumber: "1.0",
    });
  });

  it("re-assigns everyone when a new version is published, and shows what changed since they signed", async () => {
    await assignStaff();
    await teganSigns();
    await draftVersion();
    const v = (await head.get(`/api/v1/policies/${policyId}`))
      .json()
      .versions.find((x: { status: string }) => x.status === "draft");
    const changed = CHANGED;
    await head.patch(`/api/v1/policies/${policyId}/versions/${v.id}`, {
      statements: changed,
      summary: "Monitoring now covers school devices as well as systems.",
    });
    expect((await head.post(`/api/v1/policies/${policyId}/versions/${v.id}/publish`)).statusCode).toBe(200);
    const [mine] = (await teacher.get("/api/v1/me/agreements")).json().agreements;
    expect(mine.id).not.toBe(agreementId);
    expect(mine.statements).toEqual(changed);
    expect(mine.policy.versionNumber).toBe("1.1");
    expect(mine.previouslySigned.statements).toEqual(STATEMENTS);
    expect(mine.previouslySigned.policyChangeSummary).toBe(
      "Monitoring now covers school devices as well as systems.",
    );
    // The old signature is history now: there is nothing to correct on a replaced version.
    const [old] = (await teacher.get("/api/v1/me/signatures")).json().signatures;
    expect(old).toMatchObject({ agreementId, agreementInForce: false });
    expect((await teacher.get(`/api/v1/signatures/${old.id}/correction`)).statusCode).toBe(409);
    const m = (await head.get("/api/v1/compliance/agreements")).json();
    expect(m.people.find((p: { name: string }) => p.name === "Tegan Signer").cells[mine.id]).toMatchObject({
      status: "signed_older",
      versionNumber: "1.0",
    });
    const res = await sign(teacher, mine.id, {
      fullName: "Tegan Signer",
      jobTitle: "Teacher",
      choices: { photo: "agree" },
      textSha256: mine.textSha256,
    });
    expect(res.statusCode).toBe(201);
  });

  it("does not ask anyone to sign again for a 'reviewed – no changes' version", async () => {
    await teganSignedVersion11();
    const review = (await head.post(`/api/v1/policies/${policyId}/versions`, { noChanges: true })).json();
    await head.post(`/api/v1/policies/${policyId}/versions/${review.id}/publish`);
    expect((await teacher.get("/api/v1/me/agreements")).json().agreements).toEqual([]);
    const m = (await head.get("/api/v1/compliance/agreements")).json();
    const [a] = m.agreements;
    expect(a.versionNumber).toBe("1.2");
    expect(m.people.find((p: { name: string }) => p.name === "Tegan Signer").cells[a.id]).toMatchObject({
      status: "signed",
      versionNumber: "1.1",
    });
    // Nor chase them: neither "remind now" nor the scheduled reminders, up to weeks overdue.
    const outbox = async () =>
      ((await head.get("/api/v1/mail/outbox")).json().messages as { to: string; subject: string }[]).filter(
        (m) => m.to === "tegan@oakfield.test" && /please sign/.test(m.subject),
      ).length;
    const before = await outbox();
    await head.post(`/api/v1/agreements/${a.id}/remind`, {});
    for (const days of [0, 14, 21, 35])
      await chaseAgreements(t.database.db, "http://x", addDays(todayInLondon(), days));
    expect(await outbox()).toBe(before);
  });

  it("assigns new starters from the people import automatically", async () => {
    await assignStaff(); // the rule a joiner is assigned by: all staff
    const csv =
      "Staff Code,Forename,Surname,Work Email,Job Title\nNEW1,Nia,Newstart,nia@oakfield.test,Teaching Assistant\n";
    const { token } = (await head.post("/api/v1/api-tokens", { name: "import" })).json();
    // Not a full staff list: only a joiner. (A full import would mark the rest as leavers.)
    await t.database.db.execute(
      sql`UPDATE people SET staff_code = 'K' || left(id::text, 8) WHERE 'staff' = ANY(kinds)`,
    );
    const all = await queryRows<{
      staff_code: string;
      given_name: string;
      family_name: string;
      email: string | null;
    }>(
      t.database.db,
      sql`SELECT staff_code, given_name, family_name, email FROM people WHERE 'staff' = ANY(kinds)`,
    );
    const full =
      csv +
      all.map((p) => `${p.staff_code},${p.given_name},${p.family_name},${p.email ?? ""},Teacher`).join("\n");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/people/import?kind=staff",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      payload: full,
    });
    expect(res.json()).toMatchObject({ created: 1, leavers: 0 });
    expect((await assignNewStarters(t.database.db)).assigned).toBe(1);
    const nia = (await head.get("/api/v1/compliance/agreements?kind=staff"))
      .json()
      .people.find((p: { name: string }) => p.name === "Nia Newstart");
    expect(nia.cells[agreementId].status).toBe("pending");
  });

  describe("chasing", () => {
    it("steps a week before, on the day, then every 7 days after", () => {
      expect(reminderStep("2027-03-10", "2027-03-02")).toBeNull();
      expect(reminderStep("2027-03-10", "2027-03-03")).toBe("week-before");
      expect(reminderStep("2027-03-10", "2027-03-10")).toBe("due");
      expect(reminderStep("2027-03-10", "2027-03-16")).toBe("due");
      expect(reminderStep("2027-03-10", "2027-03-17")).toBe("after-7");
      expect(reminderStep("2027-03-10", "2027-03-25")).toBe("after-14");
    });

    it("sends each reminder once and stops when the person signs", async () => {
      const due = addDays(todayInLondon(), 7);
      const { browser: late, id: lateId } = await personWith("Late", ["staff"]);
      await head.post(`/api/v1/agreements/${agreementId}/assignments`, { personIds: [lateId], dueDate: due });
      const mails = async () =>
        (await head.get("/api/v1/mail/outbox"))
          .json()
          .messages.filter(
            (m: { to: string; subject: string }) =>
              m.to === "late@oakfield.test" && /please sign/i.test(m.subject),
          );
      // Assigning tells them once ("please sign"); the chase the same day sends nothing more.
      expect(await mails()).toHaveLength(1);
      await chaseAgreements(t.database.db, "http://x", todayInLondon());
      await chaseAgreements(t.database.db, "http://x", todayInLondon());
      expect(await mails()).toHaveLength(1);
      await chaseAgreements(t.database.db, "http://x", due);
      expect(await mails()).toHaveLength(2);
      await chaseAgreements(t.database.db, "http://x", addDays(due, 7));
      expect(await mails()).toHaveLength(3);
      expect((await mails())[0].subject).toMatch(/^Overdue/);
      const [mine] = (await late.get("/api/v1/me/agreements")).json().agreements;
      await sign(late, mine.id, {
        fullName: "Late Signer",
        jobTitle: "Teacher",
        choices: { photo: "agree" },
        textSha256: mine.textSha256,
      });
      await chaseAgreements(t.database.db, "http://x", addDays(due, 14));
      expect(await mails()).toHaveLength(3);
    });

    it("reminds everyone still to sign at once with 'remind now'", async () => {
      await personWith("Nia", ["staff"]);
      await assignStaff();
      // The confirmation first asks how many: a dry run counts and sends nothing.
      const mails = async () => (await head.get("/api/v1/mail/outbox")).json().messages.length;
      const before = await mails();
      const preview = (await head.post(`/api/v1/agreements/${agreementId}/remind?dryRun=true`)).json();
      expect(await mails()).toBe(before);
      const res = await head.post(`/api/v1/agreements/${agreementId}/remind`);
      expect(res.json().reminded).toBe(preview.reminded);
      expect(res.json().reminded).toBeGreaterThanOrEqual(2); // the head and Nia at least
      // No mail server in tests: the screen is told the reminders wait in the outbox.
      expect(res.json().delivery).toBe("outbox");
      // Worded for a due date still ahead: "by <date>", not "today".
      const nia = (
        (await head.get("/api/v1/mail/outbox")).json().messages as { to: string; body: string }[]
      ).find((m) => m.to === "nia@oakfield.test");
      expect(nia?.body).toMatch(/sign "[^"]+" by \d{4}-\d{2}-\d{2}\./);
    });
  });

  describe("parents and carers, by emailed link", () => {
    let parentAgreement: string;
    let link: string;
    beforeEach(async () => {
      const version = (await head.get(`/api/v1/policies/${policyId}`))
        .json()
        .versions.find((v: { status: string }) => v.status === "published");
      parentAgreement = (
        await head.post("/api/v1/agreements", {
          policyVersionId: version.id,
          title: "Home–school online safety agreement",
          audience: "parents",
          declaration: "I have read this agreement with my child and we will follow it.",
        })
      ).json().id;
      const child = (
        await head.post("/api/v1/people", {
          givenName: "Cai",
          familyName: "Pupil",
          kinds: ["pupil"],
          yearGroup: "Year 4",
        })
      ).json();
      const parent = (
        await head.post("/api/v1/people", {
          givenName: "Mair",
          familyName: "Pupil",
          kinds: ["parent"],
          email: "mair@home.test",
        })
      ).json();
      await t.database.db.execute(
        sql`INSERT INTO pupil_contacts (school_id, pupil_id, contact_id, relationship, priority, parental_responsibility) VALUES (${schoolId}, ${child.id}, ${parent.id}, 'Mother', 1, true)`,
      );
      await head.post(`/api/v1/agreements/${parentAgreement}/assignments`, {
        kinds: ["parent"],
        dueDate: addDays(todayInLondon(), 14),
      });
      expect((await head.post(`/api/v1/agreements/${parentAgreement}/parent-links`)).json()).toMatchObject({
        sent: 1,
      });
      const mail = (await head.get("/api/v1/mail/outbox"))
        .json()
        .messages.find((m: { to: string }) => m.to === "mair@home.test");
      expect(mail.subject).toContain("(Cai Pupil)");
      link = /\/sign\/([\w-]+)/.exec(mail.body)![1];
    });

    it("shows the form for the named child, then signs once; opening it again shows the receipt", async () => {
      const visitor = new Browser(t.app);
      const open = (await visitor.get(`/api/v1/sign/${link}`)).json();
      expect(open).toMatchObject({
        state: "open",
        childName: "Cai Pupil",
        parentName: "Mair Pupil",
        schoolName: "Oakfield Primary School",
      });
      const res = await visitor.post(`/api/v1/sign/${link}`, {
        fullName: "Mair Pupil",
        choices: {},
        textSha256: open.agreement.textSha256,
      });
      expect(res.statusCode).toBe(201);
      // Opened again, the link says when it was answered and names nobody (decision 027).
      const again = (await visitor.get(`/api/v1/sign/${link}`)).json();
      expect(again).toEqual({
        schoolName: "Oakfield Primary School",
        state: "signed",
        agreementTitle: expect.any(String),
        answeredAt: res.json().signedAt,
      });
      const twice = await visitor.post(`/api/v1/sign/${link}`, {
        fullName: "Mair Pupil",
        choices: {},
        textSha256: open.agreement.textSha256,
      });
      expect(twice.statusCode).toBe(410);
      const [row] = await queryRows<{ auth_method: string; on_behalf_of_id: string }>(
        t.database.db,
        sql`SELECT auth_method, on_behalf_of_id FROM signatures WHERE id = ${res.json().id}`,
      );
      expect(row.auth_method).toBe("parent_link");
      // The parent has no account: the same link gives them their receipt, and it is emailed.
      const pdf = await visitor.get(`/api/v1/sign/${link}/receipt.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      const copy = (await head.get("/api/v1/mail/outbox"))
        .json()
        .messages.find(
          (m: { to: string; subject: string }) =>
            m.to === "mair@home.test" && m.subject.startsWith("Your signed copy"),
        );
      expect(copy.body).toContain(`/api/v1/sign/${link}/receipt.pdf`);
      expect(row.on_behalf_of_id).toBeTruthy();
    });

    it("stops working after 14 days", async () => {
      await head.post(`/api/v1/agreements/${parentAgreement}/assignments`, {
        kinds: ["parent"],
        dueDate: addDays(todayInLondon(), 14),
      });
      const second = (
        await head.post("/api/v1/people", {
          givenName: "Huw",
          familyName: "Late",
          kinds: ["parent"],
          email: "huw@home.test",
        })
      ).json();
      const kid = (
        await head.post("/api/v1/people", { givenName: "Efa", familyName: "Late", kinds: ["pupil"] })
      ).json();
      await t.database.db.execute(
        sql`INSERT INTO pupil_contacts (school_id, pupil_id, contact_id, parental_responsibility) VALUES (${schoolId}, ${kid.id}, ${second.id}, true)`,
      );
      await head.post(`/api/v1/agreements/${parentAgreement}/assignments`, {
        personIds: [second.id],
        dueDate: addDays(todayInLondon(), 14),
      });
      await head.post(`/api/v1/agreements/${parentAgreement}/parent-links`);
      const mail = (await head.get("/api/v1/mail/outbox"))
        .json()
        .messages.find((m: { to: string }) => m.to === "huw@home.test");
      const token = /\/sign\/([\w-]+)/.exec(mail.body)![1];
      await t.database.db.execute(
        sql`UPDATE signing_links SET expires_at = now() - interval '1 minute' WHERE parent_id = ${second.id}`,
      );
      const res = await new Browser(t.app).get(`/api/v1/sign/${token}`);
      expect(res.statusCode).toBe(410);
      expect(res.json().detail).toMatch(/expired/);
    });
  });
});

describe("the evidence holds when things change around it", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  // A new school for each case: each reads the agreements list as holding its own agreement only.
  beforeEach(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    await head.put("/api/v1/policies/settings/approvers", { roles: [] });
  });
  afterEach(() => t.close());

  /** The Devices policy at 1.0 and a "Laptop loan" agreement for staff with statements of its own. */
  const laptopLoan = async () => {
    const policy = (await head.post("/api/v1/policies", { title: "Devices", audiences: ["staff"] })).json();
    const v1 = policy.versions[0].id;
    await head.patch(`/api/v1/policies/${policy.id}/versions/${v1}`, {
      content: "# Devices",
      statements: ["I will be safe online."],
    });
    await head.post(`/api/v1/policies/${policy.id}/versions/${v1}/publish`);
    const custom = ["I will charge the laptop overnight.", "I will keep it in its case."];
    const agreement = (
      await head.post("/api/v1/agreements", {
        policyVersionId: v1,
        title: "Laptop loan",
        audience: "staff",
        declaration: "I agree to look after it.",
        statements: custom,
      })
    ).json();
    return { policy, custom, agreement: agreement as { id: string; textSha256: string } };
  };

  const staffMember = async (givenName: string) => {
    const p = (
      await head.post("/api/v1/people", {
        givenName,
        familyName: "Case",
        kinds: ["staff"],
        jobTitle: "Teacher",
      })
    ).json();
    const { secret, hash } = newSecret();
    await t.database.db.execute(
      sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${schoolId}, ${p.id})`,
    );
    const b = new Browser(t.app);
    b.cookie = `accord_session=${secret}`;
    return b;
  };

  it("keeps an agreement's own statements on a new version, and shows the text that was hashed after a rename", async () => {
    const { policy, custom, agreement } = await laptopLoan();
    await head.post(`/api/v1/agreements/${agreement.id}/assignments`, {
      kinds: ["staff"],
      dueDate: addDays(todayInLondon(), 5),
    });
    const teacher = await staffMember("Casey");
    const signed = await sign(teacher, agreement);
    expect(signed.statusCode).toBe(201);

    await head.patch(`/api/v1/policies/${policy.id}`, { title: "Devices and laptops" });
    const shown = (await head.get("/api/v1/agreements")).json().agreements[0];
    expect(shown.policy.title).toBe("Devices");
    expect(shown.textSha256).toBe(agreement.textSha256);

    const review = (await head.post(`/api/v1/policies/${policy.id}/versions`, { noChanges: true })).json();
    await head.post(`/api/v1/policies/${policy.id}/versions/${review.id}/publish`);
    const [next] = (await head.get("/api/v1/agreements")).json().agreements;
    expect(next.statements).toEqual(custom);
    expect(next.policy.versionNumber).toBe("1.1");
    expect((await teacher.get("/api/v1/me/agreements")).json().agreements).toEqual([]);
  });

  async function sign(b: Browser, a: { id: string; textSha256: string }) {
    return b.post(`/api/v1/agreements/${a.id}/signatures`, {
      fullName: "Casey Case",
      jobTitle: "Teacher",
      choices: {},
      textSha256: a.textSha256,
    });
  }

  it("gives no receipt for a decline, and takes a decline once", async () => {
    const { agreement: a } = await laptopLoan();
    const doubter = await staffMember("Dana");
    const declined = await doubter.post(`/api/v1/agreements/${a.id}/decline`, { reason: "Not my laptop." });
    expect(declined.statusCode).toBe(201);
    expect((await doubter.get(`/api/v1/signatures/${declined.json().id}/receipt.pdf`)).statusCode).toBe(404);
    expect(
      (await doubter.post(`/api/v1/agreements/${a.id}/decline`, { reason: "Still no." })).statusCode,
    ).toBe(409);
  });

  it("refuses an impossible due date with a field error", async () => {
    const { agreement: a } = await laptopLoan();
    const res = await head.post(`/api/v1/agreements/${a.id}/assignments`, {
      kinds: ["staff"],
      dueDate: "2026-02-30",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: "dueDate", message: "That date does not exist." }]);
    const british = await head.post(`/api/v1/agreements/${a.id}/assignments`, {
      kinds: ["staff"],
      dueDate: "30/09/2031",
    });
    expect(british.json().errors).toEqual([{ field: "dueDate", message: "Use a date like 2026-09-01." }]);
  });

  it("stops a parent link working once the parent is no longer linked to the child", async () => {
    const policy = (
      await head.post("/api/v1/policies", { title: "Home and school", audiences: ["parent"] })
    ).json();
    const v = policy.versions[0].id;
    await head.patch(`/api/v1/policies/${policy.id}/versions/${v}`, {
      content: "# Home",
      statements: ["We will talk about staying safe online."],
    });
    await head.post(`/api/v1/policies/${policy.id}/versions/${v}/publish`);
    const a = (
      await head.post("/api/v1/agreements", {
        policyVersionId: v,
        title: "Home–school",
        audience: "parents",
        declaration: "We agree to this together.",
      })
    ).json();
    const child = (
      await head.post("/api/v1/people", { givenName: "Ifan", familyName: "Case", kinds: ["pupil"] })
    ).json();
    const parent = (
      await head.post("/api/v1/people", {
        givenName: "Olwen",
        familyName: "Case",
        kinds: ["parent"],
        email: "olwen@home.test",
      })
    ).json();
    await t.database.db.execute(
      sql`INSERT INTO pupil_contacts (school_id, pupil_id, contact_id, parental_responsibility) VALUES (${schoolId}, ${child.id}, ${parent.id}, true)`,
    );
    await head.post(`/api/v1/agreements/${a.id}/assignments`, {
      personIds: [parent.id],
      dueDate: addDays(todayInLondon(), 14),
    });
    await head.post(`/api/v1/agreements/${a.id}/parent-links`);
    const first = /\/sign\/([\w-]+)/.exec(
      (await head.get("/api/v1/mail/outbox")).json().messages[0].body,
    )![1];
    // Sending again replaces the unused link: only the newest works.
    await head.post(`/api/v1/agreements/${a.id}/parent-links`);
    const second = /\/sign\/([\w-]+)/.exec(
      (await head.get("/api/v1/mail/outbox")).json().messages[0].body,
    )![1];
    expect((await new Browser(t.app).get(`/api/v1/sign/${first}`)).statusCode).toBe(410);
    await t.database.db.execute(sql`DELETE FROM pupil_contacts WHERE contact_id = ${parent.id}`);
    const res = await new Browser(t.app).post(`/api/v1/sign/${second}`, {
      fullName: "Olwen Case",
      choices: {},
      textSha256: a.textSha256,
    });
    expect(res.statusCode).toBe(410);
    expect(res.json().detail).toMatch(/can no longer be used/);
  });
});
