import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, ORIGIN, setUpSchool, startTestApp, type TestApp } from "../testing/app.js";
import { staffAgreement } from "../testing/factories.js";
import { changedTables, databaseFingerprint } from "../testing/fingerprint.js";
import { deeplyNested, HOSTILE_NUMBERS, HOSTILE_STRINGS } from "../testing/hostile.js";

/**
 * Every JSON endpoint in the OpenAPI document, fuzzed from its own schemas: bodies, queries and path
 * parameters mostly well-formed, with hostile strings, numbers, wrong types and deep nesting mixed
 * in. Whatever arrives, the answer is never a 5xx, and a 4xx leaves the database as it was.
 *
 * FUZZ_RUNS cases per endpoint (a few by default, so CI stays quick; the nightly run is
 * FUZZ_RUNS=10000, `npm run test:fuzz`). FUZZ_SEED replays a failure fast-check reported.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};
type Parameter = { in: "path" | "query"; name: string; required?: boolean; schema: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

// Signing out would end the session the rest of the run uses, and signing out everywhere else the
// sessions other tests of the walk hold; both are tested on their own in auth/.
const NOT_FUZZED = new Set(["POST /api/v1/auth/logout", "POST /api/v1/me/sessions/sign-out-others"]);

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constant([]),
  fc.constant({}),
  fc.constant(deeplyNested(2_000)),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

function wellFormedString(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case "uuid":
      return fc.uuid();
    case "email":
      return fc.emailAddress();
    case "date":
      return fc
        .date({ min: new Date("1890-01-01"), max: new Date("2300-01-01"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case "date-time":
      return fc
        .date({ min: new Date("1890-01-01"), max: new Date("2300-01-01"), noInvalidDate: true })
        .map((d) => d.toISOString());
    case "uri":
      return fc.webUrl();
    default:
      return fc.string({
        minLength: Math.min(schema.minLength ?? 0, 50),
        maxLength: Math.max(Math.min(schema.maxLength ?? 40, 40), Math.min(schema.minLength ?? 0, 50)),
        unit: "grapheme",
      });
  }
}

/** A value for a JSON schema: mostly what it asks for, sometimes something hostile in its place. */
function valueFor(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  const fitting = fittingValueFor(schema, depth);
  return fc.oneof(
    { weight: 8, arbitrary: fitting },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: wrongType },
  );
}

function fittingValueFor(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(s, depth + 1)));
  if (schema.allOf?.length) return valueFor(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return fc.oneof(
        { weight: 4, arbitrary: wellFormedString(schema) },
        { weight: 1, arbitrary: hostileString },
      );
    case "integer":
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 }),
        fc.constantFrom(...HOSTILE_NUMBERS),
      );
    case "number":
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(...HOSTILE_NUMBERS),
      );
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(valueFor(schema.items ?? {}, depth + 1), {
        minLength: Math.min(schema.minItems ?? 0, 3),
        maxLength: Math.min(Math.max(schema.maxItems ?? 3, schema.minItems ?? 0), 3),
      });
    case "object": {
      const properties = schema.properties ?? {};
      const required = schema.required ?? [];
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, valueFor(s, depth + 1)])),
        { requiredKeys: required.filter((k) => k in properties) },
      );
      if (Object.keys(properties).length > 0) return record;
      return fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string(), hostileString, fc.integer()), {
        maxKeys: 4,
      });
    }
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
  }
}

