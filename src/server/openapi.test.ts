import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../testing/app.js";

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
type Operation = { responses?: Record<string, Response> };
type OpenApi = { openapi: string; paths: Record<string, Record<string, Operation>> };

describe("the OpenAPI document", () => {
  let t: TestApp;
  let doc: OpenApi;
  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.app.inject("/api/v1/openapi.json");
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
  const response = (method: string, path: string, status: number) => {
    const res = doc.paths[path]?.[method.toLowerCase()]?.responses?.[String(status)];
    if (!res) throw new Error(`${method} ${path} declares no ${status} response`);
    return res;
  };
  const json = (method: string, path: string, status: number) => {
    const schema = response(method, path, status).content?.["application/json"]?.schema;
    if (!schema) throw new Error(`${method} ${path} ${status} has no application/json schema`);
    return schema;
  };

  it("gives every API route a response schema for its success", () => {
    const covered = operations().filter((o) => o.path.startsWith("/api/v1/"));
    expect(covered.length).toBeGreaterThan(60);
    const missing = covered.flatMap(({ path, method, op }) => {
      // A redirect (sign-in with Google or Microsoft) is that route's success: no body, a Location.
      const statuses = Object.keys(op.responses ?? {}).filter((s) => /^(2\d\d|302)$/.test(s));
      if (statuses.length === 0) return [`${method} ${path}: no success response`];
      return statuses.flatMap((status) => {
        const res = op.responses![status];
        // 204 has no body; any other success without a schema is swagger's "Default Response".
        if (status === "204" || status === "302")
          return res.content ? [`${method} ${path}: ${status} with a body`] : [];
        // A JSON body, or a file (a PDF receipt) declared with its own content type.
        const schemas = Object.values(res.content ?? {}).filter((c) => c.schema);
        return schemas.length > 0 ? [] : [`${method} ${path}: ${status} has no schema`];
      });
    });
    expect(missing).toEqual([]);
  });

  it("shows the directory as people with names, kinds and roles", () => {
    const list = json("GET", "/api/v1/people", 200);
    expect(list.required).toEqual(expect.arrayContaining(["total", "people"]));
    const person = list.properties!.people.items!;
    expect(person.required).toEqual(expect.arrayContaining(["id", "name", "kinds", "roles", "status"]));
    expect(person.properties!.kinds.items!.enum).toContain("governor");
    expect(person.properties!.roles.items!.enum).toContain("dsl");
    expect(json("GET", "/api/v1/people/{id}", 200).properties).toHaveProperty("contacts");
  });

  it("shows the fixed points API.md promises", () => {
    expect(json("GET", "/api/v1/me", 200).required).toEqual(
      expect.arrayContaining(["id", "name", "email", "kinds", "roles"]),
    );
    expect(json("POST", "/api/v1/api-tokens", 201).required).toContain("token");
    const imported = json("POST", "/api/v1/people/import", 200);
    expect(imported.required).toEqual(
      expect.arrayContaining(["created", "updated", "unchanged", "leavers", "errors"]),
    );
    expect(imported.properties!.errors.items!.required).toEqual(["row", "message"]);
    const draft = json("POST", "/api/v1/policies/import", 201).properties!;
    expect(draft.policy.required).toEqual(["id", "title"]);
    expect(draft.version.required).toEqual(["id", "number"]);
    expect(draft.sections.items!.required).toContain("heading");
    expect(draft.statements.items!.required).toContain("text");
    expect(draft.history.items!.required).toEqual(["number", "date", "summary"]);
    expect(draft.review.required).toEqual(["frequency", "nextDue"]);
    const verify = json("GET", "/api/v1/audit/verify", 200);
    expect(verify.oneOf?.map((s) => s.properties!.ok.enum)).toEqual([[true], [false]]);
    expect(json("GET", "/api/v1/home", 200).properties!.attention.items!.required).toEqual(
      expect.arrayContaining(["key", "href", "severity"]),
    );
  });

  it("shows agreements and signing as API.md promises, receipts as PDF and compliance as JSON or CSV", () => {
    const agreement = json("POST", "/api/v1/agreements", 201);
    expect(agreement.required).toEqual(expect.arrayContaining(["id", "textSha256", "statements", "choices"]));
    expect(agreement.properties!.audience.enum).toEqual([
      "staff",
      "governors",
      "visitors",
      "volunteers",
      "student_teachers",
      "parents",
      "pupils",
    ]);
    expect(json("POST", "/api/v1/agreements/{id}/assignments", 201).required).toEqual(["assigned"]);
    const mine = json("GET", "/api/v1/me/agreements", 200).properties!.agreements.items!;
    expect(mine.required).toEqual(
      expect.arrayContaining(["id", "textSha256", "dueDate", "previouslySigned"]),
    );
    const signature = json("POST", "/api/v1/agreements/{id}/signatures", 201);
    expect(signature.required).toEqual(
      expect.arrayContaining(["id", "kind", "fullName", "choices", "textSha256", "verificationReference"]),
    );
    expect(response("POST", "/api/v1/agreements/{id}/signatures", 409).content).toHaveProperty([
      "application/problem+json",
    ]);
    for (const path of [
      "/api/v1/signatures/{id}/receipt.pdf",
      "/api/v1/receipts/{reference}/receipt.pdf",
      "/api/v1/sign/{token}/receipt.pdf",
    ]) {
      const pdf = response("GET", path, 200).content!;
      expect(Object.keys(pdf)).toEqual(["application/pdf"]);
      expect(pdf["application/pdf"].schema).toMatchObject({ type: "string", format: "binary" });
    }
    const compliance = response("GET", "/api/v1/compliance/agreements", 200).content!;
    expect(Object.keys(compliance)).toEqual(["application/json", "text/csv"]);
    expect(compliance["application/json"].schema!.required).toEqual([
      "agreements",
      "people",
      "childrenNotCovered",
      "options",
    ]);
    expect(compliance["text/csv"].schema).toMatchObject({ type: "string", format: "binary" });
    // A parent's link: the form while open, what was given once used.
    const link = json("GET", "/api/v1/sign/{token}", 200);
    expect(link.oneOf?.map((s) => s.properties!.state.enum)).toEqual([["open"], ["signed", "declined"]]);
    expect(link.oneOf![0].properties!.agreement.required).toEqual(
      expect.arrayContaining(["title", "statements", "declaration", "choices", "textSha256"]),
    );
    const verified = json("GET", "/api/v1/receipts/{reference}", 200);
    expect(verified.oneOf?.map((s) => s.properties!.valid.enum)).toEqual([[true], [false]]);
    expect(response("POST", "/api/v1/kiosks/{id}/close", 204).content).toBeUndefined();
  });

  it("shows failures as RFC 9457 problems", () => {
    const conflict = response("POST", "/api/v1/policies/{id}/versions/{versionId}/publish", 409);
    const problem = conflict.content?.["application/problem+json"]?.schema;
    expect(problem?.required).toEqual(expect.arrayContaining(["type", "title", "status", "detail"]));
    expect(response("POST", "/api/v1/setup", 409).content).toHaveProperty(["application/problem+json"]);
    expect(response("POST", "/api/v1/auth/logout", 204).content).toBeUndefined();
  });

  describe("and what the routes send", () => {
    let admin: Browser;
    beforeAll(async () => {
      ({ admin } = await setUpSchool(t.app));
    });

    it("keeps a problem's own members: a refused import still carries its report", async () => {
      const file = readFileSync(
        new URL("../modules/people/import/fixtures/pupils-with-errors.csv", import.meta.url),
      );
      const refused = await admin.request("POST", "/api/v1/people/import?kind=pupils", file, {
        "content-type": "text/csv",
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
      const body = refused.json();
      expect(body).toMatchObject({ status: 422, title: "File has errors" });
      expect(body.report.errors.length).toBeGreaterThan(0);
      expect(body.report.preview.create.length).toBeGreaterThan(0);
    });

    it("keeps a validation problem's failing fields", async () => {
      const res = await admin.post("/api/v1/people", { givenName: "", kinds: [] });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(["givenName", "kinds"]),
      );
    });

    it("sends the signed-in person as the schema describes", async () => {
      const me = (await admin.get("/api/v1/me")).json();
      expect(me).toMatchObject({ kinds: ["staff"], roles: ["headteacher", "school_admin"] });
      expect(me.school.name).toBe("Oakfield Primary School");
      expect(me.permissions).toContain("people.manage");
    });
  });
});
