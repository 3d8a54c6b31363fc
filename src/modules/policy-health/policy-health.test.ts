import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson } from "../../testing/factories.js";

// Every document here is written for these tests: invented schools, people and sentences.
const OLD_LAW = "The office keeps pupil records under the Data Protection Act 1998.";
const SILENCE = "If the reply slip is not returned, permission will be assumed.";
const PHOTO_POLICY = `# Class Photographs Policy

## Version history

| Version | Date | Summary |
| --- | --- | --- |
| 1.0 | 01/09/2025 | First issue |

## Keeping images safe

${OLD_LAW} Images are stored on the school's own drive.

## Asking parents

${SILENCE}
`;

function multipart(text: string, fileName: string) {
  const boundary = "----accordhealth";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/markdown\r\n\r\n`,
    ),
    Buffer.from(text),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

type Finding = {
  fingerprint: string;
  ruleKey: string;
  sentence: string | null;
  why: { en: string; cy: string };
};

describe("the policy health check", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  const importPolicy = async (text: string, fileName: string) => {
    const { body, contentType } = multipart(text, fileName);
    const res = await head.request("POST", "/api/v1/policies/import", body, { "content-type": contentType });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { policy: { id: string }; version: { id: string } };
  };
  const health = async (policyId: string, who: Browser = head) =>
    who.get(`/api/v1/policies/${policyId}/health`);
  const keys = (view: { findings: Finding[] }) => view.findings.map((f) => f.ruleKey);

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
  });
  afterAll(() => t.close());

  it("checks an imported policy: each finding cites the sentence, says why and offers wording", async () => {
    const { policy } = await importPolicy(PHOTO_POLICY, "photos.md");
    const view = (await health(policy.id)).json();
    expect(keys(view)).toEqual(["data-protection-act-1998", "consent-from-silence"]);
    const [law, silence] = view.findings;
    expect(law.sentence).toBe(OLD_LAW);
    expect(law.replacement.en).toMatch(/UK General Data Protection Regulation/);
    expect(silence.sentence).toBe(SILENCE);
    expect(silence.why.en).toMatch(/never consent/);
    expect(silence.why.cy).toMatch(/byth yn ganiatâd/);
    expect(view.canDismiss).toBe(true);
    expect(view.dismissed).toEqual([]);
  });

  it("dismisses a finding with a reason, lists it apart with who and why, audits it, and can undo it", async () => {
    const { policy } = await importPolicy(PHOTO_POLICY, "photos-again.md");
    const [law] = (await health(policy.id)).json().findings as Finding[];
    const url = `/api/v1/policies/${policy.id}/health/dismissals`;

    const noReason = await head.post(url, { fingerprint: law.fingerprint, reason: " " });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe("reason");
    const unknown = await head.post(url, { fingerprint: "made-up:finding", reason: "Not ours" });
    expect(unknown.statusCode).toBe(400);
    expect(keys((await health(policy.id)).json())).toEqual([
      "data-protection-act-1998",
      "consent-from-silence",
    ]);

    const dismissed = await head.post(url, {
      fingerprint: law.fingerprint,
      reason: "This is the archive section, kept as it was written.",
    });
    expect(dismissed.statusCode).toBe(201);
    const after = dismissed.json();
    expect(keys(after)).toEqual(["consent-from-silence"]);
    expect(after.dismissed).toHaveLength(1);
    expect(after.dismissed[0]).toMatchObject({
      ruleKey: "data-protection-act-1998",
      dismissal: { reason: "This is the archive section, kept as it was written.", byName: "Ada Okafor" },
    });
    expect((await head.post(url, { fingerprint: law.fingerprint, reason: "Again" })).statusCode).toBe(409);

    const [event] = (await head.get("/api/v1/audit?action=policy_health.finding_dismissed")).json().events;
    expect(event).toMatchObject({ entityId: policy.id, actorName: "Ada Okafor" });

    const reinstated = await head.post(`${url}/${after.dismissed[0].dismissal.id}/reinstate`);
    expect(reinstated.statusCode).toBe(200);
    expect(keys(reinstated.json())).toEqual(["data-protection-act-1998", "consent-from-silence"]);
    expect(reinstated.json().dismissed).toEqual([]);
    const [undone] = (await head.get("/api/v1/audit?action=policy_health.finding_reinstated")).json().events;
    expect(undone).toMatchObject({ entityId: policy.id });
    expect((await head.post(`${url}/${after.dismissed[0].dismissal.id}/reinstate`)).statusCode).toBe(409);
  });

  it("checks every version: an edit that fixes the text clears its finding, and a dismissal carries on", async () => {
    const { policy, version } = await importPolicy(PHOTO_POLICY, "photos-third.md");
    const [, silence] = (await health(policy.id)).json().findings as Finding[];
    await head.post(`/api/v1/policies/${policy.id}/health/dismissals`, {
      fingerprint: silence.fingerprint,
      reason: "We are rewriting the consent form this term.",
    });
    const fixed = PHOTO_POLICY.replace(OLD_LAW, "The office keeps pupil records under the UK GDPR.");
    const edited = await head.patch(`/api/v1/policies/${policy.id}/versions/${version.id}`, {
      content: fixed,
    });
    expect(edited.statusCode).toBe(200);
    const view = (await health(policy.id)).json();
    expect(keys(view)).toEqual([]);
    expect(view.dismissed.map((f: Finding) => f.ruleKey)).toEqual(["consent-from-silence"]);
  });

  it("shows an older version's findings on that version's page", async () => {
    await head.put("/api/v1/policies/settings/approvers", { roles: [] });
    const { policy, version } = await importPolicy(PHOTO_POLICY, "photos-fourth.md");
    const base = `/api/v1/policies/${policy.id}`;
    await head.patch(`${base}`, { audiences: ["staff"] });
    expect((await head.post(`${base}/versions/${version.id}/publish`)).statusCode).toBe(200);
    const next = (await head.post(`${base}/versions`, { bump: "minor", noChanges: false })).json();
    await head.patch(`${base}/versions/${next.id}`, {
      content: "# Class Photographs Policy\n\nPhotos need a yes.",
    });
    expect(keys((await health(policy.id)).json())).toEqual([]);
    const old = (await head.get(`${base}/versions/${version.id}/health`)).json();
    expect(old.version.id).toBe(version.id);
    expect(keys(old)).toEqual(["data-protection-act-1998", "consent-from-silence"]);
    const none = await head.get(`${base}/versions/00000000-0000-4000-8000-000000000000/health`);
    expect(none.statusCode).toBe(404);
  });

  it("links a referenced policy the library holds, and flags one it does not", async () => {
    const { policy } = await importPolicy(
      "# Mobile Devices Policy\n\nRead this in conjunction with the Staff Behaviour Policy and the Lost Property Procedures.\n",
      "devices.md",
    );
    const before = (await health(policy.id)).json();
    expect(
      before.findings
        .filter((f: Finding) => f.ruleKey === "policy-not-in-library")
        .map((f: { subject: string }) => f.subject),
    ).toEqual(["Staff Behaviour Policy", "Lost Property Procedures"]);
    const held = (
      await head.post("/api/v1/policies", { title: "Staff behaviour", audiences: ["staff"] })
    ).json();
    const after = (await health(policy.id)).json();
    expect(after.findings.filter((f: Finding) => f.ruleKey === "policy-not-in-library")).toHaveLength(1);
    expect(after.linked).toEqual([
      { name: "Staff Behaviour Policy", policyId: held.id, title: "Staff behaviour" },
    ]);
  });

  it("checks the duties again when the title is corrected to say what type of policy it is", async () => {
    const { policy } = await importPolicy(
      "# Rules for the ICT suite\n\n## Version history\n\n| Version | Date |\n| --- | --- |\n| 1.0 | 01/09/2025 |\n\nPupils are kind to each other online.\n",
      "ict.md",
    );
    expect(keys((await health(policy.id)).json())).toEqual([]);
    await head.patch(`/api/v1/policies/${policy.id}`, { title: "Online Safety Policy" });
    expect(keys((await health(policy.id)).json())).toEqual([
      "online-safety-filtering-monitoring",
      "online-safety-dsl",
    ]);
  });

  it("flags a review date in the past and a document with no version history", async () => {
    const { policy } = await importPolicy(
      "# Visitors Policy\n\nVisitors sign in at reception.\n",
      "visitors.md",
    );
    expect(keys((await health(policy.id)).json())).toEqual(["no-version-history"]);
    const due = addDays(todayInLondon(), -10);
    await head.patch(`/api/v1/policies/${policy.id}`, { nextReviewDue: due });
    const view = (await health(policy.id)).json();
    expect(keys(view)).toEqual(["review-date-passed", "no-version-history"]);
    expect(view.findings[0].params).toEqual({ due });
  });

  it("holds a school in Wales to Welsh guidance once it says so", async () => {
    const text =
      "# Online Safety Policy\n\nWe filter and monitor the school network. Staff tell the DSL about any concern, as Keeping children safe in education sets out.\n";
    const english = await importPolicy(text, "online-england.md");
    expect(keys((await health(english.policy.id)).json())).toEqual(["no-version-history"]);

    const set = await head.put("/api/v1/school/settings", { country: "wales" });
    expect(set.json()).toMatchObject({ country: "wales" });
    // The policy already in the library is checked again against Welsh guidance at once.
    expect(keys((await health(english.policy.id)).json())).toEqual([
      "kcsie-in-wales",
      "online-safety-dsp",
      "no-version-history",
    ]);
    expect((await head.put("/api/v1/school/settings", { country: "scotland" })).statusCode).toBe(400);
    const welsh = await importPolicy(text, "online-wales.md");
    const view = (await health(welsh.policy.id)).json();
    expect(view.country).toBe("wales");
    expect(keys(view)).toEqual(["kcsie-in-wales", "online-safety-dsp", "no-version-history"]);
    expect(view.findings[1].title.cy).toBe("Nid yw'r person diogelu dynodedig wedi'i enwi");
    const [event] = (await head.get("/api/v1/audit?action=school.country_set")).json().events;
    expect(event.summary).toEqual({ from: "england", to: "wales" });
    await head.put("/api/v1/school/settings", { country: "england" });
  });

  it("shows findings to those who see drafts, lets only managers dismiss, and hides them from readers", async () => {
    const { policy } = await importPolicy(PHOTO_POLICY, "photos-fifth.md");
    await head.patch(`/api/v1/policies/${policy.id}`, { audiences: ["staff"] });
    await head.put("/api/v1/policies/settings/approvers", { roles: ["headteacher", "chair_of_governors"] });
    const chair = await signedInPerson(t, head, schoolId, { givenName: "Carys", kinds: ["governor"] });
    await head.put(`/api/v1/people/${chair.id}/roles`, { roles: ["chair_of_governors"] });
    const teacher = await signedInPerson(t, head, schoolId, { givenName: "Tomos" });

    const seen = await health(policy.id, chair.browser);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canDismiss).toBe(false);
    const [first] = seen.json().findings as Finding[];
    const refused = await chair.browser.post(`/api/v1/policies/${policy.id}/health/dismissals`, {
      fingerprint: first.fingerprint,
      reason: "Governors are content.",
    });
    expect(refused.statusCode).toBe(403);
    expect((await health(policy.id, teacher.browser)).statusCode).toBe(404);
    expect((await health(policy.id)).json().dismissed).toEqual([]);
  });

  it("puts policies with open findings on the home page of those who manage them", async () => {
    const home = (await head.get("/api/v1/home")).json();
    const items = home.attention.filter((i: { key: string }) => i.key === "policyHealthFindings");
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ params: { title: "Class Photographs Policy" }, severity: "info" });
    expect(items[0].href).toMatch(/^\/policies\/[0-9a-f-]+#policy-health$/);
    const teacher = await signedInPerson(t, head, schoolId, { givenName: "Gwen" });
    const theirs = (await teacher.browser.get("/api/v1/home")).json();
    expect(theirs.attention.some((i: { key: string }) => i.key === "policyHealthFindings")).toBe(false);
  });
});