describe("fuzzing every JSON endpoint from its schema", () => {
  let t: TestApp;
  let admin: Browser;
  /** Ids of real records in the school, so path parameters reach past "not found" sometimes. */
  const knownIds: string[] = [];
  let doc: { paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    t = await startTestApp();
    let adminId: string;
    ({ admin, adminId } = await setUpSchool(t.app));
    const { agreementId, policyId } = await staffAgreement(admin);
    const policy = (await admin.get(`/api/v1/policies/${policyId}`)).json();
    const person = (
      await admin.post("/api/v1/people", {
        givenName: "Gwen",
        familyName: "Morgan",
        kinds: ["pupil"],
        yearGroup: "Year 3",
      })
    ).json();
    const incident = (
      await admin.post("/api/v1/incidents", {
        category: "other",
        occurredAt: "2026-11-30T09:00:00Z",
        summary: "A pupil saw something upsetting",
      })
    ).json();
    const device = (await admin.post("/api/v1/devices", { assetTag: "LAP-001", type: "laptop" })).json();
    knownIds.push(agreementId, policyId, person.id, incident.id, device.id, adminId);
    for (const v of policy.versions ?? []) knownIds.push(v.id);
    doc = (await t.app.inject("/api/v1/openapi.json")).json();
  });
  afterAll(() => t.close());

  const pathValue = (name: string, schema: Schema) => {
    if (name === "token") return fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), hostileString);
    if (schema.format === "uuid" || /id$|^[ab]$/i.test(name))
      return fc.oneof(fc.constantFrom(...knownIds), fc.uuid(), hostileString);
    return fc.oneof(wellFormedString(schema), hostileString);
  };

  /** One request for an operation: its path parameters, a query and a JSON body. */
  function requestFor(op: Operation) {
    const params = op.parameters ?? [];
    const inPath = params.filter((p) => p.in === "path");
    const inQuery = params.filter((p) => p.in === "query");
    const body = op.requestBody?.content?.["application/json"]?.schema;
    return fc.record({
      path: fc.record(Object.fromEntries(inPath.map((p) => [p.name, pathValue(p.name, p.schema)]))),
      query: fc.record(Object.fromEntries(inQuery.map((p) => [p.name, valueFor(p.schema)])), {
        requiredKeys: [],
      }),
      body: body ? valueFor(body) : fc.constant(undefined),
    });
  }

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );

  it("finds the endpoints in the OpenAPI document", () => {
    expect(operations().length).toBeGreaterThan(150);
  });

  it(
    "answers every endpoint without a 5xx, and writes nothing when it refuses",
    async () => {
      const failures: string[] = [];
      // One fingerprint per request: the one taken after a request is the baseline for the next.
      let before = await databaseFingerprint(t.database.db);
      for (const { path, method, op } of operations()) {
        if (!path.startsWith("/api/v1/") || NOT_FUZZED.has(`${method} ${path}`)) continue;
        await fc.assert(
          fc.asyncProperty(requestFor(op), async ({ path: values, query, body }) => {
            const url =
              path.replace(/\{(\w+)\}/g, (_, name) => encodeUrlPart(String(values[name]))) +
              queryString(query);
            const res = await t.app.inject({
              method: method as "GET",
              url,
              headers: { origin: ORIGIN, cookie: admin.cookie!, "content-type": "application/json" },
              payload:
                body === undefined || method === "GET" || method === "DELETE"
                  ? undefined
                  : JSON.stringify(body),
            });
            const where = `${method} ${url.slice(0, 200)} ${JSON.stringify(body)?.slice(0, 300)}`;
            if (res.statusCode >= 500) failures.push(`${where} → ${res.statusCode}`);
            const after = await databaseFingerprint(t.database.db);
            const changed = changedTables(before, after);
            if (res.statusCode >= 400 && res.statusCode < 500 && changed.length > 0)
              failures.push(`${where} → ${res.statusCode} but changed ${changed.join(", ")}`);
            before = after;
            return true;
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
      }
      expect(failures).toEqual([]);
    },
    Math.min(600_000 + RUNS * 200_000, 2 ** 31 - 1),
  ); // the nightly run takes hours
});

function queryString(query: Record<string, unknown>) {
  const pairs = Object.entries(query).flatMap(([k, v]) =>
    v === undefined
      ? []
      : (Array.isArray(v) ? v : [v]).map(
          (x) => `${k}=${encodeUrlPart(typeof x === "string" ? x : JSON.stringify(x))}`,
        ),
  );
  return pairs.length ? `?${pairs.join("&")}` : "";
}

/**
 * Percent-encoding as a broken client would do it: a lone surrogate, which UTF-8 cannot hold, goes
 * as the three bytes WTF-8 gives it (what some clients send), the rest as usual.
 */
function encodeUrlPart(text: string) {
  return text
    .split(/([\ud800-\udfff])/)
    .map((part) => {
      if (part.length !== 1 || part.charCodeAt(0) < 0xd800 || part.charCodeAt(0) > 0xdfff)
        return encodeURIComponent(part);
      const c = part.charCodeAt(0);
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join("");
    })
    .join("");
}
