import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  type ExtractedPolicy,
  extractPolicy,
  extractPolicyFromFile,
  UnreadablePolicyError,
} from "./extract.js";
import { normaliseUkDate } from "./uk-dates.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const fixture = (name: string) => readFileSync(path.join(fixtures, name));
/**
 * The real school documents are read at run time, never copied into this repository. A user's
 * fresh clone has no ../shared beside it: those tests skip, saying so, and the invented
 * agreements below hold the same rules in every clone.
 */
const SAMPLES = path.resolve(process.cwd(), "../shared/samples");
const haveSamples = existsSync(SAMPLES);
const sample = (name: string) => readFileSync(path.join(SAMPLES, name));
const sampleLines = (name: string) =>
  sample(name)
    .toString("utf8")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
/** The whole line of the sample that starts with `prefix`. */
const lineStarting = (name: string, prefix: string) => {
  const line = sampleLines(name).find((l) => l.startsWith(prefix));
  if (!line) throw new Error(`no line starting "${prefix}" in ${name}`);
  return line;
};
const statementStarting = (policy: ExtractedPolicy, prefix: string) =>
  policy.statements.find((s) => s.text.startsWith(prefix))?.text;

/** Re-wrap every paragraph at `width` columns, as a plain-text editor would. */
function hardWrap(text: string, width: number): string {
  return text
    .split("\n")
    .map((line) => {
      const bullet = /^(- )/.exec(line)?.[1] ?? "";
      const words = line.slice(bullet.length).split(" ");
      const out: string[] = [];
      let current = bullet;
      for (const word of words) {
        if (current.trim() && `${current} ${word}`.length > width) {
          out.push(current);
          current = bullet ? `  ${word}` : word;
        } else current = current.trim() ? `${current} ${word}` : `${current}${word}`;
      }
      out.push(current);
      return out.join("\n");
    })
    .join("\n");
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const run = (text: string) => `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
const para = (runs: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${runs}</w:p>`;
const styled = (style: string, text: string) => para(run(text), `<w:pStyle w:val="${style}"/>`);
const listItem = (numId: number, text: string) =>
  para(
    run(text),
    `<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr>`,
  );
const table = (rows: string[][]) =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${para(run(c))}</w:tc>`).join("")}</w:tr>`).join("")}</w:tbl>`;

/** A minimal valid .docx: content types, package relationships, document, and list numbering. */
async function buildDocx(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
  );
  zip.file(
    "word/numbering.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

async function expectUnreadable(fileName: string, bytes: Buffer, message: string | RegExp) {
  const attempt = extractPolicyFromFile(fileName, bytes);
  await expect(attempt).rejects.toBeInstanceOf(UnreadablePolicyError);
  await expect(attempt).rejects.toThrow(message);
}

describe("agreements shaped like the real school samples (invented wording)", () => {
  const PARAGRAPHS = "home-learning-agreement.txt";
  const BULLETS = "visitor-volunteer-agreement.txt";
  const fixtureLines = (name: string) =>
    fixture(name)
      .toString("utf8")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);

  it("reads paragraph statements under plain headings, keeping a list with its statement", async () => {
    const policy = await extractPolicyFromFile(PARAGRAPHS, fixture(PARAGRAPHS));
    expect(policy.title).toBe("Home Learning and Recording Agreement for Staff");
    // Four paragraphs open with "I will…"/"I understand…"; two make their commitment after an
    // opening clause ("When recording…, I will…", "If I am using…, I will…"). The sentence about
    // cloud storage is information, not a commitment.
    expect(policy.statements).toHaveLength(6);
    expect(policy.statements.every((s) => /\bI (will|understand)\b/.test(s.text))).toBe(true);
    expect(policy.statements.some((s) => s.text.startsWith("Cloud storage"))).toBe(false);
    expect(statementStarting(policy, "If I am using")).toBe(
      fixtureLines(PARAGRAPHS).find((l) => l.startsWith("If I am using")),
    );
    const recordings = statementStarting(policy, "I will store recordings")!;
    expect(recordings.split("\n")).toHaveLength(4);
    expect(recordings.split("\n")[1]).toBe("- Recordings of lessons stay on the school drive");
    expect(policy.declaration).toMatch(/^I agree to follow this agreement/);
    expect(policy.statements.map((s) => s.text)).not.toContain(policy.declaration);
    expect(policy.signatureFields).toEqual(["signature", "date", "name", "jobTitle"]);
    expect(policy.choices).toEqual([]);
    expect(policy.sections.map((s) => s.heading)).toEqual([
      "Email and messaging",
      "Cameras and recordings",
      "Passwords",
      "User signature",
    ]);
    expect(policy.markdown).toContain("\n## Passwords\n");
  });

  it("finds the same statements hard-wrapped, without blank lines, or as a .docx", async () => {
    const text = fixture(PARAGRAPHS).toString("utf8");
    const original = extractPolicy(text);
    const wrapped = extractPolicy(hardWrap(text, 60));
    expect(wrapped.statements).toEqual(original.statements);
    expect(wrapped.declaration).toBe(original.declaration);
    const noBlankLines = extractPolicy(text.replace(/\n\s*\n/g, "\n"));
    expect(noBlankLines.statements).toEqual(original.statements);
    expect(noBlankLines.sections).toEqual(original.sections);
    const docx = await buildDocx(
      fixtureLines(PARAGRAPHS)
        .map((l) => (l.startsWith("- ") ? listItem(1, l.slice(2)) : para(run(l))))
        .join(""),
    );
    const fromWord = await extractPolicyFromFile("agreement.docx", docx);
    expect(fromWord.statements).toEqual(original.statements);
    expect(fromWord.title).toBe(original.title);
    expect(fromWord.signatureFields).toEqual(original.signatureFields);
  });

  it("reads bulleted statements, a repeated title, a photo choice and advice after the signature", async () => {
    const policy = await extractPolicyFromFile(BULLETS, fixture(BULLETS));
    expect(policy.title).toBe("Visitor and Volunteer Technology Agreement");
    expect(policy.markdown.split(policy.title)).toHaveLength(2);
    // Six bullets: four commitments; the two about images are rules in the third person.
    expect(policy.statements.map((s) => s.text.slice(0, 20))).toEqual([
      "I will only use the ",
      "I understand that my",
      "I will report any wo",
      "I will wear my visit",
    ]);
    expect(policy.statements.some((s) => s.text.startsWith("Do not"))).toBe(false);
    expect(policy.declaration).toBe(
      "I agree to follow this agreement while I am working or volunteering in school.",
    );
    expect(policy.choices).toEqual([
      {
        label: "I agree/disagree for my photo to be used on the visitor board in reception",
        options: ["agree", "disagree"],
      },
    ]);
    expect(policy.signatureFields).toEqual(["signature", "date", "name", "jobTitle"]);
    expect(policy.history).toEqual([]);
  });
});

describe.skipIf(!haveSamples)(
  "importing the real school samples (skipped: no ../shared/samples beside this clone)",
  () => {
    const ONLINE_SAFETY = "online-safety-agreement-staff.txt";
    const VISITORS = "staff-governor-visitor-agreement.txt";

    it("reads the online-safety agreement: paragraph statements under plain headings", async () => {
      const policy = await extractPolicyFromFile(ONLINE_SAFETY, sample(ONLINE_SAFETY));
      expect(policy.title).toBe(sampleLines(ONLINE_SAFETY)[0]);
      // 21 paragraphs open with "I will…"/"I understand…", and 2 more make their commitment after
      // an opening clause ("When using social networking … I will…", "If I am using … I will…").
      expect(policy.statements).toHaveLength(23);
      expect(policy.statements.every((s) => /\bI (will|understand)\b/.test(s.text))).toBe(true);
      // A long statement of several sentences comes out whole, exactly as the paragraph reads.
      expect(statementStarting(policy, "I will not access secure")).toBe(
        lineStarting(ONLINE_SAFETY, "I will not access secure"),
      );
      // The data-protection statement introduces a list; its items belong to it.
      const dataProtection = statementStarting(policy, "I will follow requirements")!;
      expect(dataProtection.split("\n")).toHaveLength(4);
      expect(dataProtection.split("\n")[1]).toMatch(/^- Photographs/);
      expect(policy.statements.map((s) => s.text)).not.toContain(
        lineStarting(ONLINE_SAFETY, "I agree to follow"),
      );
      expect(policy.declaration).toBe(lineStarting(ONLINE_SAFETY, "I agree to follow"));
      expect(policy.signatureFields).toEqual(["signature", "date", "name", "jobTitle"]);
      expect(policy.choices).toEqual([]);
      expect(policy.sections).toHaveLength(13);
      expect(policy.sections[0]).toEqual({ heading: "Internet Access", level: 2 });
      expect(policy.sections.at(-1)).toEqual({ heading: "User signature", level: 2 });
      expect(policy.history).toEqual([]);
      expect(policy.review.frequency).toBeNull();
      expect(policy.markdown).toContain("\n## Passwords\n");
      expect(policy.markdown).toContain("\n- Personal or sensitive data taken off site must be encrypted\n");
    });

    it("finds the same statements when the sample is hard-wrapped, has no blank lines, or is a .docx", async () => {
      const original = extractPolicy(sample(ONLINE_SAFETY).toString("utf8"));
      const text = sample(ONLINE_SAFETY).toString("utf8");

      const wrapped = extractPolicy(hardWrap(text, 72));
      expect(wrapped.statements).toEqual(original.statements);
      expect(wrapped.declaration).toBe(original.declaration);

      const noBlankLines = extractPolicy(text.replace(/\n\s*\n/g, "\n"));
      expect(noBlankLines.statements).toEqual(original.statements);
      expect(noBlankLines.sections).toEqual(original.sections);

      const lines = sampleLines(ONLINE_SAFETY);
      const docx = await buildDocx(
        lines.map((l) => (l.startsWith("- ") ? listItem(1, l.slice(2)) : para(run(l)))).join(""),
      );
      const fromWord = await extractPolicyFromFile("agreement.docx", docx);
      expect(fromWord.statements).toEqual(original.statements);
      expect(fromWord.title).toBe(original.title);
      expect(fromWord.signatureFields).toEqual(original.signatureFields);
    });

    it("reads the staff, governor and visitor agreement: bulleted statements, photo choice", async () => {
      const policy = await extractPolicyFromFile(VISITORS, sample(VISITORS));
      const title = sampleLines(VISITORS)[0];
      expect(sampleLines(VISITORS)[1]).toBe(title); // the Word export repeats it
      expect(policy.title).toBe(title);
      expect(policy.markdown.split(title)).toHaveLength(2);
      // 14 bullets in the agreement: 12 open with "I will…"/"I understand…"; the two about images
      // are rules in the third person, not commitments. The "Do not…" advice after the signature
      // block is guidance, not something signed.
      expect(policy.statements).toHaveLength(12);
      expect(policy.statements.some((s) => s.text.startsWith("Images"))).toBe(false);
      expect(policy.statements.some((s) => s.text.startsWith("Do not"))).toBe(false);
      expect(statementStarting(policy, "I will ensure that personal data")).toBe(
        lineStarting(VISITORS, "- I will ensure that personal data").slice(2),
      );
      expect(policy.declaration).toBe(lineStarting(VISITORS, "I agree to follow"));
      expect(policy.choices).toEqual([
        {
          label: "I agree/disagree for my photo to be used for professional purposes",
          options: ["agree", "disagree"],
        },
      ]);
      expect(policy.statements.some((s) => s.text.includes("disagree"))).toBe(false);
      expect(policy.signatureFields).toEqual(["signature", "date", "name", "jobTitle"]);
      expect(policy.sections.map((s) => s.heading)).toContain("User Signature");
      expect(policy.history).toEqual([]);
      expect(policy.appendices).toEqual([]);
    });
  },
);

describe("importing documents in other shapes", () => {
  it("reads a Markdown policy with numbered statements and a pipe-table history", async () => {
    const policy = await extractPolicyFromFile(
      "mobile-devices-agreement.md",
      fixture("mobile-devices-agreement.md"),
    );
    expect(policy.title).toBe("Mobile Devices and Remote Working Agreement");
    expect(policy.markdown.match(/^# /gm)).toHaveLength(1);
    expect(policy.sections).toEqual([
      { heading: "1. Why this agreement exists", level: 2 },
      { heading: "2. What I agree to", level: 2 },
      { heading: "3. Version history", level: 2 },
      { heading: "4. Review", level: 2 },
      { heading: "Appendix A – Device loan form", level: 2 },
      { heading: "Declaration", level: 2 },
    ]);
    expect(policy.statements.map((s) => s.text.split(" ").slice(0, 2).join(" "))).toEqual([
      "I will",
      "I will",
      "I understand",
      "I won't",
      "I must",
      "I know",
    ]);
    expect(policy.statements[1].text).toBe(
      "I will store school laptops out of sight when they are in a car, and I will never leave them in a vehicle overnight.",
    );
    expect(policy.history).toEqual([
      { number: "1.0", date: "2022-09-01", summary: "First issue" },
      { number: "1.1", date: "2023-09-01", summary: "Reviewed – no changes" },
      { number: "2.0", date: "2024-03-04", summary: "Added remote working section" },
      { number: "2.1", date: "2025-09-01", summary: "Reviewed – no changes" },
    ]);
    expect(policy.review).toEqual({
      frequency: "two-yearly",
      nextDue: "2027-09-01",
      lastReviewed: null,
      agreedWithStaff: "2025-09-12",
      agreedAtCommittee: "2025-10-02",
    });
    expect(policy.declaration).toBe("I have read and understood this agreement and will keep to it.");
    expect(policy.choices).toEqual([
      {
        label: "I agree / do not agree for my photograph to appear on the staff noticeboard",
        options: ["agree", "do not agree"],
      },
    ]);
    expect(policy.signatureFields).toEqual(["name", "signature", "date"]);
    expect(policy.appendices).toEqual(["Appendix A – Device loan form"]);
    expect(policy.markdown).toContain("| 1.1 | Sept 2023 | Reviewed – no changes | J. Patel |");
    expect(policy.markdown).toContain("\n2. I will store school laptops");
  });

  it("reads a hard-wrapped text file with capitals headings, • bullets and a tab-separated history", async () => {
    const policy = await extractPolicyFromFile(
      "social-media-agreement.txt",
      fixture("social-media-agreement.txt"),
    );
    expect(policy.title).toBe("Social Media and Photography Agreement for Staff");
    expect(policy.sections).toEqual([
      { heading: "1. SOCIAL MEDIA", level: 2 },
      { heading: "2. PHOTOGRAPHS AND VIDEO", level: 2 },
      { heading: "3. REPORTING CONCERNS", level: 2 },
      { heading: "VERSION CONTROL", level: 2 },
      { heading: "SIGNATURE", level: 2 },
    ]);
    expect(policy.statements).toHaveLength(7);
    expect(policy.statements[0].text).toBe(
      "I will keep my personal social media accounts private and I will not accept friend or follow requests from pupils or from parents I know only through my work.",
    );
    expect(policy.statements[4].text).toBe(
      [
        "I will check the consent list held by the office before a photograph of any child is shared beyond the classroom. This covers:",
        "- the website, newsletters and the school's own social media pages",
        "- displays in the entrance hall",
      ].join("\n"),
    );
    expect(policy.statements[6].text).toMatch(/^I will tell the designated .* investigate it myself\.$/);
    expect(policy.history).toEqual([
      { number: "1.0", date: "2024-09-01", summary: "New agreement" },
      { number: "1.1", date: "2025-09-01", summary: "Reviewed – no changes" },
      { number: "1.2", date: "2026-09-03", summary: "Updated the consent list procedure" },
    ]);
    expect(policy.review).toEqual({
      frequency: "annual",
      nextDue: "2027-09-01",
      lastReviewed: "2026-09-03",
      agreedWithStaff: null,
      agreedAtCommittee: null,
    });
    expect(policy.declaration).toBe("I have read this agreement and I agree to follow it.");
    expect(policy.signatureFields).toEqual(["name", "signature", "date", "jobTitle"]);
    expect(policy.markdown).toContain(
      "| Version | Date | Changes |\n| --- | --- | --- |\n| 1.0 | Sept 2024 | New agreement |",
    );
    expect(policy.markdown).toContain("\n   - displays in the entrance hall\n");
  });

  it("reads the same text file saved as Windows-1252 with Windows line endings", async () => {
    const utf8 = fixture("social-media-agreement.txt").toString("utf8");
    const windows = iconv.encode(utf8.replace(/\n/g, "\r\n"), "win1252");
    const fromWindows = await extractPolicyFromFile("agreement.txt", windows);
    const fromUtf8 = await extractPolicyFromFile("agreement.txt", fixture("social-media-agreement.txt"));
    expect(fromWindows).toEqual(fromUtf8);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture("social-media-agreement.txt")]);
    expect((await extractPolicyFromFile("agreement.txt", withBom)).title).toBe(fromUtf8.title);
  });

  it("reads a .docx with heading styles, Word lists, a version table and a signature block", async () => {
    const body = [
      styled("Title", "Visitor and Volunteer ICT Agreement"),
      styled("Heading1", "About this agreement"),
      para(
        run("Visitors and volunteers sometimes use our guest wifi or a school laptop. Please read and sign."),
      ),
      styled("Heading1", "Your commitments"),
      listItem(1, "I will only connect to the guest wifi network."),
      para(
        run("I will not photograph or film pupils ") + run("on any device."),
        `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`,
      ),
      listItem(1, "I understand that my use of the guest network is filtered and logged."),
      listItem(2, "I agree to hand back any borrowed equipment before I leave."),
      styled("Heading1", "Version control"),
      table([
        ["Version", "Date", "Summary"],
        ["1.0", "01/09/2024", "First version"],
        ["1.1", "September 2025", "Reviewed – no changes"],
      ]),
      styled("Heading1", "Review"),
      para(run("This agreement is reviewed annually by the governing body.")),
      para(run("Next review: 1 September 2026")),
      styled("Heading1", "Signature"),
      para(run("I confirm that I have read this agreement and will follow it.")),
      para(
        `${run("Full name (printed): ________")}<w:r><w:br/></w:r>${run("Signature: ________")}<w:r><w:br/></w:r>${run("Date: ________")}`,
      ),
      styled("Heading1", "Appendix B – Guest wifi instructions"),
      para(run("Ask at reception for today's guest password.")),
    ].join("");
    const policy = await extractPolicyFromFile("visitor-agreement.docx", await buildDocx(body));
    expect(policy.title).toBe("Visitor and Volunteer ICT Agreement");
    expect(policy.sections).toEqual([
      { heading: "About this agreement", level: 1 },
      { heading: "Your commitments", level: 1 },
      { heading: "Version control", level: 1 },
      { heading: "Review", level: 1 },
      { heading: "Signature", level: 1 },
      { heading: "Appendix B – Guest wifi instructions", level: 1 },
    ]);
    expect(policy.statements.map((s) => s.text)).toEqual([
      "I will only connect to the guest wifi network.",
      "I will not photograph or film pupils on any device.",
      "I understand that my use of the guest network is filtered and logged.",
      "I agree to hand back any borrowed equipment before I leave.",
    ]);
    expect(policy.history).toEqual([
      { number: "1.0", date: "2024-09-01", summary: "First version" },
      { number: "1.1", date: "2025-09-01", summary: "Reviewed – no changes" },
    ]);
    expect(policy.review.frequency).toBe("annual");
    expect(policy.review.nextDue).toBe("2026-09-01");
    expect(policy.declaration).toBe("I confirm that I have read this agreement and will follow it.");
    expect(policy.signatureFields).toEqual(["name", "signature", "date"]);
    expect(policy.appendices).toEqual(["Appendix B – Guest wifi instructions"]);
    expect(policy.markdown).toContain("- I will only connect to the guest wifi network.\n");
    expect(policy.markdown).toContain("1. I agree to hand back any borrowed equipment before I leave.\n");
    expect(policy.markdown).toContain("| Version | Date | Summary |");
  });

  it("reads statements whatever their bullets, including none, in a Word text export without blank lines", () => {
    const text = [
      "Pupil Tablet Pledge",
      "RULES FOR USING THE CLASS TABLETS",
      "* I will use the tablets only when an adult says I can.",
      "a) I will keep the tablet on the table and carry it with two hands.",
      "(i) I will not share my password with anyone except my teacher.",
      "o I will tell an adult if something on the screen upsets me.",
      "I know that the school can see which websites I visit.",
      "I'll log out when I have finished.",
      "2. I won't take photos of other people without asking them first.",
      "I am aware that breaking these rules means I may lose my tablet time.",
      "• I will not use the tablets in the toilets or changing rooms.",
      "Signed by pupil\t\tDate",
    ].join("\r\n");
    const policy = extractPolicy(text);
    expect(policy.title).toBe("Pupil Tablet Pledge");
    expect(policy.sections).toEqual([{ heading: "RULES FOR USING THE CLASS TABLETS", level: 2 }]);
    expect(policy.statements.map((s) => s.text.slice(0, 12))).toEqual([
      "I will use t",
      "I will keep ",
      "I will not s",
      "I will tell ",
      "I know that ",
      "I'll log out",
      "I won't take",
      "I am aware t",
      "I will not u",
    ]);
  });

  it("drops repeated statements and reads 'Version 2.1 – March 2023 – …' history lines", () => {
    const text = [
      "# Remote Learning Agreement",
      "",
      "- I will join live lessons from a shared family space, not a bedroom.",
      "- I will join live lessons from a shared family space, not a bedroom",
      "- I will keep my camera and microphone off unless my teacher asks.",
      "",
      "## Document history",
      "",
      "Version 1.0 – January 2021 – First published during the school closure",
      "Version 1.1 – 15/03/2022 – Reviewed – no changes",
      "Version 2.1 – March 2023 – Updated for the new video platform",
      "2.2 – Reviewed, wording tidied",
      "",
      "This agreement is reviewed every three years.",
      "Date of last review: Spring term 2023 | Approved by governors: 21st March 2023",
    ].join("\n");
    const policy = extractPolicy(text, { format: "md" });
    expect(policy.statements).toHaveLength(2);
    expect(policy.history).toEqual([
      { number: "1.0", date: "2021-01-01", summary: "First published during the school closure" },
      { number: "1.1", date: "2022-03-15", summary: "Reviewed – no changes" },
      { number: "2.1", date: "2023-03-01", summary: "Updated for the new video platform" },
      { number: "2.2", date: null, summary: "Reviewed, wording tidied" },
    ]);
    expect(policy.review).toEqual({
      frequency: "three-yearly",
      nextDue: null,
      lastReviewed: "2023-01-01",
      agreedWithStaff: null,
      agreedAtCommittee: "2023-03-21",
    });
  });

  it("keeps a choice out of the statements and a declaration out of them too", () => {
    const policy = extractPolicy(
      [
        "Parent Photo Consent",
        "",
        "I will remind my child about the class rules for tablets.",
        "",
        "Parent declaration",
        "",
        "I have read this agreement with my child and we agree to follow it.",
        "I give / do not give consent for my child's photo to appear on the school website.",
        "Photos in the school newsletter: Yes / No",
        "",
        "Parent/carer name: ________   Signature: ________   Date: ______",
      ].join("\n"),
    );
    expect(policy.statements.map((s) => s.text)).toEqual([
      "I will remind my child about the class rules for tablets.",
    ]);
    expect(policy.declaration).toBe("I have read this agreement with my child and we agree to follow it.");
    expect(policy.choices).toEqual([
      {
        label: "I give / do not give consent for my child's photo to appear on the school website",
        options: ["give", "do not give"],
      },
      { label: "Photos in the school newsletter", options: ["yes", "no"] },
    ]);
    expect(policy.signatureFields).toEqual(["name", "signature", "date"]);
  });
  it("reads statements laid out in a table and does not take a contents page for version history", () => {
    const policy = extractPolicy(
      [
        "Staff Handbook Extract",
        "",
        "Contents",
        "1.1 Introduction\t3",
        "1.2 Safeguarding\t5",
        "",
        "| Statement | Tick |",
        "|---|---|",
        "| I will lock my screen when I leave my desk. | ☐ |",
        "| I will wear my lanyard while on site. | ☐ |",
      ].join("\n"),
    );
    expect(policy.statements.map((s) => s.text)).toEqual([
      "I will lock my screen when I leave my desk.",
      "I will wear my lanyard while on site.",
    ]);
    expect(policy.history).toEqual([]);
  });
});

describe("UK dates", () => {
  it.each([
    ["Sept 2023", "2023-09-01"],
    ["September 2023", "2023-09-01"],
    ["01/09/2023", "2023-09-01"],
    ["1/9/23", "2023-09-01"],
    ["1st September 2023", "2023-09-01"],
    ["Friday 22nd of March, 2024", "2024-03-22"],
    ["2024-03-22", "2024-03-22"],
    ["Autumn term 2025", "2025-09-01"],
    ["Medi 2025", "2025-09-01"],
    ["09/2025", "2025-09-01"],
    ["31/02/2024", null],
    ["TBC", null],
  ])("%s → %s", (text, iso) => {
    expect(normaliseUkDate(text)).toBe(iso);
  });
});

describe("files that can't be imported", () => {
  it("refuses a PDF by its extension", async () => {
    await expectUnreadable(
      "policy.pdf",
      Buffer.from("%PDF-1.7"),
      ".pdf files can't be imported yet: save it as .docx, .md or .txt",
    );
  });

  it("refuses a damaged .docx", async () => {
    await expectUnreadable(
      "policy.docx",
      Buffer.from("PK\x03\x04 this is not really a zip"),
      /isn't a readable Word document/,
    );
    const zipWithoutDocument = await new JSZip()
      .file("notes.txt", "hello")
      .generateAsync({ type: "nodebuffer" });
    await expectUnreadable("policy.docx", zipWithoutDocument, /isn't a readable Word document/);
  });

  it("refuses empty documents", async () => {
    await expectUnreadable(
      "policy.txt",
      Buffer.alloc(0),
      "This document is empty: there is no text to import",
    );
    await expectUnreadable("policy.md", Buffer.from(" \r\n\r\n\t\n"), /is empty/);
    await expectUnreadable("policy.docx", await buildDocx(para(run("   "))), /is empty/);
    expect(() => extractPolicy("\n\n")).toThrow(UnreadablePolicyError);
  });

  it("refuses binary junk saved as .txt", async () => {
    const withNul = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    await expectUnreadable("policy.txt", withNul, /doesn't contain readable text/);
    const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37 + 1) % 32 || 7));
    await expectUnreadable("policy.txt", controls, /doesn't contain readable text/);
    await expectUnreadable("policy.txt", Buffer.from("%PDF-1.4 rest of the file"), /is a PDF/);
  });

  it("names the title after the file when the document has none", async () => {
    const policy = await extractPolicyFromFile(
      "e-safety_rules.txt",
      Buffer.from(
        "I will ask before I use the internet.\nI will tell a teacher if I see something unkind.\n",
      ),
    );
    expect(policy.title).toBe("E safety rules");
    expect(policy.statements).toHaveLength(2);
  });
});
