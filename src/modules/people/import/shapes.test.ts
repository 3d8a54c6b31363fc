import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/client.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../../testing/app.js";

/**
 * The export and sync-file shapes schools have (decision 022), each imported through the real
 * route and service without a hand mapping. The fixtures are invented people in files laid out
 * as each MIS, sync tool or template lays them out.
 */
const shapes = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "shapes");
const shape = (name: string) => readFileSync(path.join(shapes, name));

function multipart(
  files: Record<string, { name: string; bytes: Buffer }>,
  fields: Record<string, string> = {},
) {
  const boundary = "----accordshapes";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const [field, file] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
    );
    parts.push(file.bytes, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

type Person = {
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  kinds: string[];
  email: string | null;
  phone: string | null;
  upn: string | null;
  admission_number: string | null;
  mis_id: string | null;
  staff_code: string | null;
  year_group: string | null;
  reg_group: string | null;
  job_title: string | null;
  department: string | null;
  date_of_birth: string | null;
};
type Link = {
  carer: string;
  pupil: string;
  relationship: string | null;
  priority: number | null;
  parental_responsibility: boolean;
};

describe("people files in the shapes schools have", () => {
  let t: TestApp;
  let admin: Browser;
  let schoolId: string;

  beforeEach(async () => {
    t = await startTestApp();
    ({ admin, schoolId } = await setUpSchool(t.app));
  });
  afterEach(() => t.close());

  /** Upload one file (and its relationships or roles file) as the web page does. */
  const upload = async (
    kind: string,
    file: string,
    opts: { query?: string; relationships?: string; roles?: string; mapping?: string; bytes?: Buffer } = {},
  ) => {
    const files: Record<string, { name: string; bytes: Buffer }> = {
      file: { name: file, bytes: opts.bytes ?? shape(file) },
    };
    if (opts.relationships)
      files.relationships = { name: opts.relationships, bytes: shape(opts.relationships) };
    if (opts.roles) files.roles = { name: opts.roles, bytes: shape(opts.roles) };
    const { body, contentType } = multipart(files, opts.mapping ? { mapping: opts.mapping } : {});
    return admin.request("POST", `/api/v1/people/import?kind=${kind}${opts.query ?? ""}`, body, {
      "content-type": contentType,
    });
  };
  const imported = async (kind: string, file: string, opts: Parameters<typeof upload>[2] = {}) => {
    const res = await upload(kind, file, opts);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** Everyone of a kind the school has now, by surname then first name. */
  const peopleOf = (kind: string) =>
    queryRows<Person>(
      t.database.db,
      sql`SELECT given_name, family_name, preferred_name, kinds, email, phone, upn, admission_number, mis_id,
            staff_code, year_group, reg_group, job_title, department, date_of_birth::text
          FROM people WHERE school_id = ${schoolId} AND ${kind} = ANY(kinds) AND leave_date IS NULL
          ORDER BY family_name, given_name`,
    );
  const links = () =>
    queryRows<Link>(
      t.database.db,
      sql`SELECT c.given_name || ' ' || c.family_name AS carer, p.given_name || ' ' || p.family_name AS pupil,
            pc.relationship, pc.priority, pc.parental_responsibility
          FROM pupil_contacts pc JOIN people c ON c.id = pc.contact_id JOIN people p ON p.id = pc.pupil_id
          WHERE pc.school_id = ${schoolId} ORDER BY carer, pupil`,
    );

  describe("MIS exports", () => {
    it("SIMS: a pupils report with Adno, UPN, Legal Surname, Year and Reg Group, then its contacts report", async () => {
      const pupils = await imported("pupils", "sims-pupils-report.csv");
      expect(pupils).toMatchObject({ mappingSource: "detected", created: 2, errors: [] });
      expect(await peopleOf("pupil")).toMatchObject([
        {
          given_name: "Iestyn",
          family_name: "Bryncoch",
          upn: "K801234567002",
          admission_number: "002302",
          year_group: "Year 6",
          reg_group: "6BR",
          date_of_birth: "2014-11-19",
        },
        { given_name: "Catrin", preferred_name: "Cati", family_name: "Penrhos", upn: "K801234567001" },
      ]);

      // The report repeats the pupil's own names beside the carer's: the carer's are read.
      const contacts = await imported("contacts", "sims-contacts-report.csv");
      expect(contacts).toMatchObject({ created: 2, errors: [] });
      expect(await peopleOf("parent")).toMatchObject([
        {
          given_name: "Huw",
          family_name: "Bryncoch",
          email: "huw.bryncoch@home.test",
          phone: "07700 900302",
        },
        { given_name: "Gwenllian", family_name: "Penrhos", email: "gwenllian.penrhos@home.test" },
      ]);
      expect(await links()).toEqual([
        {
          carer: "Gwenllian Penrhos",
          pupil: "Catrin Penrhos",
          relationship: "Mother",
          priority: 1,
          parental_responsibility: true,
        },
        {
          carer: "Gwenllian Penrhos",
          pupil: "Iestyn Bryncoch",
          relationship: "Aunt",
          priority: 2,
          parental_responsibility: false,
        },
        {
          carer: "Huw Bryncoch",
          pupil: "Iestyn Bryncoch",
          relationship: "Father",
          priority: 1,
          parental_responsibility: true,
        },
      ]);
    });

    it("SIMS staff: a Role column of job titles is read as the job title", async () => {
      const report = await imported("staff", "sims-staff.csv");
      expect(report.mapping).toMatchObject({ jobTitle: "Role", staffCode: "Staff Code", email: "Email" });
      expect(report.mapping.role).toBeUndefined();
      expect(await peopleOf("staff")).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            given_name: "Gareth",
            preferred_name: "Gaz",
            staff_code: "GLL",
            job_title: "Site Manager",
            department: "Premises",
          }),
          expect.objectContaining({ given_name: "Tamsin", job_title: "Deputy Headteacher" }),
        ]),
      );
    });

    it("Arbor: pupils keyed by Arbor's id, then guardians linked by the student's UPN", async () => {
      await imported("pupils", "arbor-pupils.csv");
      expect(await peopleOf("pupil")).toMatchObject([
        {
          given_name: "Nia",
          family_name: "Glasfryn",
          mis_id: "ARB-5521",
          year_group: "Year 2",
          reg_group: "2 Willow",
        },
        { given_name: "Osian", preferred_name: "Ossie", mis_id: "ARB-5522", year_group: "Reception" },
      ]);
      await imported("contacts", "arbor-guardians.csv");
      expect(await peopleOf("parent")).toMatchObject([
        { given_name: "Eirlys", family_name: "Glasfryn", mis_id: "G-880", email: "eirlys.g@home.test" },
        { given_name: "Tomos", family_name: "Tirfach", mis_id: "G-881" },
      ]);
      expect((await links()).map((l) => [l.carer, l.pupil, l.relationship])).toEqual([
        ["Eirlys Glasfryn", "Nia Glasfryn", "Mother"],
        ["Tomos Tirfach", "Osian Tirfach", "Grandfather"],
      ]);
    });

    it("Bromcom: students with no UPN are known by admission number and Bromcom's id", async () => {
      await imported("pupils", "bromcom-students.csv");
      expect(await peopleOf("pupil")).toMatchObject([
        {
          given_name: "Rhodri",
          preferred_name: "Rhod",
          admission_number: "A0772",
          mis_id: "BR1002",
          reg_group: "10CC",
        },
        { given_name: "Elan", admission_number: "A0771", mis_id: "BR1001", year_group: "Year 9", upn: null },
      ]);
      // Known again next term: nothing new, nothing changed.
      expect(await imported("pupils", "bromcom-students.csv")).toMatchObject({ created: 0, unchanged: 2 });
    });

    it("ScholarPack: Pupil ID, Known As, Y1 and R year groups, Class", async () => {
      await imported("pupils", "scholarpack-pupils.csv");
      expect(await peopleOf("pupil")).toMatchObject([
        {
          given_name: "Jac",
          preferred_name: "Jacky",
          mis_id: "SP-78",
          year_group: "Reception",
          reg_group: "Robins",
        },
        { given_name: "Mali", mis_id: "SP-77", year_group: "Year 1", reg_group: "Kingfishers" },
      ]);
    });

    it("iSAMS: pupils by SchoolId with NCYear and Form; staff by UserCode", async () => {
      await imported("pupils", "isams-pupils.csv");
      expect(await peopleOf("pupil")).toMatchObject([
        {
          given_name: "Ffion",
          family_name: "Cwmdu",
          mis_id: "ISM-3341",
          year_group: "Year 8",
          reg_group: "8C",
          email: "ffion.cwmdu@pupils.castell.test",
        },
        { given_name: "Bryn", mis_id: "ISM-3342" },
      ]);
      await imported("staff", "isams-staff.csv");
      expect(await peopleOf("staff")).toContainEqual(
        expect.objectContaining({ given_name: "Heledd", staff_code: "HCW", job_title: "Head of Science" }),
      );
    });

    it("Wonde: students by mis_id, and contacts linked by student_mis_id", async () => {
      await imported("pupils", "wonde-students.csv");
      expect(await peopleOf("pupil")).toMatchObject([
        {
          given_name: "Dafydd",
          mis_id: "W-2202",
          upn: "P801234567002",
          year_group: "Year 4",
          reg_group: "4N",
        },
        { given_name: "Lowri", mis_id: "W-2201", year_group: "Year 3" },
      ]);
      await imported("contacts", "wonde-contacts.csv");
      expect(await peopleOf("parent")).toMatchObject([
        { given_name: "Emyr", family_name: "Nantlle", mis_id: "WC-91", phone: "07700 900412" },
        { given_name: "Angharad", family_name: "Trefor", mis_id: "WC-90" },
      ]);
      expect(await links()).toEqual([
        {
          carer: "Angharad Trefor",
          pupil: "Dafydd Nantlle",
          relationship: "Family Friend",
          priority: 3,
          parental_responsibility: false,
        },
        {
          carer: "Angharad Trefor",
          pupil: "Lowri Trefor",
          relationship: "Mother",
          priority: 1,
          parental_responsibility: true,
        },
        {
          carer: "Emyr Nantlle",
          pupil: "Dafydd Nantlle",
          relationship: "Father",
          priority: 1,
          parental_responsibility: true,
        },
      ]);
    });

    it("Groupcall Xporter: ExternalId, Upn, AdmissionNumber, LegalForename, YearGroup, RegGroup", async () => {
      await imported("pupils", "xporter-pupils.csv");
      expect(await peopleOf("pupil")).toMatchObject([
        {
          given_name: "Seren",
          family_name: "Aberdaron",
          mis_id: "XP-40001",
          upn: "Q801234567001",
          admission_number: "004411",
          year_group: "Year 5",
          reg_group: "5A",
          date_of_birth: "2016-09-09",
        },
      ]);
    });
  });

  describe("Microsoft School Data Sync", () => {
    it("v1: Student.csv and Teacher.csv, then user.csv with guardianrelationship.csv as two files", async () => {
      await imported("pupils", "sds-v1-student.csv");
      expect(await peopleOf("pupil")).toMatchObject([
        {
          given_name: "Gethin",
          mis_id: "S-6102",
          admission_number: "6102",
          year_group: "Year 7",
          email: "gethin.bontnewydd@pupils.ysgol.test",
        },
        { given_name: "Mabli", mis_id: "S-6101", email: "mabli.rhydwen@pupils.ysgol.test" },
      ]);
      await imported("staff", "sds-v1-teacher.csv");
      expect(await peopleOf("staff")).toContainEqual(
        expect.objectContaining({
          given_name: "Manon",
          staff_code: "501",
          mis_id: "T-501",
          email: "manon.caerau@ysgol.test",
        }),
      );

      // user.csv has no pupil column: the links come in guardianrelationship.csv.
      const alone = await upload("contacts", "sds-v1-user.csv", { query: "&dryRun=true" });
      expect(alone.statusCode).toBe(400);
      expect(alone.json().detail).toMatch(
        /No column for pupil UPN, pupil admission number or pupil's MIS id/,
      );

      const report = await imported("contacts", "sds-v1-user.csv", {
        relationships: "sds-v1-guardianrelationship.csv",
      });
      expect(report).toMatchObject({
        created: 2,
        leftOut: 0,
        errors: [],
        secondFileName: "sds-v1-guardianrelationship.csv",
      });
      expect(await peopleOf("parent")).toMatchObject([
        { given_name: "Alun", family_name: "Bontnewydd", email: "alun.bontnewydd@home.test", phone: null },
        { given_name: "Bethan", family_name: "Rhydwen", phone: "07700 900511" },
      ]);
      expect((await links()).map((l) => [l.carer, l.pupil, l.relationship])).toEqual([
        ["Alun Bontnewydd", "Gethin Bontnewydd", "Guardian"],
        ["Alun Bontnewydd", "Mabli Rhydwen", null],
        ["Bethan Rhydwen", "Mabli Rhydwen", "Parent"],
      ]);
    });

    it("the UK format: ID, School DfE Number, Student Number, Grade", async () => {
      const report = await imported("pupils", "sds-uk-student.csv");
      expect(report.mapping).toMatchObject({
        misId: "ID",
        admissionNumber: "Student Number",
        yearGroup: "Grade",
      });
      expect(await peopleOf("pupil")).toMatchObject([
        // A username that is not an email address is not kept as one.
        { given_name: "Twm", family_name: "Bethesda", mis_id: "U-7002", year_group: "Year 11", email: null },
        { given_name: "Efa", mis_id: "U-7001", admission_number: "7001", year_group: "Year 10" },
      ]);
    });

    it("v2.1: users.csv with roles.csv for pupils and staff, and with relationships.csv for carers", async () => {
      const pupils = await imported("pupils", "sds-v21-users.csv", { roles: "sds-v21-roles.csv" });
      // Idris is in no role (SDS carers have relationships only); Sioned is a teacher.
      expect(pupils).toMatchObject({ created: 2, leftOut: 2, errors: [] });
      expect(pupils.mapping.role).toBeUndefined();
      expect(await peopleOf("pupil")).toMatchObject([
        { given_name: "Carys", family_name: "Llyn", mis_id: "u-900", email: "carys.llyn@pupils.ysgol.test" },
        { given_name: "Morgan", family_name: "Llyn", mis_id: "u-903" },
      ]);
      const staff = await imported("staff", "sds-v21-users.csv", { roles: "sds-v21-roles.csv" });
      expect(staff).toMatchObject({ created: 1, leftOut: 3 });
      expect(await peopleOf("staff")).toContainEqual(
        expect.objectContaining({
          given_name: "Sioned",
          mis_id: "u-902",
          email: "sioned.harlech@ysgol.test",
        }),
      );

      const carers = await imported("contacts", "sds-v21-users.csv", {
        relationships: "sds-v21-relationships.csv",
      });
      expect(carers).toMatchObject({ created: 1, leftOut: 3, errors: [] });
      expect(await peopleOf("parent")).toMatchObject([
        { given_name: "Idris", mis_id: "u-901", email: "idris.llyn@home.test", phone: "07700900611" },
      ]);
      expect((await links()).map((l) => [l.carer, l.pupil, l.relationship])).toEqual([
        ["Idris Llyn", "Carys Llyn", "Parent"],
        ["Idris Llyn", "Morgan Llyn", "Parent"],
      ]);
    });

    it("a relationships row naming a carer who is not in the people file is a clear error, and nothing changes", async () => {
      await imported("pupils", "sds-v1-student.csv");
      const users = Buffer.from(
        "Email,First Name,Last Name,Phone,SIS ID\r\nbethan.rhydwen@home.test,Bethan,Rhydwen,,\r\n",
      );
      const res = await upload("contacts", "sds-v1-user.csv", {
        bytes: users,
        relationships: "sds-v1-guardianrelationship.csv",
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().report.errors).toEqual([
        {
          row: 3,
          message:
            "In the relationships file, row 3: no one with email alun.bontnewydd@home.test is in the people file",
        },
        {
          row: 4,
          message:
            "In the relationships file, row 4: no one with email alun.bontnewydd@home.test is in the people file",
        },
      ]);
      expect(await peopleOf("parent")).toEqual([]);
    });
  });

  describe("files that hold everyone, with a role column", () => {
    it("OneRoster users.csv: each import takes its own role, carers are linked by agentSourcedIds, a blank role is a row error", async () => {
      const refused = await upload("pupils", "oneroster-users.csv");
      expect(refused.statusCode).toBe(422);
      expect(refused.json().report.errors).toEqual([
        { row: 5, message: "Role is missing: say whether this is a pupil, staff or a parent/carer" },
      ]);
      expect(await peopleOf("pupil")).toEqual([]);

      const pupils = await imported("pupils", "oneroster-users.csv", { query: "&acceptErrors=true" });
      expect(pupils).toMatchObject({ created: 1, leftOut: 2 });
      expect(await peopleOf("pupil")).toMatchObject([
        { given_name: "Lleucu", family_name: "Ogwen", mis_id: "or-1", year_group: "Year 5" },
      ]);
      await imported("staff", "oneroster-users.csv", { query: "&acceptErrors=true" });
      expect((await peopleOf("staff")).map((p) => p.given_name)).toContain("Rhys");
      expect((await peopleOf("staff")).map((p) => p.given_name)).not.toContain("Lleucu");

      const carers = await imported("contacts", "oneroster-users.csv", { query: "&acceptErrors=true" });
      expect(carers).toMatchObject({ created: 1 });
      expect(await peopleOf("parent")).toMatchObject([
        { given_name: "Menna", family_name: "Ogwen", mis_id: "or-3", phone: "07700900711" },
      ]);
      expect((await links()).map((l) => [l.carer, l.pupil])).toEqual([["Menna Ogwen", "Lleucu Ogwen"]]);
    });

    it("an ID-management export (RM Unify style): UserType splits pupils from staff", async () => {
      const pupils = await imported("pupils", "idm-users.csv", { query: "&acceptErrors=true" });
      expect(pupils.errors).toEqual([
        { row: 5, message: "Role is missing: say whether this is a pupil, staff or a parent/carer" },
      ]);
      expect(await peopleOf("pupil")).toMatchObject([
        { given_name: "Gwion", mis_id: "RM-11", email: "gwion.talsarn@pupils.ysgol.test", reg_group: "8T" },
      ]);
      const staff = await imported("staff", "idm-users.csv", { query: "&acceptErrors=true" });
      expect(staff).toMatchObject({ created: 2, leftOut: 1 });
      expect((await peopleOf("staff")).map((p) => p.mis_id).sort()).toEqual(
        expect.arrayContaining(["RM-12", "RM-13"]),
      );
    });

    it("refuses a file in which nobody is of the chosen kind, rather than making everyone a leaver", async () => {
      const onlyPupils = Buffer.from(
        "sourcedId,role,givenName,familyName,username\r\nz-1,student,Non,Harri,non@pupils.ysgol.test\r\n",
      );
      const res = await upload("staff", "users.csv", { bytes: onlyPupils, query: "&dryRun=true" });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toMatch(/None of the 1 people in this file is staff/);
    });
  });

  describe("the Google Workspace bulk-upload template", () => {
    it("reads headings marked [Required] for staff and pupils", async () => {
      const staff = await imported("staff", "google-staff.csv");
      expect(staff.mapping).toMatchObject({
        givenName: "First Name [Required]",
        familyName: "Last Name [Required]",
        email: "Email Address [Required]",
        staffCode: "Employee ID",
        jobTitle: "Employee Title",
      });
      expect(await peopleOf("staff")).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            given_name: "Eleri",
            family_name: "Pontrhydfendigaid",
            email: "e.pontrhyd@ysgol.test",
            staff_code: "E-1001",
            job_title: "Class Teacher",
            department: "Foundation Phase",
            phone: "07700 900811",
          }),
        ]),
      );
      await imported("pupils", "google-pupils.csv");
      expect(await peopleOf("pupil")).toMatchObject([
        { given_name: "Anest", family_name: "Moelfre", email: "anest.moelfre@pupils.ysgol.test" },
        { given_name: "Hedd", family_name: "Rhosneigr", email: "hedd.rhosneigr@pupils.ysgol.test" },
      ]);
      // Matched by email next time.
      expect(await imported("pupils", "google-pupils.csv")).toMatchObject({ created: 0, unchanged: 2 });
    });
  });

  describe("a file still not recognised", () => {
    it("says what it found, takes a hand mapping, and remembers it for the next file of that shape", async () => {
      const own = Buffer.from("Carer,Family,Ref,Child Ref\r\nNerys,Moelwyn,C-1,K801234567001\r\n");
      await imported("pupils", "sims-pupils-report.csv");
      const first = await upload("contacts", "carers.csv", { bytes: own, query: "&dryRun=true" });
      expect(first.statusCode).toBe(400);
      expect(first.json().detail).toMatch(
        /Headings found: Carer, Family, Ref, Child Ref\. Map the columns by hand/,
      );
      const mapping = JSON.stringify({
        givenName: "Carer",
        familyName: "Family",
        misId: "Ref",
        pupilUpn: "Child Ref",
      });
      await imported("contacts", "carers.csv", { bytes: own, mapping });
      const next = Buffer.from(
        "Carer,Family,Ref,Child Ref\r\nNerys,Moelwyn,C-1,K801234567001\r\nPedr,Moelwyn,C-2,K801234567001\r\n",
      );
      const again = await imported("contacts", "carers.csv", { bytes: next, query: "&dryRun=true" });
      expect(again).toMatchObject({ mappingSource: "saved", created: 1, unchanged: 1, errors: [] });
    });
  });
});
