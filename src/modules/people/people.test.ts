import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { newSecret } from "../../kernel/secrets.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";

describe("the people directory", () => {
  let t: TestApp;
  let admin: Browser;
  let schoolId: string;
  const add = async (body: Record<string, unknown>) => {
    const res = await admin.post("/api/v1/people", body);
    expect(res.statusCode).toBe(201);
    return res.json();
  };

  // A new school for each case: the directory's lists and totals are about exactly the people it adds.
  beforeEach(async () => {
    t = await startTestApp();
    ({ admin, schoolId } = await setUpSchool(t.app));
  });
  afterEach(() => t.close());

  it("adds a person with kinds, contact details and a role, and shows them in the directory", async () => {
    const p = await add({
      givenName: "Rhiannon",
      familyName: "Carrow",
      kinds: ["staff", "governor"],
      email: "R.Carrow@Oakfield.test",
      jobTitle: "Deputy Headteacher",
      department: "Leadership",
      startDate: "2024-09-01",
      roles: ["dsl"],
    });
    expect(p).toMatchObject({
      name: "Rhiannon Carrow",
      email: "r.carrow@oakfield.test",
      roles: ["dsl"],
      status: "current",
      account: "none",
    });
    const list = (await admin.get("/api/v1/people?q=carrow")).json();
    expect(list.total).toBe(1);
    expect(list.people[0].id).toBe(p.id);
  });

  it("searches and filters by kind, role, year group and status", async () => {
    await add({ givenName: "Rhiannon", familyName: "Carrow", kinds: ["staff"], roles: ["dsl"] });
    const pupil = await add({
      givenName: "Tomos",
      familyName: "Hendre",
      kinds: ["pupil"],
      yearGroup: "Year 3",
      regGroup: "Rowan",
    });
    await add({
      givenName: "Lowri",
      familyName: "Hendre",
      kinds: ["pupil"],
      yearGroup: "Year 5",
      regGroup: "Oak",
    });
    const byKind = (await admin.get("/api/v1/people?kind=pupil")).json();
    expect(byKind.people.map((p: { name: string }) => p.name)).toEqual(["Lowri Hendre", "Tomos Hendre"]);
    expect(
      (await admin.get("/api/v1/people?kind=pupil&yearGroup=Year%203"))
        .json()
        .people.map((p: { id: string }) => p.id),
    ).toEqual([pupil.id]);
    expect((await admin.get("/api/v1/people?q=rowan")).json().total).toBe(1);
    expect((await admin.get("/api/v1/people?role=dsl")).json().people[0].name).toBe("Rhiannon Carrow");
    expect((await admin.get("/api/v1/people?role=headteacher")).json().people[0].name).toBe("Ada Okafor");
    const bad = await admin.get("/api/v1/people?kind=wizard");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("kind");
  });

  it("edits only what changed and audits the before and after", async () => {
    const p = await add({
      givenName: "Idris",
      familyName: "Penhallow",
      kinds: ["staff"],
      jobTitle: "Teaching Assistant",
    });
    const res = await admin.patch(`/api/v1/people/${p.id}`, {
      jobTitle: "Class Teacher",
      givenName: "Idris",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().jobTitle).toBe("Class Teacher");
    const [event] = (await admin.get(`/api/v1/audit?action=person.updated&limit=1`)).json().events;
    expect(event.summary).toEqual({ jobTitle: { from: "Teaching Assistant", to: "Class Teacher" } });
  });

  it("adds someone known by one name only, without a stray space in their name", async () => {
    const p = await add({ givenName: "Suharto", kinds: ["staff"], email: "suharto@oakfield.test" });
    expect(p).toMatchObject({ name: "Suharto", givenName: "Suharto", familyName: "" });
    const list = (await admin.get("/api/v1/people?q=suharto")).json();
    expect(list.people.map((x: { name: string }) => x.name)).toEqual(["Suharto"]);
  });

  it("rejects bad input with the failing fields and changes nothing", async () => {
    const before = (await admin.get("/api/v1/people?status=all")).json().total;
    const res = await admin.post("/api/v1/people", {
      givenName: " ",
      familyName: "X",
      kinds: [],
      email: "nope",
      startDate: "2026-02-30",
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["email", "givenName", "kinds", "startDate"]);
    expect((await admin.get("/api/v1/people?status=all")).json().total).toBe(before);
  });

  it("records a line manager who is current staff of the school, and refuses anyone else", async () => {
    const manager = await add({ givenName: "Mari", familyName: "Prys", kinds: ["staff"] });
    const teacher = await add({ givenName: "Osian", familyName: "Lloyd", kinds: ["staff"] });
    const pupil = await add({ givenName: "Cai", familyName: "Lloyd", kinds: ["pupil"] });
    const refused = async (lineManagerId: string, message: RegExp) => {
      const res = await admin.patch(`/api/v1/people/${teacher.id}`, { lineManagerId });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        { field: "lineManagerId", message: expect.stringMatching(message) },
      ]);
    };
    await refused(teacher.id, /own line manager/);
    await refused(pupil.id, /member of staff/);
    await refused("00000000-0000-4000-8000-000000000000", /not in this school/);
    expect((await admin.get(`/api/v1/people/${teacher.id}`)).json().lineManager).toBeNull();

    const res = await admin.patch(`/api/v1/people/${teacher.id}`, { lineManagerId: manager.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      lineManagerId: manager.id,
      lineManager: { id: manager.id, name: "Mari Prys" },
    });
    // Once she has left she cannot be chosen for someone new.
    await admin.post(`/api/v1/people/${manager.id}/leaver`, { leaveDate: "2020-01-01" });
    const other = await admin.post("/api/v1/people", {
      givenName: "Ffion",
      kinds: ["staff"],
      lineManagerId: manager.id,
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].message).toMatch(/has left/);
    // Clearing it is always allowed.
    expect(
      (await admin.patch(`/api/v1/people/${teacher.id}`, { lineManagerId: null })).json().lineManager,
    ).toBeNull();
  });

  it("marks a leaver without deleting them; they move to the leavers list", async () => {
    const p = await add({ givenName: "Seren", familyName: "Vossley", kinds: ["staff"] });
    const left = await admin.post(`/api/v1/people/${p.id}/leaver`, { leaveDate: "2025-07-18" });
    expect(left.json()).toMatchObject({ status: "left", leaveDate: "2025-07-18" });
    expect((await admin.get("/api/v1/people?q=vossley")).json().total).toBe(0);
    expect((await admin.get("/api/v1/people?q=vossley&status=leavers")).json().total).toBe(1);
    expect((await admin.get(`/api/v1/people/${p.id}`)).statusCode).toBe(200);
    const future = await admin.post(`/api/v1/people/${p.id}/leaver`, { leaveDate: "2099-08-31" });
    expect(future.json().status).toBe("leaving");
  });

  it("assigns designated roles, which change what the person may do", async () => {
    const p = await add({ givenName: "Huw", familyName: "Dolwen", kinds: ["staff"] });
    const res = await admin.put(`/api/v1/people/${p.id}/roles`, { roles: ["slt", "line_manager"] });
    expect(res.json().roles).toEqual(["line_manager", "slt"]);
    const [event] = (await admin.get("/api/v1/audit?action=person.roles_changed&limit=1")).json().events;
    expect(event.summary).toMatchObject({ from: [], to: ["line_manager", "slt"] });
    expect((await admin.put(`/api/v1/people/${p.id}/roles`, { roles: ["wizard"] })).statusCode).toBe(400);
  });

  it("shows a pupil's parents/carers and a parent's children", async () => {
    const pupil = await add({
      givenName: "Cai",
      familyName: "Nantgarw",
      kinds: ["pupil"],
      yearGroup: "Year 1",
    });
    const parent = await add({
      givenName: "Mali",
      familyName: "Nantgarw",
      kinds: ["parent"],
      email: "mali@home.test",
    });
    await t.database.db.execute(
      sql`INSERT INTO pupil_contacts (school_id, pupil_id, contact_id, relationship, priority) VALUES (${schoolId}, ${pupil.id}, ${parent.id}, 'Mother', 1)`,
    );
    expect((await admin.get(`/api/v1/people/${pupil.id}`)).json().contacts).toEqual([
      { id: parent.id, name: "Mali Nantgarw", relationship: "Mother", priority: 1 },
    ]);
    expect((await admin.get(`/api/v1/people/${parent.id}`)).json().pupils).toEqual([
      { id: pupil.id, name: "Cai Nantgarw", relationship: "Mother" },
    ]);
  });

  it("keeps each school's people to itself", async () => {
    // A second school in the same installation (as in a trust), with its own admin.
    const other = await queryRows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO schools (name) VALUES ('Brackwell Academy') RETURNING id`,
    );
    const otherId = other[0].id;
    const head = await queryRows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO people (school_id, given_name, family_name, kinds) VALUES (${otherId}, 'Other', 'Head', ARRAY['staff']) RETURNING id`,
    );
    await t.database.db.execute(
      sql`INSERT INTO role_assignments (school_id, person_id, role) VALUES (${otherId}, ${head[0].id}, 'school_admin')`,
    );
    const { secret, hash } = newSecret();
    await t.database.db.execute(
      sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${otherId}, ${head[0].id})`,
    );
    const cookie = `accord_session=${secret}`;
    await add({ givenName: "Rhiannon", familyName: "Carrow", kinds: ["staff"] });
    const list = await t.app.inject({ url: "/api/v1/people?status=all", headers: { cookie } });
    expect(list.json().people.map((p: { name: string }) => p.name)).toEqual(["Other Head"]);
    const mine = (await admin.get("/api/v1/people?q=carrow")).json().people[0];
    const peek = await t.app.inject({ url: `/api/v1/people/${mine.id}`, headers: { cookie } });
    expect(peek.statusCode).toBe(404);
    const edit = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/people/${mine.id}`,
      headers: { cookie, origin: "http://localhost:3000" },
      payload: { jobTitle: "Hacked" },
    });
    expect(edit.statusCode).toBe(404);
  });

  it("does not show the directory to staff without a leadership role", async () => {
    const p = await add({ givenName: "Plain", familyName: "Staff", kinds: ["staff"] });
    const { secret, hash } = newSecret();
    await t.database.db.execute(
      sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${schoolId}, ${p.id})`,
    );
    const res = await t.app.inject({
      url: "/api/v1/people",
      headers: { cookie: `accord_session=${secret}` },
    });
    expect(res.statusCode).toBe(403);
    const me = await t.app.inject({ url: "/api/v1/me", headers: { cookie: `accord_session=${secret}` } });
    expect(me.json().permissions).not.toContain("people.read");
  });
});
