import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { newSecret } from "../auth/tokens.js";
import { ACTIONS, type Action, can, MATRIX } from "./matrix.js";
import { ROLES } from "./roles.js";

/**
 * Walks every registered API route for every role, anonymous included. A route added without an
 * action cannot register at all; a route whose answer disagrees with the matrix fails here.
 */
describe("authorization: every route × every role", () => {
  let t: TestApp;
  let schoolId: string;
  const identities: { label: string; roles: string[]; cookie: string | null }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    ({ schoolId } = await setUpSchool(t.app));
    identities.push({ label: "anonymous", roles: [], cookie: null });
    const holders: [string, string[]][] = [
      ["member of staff with no role", []],
      ...ROLES.map((r) => [r, [r]] as [string, string[]]),
    ];
    for (const [label, roles] of holders) {
      // Sessions are made directly: this test is about the gate, not about signing in.
      const person = await queryRows<{ id: string }>(
        t.database.db,
        sql`INSERT INTO people (school_id, given_name, family_name, kinds) VALUES (${schoolId}, 'Role', ${label}, ARRAY['staff']) RETURNING id`,
      );
      const personId = person[0].id;
      for (const role of roles)
        await t.database.db.execute(
          sql`INSERT INTO role_assignments (school_id, person_id, role) VALUES (${schoolId}, ${personId}, ${role})`,
        );
      const { secret, hash } = newSecret();
      await t.database.db.execute(
        sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${schoolId}, ${personId})`,
      );
      identities.push({ label, roles, cookie: `accord_session=${secret}` });
    }
  });
  afterAll(() => t.close());

  it("registers API routes, each with an action the matrix knows", () => {
    expect(t.app.accordRoutes.length).toBeGreaterThan(15);
    for (const r of t.app.accordRoutes) expect(ACTIONS).toContain(r.action);
  });

  it("answers every route as the matrix says for every role", async () => {
    const uuid = "00000000-0000-4000-8000-000000000000";
    const mismatches: string[] = [];
    // Signing out ends the session the walk uses, so it goes last.
    const routes = [...t.app.accordRoutes].sort(
      (a, b) => Number(a.action === "auth.logout") - Number(b.action === "auth.logout"),
    );
    for (const route of routes) {
      const url = route.url.replace(/:id|:versionId|:token/g, (p) =>
        p === ":token" ? "x".repeat(43) : uuid,
      );
      for (const who of identities) {
        const res = await t.app.inject({
          method: route.method as "GET",
          url,
          headers: { origin: "http://localhost:3000", ...(who.cookie ? { cookie: who.cookie } : {}) },
          payload: route.method === "GET" || route.method === "DELETE" ? undefined : {},
        });
        const allowed = can(who.cookie ? { roles: who.roles as never } : null, route.action as Action);
        const refused = res.statusCode === 401 || res.statusCode === 403;
        const expected = allowed ? "admitted" : who.cookie ? "403" : "401";
        const got = refused ? String(res.statusCode) : "admitted";
        if (expected !== got)
          mismatches.push(
            `${route.method} ${route.url} as ${who.label}: expected ${expected}, got ${res.statusCode}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000); // ~70 routes × 13 identities through the full request pipeline

  it("refuses to register a route that declares no action", async () => {
    const { buildApp } = await import("../../testing/app.js");
    const app = await buildApp(t.database, t.config);
    expect(() => app.get("/api/v1/unguarded", async () => "oops")).toThrow(/declares no access action/);
    await app.close();
  });

  it("gives only designated roles the powers the matrix names", () => {
    expect(can(null, "people.read")).toBe(false);
    expect(can({ roles: [] }, "people.read")).toBe(false);
    expect(can({ roles: [] }, "me.read")).toBe(true);
    expect(can({ roles: ["dsl"] }, "people.read")).toBe(true);
    expect(can({ roles: ["dsl"] }, "people.manage")).toBe(false);
    expect(can({ roles: ["school_admin"] }, "people.manage")).toBe(true);
    expect(MATRIX.public).toBe("public");
  });
});
