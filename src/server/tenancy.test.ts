import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/client.js";
import { newSecret } from "../kernel/secrets.js";
import { ROLES, TRUST_ROLES } from "../modules/access/roles.js";
import { ORIGIN, setUpSchool, startTestApp, type TestApp } from "../testing/app.js";
import { staffAgreement } from "../testing/factories.js";

/**
 * Another school's ids never work. Every route the app registers that takes a record id (so a new
 * route is walked without being listed here) is called by every role of a second school on the
 * same installation, with the ids of this school's real records: never a success. The same calls by
 * this school's own headteacher show the ids are real ones.
 */
describe("tenancy: every route × every role × another school's ids", () => {
  let t: TestApp;
  let ownHead: string;
  /** This school's records, by the address segment that names their kind. */
  const ids: Record<string, string> = {};
  const otherSchool: { label: string; cookie: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const { admin, adminId } = await setUpSchool(t.app);
    ownHead = admin.cookie!;
    const { agreementId, policyId } = await staffAgreement(admin);
    const policy = (await admin.get(`/api/v1/policies/${policyId}`)).json();
    const pupil = (
      await admin.post("/api/v1/people", {
        givenName: "Gwen",
        familyName: "Morgan",
        kinds: ["pupil"],
        yearGroup: "Year 3",
      })
    ).json();
    const incident = (
      await admin.post("/api/v1/incidents", {
        category: "cyberbullying",
        occurredAt: "2026-11-30T09:00:00Z",
        summary: "Unkind messages in a class chat",
        involvedPersonIds: [pupil.id],
      })
    ).json();
    const device = (await admin.post("/api/v1/devices", { assetTag: "LAP-001", type: "laptop" })).json();
    const review = (
      await admin.post("/api/v1/filtering-reviews", {
        reviewedOn: "2026-11-02",
        trigger: "annual",
        participants: [adminId],
        findings: "Filtering blocks what it should.",
      })
    ).json();
    Object.assign(ids, {
      policies: policyId,
      versions: policy.versions[0].id,
      agreements: agreementId,
      people: adminId,
      pupils: pupil.id,
      chronology: pupil.id,
      incidents: incident.id,
      devices: device.id,
      "filtering-reviews": review.id,
    });
    // A second school of the same trust, with a person holding each school role and each trust
    // role: "a person of another school of the same trust" (issue 20) sees none of this school's records.
    const [trust] = await queryRows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO trusts (name) VALUES ('Ymddiriedolaeth y Fro') RETURNING id`,
    );
    const [other] = await queryRows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO schools (name, trust_id) VALUES ('Ysgol Arall', ${trust.id}) RETURNING id`,
    );
    await t.database.db.execute(sql`UPDATE schools SET trust_id = ${trust.id} WHERE id <> ${other.id}`);
    for (const [label, roles, trustRoles] of [
      ["staff", [], []] as [string, string[], string[]],
      ...ROLES.map((r) => [r, [r], []] as [string, string[], string[]]),
      ...TRUST_ROLES.map((r) => [r, [], [r]] as [string, string[], string[]]),
    ]) {
      const [person] = await queryRows<{ id: string }>(
        t.database.db,
        sql`INSERT INTO people (school_id, given_name, family_name, kinds) VALUES (${other.id}, 'Arall', ${label}, ARRAY['staff']) RETURNING id`,
      );
      for (const role of roles)
        await t.database.db.execute(
          sql`INSERT INTO role_assignments (school_id, person_id, role) VALUES (${other.id}, ${person.id}, ${role})`,
        );
      for (const role of trustRoles)
        await t.database.db.execute(
          sql`INSERT INTO trust_roles (trust_id, school_id, person_id, role) VALUES (${trust.id}, ${other.id}, ${person.id}, ${role})`,
        );
      const { secret, hash } = newSecret();
      await t.database.db.execute(
        sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${other.id}, ${person.id})`,
      );
      otherSchool.push({ label, cookie: `accord_session=${secret}` });
    }
  });
  afterAll(() => t.close());

  /** A route's address with this school's ids in it: each id param takes the record its segment names. */
  const withOwnIds = (url: string) =>
    url.replace(/([\w-]+)\/:(\w+)/g, (_, segment: string, param: string) => {
      if (!/id$|^[ab]$/i.test(param)) return `${segment}/:${param}`;
      return `${segment}/${ids[segment] ?? ids.people}`;
    });

  const routesWithIds = () =>
    t.app.accordRoutes.filter(
      (r) => /\/:(\w*[iI]d|a|b)\b/.test(r.url) && !r.url.includes("/:token") && !r.url.includes("/:key"),
    );

  const call = (method: string, url: string, cookie: string) =>
    t.app.inject({
      method: method as "GET",
      url,
      headers: { origin: ORIGIN, cookie },
      payload: method === "GET" || method === "DELETE" ? undefined : {},
    });

  it("walks the routes that take a record id", () => {
    expect(routesWithIds().length).toBeGreaterThan(60);
  });

  it("reads this school's records for its own headteacher, and never for anyone in another school", async () => {
    const leaks: string[] = [];
    let ownReads = 0;
    // Writes last: a DELETE that worked for the own school would leave later calls nothing to find.
    const routes = [...routesWithIds()].sort(
      (a, b) => Number(a.method !== "GET") - Number(b.method !== "GET"),
    );
    for (const route of routes) {
      const url = withOwnIds(route.url);
      if (url.includes("/:")) continue; // a second, non-id parameter (a key): nothing of ours to aim at
      for (const who of otherSchool) {
        const res = await call(route.method, url, who.cookie);
        if (res.statusCode < 300)
          leaks.push(
            `${route.method} ${url} as another school's ${who.label}: ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
      }
      if (route.method === "GET" && (await call("GET", url, ownHead)).statusCode === 200) ownReads++;
    }
    expect(leaks).toEqual([]);
    // The ids are real: the school's own headteacher reads through many of the same addresses.
    expect(ownReads).toBeGreaterThanOrEqual(12);
  }, 600_000);

  it("lists none of this school's records to another school", async () => {
    for (const label of ["headteacher", "trust_ceo", "trust_dsl"]) {
      const head = otherSchool.find((w) => w.label === label)!;
      for (const list of [
        "/api/v1/people?status=all",
        "/api/v1/policies",
        "/api/v1/incidents?status=all",
        "/api/v1/devices",
      ]) {
        const res = await call("GET", list, head.cookie);
        // A trust role with no role in its own school may not read these lists at all.
        if (label === "headteacher") expect(res.statusCode).toBe(200);
        else expect([200, 403]).toContain(res.statusCode);
        for (const id of Object.values(ids)) expect(res.body).not.toContain(id);
      }
    }
    // The trust's figures of this school are counts: none of its records' ids.
    const trustView = await call(
      "GET",
      "/api/v1/trust/schools",
      otherSchool.find((w) => w.label === "trust_dsl")!.cookie,
    );
    expect(trustView.statusCode).toBe(200);
    for (const [kind, id] of Object.entries(ids))
      if (kind !== "people") expect(trustView.body).not.toContain(id);
  });
});
