import { sql } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson, staffAgreement } from "../../testing/factories.js";
import { termStart } from "./compliance.js";

// A 1×1 PNG, as the signature pad sends a drawing (a data URL).
const DRAWN =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

type Cell = { status: string; coveredBy?: string; answers?: Record<string, string> };
type Matrix = {
  agreements: {
    id: string;
    title: string;
    covered: number;
    signed: number;
    required: number;
    percentSigned: number | null;
    choices: { key: string; label: string }[];
    children: { required: number; covered: number } | null;
    visitors: { thisTerm: number; allTime: number } | null;
  }[];
  people: { id: string; name: string; cells: Record<string, Cell> }[];
  childrenNotCovered: Record<string, { name: string; carers: { name: string; hasEmail: boolean }[] }[]>;
};

describe("compliance that tells the truth", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  beforeEach(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
  });
  afterEach(() => t.close());

  const matrix = async (query = "") =>
    (await head.get(`/api/v1/compliance/agreements${query}`)).json() as Matrix;
  const person = async (body: Record<string, unknown>) =>
    (await head.post("/api/v1/people", { familyName: "Pupil", ...body })).json().id as string;
  const link = (pupil: string, carer: string, relationship: string) =>
    t.database.db.execute(
      sql`INSERT INTO pupil_contacts (school_id, pupil_id, contact_id, relationship, priority, parental_responsibility)
          VALUES (${schoolId}, ${pupil}, ${carer}, ${relationship}, 1, true)`,
    );

  describe("parents, counted per child", () => {
    let agreementId: string;
    let mother: string;
    let father: string;
    let nia: string;
    beforeEach(async () => {
      const { agreementId: staffOne } = await staffAgreement(head);
      const policyId = (await head.get(`/api/v1/agreements`)).json().agreements[0].policy.versionId;
      expect(staffOne).toBeTruthy();
      agreementId = (
        await head.post("/api/v1/agreements", {
          policyVersionId: policyId,
          title: "Home–school agreement",
          audience: "parents",
          declaration: "We have read the rules together and will keep to them.",
          choices: [
            { key: "photos", label: "Photos of my child may go on the website", options: ["yes", "no"] },
          ],
        })
      ).json().id;
      const cai = await person({
        givenName: "Cai",
        kinds: ["pupil"],
        regGroup: "Rowan",
        yearGroup: "Year 4",
      });
      const efa = await person({ givenName: "Efa", familyName: "Lloyd", kinds: ["pupil"], regGroup: "Oak" });
      mother = await person({ givenName: "Mair", kinds: ["parent"], email: "mair@home.test" });
      father = await person({ givenName: "Huw", kinds: ["parent"], email: "huw@home.test" });
      nia = await person({ givenName: "Nia", familyName: "Lloyd", kinds: ["parent"] });
      await link(cai, mother, "Mother");
      await link(cai, father, "Father");
      await link(efa, nia, "Grandmother");
      expect(
        (
          await head.post(`/api/v1/agreements/${agreementId}/assignments`, {
            kinds: ["parent"],
            dueDate: addDays(todayInLondon(), 14),
          })
        ).statusCode,
      ).toBe(201);
      await head.post(`/api/v1/agreements/${agreementId}/parent-links`);
      const mail = (await head.get("/api/v1/mail/outbox"))
        .json()
        .messages.find((m: { to: string }) => m.to === "mair@home.test");
      const token = /\/sign\/([\w-]+)/.exec(mail.body)![1];
      const parent = new Browser(t.app);
      const open = (await parent.get(`/api/v1/sign/${token}`)).json();
      const signed = await parent.post(`/api/v1/sign/${token}`, {
        fullName: "Mair Pupil",
        choices: { photos: "no" },
        textSha256: open.agreement.textSha256,
      });
      expect(signed.statusCode).toBe(201);
    });

    it("shows the father as covered by the mother's signature, never signed, and counts the child once", async () => {
      const m = await matrix();
      const cellOf = (id: string) => m.people.find((p) => p.id === id)!.cells[agreementId];
      expect(cellOf(mother)).toMatchObject({ status: "signed", answers: { photos: "no" } });
      expect(cellOf(father)).toMatchObject({ status: "covered", coveredBy: "Mair Pupil" });
      expect(cellOf(nia).status).toBe("pending");
      const totals = m.agreements.find((a) => a.id === agreementId)!;
      expect(totals).toMatchObject({
        signed: 1,
        covered: 1,
        required: 3,
        children: { required: 2, covered: 1 },
      });
      expect(totals.percentSigned).toBe(50);
      // The headteacher's home counts the same children: 1 of 2 covered, not 1 of 3 parents.
      const { glance } = (await head.get("/api/v1/home")).json();
      expect(glance.agreements.find((a: { id: string }) => a.id === agreementId)).toMatchObject({
        counts: "children",
        signed: 1,
        required: 2,
        outstanding: 1,
      });
      // His own history agrees: he signed nothing.
      expect((await head.get(`/api/v1/people/${father}/signatures`)).json().signatures).toEqual([]);
      const csv = (await head.get("/api/v1/compliance/agreements?format=csv")).body;
      const huw = csv.split("\r\n").find((line) => line.startsWith("Huw Pupil"))!;
      expect(huw).toMatch(/Covered by Mair Pupil's signature v1\.0 \d{4}-\d{2}-\d{2}/);
      expect(huw).not.toMatch(/,Signed/);
    });

    it("lists the children no carer has signed for, with their carers", async () => {
      const m = await matrix();
      expect(m.childrenNotCovered[agreementId]).toEqual([
        {
          id: expect.any(String),
          name: "Efa Lloyd",
          regGroup: "Oak",
          yearGroup: null,
          carers: [{ id: nia, name: "Nia Lloyd", relationship: "Grandmother", hasEmail: false }],
        },
      ]);
      // The class filter narrows the children counted and listed.
      const rowan = await matrix("?regGroup=Rowan");
      expect(rowan.childrenNotCovered[agreementId]).toEqual([]);
      expect(rowan.agreements.find((a) => a.id === agreementId)!.children).toEqual({
        required: 1,
        covered: 1,
      });
    });
  });

  it("makes each choice a column of the table and the CSV, in the words chosen", async () => {
    const { agreementId, textSha256 } = await staffAgreement(head);
    const { browser: tegan, id: teganId } = await signedInPerson(t, head, schoolId, { givenName: "Tegan" });
    await head.post(`/api/v1/agreements/${agreementId}/assignments`, {
      kinds: ["staff"],
      dueDate: addDays(todayInLondon(), 10),
    });
    expect(
      (
        await tegan.post(`/api/v1/agreements/${agreementId}/signatures`, {
          fullName: "Tegan Staffroom",
          jobTitle: "Teacher",
          choices: { photo: "disagree" },
          textSha256,
        })
      ).statusCode,
    ).toBe(201);
    const m = await matrix();
    expect(m.agreements[0].choices).toEqual([{ key: "photo", label: "My photo may be used" }]);
    expect(m.people.find((p) => p.id === teganId)!.cells[agreementId].answers).toEqual({ photo: "disagree" });
    const [header, ...rows] = (await head.get("/api/v1/compliance/agreements?format=csv")).body
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(header).toBe(
      "Name,Kinds,Department,Class,Staff acceptable use agreement (v1.0),Staff acceptable use agreement: My photo may be used",
    );
    expect(rows.find((r) => r.startsWith("Tegan Staffroom"))).toMatch(/,Signed v1\.0 [\d-]+,I do not agree$/);
  });

  describe("visitors", () => {
    let visitorsAgreement: string;
    let kioskId: string;
    let token: string;
    beforeEach(async () => {
      await head.put("/api/v1/policies/settings/approvers", { roles: [] });
      const policy = (
        await head.post("/api/v1/policies", { title: "Visitors", audiences: ["visitor"] })
      ).json();
      const v = policy.versions[0].id;
      await head.patch(`/api/v1/policies/${policy.id}/versions/${v}`, {
        content: "# Visitors\n\nWear your badge.",
        statements: ["I will wear my badge while I am in school."],
      });
      await head.post(`/api/v1/policies/${policy.id}/versions/${v}/publish`);
      visitorsAgreement = (
        await head.post("/api/v1/agreements", {
          policyVersionId: v,
          title: "Visitor agreement",
          audience: "visitors",
          declaration: "I will follow the school's rules while I am here.",
          choices: [
            { key: "photo", label: "Photos of me may be taken at events", options: ["agree", "disagree"] },
          ],
        })
      ).json().id;
      const opened = (
        await head.post("/api/v1/kiosks", { agreementId: visitorsAgreement, deviceName: "Reception iPad" })
      ).json();
      kioskId = opened.id;
      token = (await new Browser(t.app).post("/api/v1/kiosk/start", { code: opened.code })).json().token;
      const kiosk = (method: "GET" | "POST", url: string, body?: unknown) =>
        new Browser(t.app).request(method, url, body, { "x-kiosk-token": token });
      const { agreement } = (await kiosk("GET", "/api/v1/kiosk/agreement")).json();
      const res = await kiosk("POST", "/api/v1/kiosk/signatures", {
        fullName: "Rhodri Visitor",
        organisation: "County IT Services",
        visiting: "Mr Carrow",
        choices: { photo: "disagree" },
        textSha256: agreement.textSha256,
      });
      expect(res.statusCode).toBe(201);
    });

    it("lists who signed at which kiosk, when and what they chose, as JSON and CSV", async () => {
      const { visitors } = (await head.get("/api/v1/compliance/visitors")).json();
      expect(visitors).toEqual([
        expect.objectContaining({
          fullName: "Rhodri Visitor",
          organisation: "County IT Services",
          visiting: "Mr Carrow",
          agreementTitle: "Visitor agreement",
          versionNumber: "1.0",
          kiosk: expect.objectContaining({ id: kioskId, name: "Reception iPad", openedBy: "Ada Okafor" }),
          answers: [{ key: "photo", label: "Photos of me may be taken at events", answer: "disagree" }],
          withdrawnAt: null,
        }),
      ]);
      const csv = await head.get("/api/v1/compliance/visitors?format=csv");
      expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
      const [header, row] = csv.body.replace(/^\uFEFF/, "").split("\r\n");
      expect(header).toBe(
        "Signed at,Name,Organisation,Visiting,Agreement,Version,Kiosk,Photos of me may be taken at events,Withdrawn,Reference",
      );
      expect(row).toMatch(
        /^\d{4}-\d{2}-\d{2} \d{2}:\d{2},Rhodri Visitor,County IT Services,Mr Carrow,Visitor agreement,1\.0,Reception iPad opened \d{4}-\d{2}-\d{2} \d{2}:\d{2} by Ada Okafor,I do not agree,,[0-9A-Z-]+$/,
      );
      // A date range outside the visit lists nobody.
      const before = (
        await head.get(`/api/v1/compliance/visitors?to=${addDays(todayInLondon(), -1)}`)
      ).json();
      expect(before.visitors).toEqual([]);
    });

    it("counts visitors on the agreement's card instead of '0 of 0 signed'", async () => {
      const m = await matrix();
      expect(m.agreements.find((a) => a.id === visitorsAgreement)!.visitors).toEqual({
        thisTerm: 1,
        allTime: 1,
      });
      // So does the headteacher's home, with a tap to the register.
      const { glance } = (await head.get("/api/v1/home")).json();
      expect(glance.agreements.find((a: { id: string }) => a.id === visitorsAgreement)).toMatchObject({
        visitorsThisTerm: 1,
        href: "/compliance/visitors",
      });
    });

    it("is for admins and the DSL: a teacher is refused", async () => {
      const { browser: teacher } = await signedInPerson(t, head, schoolId, { givenName: "Tegan" });
      expect((await teacher.get("/api/v1/compliance/visitors")).statusCode).toBe(403);
      const { browser: dsl } = await signedInPerson(t, head, schoolId, {
        givenName: "Dewi",
        roles: ["dsl"],
      } as { givenName: string });
      expect((await dsl.get("/api/v1/compliance/visitors")).statusCode).toBe(200);
    });
  });

  it("prints the choice's words and the drawn signature on the receipt", async () => {
    const { agreementId, textSha256 } = await staffAgreement(head);
    const { browser: tegan } = await signedInPerson(t, head, schoolId, { givenName: "Tegan" });
    const res = await tegan.post(`/api/v1/agreements/${agreementId}/signatures`, {
      fullName: "Tegan Staffroom",
      jobTitle: "Teacher",
      choices: { photo: "agree" },
      textSha256,
      signatureImage: DRAWN,
    });
    expect(res.statusCode).toBe(201);
    const pdf = await tegan.get(`/api/v1/signatures/${res.json().id}/receipt.pdf`);
    expect(pdf.statusCode).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain("I agree");
    expect(text).toContain("Signature (drawn)");
    // The drawing itself is embedded as an image (pdfkit writes image objects uncompressed in their dictionary).
    expect(pdf.rawPayload.toString("latin1")).toMatch(/\/Subtype \/Image/);
  });

  it("counts a term from 1 September, 1 January and 1 April", () => {
    expect(termStart("2026-12-02")).toBe("2026-09-01");
    expect(termStart("2027-02-14")).toBe("2027-01-01");
    expect(termStart("2027-07-20")).toBe("2027-04-01");
  });
});
