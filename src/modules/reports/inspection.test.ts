import JSZip from "jszip";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson, staffAgreement } from "../../testing/factories.js";
import {
  CONSENT_CSV_HEADER,
  FILTERING_CSV_HEADER,
  INCIDENTS_CSV_HEADER,
  PACK_FILES,
  POLICIES_CSV_HEADER,
} from "./inspection.js";

/** A CSV as rows of fields (the pack's fields hold no quotes or commas but the ones quoted here). */
function rows(csv: string) {
  const out: string[][] = [];
  expect(csv.startsWith("\ufeff"), "a byte-order mark, for Excel").toBe(true);
  for (const line of csv.slice(1).split("\r\n").filter(Boolean)) {
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = !quoted;
      else if (ch === "," && !quoted) {
        fields.push(field);
        field = "";
      } else field += ch;
    }
    fields.push(field);
    out.push(fields);
  }
  return out;
}

describe("the inspector pack", () => {
  let t: TestApp;
  let head: Browser;
  let headId: string;
  let schoolId: string;
  let teacher: { browser: Browser; id: string };
  let senior: { browser: Browser; id: string };
  let zip: JSZip;
  let response: Awaited<ReturnType<Browser["get"]>>;
  let welshPolicy: { id: string; number: string; issueDate: string };
  const PACK = "/api/v1/reports/inspection.zip";
  const text = async (name: string) => {
    const entry = zip.file(name);
    if (!entry) throw new Error(`${name} is not in the pack`);
    return entry.async("string");
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId, adminId: headId } = await setUpSchool(t.app));
    teacher = await signedInPerson(t, head, schoolId, { givenName: "Heledd", familyName: "Prosser" });
    senior = await signedInPerson(t, head, schoolId, {
      givenName: "Idris",
      familyName: "Pugh",
      roles: ["slt"],
    } as never);

    // An agreement the teacher has yet to sign, from the shared factory.
    await staffAgreement(head);

    // A policy written in Welsh, published; and one still in draft.
    const policy = (
      await head.post("/api/v1/policies", { title: "Polisi'r Ŵyl Ddigidol", audiences: ["staff"] })
    ).json();
    const versionId = policy.versions[0].id;
    await head.patch(`/api/v1/policies/${policy.id}/versions/${versionId}`, {
      content: [
        "# Pwrpas y polisi",
        "",
        "Mae'r tŷ gwydr digidol yn agored i bob dosbarth ar ddydd Gwener.",
        "",
        "## Rheolau'r ŵyl",
        "",
        "- Dim ffonau yn y neuadd",
        "- Cadw'r **cyfrineiriau** yn ddiogel",
        "",
        "Holwch y pennaeth am ragor o fanylion.",
      ].join("\n"),
      statements: ["Byddaf yn cadw fy nghyfrinair yn ddiogel."],
    });
    const published = await head.post(`/api/v1/policies/${policy.id}/versions/${versionId}/publish`);
    expect(published.statusCode).toBe(200);
    await head.post("/api/v1/policies", { title: "Remote learning", audiences: ["staff"] });
    const listed = (await head.get("/api/v1/policies")).json();
    const mine = (Array.isArray(listed) ? listed : listed.policies).find(
      (p: { id: string }) => p.id === policy.id,
    );
    welshPolicy = { id: policy.id, number: mine.published.number, issueDate: mine.published.issueDate };

    // Training: the teacher's online-safety course this September.
    const recorded = await head.post("/api/v1/training/completions", {
      courseKey: "online_safety",
      completedOn: "2026-09-01",
      personIds: [teacher.id],
    });
    expect(recorded.statusCode).toBe(200);

    // A filtering and monitoring review with one action still open.
    const review = await head.post("/api/v1/filtering-reviews", {
      reviewedOn: "2026-09-15",
      trigger: "annual",
      participants: [headId],
      externalParticipants: ["The filtering provider's engineer"],
      findings: "Blocked categories checked against the list the governors agreed.",
      actions: [{ text: "Turn on alerts for search terms", ownerId: headId, dueDate: "2027-01-10" }],
    });
    expect(review.statusCode).toBe(201);

    // Incidents: two in the autumn term, one in the spring before it.
    const incident = (category: string, occurredAt: string) =>
      teacher.browser.post("/api/v1/incidents", {
        category,
        occurredAt,
        summary: "A pupil saw something upsetting on a shared laptop in the library.",
      });
    for (const [category, at] of [
      ["cyberbullying", "2026-10-05T10:00:00Z"],
      ["cyberbullying", "2026-11-12T13:30:00Z"],
      ["filtering_breach", "2026-03-10T09:15:00Z"],
    ])
      expect((await incident(category, at)).statusCode).toBe(201);

    // Consent: two pupils in 4B, one yes and one no for the school website.
    const pupil = async (givenName: string) =>
      (
        await head.post("/api/v1/people", {
          givenName,
          familyName: "Rowlands",
          kinds: ["pupil"],
          yearGroup: "Year 4",
          regGroup: "4B",
        })
      ).json().id as string;
    for (const [id, answer] of [
      [await pupil("Alis"), "yes"],
      [await pupil("Bedwyr"), "no"],
    ])
      expect(
        (
          await head.post("/api/v1/consent/answers", {
            pupilId: id,
            purposeKey: "school_website",
            answer,
            method: "paper",
          })
        ).statusCode,
      ).toBe(201);

    response = await head.get(PACK);
    zip = await JSZip.loadAsync(response.rawPayload);
  });
  afterAll(() => t.close());

  it("is one ZIP, saved under a dated name", () => {
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/zip");
    // Built whole in memory (decision 026), so the browser knows its size before it starts.
    expect(Number(response.headers["content-length"])).toBe(response.rawPayload.length);
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="inspection-pack-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
  });

  it("holds a README naming every file, and every CSV", async () => {
    const readme = await text("README.txt");
    expect(readme).toContain("Inspection pack for Oakfield Primary School");
    expect(readme).toMatch(/Made by Accord on \d{1,2} \w+ \d{4}/);
    for (const name of Object.values(PACK_FILES)) {
      expect(zip.file(name), name).not.toBeNull();
      expect(readme).toContain(name);
    }
    expect(readme).toContain(`policies/Polisi'r Ŵyl Ddigidol v${welshPolicy.number}.pdf`);
  });

  it("has the compliance and training CSVs the school's own exports give", async () => {
    const compliance = await text(PACK_FILES.compliance);
    expect(compliance).toBe((await head.get("/api/v1/compliance/agreements?format=csv")).body);
    const [agreementsHeader, ...signers] = rows(compliance);
    expect(agreementsHeader.slice(0, 5)).toEqual([
      "Name",
      "Kinds",
      "Department",
      "Class",
      "Staff acceptable use agreement (v1.0)",
    ]);
    expect(signers.map((r) => r[0])).toContain("Heledd Prosser");

    const training = await text(PACK_FILES.training);
    const route = (await head.get("/api/v1/compliance/training?format=csv")).body;
    expect(training.replace(/^\ufeff/, "")).toBe(route.replace(/^\ufeff/, ""));
    const [header, ...people] = rows(training);
    const course = header.indexOf("Online safety");
    expect(course).toBeGreaterThan(2);
    expect(people.find((r) => r[0].includes("Heledd"))?.[course]).toMatch(/^In date \(completed 2026-09-01/);
  });

  it("lists every policy with its version in force, review date and status", async () => {
    const [header, ...policies] = rows(await text(PACK_FILES.policies));
    expect(header).toEqual(POLICIES_CSV_HEADER);
    const policyList = (await head.get("/api/v1/policies")).json();
    const welsh = (Array.isArray(policyList) ? policyList : policyList.policies).find(
      (p: { id: string }) => p.id === welshPolicy.id,
    );
    expect(policies).toContainEqual([
      "Polisi'r Ŵyl Ddigidol",
      "",
      "staff",
      welshPolicy.number,
      welshPolicy.issueDate,
      "",
      welsh.nextReviewDue ?? "",
      "In force",
    ]);
    expect(policies.find((r) => r[0] === "Remote learning")?.slice(3)).toEqual([
      "",
      "",
      "",
      "",
      "Not yet published",
    ]);
    expect(policies.map((r) => r[0]).sort()).toEqual([
      "Acceptable use",
      "Polisi'r Ŵyl Ddigidol",
      "Remote learning",
    ]);
  });

  it("lists the filtering and monitoring reviews with their open actions", async () => {
    expect(rows(await text(PACK_FILES.filtering))).toEqual([
      FILTERING_CSV_HEADER,
      ["2026-09-15", "Annual review", "Ada Okafor", "1", "1", "2027-09-15"],
    ]);
  });

  it("counts incidents by term and category, naming nobody", async () => {
    const csv = await text(PACK_FILES.incidents);
    expect(rows(csv)).toEqual([
      INCIDENTS_CSV_HEADER,
      ["2026-27 autumn", "Cyberbullying", "2"],
      ["2025-26 spring", "Filtering breach", "1"],
    ]);
    expect(csv).not.toContain("Heledd");
    expect(csv).not.toContain("library");
  });

  it("gives consent coverage by class and purpose", async () => {
    const purposes = (await head.get("/api/v1/consent/purposes")).json();
    const website = (Array.isArray(purposes) ? purposes : purposes.purposes).find(
      (p: { key: string }) => p.key === "school_website",
    );
    const [header, ...lines] = rows(await text(PACK_FILES.consent));
    expect(header).toEqual(CONSENT_CSV_HEADER);
    expect(lines).toContainEqual(["4B", website.name, "2", "1", "1", "0", "50%"]);
    // Staff are not pupils: only 4B's rows, one per purpose.
    expect(new Set(lines.map((l) => l[0]))).toEqual(new Set(["4B"]));
  });

  it("has the published policy as a readable PDF, Welsh letters and all; a draft has none", async () => {
    const pdfs = Object.keys(zip.files).filter((f) => f.startsWith("policies/"));
    // The factory's published policy and the Welsh one; the draft has none.
    expect(pdfs.sort()).toEqual([
      "policies/Acceptable use v1.0.pdf",
      `policies/Polisi'r Ŵyl Ddigidol v${welshPolicy.number}.pdf`,
    ]);
    const bytes = await zip.file(pdfs[1])!.async("uint8array");
    const parser = new PDFParse({ data: bytes });
    try {
      const { text: pdfText } = await parser.getText();
      expect(pdfText).toContain("Polisi'r Ŵyl Ddigidol");
      expect(pdfText).toContain("Pwrpas y polisi");
      expect(pdfText).toContain("Mae'r tŷ gwydr digidol yn agored i bob dosbarth ar ddydd Gwener.");
      expect(pdfText).toContain("Rheolau'r ŵyl");
      // Markdown's marks are gone: the words are printed, not the asterisks.
      expect(pdfText).toContain("Cadw'r cyfrineiriau yn ddiogel");
      expect(pdfText).not.toContain("**");
      expect(pdfText).toContain(`Version ${welshPolicy.number}`);
      expect(pdfText).toContain(`Polisi'r Ŵyl Ddigidol v${welshPolicy.number} · page 1 of 1`);
    } finally {
      await parser.destroy();
    }
  });

  it("is refused to a teacher, and to nobody signed in", async () => {
    expect((await teacher.browser.get(PACK)).statusCode).toBe(403);
    expect((await new Browser(t.app).get(PACK)).statusCode).toBe(401);
  });

  it("is for the senior team too", async () => {
    const res = await senior.browser.get(PACK);
    expect(res.statusCode).toBe(200);
    const theirs = await JSZip.loadAsync(res.rawPayload);
    expect(theirs.file(PACK_FILES.training)).not.toBeNull();
  });

  it("records each download in the audit log, by whom", async () => {
    const before = await downloads();
    expect((await teacher.browser.get(PACK)).statusCode).toBe(403);
    expect(await downloads()).toEqual(before);
    await head.get(PACK);
    const after = await downloads();
    expect(after.length).toBe(before.length + 1);
    expect(after.filter((e) => e.actorId === headId).length).toBe(
      before.filter((e) => e.actorId === headId).length + 1,
    );
    expect(before.some((e) => e.actorId === senior.id)).toBe(true);
  });

  async function downloads() {
    const res = await head.get("/api/v1/audit?action=reports.inspection_pack_downloaded");
    expect(res.statusCode).toBe(200);
    return (res.json().events as { action: string; actorPersonId: string | null }[]).map((e) => ({
      action: e.action,
      actorId: e.actorPersonId,
    }));
  }
});
