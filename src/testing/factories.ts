import { sql } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { newSecret } from "../kernel/secrets.js";
import { Browser, type TestApp } from "./app.js";

/** Test factories: a published staff agreement, and people signed in to sign it. */

/** A signed-in browser for a new person of this school (a session row, as after sign-in). */
export async function signedInPerson(
  t: TestApp,
  head: Browser,
  schoolId: string,
  person: { givenName: string; familyName?: string; kinds?: string[]; roles?: string[]; email?: string },
) {
  const p = (
    await head.post("/api/v1/people", {
      familyName: "Staffroom",
      kinds: ["staff"],
      jobTitle: "Teacher",
      email: `${person.givenName.toLowerCase()}@staffroom.test`,
      ...person,
    })
  ).json();
  const { secret, hash } = newSecret();
  await t.database.db.execute(
    sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${schoolId}, ${p.id})`,
  );
  const browser = new Browser(t.app);
  browser.cookie = `accord_session=${secret}`;
  return { browser, id: p.id as string };
}

/** A published policy with one staff agreement (one photo choice) and no approvals needed. */
export async function staffAgreement(head: Browser) {
  await head.put("/api/v1/policies/settings/approvers", { roles: [] });
  const policy = (
    await head.post("/api/v1/policies", { title: "Acceptable use", audiences: ["staff"] })
  ).json();
  const versionId = policy.versions[0].id;
  await head.patch(`/api/v1/policies/${policy.id}/versions/${versionId}`, {
    content: "# Acceptable use",
    statements: ["I will lock my screen when I leave my desk."],
  });
  await head.post(`/api/v1/policies/${policy.id}/versions/${versionId}/publish`);
  const agreement = (
    await head.post("/api/v1/agreements", {
      policyVersionId: versionId,
      title: "Staff acceptable use agreement",
      audience: "staff",
      declaration: "I agree to follow this agreement.",
      choices: [{ key: "photo", label: "My photo may be used", options: ["agree", "disagree"] }],
    })
  ).json();
  return {
    agreementId: agreement.id as string,
    textSha256: agreement.textSha256 as string,
    policyId: policy.id as string,
  };
}

/** An API token an admin made, and a script that uses it: bearer header, no cookie, no Origin. */
export async function apiToken(
  t: TestApp,
  admin: Browser,
  body: { name: string; scopes?: string[]; expiresAt?: string },
) {
  const res = await admin.post("/api/v1/api-tokens", body);
  if (res.statusCode !== 201) throw new Error(`token not made: ${res.statusCode} ${res.body}`);
  const made = res.json() as { id: string; token: string; scopes: string[]; expiresAt: string };
  const call = (
    method: InjectOptions["method"],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      payload: payload as InjectOptions["payload"],
      headers: { authorization: `Bearer ${made.token}`, ...headers },
    });
  return {
    ...made,
    call,
    get: (url: string) => call("GET", url),
    post: (url: string, payload: unknown = {}) => call("POST", url, payload),
    put: (url: string, payload: unknown) => call("PUT", url, payload),
    delete: (url: string) => call("DELETE", url),
  };
}
