import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { ADMIN, Browser, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson, staffAgreement } from "../../testing/factories.js";

/**
 * One installation serving a trust (issue 20 part 5): setup makes the trust with its first school,
 * the trust admin adds a second; trust roles see both schools' figures side by side (the figures
 * each school's own dashboard shows) and drill into one; a school's roles see one school only.
 */
describe("a trust of two schools", () => {
  let t: TestApp;
  let trustAdmin: Browser;
  let schoolA: string;
  let schoolB: string;
  let headB: Browser;

  const schoolCount = async () =>
    (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM schools`))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    const setup = await t.app.inject({
      method: "POST",
      url: "/api/v1/setup",
      payload: {
        trust: { name: "Ymddiriedolaeth Dysgu'r Fro" },
        school: { name: "Ysgol Gynradd Tŷ Coch" },
        admin: ADMIN,
      },
    });
    expect(setup.statusCode, setup.body).toBe(201);
    schoolA = setup.json().school.id;
    trustAdmin = await new Browser(t.app).signIn(ADMIN.email, ADMIN.password);
  });
  afterAll(() => t.close());

  it("makes the first admin the trust's admin, who must use two-step sign-in", async () => {
    const me = (await trustAdmin.get("/api/v1/me")).json();
    expect(me.trust).toMatchObject({ name: "Ymddiriedolaeth Dysgu'r Fro", roles: ["trust_admin"] });
    expect(me.mfa.required).toBe(true);
  });

  it("lets the trust admin add a school, whose headteacher is invited by email", async () => {
    const before = await schoolCount();
    const bad = await trustAdmin.post("/api/v1/trust/schools", {
      name: "",
      admin: { name: "", email: "nope" },
    });
    expect(bad.statusCode).toBe(400);
    const taken = await trustAdmin.post("/api/v1/trust/schools", {
      name: "Oakfield Primary",
      admin: { name: "Someone Else", email: ADMIN.email },
    });
    expect(taken.statusCode).toBe(409);
    expect(await schoolCount()).toBe(before);

    const added = await trustAdmin.post("/api/v1/trust/schools", {
      name: "Oakfield Primary",
      country: "england",
      admin: { name: "Ben Jones", email: "ben.jones@oakfield.test" },
    });
    expect(added.statusCode, added.body).toBe(201);
    schoolB = added.json().school.id;
    expect(await schoolCount()).toBe(before + 1);
    // The invitation is in the new school's outbox; Ben follows it and signs in.
    const [mail] = await queryRows<{ body_text: string; school_id: string }>(
      t.database.db,
      sql`SELECT body_text, school_id FROM mail_outbox WHERE to_address = 'ben.jones@oakfield.test'`,
    );
    expect(mail.school_id).toBe(schoolB);
    const token = /\/invite\/([\w-]+)/.exec(mail.body_text)![1];
    const password = "orchard-lantern-pebble-93";
    expect(
      (await new Browser(t.app).post(`/api/v1/invitations/${token}/accept`, { password })).statusCode,
    ).toBe(204);
    headB = await new Browser(t.app).signIn("ben.jones@oakfield.test", password);
    const me = (await headB.get("/api/v1/me")).json();
    expect(me).toMatchObject({
      school: { id: schoolB, name: "Oakfield Primary" },
      roles: ["headteacher", "school_admin"],
    });
    expect(me.trust).toMatchObject({ name: "Ymddiriedolaeth Dysgu'r Fro", roles: [] });
    // A school's headteacher does not add schools to the trust.
    const refused = await headB.post("/api/v1/trust/schools", {
      name: "Another",
      admin: { name: "A B", email: "ab@oakfield.test" },
    });
    expect(refused.statusCode).toBe(403);
  });

  it("shows a trust role both schools with each one's own dashboard figures, and a school role neither", async () => {
    // School A: a staff agreement, one of two staff signed. School B: two incidents this term.
    const { agreementId, textSha256 } = await staffAgreement(trustAdmin);
    const signer = await signedInPerson(t, trustAdmin, schoolA, { givenName: "Heledd" });
    await signedInPerson(t, trustAdmin, schoolA, { givenName: "Iolo" });
    await trustAdmin.post(`/api/v1/agreements/${agreementId}/assignments`, {
      kinds: ["staff"],
      dueDate: "2027-07-01",
    });
    const signed = await signer.browser.post(`/api/v1/agreements/${agreementId}/signatures`, {
      fullName: "Heledd Staffroom",
      jobTitle: "Teacher",
      choices: { photo: "agree" },
      textSha256,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    for (const summary of ["Unkind messages in a class chat", "A pupil shared a password"])
      expect(
        (
          await headB.post("/api/v1/incidents", {
            category: "cyberbullying",
            occurredAt: new Date().toISOString(),
            summary,
          })
        ).statusCode,
      ).toBe(201);

    const res = await trustAdmin.get("/api/v1/trust/schools");
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.schools.map((s: { name: string }) => s.name)).toEqual([
      "Oakfield Primary",
      "Ysgol Gynradd Tŷ Coch",
    ]);
    const [rowB, rowA] = view.schools;

    // The same figures each school's own leaders see on their dashboard.
    const ownA = (await trustAdmin.get("/api/v1/reports/dashboard")).json();
    const ownB = (await headB.get("/api/v1/reports/dashboard")).json();
    const sum = (rows: { required: number; done: number }[]) =>
      rows.reduce((a, r) => ({ required: a.required + r.required, done: a.done + r.done }), {
        required: 0,
        done: 0,
      });
    expect(rowA.agreements).toMatchObject(sum(ownA.agreementsByKind));
    expect(rowA.agreements.done).toBeGreaterThanOrEqual(1);
    expect(rowB.agreements).toMatchObject(sum(ownB.agreementsByKind));
    const termB = ownB.terms[ownB.terms.length - 1].name;
    const incidentsB = ownB.incidents
      .filter((r: { term: string }) => r.term === termB)
      .reduce((n: number, r: { count: number }) => n + r.count, 0);
    expect(incidentsB).toBe(2);
    expect(rowB.incidentsThisTerm).toBe(2);
    expect(rowA.incidentsThisTerm).toBe(0);
    // Counts only: nobody of either school is named.
    for (const name of ["Heledd", "Iolo", "Ben Jones", "Ada Okafor", "Unkind messages"])
      expect(res.body).not.toContain(name);

    // Drilling into a school: its dashboard, exactly as its own leaders read it.
    const drill = await trustAdmin.get(`/api/v1/trust/schools/${schoolB}`);
    expect(drill.statusCode).toBe(200);
    expect(drill.json()).toEqual({ school: { id: schoolB, name: "Oakfield Primary" }, dashboard: ownB });

    // A school role, even the headteacher, sees no trust figures.
    expect((await headB.get("/api/v1/trust/schools")).statusCode).toBe(403);
    expect((await headB.get(`/api/v1/trust/schools/${schoolA}`)).statusCode).toBe(403);
  });

  it("never shows a trust role another trust's school, nor any school's records", async () => {
    const [other] = await queryRows<{ id: string }>(
      t.database.db,
      sql`WITH tr AS (INSERT INTO trusts (name) VALUES ('Another Trust') RETURNING id)
          INSERT INTO schools (name, trust_id) SELECT 'Elsewhere Academy', id FROM tr RETURNING id`,
    );
    expect((await trustAdmin.get(`/api/v1/trust/schools/${other.id}`)).statusCode).toBe(404);
    expect((await trustAdmin.get("/api/v1/trust/schools")).body).not.toContain("Elsewhere Academy");
    // The trust admin's own school's directory: not a person of the other school of the trust.
    const people = await trustAdmin.get("/api/v1/people?status=all");
    expect(people.statusCode).toBe(200);
    expect(people.body).not.toContain("Ben");
    const incidents = await trustAdmin.get("/api/v1/incidents?status=all");
    expect(incidents.body).not.toContain("Unkind messages");
  });
});
