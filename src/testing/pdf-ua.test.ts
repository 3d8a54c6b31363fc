import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInLondon } from "../kernel/dates.js";
import { collectPdf, newPdfDocument } from "../kernel/pdf.js";
import { termOf } from "../modules/reports/terms.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "./app.js";
import { signedInPerson, staffAgreement } from "./factories.js";
import { checkPdfUa } from "./pdf-ua.js";

/** With PDF_UA_KEEP=<folder>, the PDFs checked are kept there, for a person to open and read. */
function keep(name: string, pdf: Buffer) {
  const dir = process.env.PDF_UA_KEEP;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), pdf);
}

/** A signature as a signer draws one on the pad: a PNG data URL. */
function drawnSignature() {
  const canvas = createCanvas(300, 80);
  const ctx = canvas.getContext("2d");
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(10, 60);
  ctx.bezierCurveTo(60, 0, 120, 90, 180, 30);
  ctx.lineTo(290, 50);
  ctx.stroke();
  return `data:image/png;base64,${canvas.toBuffer("image/png").toString("base64")}`;
}

describe("the documents Accord prints for people to keep are tagged PDFs (PDF/UA-1)", () => {
  let t: TestApp;
  let head: Browser;
  let drawn: Buffer;
  let typed: Buffer;

  beforeAll(async () => {
    t = await startTestApp();
    let schoolId: string;
    ({ admin: head, schoolId } = await setUpSchool(t.app, "Ysgol Gynradd Tŷ Coch"));
    const { agreementId, textSha256 } = await staffAgreement(head);
    await head.post(`/api/v1/agreements/${agreementId}/assignments`, {
      kinds: ["staff"],
      dueDate: addDays(todayInLondon(), 10),
    });
    const sign = async (givenName: string, signatureImage?: string) => {
      const { browser } = await signedInPerson(t, head, schoolId, { givenName });
      const signed = await browser.post(`/api/v1/agreements/${agreementId}/signatures`, {
        fullName: `${givenName} Staffroom`,
        jobTitle: "Teacher",
        choices: { photo: "agree" },
        textSha256,
        ...(signatureImage ? { signatureImage } : {}),
      });
      expect(signed.statusCode).toBe(201);
      const receipt = await browser.get(`/api/v1/signatures/${signed.json().id}/receipt.pdf`);
      expect(receipt.statusCode).toBe(200);
      return receipt.rawPayload;
    };
    drawn = await sign("Heledd", drawnSignature());
    typed = await sign("Rhodri");
    keep("receipt-drawn.pdf", drawn);
    keep("receipt-typed.pdf", typed);
    await signedInPerson(t, head, schoolId, { givenName: "Sian" });
  });
  afterAll(() => t?.close());

  it("a receipt with a drawn signature passes the check, the signature a Figure with its alternative text", async () => {
    const report = await checkPdfUa(drawn);
    expect(report.failures).toEqual([]);
    expect(report.roles).toEqual(
      expect.arrayContaining(["H1", "H2", "P", "L", "LI", "Table", "TR", "TH", "TD"]),
    );
    expect(report.roles.filter((r) => r === "Figure")).toHaveLength(1);
  });

  it("a receipt signed with a typed name only passes the check", async () => {
    const report = await checkPdfUa(typed);
    expect(report.failures).toEqual([]);
    expect(report.roles).not.toContain("Figure");
  });

  it("the termly report to governors passes the check, its charts Figures and its tables tagged", async () => {
    const res = await head.get(`/api/v1/reports/governors.pdf?term=${termOf(todayInLondon()).name}`);
    expect(res.statusCode).toBe(200);
    keep("governors-report.pdf", res.rawPayload);
    const report = await checkPdfUa(res.rawPayload);
    expect(report.failures).toEqual([]);
    expect(report.roles).toEqual(expect.arrayContaining(["H1", "H2", "Figure", "Table", "TH", "TD"]));
  });
});

