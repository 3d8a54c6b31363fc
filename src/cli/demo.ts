import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.js";
import { people, pupilContacts, roleAssignments, schools } from "../db/schema.js";
import type { Config } from "../kernel/config.js";
import { fullName } from "../kernel/names.js";
import type { Actor, Kind, Role } from "../modules/access/roles.js";
import { recordEvent } from "../modules/audit/service.js";
import { createCredentials } from "../modules/auth/service.js";
import { seedCourses } from "../modules/training/service.js";
import { DEMO_APPROVER, fillDemoPolicies } from "./demo-policies.js";

export { DEMO_APPROVER };

/**
 * A fictional school for demonstrations and trying Accord out. Every name is made up by pairing
 * common first names with invented surnames; none is a real person.
 */
export const DEMO_LOGIN = { email: "head@demo.accord.test", password: "demo-school-password-2026" };

const FIRST =
  `Amira Ben Cara Dafydd Elin Farah Gethin Hana Idris Jasmine Kai Lowri Milo Nia Osian Priya Quinn Rhys Seren Tomos
Uma Vikram Wren Xander Yasmin Zac Aled Bethan Cai Deri Efa Ffion Gwen Harri Ianto Jac Kayla Leo Mali Noah Olivia Pip Rosa
Sami Tegan Ulla Vera Wil Yusuf Zara Alys Bryn Celyn Dylan Eira Finn Greta Huw Isla Jude Kit`.split(/\s+/);
const FAMILY =
  `Ashcombe Brackwell Carrow Dunmere Eastleigh Fennimore Garside Hollins Ivesdale Jarrow Kestle Larkworth Merriot
Nethercott Oakhurst Penhallow Quarrie Rendell Stanbury Thistlewood Underhill Vossley Wetherby Yardley Zennor Abernant
Blaenwaun Cilgerran Dolwen Eglwysfach Frongoch Glanrhyd Hendre Llwynderw Maesteg Nantgarw Penrhos Rhydlewis Tregaron`.split(
    /\s+/,
  );
