import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";

function multipart(file: Buffer, fileName: string) {
  const boundary = "----accordpolicy";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A small Word document written for this test (our own words), built as the .docx zip it is. */
async function makeDocx() {
  const p = (text: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const body = [
    p("Laptop Loan Agreement", "Heading1"),
    p("Pupils may borrow a school laptop for home learning."),
    p("Looking after the laptop", "Heading2"),
    p("I will keep the laptop in its case when I carry it.", "ListParagraph"),
    p("I will not let anyone outside my family use it.", "ListParagraph"),
    p("I understand that the school can see what I do on it.", "ListParagraph"),
  ].join("");
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("importing a policy document", () => {
  let t: TestApp;
  let head: Browser;
  const upload = async (file: Buffer, name: string) => {
    const { body, contentType } = multipart(file, name);
    return head.request("POST", "/api/v1/policies/import", body, { "content-type": contentType });
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head } = await setUpSchool(t.app));
  });
  afterAll(() => t.close());

  it("turns a school's agreement into a draft with its statements, for a person to check", async () => {
    // An invented agreement in the shape of a real one (the real samples are never copied here).
    const sample = readFileSync(
      path.resolve("src/modules/policies/import/fixtures/visitor-volunteer-agreement.txt"),
    );
    const res = await upload(sample, "visitor-volunteer-agreement.txt");
    expect(res.statusCode).toBe(201);
    const draft = res.json();
    expect(draft.policy.title).toBe("Visitor and Volunteer Technology Agreement");
    expect(draft.version.number).toMatch(/^\d+\.\d$/);
    expect(draft.statements).toHaveLength(4);
    expect(draft.statements[0].text).toBe("I will only use the school wifi for purposes linked to my visit.");
    const version = (
      await head.get(`/api/v1/policies/${draft.policy.id}/versions/${draft.version.id}`)
    ).json();
    expect(version.status).toBe("draft");
    expect(version.statements).toEqual(draft.statements.map((s: { text: string }) => s.text));
    expect(version.source.fileName).toBe("visitor-volunteer-agreement.txt");
    expect(version.source.text).toContain("Visitor and Volunteer Technology Agreement");
    const [event] = (await head.get("/api/v1/audit?action=policy.imported")).json().events;
    expect(event.summary).toMatchObject({ fileName: "visitor-volunteer-agreement.txt" });
  });

  it("reads a Word document's headings and statements", async () => {
    const res = await upload(await makeDocx(), "laptop-loans.docx");
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      policy: { title: "Laptop Loan Agreement" },
      version: { number: "1.0" },
      statements: [
        { text: "I will keep the laptop in its case when I carry it." },
        { text: "I will not let anyone outside my family use it." },
        { text: "I understand that the school can see what I do on it." },
      ],
    });
    expect(res.json().sections.map((s: { heading: string }) => s.heading)).toContain(
      "Looking after the laptop",
    );
  });

  it("takes who the policy is for from the document's title, and asks when the document does not say", async () => {
    const visitors = await upload(
      readFileSync(path.resolve("src/modules/policies/import/fixtures/visitor-volunteer-agreement.txt")),
      "visitor-volunteer-agreement.txt",
    );
    expect(visitors.json()).toMatchObject({
      audiences: ["volunteer", "visitor"],
      audiencesFrom: "Visitor and Volunteer Technology Agreement",
    });
    const policy = (await head.get(`/api/v1/policies/${visitors.json().policy.id}`)).json();
    expect(policy.audiences).toEqual(["volunteer", "visitor"]);

    // Its title names nobody: no guess, and certainly not "staff".
    const devices = await upload(
      readFileSync(path.resolve("src/modules/policies/import/fixtures/mobile-devices-agreement.md")),
      "mobile-devices-agreement.md",
    );
    expect(devices.json()).toMatchObject({ audiences: [], audiencesFrom: null });
    const id = devices.json().policy.id;
    expect((await head.get(`/api/v1/policies/${id}`)).json().audiences).toEqual([]);
    // The review page saves the person's answer.
    const saved = await head.patch(`/api/v1/policies/${id}`, { audiences: ["staff", "governor"] });
    expect(saved.statusCode).toBe(200);
    expect((await head.get(`/api/v1/policies/${id}`)).json().audiences).toEqual(["staff", "governor"]);
    expect((await head.patch(`/api/v1/policies/${id}`, { audiences: [] })).statusCode).toBe(400);
  });

  it("keeps a letterhead out of the title and saves the review dates and version the document gives", async () => {
    const res = await upload(
      readFileSync(path.resolve("src/modules/policies/import/fixtures/letterhead-policy.txt")),
      "phones.txt",
    );
    expect(res.statusCode).toBe(201);
    // The space-typed document-control table's last issue is "3": the draft is 3.0.
    expect(res.json()).toMatchObject({
      policy: { title: "Mobile Phone and Smart Watch Policy" },
      version: { number: "3.0" },
      review: { frequency: "two-yearly", nextDue: "2026-09-01" },
      statements: [{ text: "Staff must keep personal phones out of sight in classrooms." }],
    });
    const policy = (await head.get(`/api/v1/policies/${res.json().policy.id}`)).json();
    expect(policy).toMatchObject({ reviewFrequency: "two-yearly", nextReviewDue: "2026-09-01" });
  });

  it("refuses a file it cannot read, with a clear message, and creates nothing", async () => {
    const before = (await head.get("/api/v1/policies")).json().policies.length;
    const pdf = await upload(Buffer.from("%PDF-1.4 binary"), "policy.pdf");
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().detail).toMatch(/\.pdf files can't be imported yet/);
    const broken = await upload(Buffer.from("not a zip at all"), "broken.docx");
    expect(broken.statusCode).toBe(400);
    expect((await head.get("/api/v1/policies")).json().policies.length).toBe(before);
  });
});
