import { sql } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { newSecret } from "../../kernel/secrets.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";

describe("signing at the reception kiosk and in class", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let visitorsAgreement: string;
  let pupilsAgreement: string;

  // A new school for each case, with the two agreements and a class: kiosks, sessions and the
  // signatures they take are each case's own.
  beforeEach(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    await head.put("/api/v1/policies/settings/approvers", { roles: [] });
    const policy = (
      await head.post("/api/v1/policies", { title: "Visitors and pupils", audiences: ["visitor", "pupil"] })
    ).json();
    const v = policy.versions[0].id;
    await head.patch(`/api/v1/policies/${policy.id}/versions/${v}`, {
      content: "# Rules\n\nBe kind online.",
      statements: ["I will be kind online.", "I will tell an adult if something worries me."],
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
    pupilsAgreement = (
      await head.post("/api/v1/agreements", {
        policyVersionId: v,
        title: "Pupil pledge",
        audience: "pupils",
        declaration: "I promise to follow these rules.",
      })
    ).json().id;
    for (const [given, family] of [
      ["Cai", "Rowe"],
      ["Efa", "Lloyd"],
    ])
      await head.post("/api/v1/people", {
        givenName: given,
        familyName: family,
        kinds: ["pupil"],
        regGroup: "Rowan",
        yearGroup: "Year 4",
      });
    await head.post("/api/v1/people", {
      givenName: "Other",
      familyName: "Class",
      kinds: ["pupil"],
      regGroup: "Oak",
    });
  });
  afterEach(() => t.close());

  describe("kiosk", () => {
    let code: string;
    let kioskId: string;
    let token: string;
    const tablet = () => new Browser(t.app);
    const kioskRequest = (method: "GET" | "POST", url: string, body?: unknown, tok = token) =>
      tablet().request(method, url, body, { "x-kiosk-token": tok });
    /** An admin opens a kiosk for the visitor agreement and a tablet starts with its code. */
    const openKiosk = async () => {
      ({ code, id: kioskId } = (
        await head.post("/api/v1/kiosks", { agreementId: visitorsAgreement })
      ).json());
      token = (await tablet().post("/api/v1/kiosk/start", { code })).json().token;
    };

    it("is opened by an admin with a code the tablet exchanges for its token", async () => {
      const res = await head.post("/api/v1/kiosks", { agreementId: visitorsAgreement });
      expect(res.statusCode).toBe(201);
      ({ code, id: kioskId } = res.json());
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect((await tablet().post("/api/v1/kiosk/start", { code: "ZZZZ-ZZZZ" })).statusCode).toBe(404);
      const start = (
        await tablet().post("/api/v1/kiosk/start", { code: code.toLowerCase().replace("-", " ") })
      ).json();
      expect(start).toMatchObject({
        schoolName: "Oakfield Primary School",
        agreement: { title: "Visitor agreement" },
      });
      token = start.token;
      expect((await head.post("/api/v1/kiosks", { agreementId: pupilsAgreement })).statusCode).toBe(409);
    });

    it("takes a visitor's name, organisation and host, and answers with only their reference", async () => {
      await openKiosk();
      const { agreement } = (await kioskRequest("GET", "/api/v1/kiosk/agreement")).json();
      const missing = await kioskRequest("POST", "/api/v1/kiosk/signatures", {
        fullName: "Rhodri Visitor",
        choices: { photo: "agree" },
        textSha256: agreement.textSha256,
      });
      expect(missing.statusCode).toBe(400);
      expect(
        missing
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual(["organisation", "visiting"]);
      const res = await kioskRequest("POST", "/api/v1/kiosk/signatures", {
        fullName: "Rhodri Visitor",
        organisation: "County IT Services",
        visiting: "Mr Carrow",
        choices: { photo: "disagree" },
        textSha256: agreement.textSha256,
      });
      expect(res.statusCode).toBe(201);
      expect(Object.keys(res.json()).sort()).toEqual(["signedAt", "verificationReference"]);
      const [row] = await queryRows<Record<string, unknown>>(
        t.database.db,
        sql`SELECT full_name, organisation, visiting, auth_method, person_id FROM signatures WHERE auth_method = 'kiosk'`,
      );
      expect(row).toEqual({
        full_name: "Rhodri Visitor",
        organisation: "County IT Services",
        visiting: "Mr Carrow",
        auth_method: "kiosk",
        person_id: null,
      });
      // What the tablet can ask for afterwards holds nothing of the visitor.
      const after = (await kioskRequest("GET", "/api/v1/kiosk/agreement")).body;
      expect(after).not.toContain("Rhodri");
      expect((await head.get("/api/v1/kiosks")).json().kiosks[0]).toMatchObject({
        id: kioskId,
        signatures: 1,
      });
    });

    it("emails a visitor who gives an address a receipt they can download without an account", async () => {
      await openKiosk();
      const { agreement } = (await kioskRequest("GET", "/api/v1/kiosk/agreement")).json();
      const res = await kioskRequest("POST", "/api/v1/kiosk/signatures", {
        fullName: "Siân Ymwelydd",
        organisation: "Cyngor Sir",
        visiting: "Mrs Hughes",
        email: "sian@visitor.test",
        choices: { photo: "agree" },
        textSha256: agreement.textSha256,
      });
      expect(res.statusCode).toBe(201);
      const { verificationReference } = res.json();
      const mail = (
        (await head.get("/api/v1/mail/outbox")).json().messages as { to: string; body: string }[]
      ).find((m) => m.to === "sian@visitor.test");
      const url = /(\/api\/v1\/receipts\/[\w-]+\/receipt\.pdf)/.exec(mail!.body)![1];
      expect(url).toContain(verificationReference);
      const pdf = await new Browser(t.app).get(url);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
      const { text } = await parser.getText();
      await parser.destroy();
      expect(text).toContain("Siân Ymwelydd");
      expect(text).toContain("I will be kind online.");
      expect(text.replace(/\s+/g, "")).toContain(agreement.textSha256);
      // A double tap signs once, however the name was typed the second time.
      const again = await kioskRequest("POST", "/api/v1/kiosk/signatures", {
        fullName: "siân ymwelydd",
        organisation: "Cyngor Sir",
        visiting: "Mrs Hughes",
        choices: { photo: "agree" },
        textSha256: agreement.textSha256,
      });
      expect(again.statusCode).toBe(409);
      // Only a visitor's own reference opens a receipt this way.
      expect(
        (await new Browser(t.app).get("/api/v1/receipts/ABCD-EFGH-JKMN-PQRS-TVWX/receipt.pdf")).statusCode,
      ).toBe(404);
    });

    it("stops working once the admin closes it", async () => {
      await openKiosk();
      expect((await head.post(`/api/v1/kiosks/${kioskId}/close`)).statusCode).toBe(204);
      const res = await kioskRequest("GET", "/api/v1/kiosk/agreement");
      expect(res.statusCode).toBe(410);
      expect((await tablet().post("/api/v1/kiosk/start", { code })).statusCode).toBe(410);
    });
  });

  describe("class session", () => {
    let teacher: Browser;
    let sessionId: string;
    let token: string;
    beforeEach(async () => {
      const p = (
        await head.post("/api/v1/people", { givenName: "Tomos", familyName: "Teacher", kinds: ["staff"] })
      ).json();
      const { secret, hash } = newSecret();
      await t.database.db.execute(
        sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${schoolId}, ${p.id})`,
      );
      teacher = new Browser(t.app);
      teacher.cookie = `accord_session=${secret}`;
    });
    /** The teacher opens a session of the pupil pledge for Rowan class. */
    const openSession = async () => {
      ({ id: sessionId, token } = (
        await teacher.post("/api/v1/class-sessions", { agreementId: pupilsAgreement, regGroup: "Rowan" })
      ).json());
    };

    it("is opened by a teacher for a class, on a shared device that shows first names only", async () => {
      const options = (await teacher.get("/api/v1/class-sessions/options")).json();
      expect(options.regGroups).toEqual(["Oak", "Rowan"]);
      expect(options.agreements.map((a: { title: string }) => a.title)).toEqual(["Pupil pledge"]);
      const res = await teacher.post("/api/v1/class-sessions", {
        agreementId: pupilsAgreement,
        regGroup: "Rowan",
      });
      expect(res.statusCode).toBe(201);
      ({ id: sessionId, token } = res.json());
      const view = (await new Browser(t.app).get(`/api/v1/class/${token}`)).json();
      expect(view.pupils.map((p: { displayName: string }) => p.displayName)).toEqual(["Cai R.", "Efa L."]);
      expect(JSON.stringify(view)).not.toContain("Rowe");
      // A teacher with no role reads no pupil's full name through a session either: the
      // directory, which holds them, is for leaders.
      const own = await teacher.get(`/api/v1/class-sessions/${sessionId}`);
      expect(own.json().pupils.map((p: { name: string }) => p.name)).toEqual(["Cai R.", "Efa L."]);
      expect(own.body).not.toContain("Rowe");
      expect(options.regGroups).toEqual(["Oak", "Rowan"]);
      expect(JSON.stringify(options)).not.toContain("Rowe");
      expect((await teacher.get("/api/v1/people?q=Rowe")).statusCode).toBe(403);
    });

    it("lets each pupil sign once, witnessed by the teacher", async () => {
      await openSession();
      const device = new Browser(t.app);
      const view = (await device.get(`/api/v1/class/${token}`)).json();
      const cai = view.pupils[0];
      const body = {
        pupilId: cai.id,
        fullName: "Cai Rowe",
        choices: {},
        textSha256: view.agreement.textSha256,
      };
      expect((await device.post(`/api/v1/class/${token}/signatures`, body)).statusCode).toBe(201);
      expect((await device.post(`/api/v1/class/${token}/signatures`, body)).statusCode).toBe(409);
      const other = (await head.get("/api/v1/people?q=Other")).json().people[0];
      expect(
        (await device.post(`/api/v1/class/${token}/signatures`, { ...body, pupilId: other.id })).statusCode,
      ).toBe(400);
      expect((await teacher.get(`/api/v1/class-sessions/${sessionId}`)).json().pupils).toEqual([
        expect.objectContaining({ name: "Cai R.", signed: true }),
        expect.objectContaining({ name: "Efa L.", signed: false }),
      ]);
      const [event] = (await head.get("/api/v1/audit?action=agreement.signed")).json().events;
      expect(event.actorName).toBe("Tomos Teacher (class session)");
      // Opening the session asked the class: the compliance view counts who has signed.
      const rowan = (await head.get("/api/v1/compliance/agreements?regGroup=Rowan")).json();
      const pledge = rowan.agreements.find((a: { id: string }) => a.id === pupilsAgreement);
      expect(pledge).toMatchObject({ required: 2, signed: 1 });
      // The class filter offers the school's own classes, whatever is filtered now.
      expect(rowan.options.regGroups).toEqual(["Oak", "Rowan"]);
    });

    it("closes when the teacher ends it", async () => {
      await openSession();
      expect((await teacher.post(`/api/v1/class-sessions/${sessionId}/end`)).statusCode).toBe(204);
      expect((await new Browser(t.app).get(`/api/v1/class/${token}`)).statusCode).toBe(410);
    });

    it("is only for staff", async () => {
      const gov = (
        await head.post("/api/v1/people", { givenName: "Gwyn", familyName: "Governor", kinds: ["governor"] })
      ).json();
      const { secret, hash } = newSecret();
      await t.database.db.execute(
        sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${schoolId}, ${gov.id})`,
      );
      const b = new Browser(t.app);
      b.cookie = `accord_session=${secret}`;
      expect(
        (await b.post("/api/v1/class-sessions", { agreementId: pupilsAgreement, regGroup: "Rowan" }))
          .statusCode,
      ).toBe(403);
    });
  });
});