/** Poppler's pdfinfo (Debian poppler-utils, installed by .ci/run): a second, independent reader of the tags. */
const hasPdfinfo = spawnSync("pdfinfo", ["-v"]).error === undefined;
function pdfinfo(pdf: Buffer, ...args: string[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pdf-ua-"));
  try {
    writeFileSync(path.join(dir, "doc.pdf"), pdf);
    return execFileSync("pdfinfo", [...args, path.join(dir, "doc.pdf")], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!hasPdfinfo)(
  "poppler reads the same tags (skipped where pdfinfo is not installed: apt-get install poppler-utils)",
  () => {
    it("says a receipt is tagged and reads its structure tree in order, with its text", async () => {
      const { renderReceiptPdf } = await import("../modules/signing/receipt/pdf.js");
      const pdf = await renderReceiptPdf({
        schoolName: "Ysgol Gynradd Tŷ Coch",
        agreementTitle: "Staff acceptable use agreement",
        policyTitle: "Acceptable use",
        versionNumber: "1.0",
        statements: ["I will lock my screen when I leave my desk."],
        declaration: "I agree to follow this agreement.",
        fields: [{ label: "Full name", value: "Heledd Staffroom" }],
        choices: [],
        signedAt: new Date("2026-11-27T09:41:00Z"),
        authenticatedBy: "Password sign-in",
        textSha256: "ab".repeat(32),
        signatureId: "5b1f0c7e-3a52-4d7e-9d1e-0d6f1c2a9e11",
        verificationReference: "7K3M-Q9XZ-4T2B-HV8N-1R6D",
        verifyUrl: "https://accord.example.sch.uk/verify",
      });
      expect(pdfinfo(pdf)).toMatch(/^Tagged:\s+yes$/m);
      const tree = pdfinfo(pdf, "-struct-text");
      expect(tree).toMatch(/^Document\n {2}H1 \(block\)\n {4}"Signed agreement — receipt"/);
      expect(tree).toMatch(/TH:\n\s+\/Scope \/Row\n\s+"Full name"/);
      expect(tree).toContain('"I will lock my screen when I leave my desk."');
    });
  },
);

describe("the PDF/UA check fails what is not accessible", () => {
  it("fails an untagged PDF, naming the rules it breaks", async () => {
    const { doc, done, use } = newPdfDocument("Class sheet", "Oakfield Primary School");
    doc.addPage();
    use("bold", 14).text("Class sheet");
    doc.rect(40, 100, 100, 20).fill("#1d4e89");
    doc.end();
    const report = await checkPdfUa(await done);
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^01-001: the catalog's MarkInfo/),
        "06-001: no XMP metadata stream",
        expect.stringMatching(/^01-005: page 1 has no structure tree/),
        expect.stringMatching(/^01-001: page 1 draws 2 thing/),
        expect.stringMatching(/^14-002: the document has no headings/),
      ]),
    );
  });

  it("fails a tagged PDF with untagged text, a Figure without alternative text, no title shown and a font not embedded", async () => {
    // pdfkit's own Helvetica is one of the 14 standard fonts, which are never embedded.
    const doc = new PDFDocument({ tagged: true, pdfVersion: "1.7", autoFirstPage: false });
    const done = collectPdf(doc);
    doc.addPage();
    const root = doc.struct("Document");
    doc.addStructure(root);
    root.add(doc.struct("H2", {}, () => doc.text("Starts at level two")));
    root.add(doc.struct("Figure", {}, () => doc.rect(40, 200, 50, 50).fill("#000")));
    doc.text("Not tagged at all");
    root.end();
    doc.end();
    const report = await checkPdfUa(await done);
    expect(report.failures).toEqual(
      expect.arrayContaining([
        "07-002: the document has no Title",
        "07-001: ViewerPreferences DisplayDocTitle is not true",
        "11-001: the document's language (/Lang) is not set",
        "13-004: a Figure on page 1 has no alternative text",
        expect.stringMatching(/^01-001: page 1 draws 1 thing/),
        expect.stringMatching(/^31-001: the font .*Helvetica.* is not embedded/),
        "14-002: the first heading is H2, not H1",
      ]),
    );
    expect(report.failures.join("\n")).not.toMatch(/MarkInfo/);
  });
});