const DEPARTMENTS = ["Early Years", "Key Stage 1", "Key Stage 2", "Inclusion", "Office", "Site", "Catering"];
const TEACHER_TITLES = ["Class Teacher", "Teaching Assistant", "Higher Level Teaching Assistant"];
const YEARS = ["Reception", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Year 6"];
const CLASS_NAMES = [
  "Ash",
  "Birch",
  "Cedar",
  "Damson",
  "Elm",
  "Fir",
  "Hazel",
  "Juniper",
  "Larch",
  "Maple",
  "Oak",
  "Rowan",
  "Willow",
  "Yew",
];

/** Deterministic pseudo-random numbers (mulberry32) so every demo school is the same. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type NewPerson = typeof people.$inferInsert;

/**
 * The demo school: its people (one transaction), then its policies, agreements and signatures,
 * made through the API as the headteacher and the chair of governors would make them.
 */
export async function fillDemoSchool(database: Database, config: Config) {
  const made = await fillDemoPeople(database);
  const counts = await fillDemoPolicies(database, config, made);
  return `${made.summary}
Policies: ${counts.policies} published (one more version awaits the chair of governors' approval); ${counts.agreements} agreements (staff, parents, pupils), ${counts.signatures} signatures so far; photo consent asked of every family, ${counts.consentAnswers} answers given, one child's images restricted by the DSL.

Sign in (every password: ${DEMO_LOGIN.password}):
  ${DEMO_LOGIN.email}   headteacher and admin: the school at a glance, compliance, publishing
  ${DEMO_APPROVER.email}  chair of governors: approves policy versions`;
}

async function fillDemoPeople(database: Database) {
  const db = database.db;
  const rand = random(20260901);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const used = new Set<string>();
  const name = () => {
    for (;;) {
      const n = { givenName: pick(FIRST), familyName: pick(FAMILY) };
      const key = fullName({ givenName: n.givenName, familyName: n.familyName });
      if (!used.has(key)) {
        used.add(key);
        return n;
      }
    }
  };
  const email = (n: { givenName: string; familyName: string }, domain: string) =>
    `${n.givenName}.${n.familyName}@${domain}`.toLowerCase();

  return db.transaction(async (tx) => {
    const [{ n }] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM schools`);
    if (n > 0)
      throw new Error("This data directory already has a school. Use a new ACCORD_DATA_DIR for the demo.");
    const [school] = await tx
      .insert(schools)
      .values({ name: "Nantbrook Community Primary School" })
      .returning();
    await seedCourses(tx, school.id);
    const actor: Actor = {
      schoolId: school.id,
      personId: null,
      name: "Demo loader",
      roles: [],
      kinds: [],
      ip: null,
      via: "system",
    };
    const base = { schoolId: school.id, startDate: "2019-09-01" };
    const rows: NewPerson[] = [];
    const roles: { index: number; role: Role }[] = [];

    const staff = (kinds: Kind[], jobTitle: string, department: string, ...held: Role[]) => {
      const n = name();
      for (const role of held) roles.push({ index: rows.length, role });
      rows.push({
        ...base,
        ...n,
        kinds,
        jobTitle,
        department,
        email: email(n, "nantbrook.sch.test"),
        staffCode: `S${rows.length + 100}`,
      });
    };
    staff(["staff"], "Headteacher", "Leadership", "headteacher", "slt");
    staff(["staff"], "Deputy Headteacher", "Leadership", "dsl", "slt", "line_manager");
    staff(["staff"], "Assistant Headteacher (Inclusion)", "Inclusion", "deputy_dsl", "slt");
    staff(["staff"], "Computing Lead", "Key Stage 2", "computing_lead", "online_safety_lead");
    staff(["staff"], "School Business Manager", "Office", "school_admin", "dpo");
    staff(["staff"], "IT Technician", "Site", "network_manager");
    staff(["staff"], "Office Administrator", "Office", "school_admin");
    while (rows.length < 60) staff(["staff"], pick(TEACHER_TITLES), pick(DEPARTMENTS));
    const governorsFrom = rows.length;
    for (let i = 0; i < 8; i++) {
      const n = name();
      if (i === 0) roles.push({ index: rows.length, role: "chair_of_governors" });
      rows.push({
        ...base,
        ...n,
        kinds: ["governor"],
        jobTitle: i === 0 ? "Chair of Governors" : "Governor",
        email: email(n, "governors.test"),
      });
    }
    for (let i = 0; i < 4; i++) {
      const n = name();
      rows.push({
        ...base,
        ...n,
        kinds: ["volunteer"],
        jobTitle: "Reading volunteer",
        email: email(n, "volunteers.test"),
      });
    }
    for (let i = 0; i < 3; i++) {
      const n = name();
      rows.push({
        ...base,
        startDate: "2026-09-08",
        ...n,
        kinds: ["student_teacher"],
        jobTitle: "Student teacher",
        email: email(n, "university.test"),
      });
    }
    const pupilsFrom = rows.length;
    for (let i = 0; i < 400; i++) {
      const year = Math.min(6, Math.floor(i / 58));
      const n = name();
      const birthYear = 2021 - year;
      rows.push({
        ...base,
        ...n,
        kinds: ["pupil"],
        yearGroup: YEARS[year],
        regGroup: CLASS_NAMES[year * 2 + (i % 2)],
        dateOfBirth: `${birthYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`,
        upn: `N8230${String(10000000 + i).slice(1)}`,
        admissionNumber: String(4000 + i),
      });
    }
    // Parents/carers: one or two per family; about one pupil in six has a brother or sister here.
    const links: { pupil: number; contact: number; relationship: string; priority: number }[] = [];
    let lastFamily: number[] = [];
    for (let p = pupilsFrom; p < rows.length && p < pupilsFrom + 400; p++) {
      if (lastFamily.length > 0 && rand() < 0.16) {
        for (const [k, c] of lastFamily.entries())
          links.push({ pupil: p, contact: c, relationship: k === 0 ? "Mother" : "Father", priority: k + 1 });
        lastFamily = [];
        continue;
      }
      const family = rows[p].familyName;
      const carers = rand() < 0.7 ? 2 : 1;
      lastFamily = [];
      for (let k = 0; k < carers; k++) {
        const n = { givenName: pick(FIRST), familyName: family };
        lastFamily.push(rows.length);
        rows.push({
          ...base,
          ...n,
          kinds: ["parent"],
          email: email({ ...n, givenName: `${n.givenName}${rows.length}` }, "home.test"),
          misId: `C${rows.length}`,
        });
        links.push({
          pupil: p,
          contact: rows.length - 1,
          relationship: k === 0 ? "Mother" : "Father",
          priority: k + 1,
        });
      }
    }

    const inserted: { id: string }[] = [];
    for (let i = 0; i < rows.length; i += 500)
      inserted.push(
        ...(await tx
          .insert(people)
          .values(rows.slice(i, i + 500))
          .returning({ id: people.id })),
      );
    await tx
      .insert(roleAssignments)
      .values(roles.map((r) => ({ schoolId: school.id, personId: inserted[r.index].id, role: r.role })));
    for (let i = 0; i < links.length; i += 500)
      await tx.insert(pupilContacts).values(
        links.slice(i, i + 500).map((l) => ({
          schoolId: school.id,
          pupilId: inserted[l.pupil].id,
          contactId: inserted[l.contact].id,
          relationship: l.relationship,
          priority: l.priority,
          parentalResponsibility: true,
        })),
      );
    // The headteacher and the chair of governors (the school's two approvers) get known demo
    // passwords, so the demo can be explored, and a policy approved and published, at once.
    const chairId = inserted[governorsFrom].id;
    for (const [id, login] of [
      [inserted[0].id, DEMO_LOGIN],
      [chairId, DEMO_APPROVER],
    ] as const) {
      await tx.execute(sql`UPDATE people SET email = ${login.email} WHERE id = ${id}`);
      await createCredentials(tx, school.id, id, login.email, login.password);
    }
    const counts = {
      staff: governorsFrom,
      governors: 8,
      volunteers: 4,
      studentTeachers: 3,
      pupils: 400,
      parents: rows.length - pupilsFrom - 400,
    };
    await recordEvent(tx, actor, {
      action: "school.demo_loaded",
      entityType: "school",
      entityId: school.id,
      summary: counts,
    });
    return {
      headId: inserted[0].id,
      chairId,
      summary: `Demo school "${school.name}" created: ${counts.staff} staff, ${counts.governors} governors, ${counts.volunteers} volunteers, ${counts.studentTeachers} student teachers, ${counts.pupils} pupils, ${counts.parents} parents/carers.`,
    };
  });
}
