import { sql } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson } from "../../testing/factories.js";
import { canonicalText, textSha256 } from "./receipt/canonical.js";

const POLICY_TEXT = [
  "# Using school devices",
  "",
  "School laptops are for school work.",
  "",
  "- Lock the screen when you step away.",
  "- Report a lost device the same day.",
].join("\n");

describe("signers see the policy they sign, and the hash covers what they saw", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let policyId: string;
  let versionId: string;
  let agreementId: string;
  let hash: string;
  let gwen: Browser;
  let iwan: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    await head.put("/api/v1/policies/settings/approvers", { roles: [] });
    const policy = (
      await head.post("/api/v1/policies", { title: "Device use policy", audiences: ["staff"] })
    ).json();
    policyId = policy.id;
    versionId = policy.versions[0].id;
    await head.patch(`/api/v1/policies/${policyId}/versions/${versionId}`, {
      content: POLICY_TEXT,
      statements: ["I will lock my screen when I step away."],
    });
    await head.post(`/api/v1/policies/${policyId}/versions/${versionId}/publish`);
    const made = (
      await head.post("/api/v1/agreements", {
        policyVersionId: versionId,
        title: "Device agreement",
        audience: "staff",
        declaration: "I agree to follow it.",
      })
    ).json();
    agreementId = made.id;
    hash = made.textSha256;
    ({ browser: gwen } = await signedInPerson(t, head, schoolId, { givenName: "Gwen" }));
    ({ browser: iwan } = await signedInPerson(t, head, schoolId, { givenName: "Iwan" }));
    await head.post(`/api/v1/agreements/${agreementId}/assignments`, {
      kinds: ["staff"],
      dueDate: "2099-01-01",
    });
  });
  afterAll(() => t.close());

  it("hashes the policy text and the line saying it was read, with the statements", async () => {
    const expected = {
      title: "Device agreement",
      policyTitle: "Device use policy",
      versionNumber: "1.0",
      statements: ["I will lock my screen when I step away."],
      declaration: "I agree to follow it.",
      choices: [],
      policyText: POLICY_TEXT,
    };
    expect(hash).toBe(textSha256(expected));
    const text = canonicalText(expected);
    expect(text).toContain(
      "Policy text:\n    # Using school devices\n\n    School laptops are for school work.",
    );
    expect(text).toContain("Declaration: I have read Device use policy (version 1.0) shown above.\n");
    // The same agreement without the policy text (format 1) would hash differently.
    expect(textSha256({ ...expected, policyText: undefined })).not.toBe(hash);
  });

  it("shows the signer the policy's full text, rendered, beside the statements", async () => {
    const browser = gwen;
    const [toSign] = (await browser.get("/api/v1/me/agreements")).json().agreements;
    expect(toSign.textSha256).toBe(hash);
    expect(toSign.policy).toMatchObject({ title: "Device use policy", versionNumber: "1.0" });
    expect(toSign.policyTextHtml).toContain("<h1>Using school devices</h1>");
    expect(toSign.policyTextHtml).toContain("<li>Report a lost device the same day.</li>");
    // Lists of agreements leave the text out: it is for the screens where someone signs.
    expect((await head.get("/api/v1/agreements")).json().agreements[0].policyTextHtml).toBeUndefined();

    const signed = await browser.post(`/api/v1/agreements/${agreementId}/signatures`, {
      fullName: "Gwen Staffroom",
      jobTitle: "Teacher",
      textSha256: hash,
    });
    expect(signed.statusCode).toBe(201);
    const receipt = await browser.get(`/api/v1/signatures/${signed.json().id}/receipt.pdf`);
    const { text } = await new PDFParse({ data: receipt.rawPayload }).getText();
    expect(text).toContain("I have read Device use policy (version 1.0) shown above.");
    expect(text.replace(/\s+/g, "")).toContain(hash);
  });

  it("keeps verifying signatures made on the old format, whose hash covered the statements only", async () => {
    // An agreement as made before signers were shown the policy: format 1, hash of the statements.
    const old = {
      title: "Old device agreement",
      policyTitle: "Device use policy",
      versionNumber: "1.0",
      statements: ["I will lock my screen when I step away."],
      declaration: "I agreed before the policy was shown.",
      choices: [],
    };
    const oldHash = textSha256(old);
    const [row] = await queryRows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO agreements (school_id, policy_id, policy_version_id, title, policy_title, version_number,
            audience, declaration, statements, text_sha256, policy_text)
          VALUES (${schoolId}, ${policyId}, ${versionId}, ${old.title}, ${old.policyTitle}, ${old.versionNumber},
            'governors', ${old.declaration}, ${JSON.stringify(old.statements)}::jsonb, ${oldHash}, ${POLICY_TEXT})
          RETURNING id`,
    );
    const { browser } = await signedInPerson(t, head, schoolId, { givenName: "Huw", kinds: ["governor"] });
    const signed = await browser.post(`/api/v1/agreements/${row.id}/signatures`, {
      fullName: "Huw Staffroom",
      jobTitle: "Governor",
      textSha256: oldHash,
    });
    expect(signed.statusCode).toBe(201);
    expect(signed.json().textSha256).toBe(oldHash);
    const verified = (
      await new Browser(t.app).get(`/api/v1/receipts/${signed.json().verificationReference}`)
    ).json();
    expect(verified).toMatchObject({
      valid: true,
      agreementTitle: "Old device agreement",
      textSha256: oldHash,
    });
    // Its receipt prints the declaration as it was hashed: no "I have read" line it never had.
    const receipt = await browser.get(`/api/v1/signatures/${signed.json().id}/receipt.pdf`);
    const { text } = await new PDFParse({ data: receipt.rawPayload }).getText();
    expect(text).toContain("I agreed before the policy was shown.");
    expect(text).not.toContain("shown above");
  });

  it("asks everyone to sign again when only the policy text changes in a new version", async () => {
    const next = (
      await head.post(`/api/v1/policies/${policyId}/versions`, { bump: "minor", summary: "Lending added" })
    ).json();
    await head.patch(`/api/v1/policies/${policyId}/versions/${next.id}`, {
      content: `${POLICY_TEXT}\n- Never lend your laptop to a pupil.`,
      statements: ["I will lock my screen when I step away."],
    });
    expect((await head.post(`/api/v1/policies/${policyId}/versions/${next.id}/publish`)).statusCode).toBe(
      200,
    );
    const browser = iwan;
    const [toSign] = (await browser.get("/api/v1/me/agreements")).json().agreements;
    expect(toSign.textSha256).not.toBe(hash);
    expect(toSign.policyTextHtml).toContain("Never lend your laptop to a pupil.");
    // A screen still showing the old text is refused, and nothing is written.
    const stale = await browser.post(`/api/v1/agreements/${toSign.id}/signatures`, {
      fullName: "Iwan Staffroom",
      jobTitle: "Teacher",
      textSha256: hash,
    });
    expect(stale.statusCode).toBe(409);
  });
});
