import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/client.js";
import { ADMIN, Browser, setUpSchool, startTestApp, type TestApp } from "../../../testing/app.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const fixture = (name: string) => readFileSync(path.join(fixtures, name));

/** Upload as the web page does: multipart, field "file". */
function multipart(file: Buffer, fileName: string, fields: Record<string, string> = {}) {
  const boundary = "----accordtest";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
  );
  parts.push(file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe("importing people from MIS exports", () => {
  let t: TestApp;
  let admin: Browser;
  let schoolId: string;

  const upload = async (
    kind: string,
    name: string,
    query = "",
    file = fixture(name),
    fields: Record<string, string> = {},
  ) => {
    const { body, contentType } = multipart(file, name, fields);
    return admin.request("POST", `/api/v1/people/import?kind=${kind}${query}`, body, {
      "content-type": contentType,
    });
  };
  const count = async (q: string) => (await admin.get(`/api/v1/people?${q}&limit=1`)).json().total as number;

  // An import is about the whole school, so each case starts from a new school and imports, itself,
  // whatever it needs to be there already.
  beforeEach(async () => {
    t = await startTestApp();
    ({ admin, schoolId } = await setUpSchool(t.app));
  });
  afterEach(() => t.close());
  /** Import a fixture as the school already had it, checking that it went in. */
  const imported = async (kind: string, name: string) => {
    const res = await upload(kind, name);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  /** Fenella Yardley (FYA) has left: a full staff import without her. */
  const staffWithoutYardley = () =>
    Buffer.from(
      fixture("staff.csv")
        .toString("utf8")
        .split("\r\n")
        .filter((l) => !l.startsWith("FYA"))
        .join("\r\n"),
    );

  describe("a dry run", () => {
    it("previews creates with the detected mapping and writes nothing", async () => {
      const auditBefore = (await admin.get("/api/v1/audit?limit=1")).json().total;
      const res = await upload("staff", "staff.csv", "&dryRun=true");
      expect(res.statusCode).toBe(200);
      const report = res.json();
      expect(report).toMatchObject({
        dryRun: true,
        applied: false,
        created: 4,
        updated: 0,
        unchanged: 0,
        leavers: 0,
        errors: [],
      });
      expect(report.mapping).toMatchObject({
        staffCode: "Staff Code",
        givenName: "Legal Forename",
        familyName: "Legal Surname",
        preferredName: "Preferred Forename",
        email: "Work Email",
        jobTitle: "Job Title",
        startDate: "Start Date",
      });
      expect(report.preview.create.map((c: { name: string }) => c.name)).toEqual([
        "Anwen Brackwell",
        "Cal Kestle",
        "Delyth Merriot",
        "Fenella Yardley",
      ]);
      expect(await count("kind=staff&q=brackwell")).toBe(0);
      expect((await admin.get("/api/v1/audit?limit=1")).json().total).toBe(auditBefore);
    });
  });

  describe("staff", () => {
    it("creates staff with their start dates, audits the import and announces the new starters", async () => {
      const res = await upload("staff", "staff.csv");
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ applied: true, created: 4, updated: 0, unchanged: 0, leavers: 0 });
      const kestle = (await admin.get("/api/v1/people?q=kestle")).json().people[0];
      expect(kestle).toMatchObject({
        name: "Cal Kestle",
        jobTitle: "Teaching Assistant, SEN",
        startDate: "2022-01-04",
        email: "c.kestle@oakfield.test",
      });
      const [event] = (await admin.get("/api/v1/audit?action=people.imported")).json().events;
      expect(event).toMatchObject({
        actorName: "Ada Okafor",
        summary: { kind: "staff", fileName: "staff.csv", created: 4, updated: 0, unchanged: 0, leavers: 0 },
      });
      const joined = await queryRows<{ payload: { kind: string; personIds: string[] } }>(
        t.database.db,
        sql`SELECT payload FROM domain_events WHERE school_id = ${schoolId} AND type = 'people.joined'`,
      );
      expect(joined.at(-1)!.payload.kind).toBe("staff");
      expect(joined.at(-1)!.payload.personIds).toContain(kestle.id);
    });

    it("changes nothing the second time the same file is imported", async () => {
      await imported("staff", "staff.csv");
      const res = await upload("staff", "staff.csv");
      expect(res.json()).toMatchObject({ created: 0, updated: 0, unchanged: 4, leavers: 0 });
    });

    it("never marks the person running the import as a leaver", async () => {
      // staff.csv is a full staff list without the headteacher who runs the import.
      await imported("staff", "staff.csv");
      expect(await count("role=headteacher")).toBe(1);
      const me = (await admin.get("/api/v1/me")).json();
      expect(me.email).toBe(ADMIN.email);
    });

    it("marks staff missing from a full import as leaving today; they lose sign-in but are kept", async () => {
      await imported("staff", "staff.csv");
      const yardley = (await admin.get("/api/v1/people?q=yardley")).json().people[0];
      await admin.post(`/api/v1/people/${yardley.id}/invite`);
      const link = /\/invite\/([\w-]+)/.exec(
        (await admin.get("/api/v1/mail/outbox")).json().messages[0].body,
      )![1];
      await new Browser(t.app).post(`/api/v1/invitations/${link}/accept`, {
        password: "larch-window-pebble-77",
      });
      const fenella = await new Browser(t.app).signIn("f.yardley@oakfield.test", "larch-window-pebble-77");

      const without = staffWithoutYardley();
      const preview = (await upload("staff", "staff.csv", "&dryRun=true", without)).json();
      expect(preview.preview.leavers).toEqual([{ id: yardley.id, name: "Fenella Yardley" }]);
      const res = await upload("staff", "staff-summer.csv", "", without);
      expect(res.json()).toMatchObject({ created: 0, unchanged: 3, leavers: 1 });
      const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });
      expect((await admin.get(`/api/v1/people/${yardley.id}`)).json()).toMatchObject({
        status: "left",
        leaveDate: today,
      });
      expect((await fenella.get("/api/v1/me")).statusCode).toBe(401);
    });

    it("matches a returning leaver and re-activates them", async () => {
      await imported("staff", "staff.csv");
      expect((await upload("staff", "staff-summer.csv", "", staffWithoutYardley())).json().leavers).toBe(1);
      const res = await upload("staff", "staff.csv");
      expect(res.json()).toMatchObject({ created: 0, updated: 1, leavers: 0 });
      expect(res.json().preview.update[0]).toMatchObject({
        name: "Fenella Yardley",
        changes: { leaveDate: { to: null } },
      });
      expect((await admin.get("/api/v1/people?q=yardley")).json().people[0].status).toBe("current");
    });
  });

  describe("pupils", () => {
    it("reads semicolons, quoted newlines, UK dates and year groups like 3 or R", async () => {
      const res = await upload("pupils", "pupils.csv");
      expect(res.json()).toMatchObject({ created: 4, errors: [] });
      const elis = (await admin.get("/api/v1/people?q=abernant&kind=pupil")).json().people[0];
      expect(elis).toMatchObject({ yearGroup: "Year 3", regGroup: "Rowan" });
      expect((await admin.get("/api/v1/people?q=dolwen&kind=pupil")).json().people[0].yearGroup).toBe(
        "Reception",
      );
      expect((await admin.get("/api/v1/people?q=gwen&kind=pupil")).json().people[0].name).toBe(
        "Gwen Cilgerran",
      );
    });

    it("reads a tab-separated Windows-1252 export with Welsh names", async () => {
      const res = await upload("pupils", "pupils-windows-1252.tsv", "&dryRun=true");
      expect(res.json().preview.create.map((c: { name: string }) => c.name)).toEqual([
        "Siân Glanrhyd",
        "Zoë Llwynderw",
        "Gwenllïan Penrhos",
      ]);
    });

    it("updates the changed fields of a pupil matched by UPN and shows them in the preview", async () => {
      await imported("pupils", "pupils.csv");
      const moved = Buffer.from(
        fixture("pupils.csv").toString("utf8").replace("Year 6;Oak", "Year 6;Willow"),
      );
      const report = (await upload("pupils", "pupils.csv", "&dryRun=true", moved)).json();
      expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
      expect(report.preview.update[0]).toMatchObject({
        name: "Isla Frongoch",
        changes: { regGroup: { from: "Oak", to: "Willow" } },
      });
    });

    it("reports duplicate keys, impossible dates and missing fields with row numbers, and imports nothing until told", async () => {
      await imported("pupils", "pupils.csv");
      const before = await count("kind=pupil");
      const dry = (await upload("pupils", "pupils-with-errors.csv", "&dryRun=true")).json();
      expect(dry.errors).toEqual([
        { row: 3, message: "Duplicate UPN H123456789012 (also on row 2)" },
        { row: 4, message: 'Date of birth "31/02/2019" is not a date (use DD/MM/YYYY)' },
        { row: 5, message: "Surname is missing" },
      ]);
      expect(dry.created).toBe(2);
      const refused = await upload("pupils", "pupils-with-errors.csv");
      expect(refused.statusCode).toBe(422);
      expect(refused.json().detail).toMatch(/3 rows have errors, so nothing was imported/);
      expect(await count("kind=pupil")).toBe(before);
    });

    it("imports only the good rows once the person confirms, keeping the rest out", async () => {
      await imported("pupils", "pupils.csv");
      // A partial file with its own errors is not a full list of pupils, but the import is still
      // whole: the earlier pupils not in it become leavers, as the preview said.
      const res = await upload("pupils", "pupils-with-errors.csv", "&acceptErrors=true");
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ applied: true, created: 2 });
      expect(await count("kind=pupil&q=maesteg")).toBe(1);
      expect(await count("kind=pupil&q=hendre")).toBe(0);
    });

    it("uses a mapping the person chose, and remembers it for next time", async () => {
      await imported("pupils", "pupils.csv");
      const unknown = await upload("pupils", "pupils-own-headings.csv", "&dryRun=true");
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().detail).toMatch(
        /No column for first name or preferred name; surname; UPN, admission number, MIS id or email was recognised/,
      );
      const mapping = JSON.stringify({
        givenName: "Kid First",
        familyName: "Kid Last",
        upn: "Pupil Ref",
        regGroup: "Group",
      });
      const chosen = await upload("pupils", "pupils-own-headings.csv", "&dryRun=true", undefined, {
        mapping,
      });
      expect(chosen.json()).toMatchObject({ created: 1, mappingSource: "request" });
      await upload("pupils", "pupils-own-headings.csv", "&acceptErrors=true", undefined, { mapping });
      const again = await upload("pupils", "pupils-own-headings.csv", "&dryRun=true");
      expect(again.json()).toMatchObject({ mappingSource: "saved", unchanged: 1 });
    });
  });

  describe("contacts", () => {
    beforeEach(async () => {
      await imported("pupils", "pupils.csv");
      expect(await count("kind=pupil&q=abernant")).toBe(1);
    });

    it("links parents/carers to their children with relationship and priority; one person per contact", async () => {
      const res = await upload("contacts", "contacts.csv");
      expect(res.json()).toMatchObject({ created: 4, errors: [] });
      const nerys = (await admin.get("/api/v1/people?q=nerys")).json().people[0];
      const detail = (await admin.get(`/api/v1/people/${nerys.id}`)).json();
      expect(detail.kinds).toEqual(["parent"]);
      expect(detail.pupils.map((p: { name: string }) => p.name).sort()).toEqual([
        "Gwen Cilgerran",
        "Harri Dolwen",
      ]);
      const harri = (await admin.get("/api/v1/people?q=harri")).json().people[0];
      const contacts = (await admin.get(`/api/v1/people/${harri.id}`)).json().contacts;
      expect(contacts).toEqual([
        { id: nerys.id, name: "Nerys Cilgerran", relationship: "Mother", priority: 1 },
        expect.objectContaining({ name: "Rhodri Dolwen", relationship: "Grandparent", priority: 3 }),
      ]);
      expect((await upload("contacts", "contacts.csv")).json()).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 4,
      });
    });

    it("says which pupil it cannot find", async () => {
      const file = Buffer.from(
        `${fixture("contacts.csv").toString("utf8")}C200,Unknown,Person,unknown@home.test,Mother,1,Yes,Z999999999999\n`,
      );
      const report = (await upload("contacts", "contacts.csv", "&dryRun=true", file)).json();
      expect(report.errors).toEqual([
        { row: 7, message: "No pupil with UPN Z999999999999 in Accord: import pupils first" },
      ]);
    });
  });

  describe("bad files", () => {
    it("refuses an empty file", async () => {
      const res = await upload("staff", "empty.csv", "", Buffer.from(""));
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toBe("The file is empty.");
    });

    it("refuses a file with headings but no rows", async () => {
      const res = await upload("staff", "headings.csv", "", Buffer.from("Staff Code,Forename,Surname\n"));
      expect(res.json().detail).toMatch(/no people in it/);
    });

    it("notices a file of the wrong kind", async () => {
      const res = await upload("pupils", "contacts.csv");
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toMatch(/looks like a contacts file, not a pupils file/);
    });

    it("refuses a file over 30 MB with a clear message", async () => {
      const big = Buffer.alloc(50 * 1024 * 1024, "a");
      const res = await upload("pupils", "huge.csv", "", big);
      expect(res.statusCode).toBe(413);
      expect(res.json().detail).toMatch(/larger than 30 MB/);
    });

    it("refuses an unknown kind", async () => {
      const res = await upload("governors", "staff.csv");
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe("kind");
    });
  });

  describe("the headings schools' exports use", () => {
    it("takes the forename a person goes by when the file has no legal forename, and reads SIMS's Mobile Phone", async () => {
      const res = await upload("staff", "staff-preferred-only.csv");
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ applied: true, created: 2, errors: [] });
      expect(res.json().mapping).toMatchObject({
        preferredName: "Preferred Forename",
        phone: "Mobile Phone",
      });
      const pip = (await admin.get("/api/v1/people?q=tanwood")).json().people[0];
      const detail = (await admin.get(`/api/v1/people/${pip.id}`)).json();
      expect(detail).toMatchObject({ name: "Pip Tanwood", givenName: "Pip", phone: "07700 900123" });
    });

    it("never replaces a legal forename Accord holds with the preferred one from a later file", async () => {
      await imported("staff", "staff.csv");
      const file = Buffer.from(
        "Staff Code,Preferred Forename,Legal Surname,Work Email\nCKE,Cal,Kestle,c.kestle@oakfield.test\n",
      );
      const report = (await upload("staff", "kestle.csv", "&dryRun=true", file)).json();
      expect(report.errors).toEqual([]);
      expect(report.preview.update).toEqual([]);
      const kestle = (await admin.get("/api/v1/people?q=kestle")).json().people[0];
      expect((await admin.get(`/api/v1/people/${kestle.id}`)).json().givenName).toBe("Callum");
    });

    it("says a row gives neither forename nor preferred forename", async () => {
      const file = Buffer.from("Staff Code,Legal Forename,Preferred Forename,Legal Surname\nXYZ,,,Nobody\n");
      const report = (await upload("staff", "blank.csv", "&dryRun=true", file)).json();
      expect(report.errors).toEqual([{ row: 2, message: "First name or preferred name is missing" }]);
    });

    it("reads a carer's number under SIMS's Mobile Phone heading", async () => {
      await imported("pupils", "pupils.csv");
      const res = await upload("contacts", "contacts-sims-mobile.csv");
      expect(res.json()).toMatchObject({ created: 1, errors: [] });
      expect(res.json().mapping).toMatchObject({ phone: "Mobile Phone" });
      const siwan = (await admin.get("/api/v1/people?q=siwan")).json().people[0];
      expect((await admin.get(`/api/v1/people/${siwan.id}`)).json().phone).toBe("07700 900456");
    });
  });

  it("accepts the file as a text/csv body from a script with an API token", async () => {
    await imported("staff", "staff.csv");
    const { token } = (await admin.post("/api/v1/api-tokens", { name: "nightly MIS sync" })).json();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/people/import?kind=staff&dryRun=true",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      payload: fixture("staff.csv"),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, unchanged: 4, updated: 0, leavers: 0, errors: [] });
  });
});
