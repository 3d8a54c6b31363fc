/**
 * One integration test per shape a school's document arrives in (issue 18, parts 1 and 2): the
 * bytes of a file go in, the draft a person checks comes out. Every document here is invented.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { type ExtractedPolicy, extractPolicy, extractPolicyFromFile } from "./extract.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const fixture = (name: string) => readFileSync(path.join(fixtures, name));
const texts = (policy: ExtractedPolicy) => policy.statements.map((s) => s.text);
const NO_REVIEW = {
  frequency: null,
  nextDue: null,
  lastReviewed: null,
  agreedWithStaff: null,
  agreedAtCommittee: null,
};

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const run = (text: string) => `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
const para = (text: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${run(text)}</w:p>`;
const styled = (style: string, text: string) => para(text, `<w:pStyle w:val="${style}"/>`);
/** numId 1 is a bulleted list, 2 a numbered one. */
const listItem = (numId: number, text: string) =>
  para(
    text,
    `<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr>`,
  );
const table = (rows: string[][]) =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${para(c)}</w:tc>`).join("")}</w:tr>`).join("")}</w:tbl>`;

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

describe("statements whatever their grammar", () => {
  it("makes each clause under a lead-in a whole statement, keeping the lead-in's condition (.txt, • bullets)", async () => {
    const policy = await extractPolicyFromFile("ict.txt", fixture("lead-in-agreement.txt"));
    expect(texts(policy).slice(0, 5)).toEqual([
      "When using school laptops and tablets, I will keep my login details to myself",
      "When using school laptops and tablets, I will lock the screen before I walk away from it",
      "When using school laptops and tablets, I will tell the office when a device is lost or damaged.",
      "I agree that I will not install software that the ICT lead has not approved",
      "I agree that I will not connect a personal memory stick to a classroom computer",
    ]);
    // The lead-ins themselves are not statements: nobody signs "I will:".
    expect(texts(policy).some((t) => t.endsWith(":"))).toBe(false);
  });

  it("finds rules written in the third person, but not what is done to people", async () => {
    const policy = await extractPolicyFromFile("ict.txt", fixture("lead-in-agreement.txt"));
    expect(texts(policy)).toEqual(
      expect.arrayContaining([
        "All staff will not share pupil records with anyone outside the school.",
        "Staff must use the school's own cloud storage for planning and reports.",
        "Visitors will keep their phones in their bags while in classrooms.",
        "Pupils should ask an adult before they print anything.",
      ]),
    );
    expect(texts(policy).some((t) => /will be taught|asked to sign/.test(t))).toBe(false);
    expect(policy.declaration).toBe("I agree to follow this agreement.");
  });

  it("finds numbered and lettered rules: 1. 2) a) (i)", async () => {
    const policy = await extractPolicyFromFile("ict.txt", fixture("lead-in-agreement.txt"));
    expect(texts(policy).slice(-4)).toEqual([
      "I will check the recipients before I send any email about a pupil.",
      "Volunteers must sign out any laptop they borrow.",
      "Governors should use their school email for governor business.",
      "I will report any filtering gap to the designated safeguarding lead.",
    ]);
    expect(policy.statements).toHaveLength(13);
  });

  it("reads a lead-in and its clauses from a Word list, and from a document that lost its bullets", async () => {
    const docx = await buildDocx(
      [
        styled("Title", "Laptop Loan Agreement"),
        para("While a school laptop is on loan to me I will:"),
        listItem(2, "keep it in its case when I travel"),
        listItem(2, "charge it at home every night"),
        para("Parents must tell the office about any damage within a week."),
      ].join(""),
    );
    const fromWord = await extractPolicyFromFile("loan.docx", docx);
    expect(texts(fromWord)).toEqual([
      "While a school laptop is on loan to me, I will keep it in its case when I travel",
      "While a school laptop is on loan to me, I will charge it at home every night",
      "Parents must tell the office about any damage within a week.",
    ]);
    const noBullets = extractPolicy(
      [
        "Laptop Loan Agreement",
        "While a school laptop is on loan to me I will:",
        "keep it in its case when I travel;",
        "charge it at home every night.",
        "Parents must tell the office about any damage within a week.",
      ].join("\n"),
    );
    expect(texts(noBullets)).toEqual([
      "While a school laptop is on loan to me, I will keep it in its case when I travel",
      "While a school laptop is on loan to me, I will charge it at home every night.",
      "Parents must tell the office about any damage within a week.",
    ]);
  });

  it("reads a lead-in that is itself a list item, with its clauses nested under it (.md)", () => {
    const policy = extractPolicy(
      [
        "# Pupil Tablet Rules",
        "",
        "- When I take a tablet home I will:",
        "  - bring it back charged every morning",
        "  - keep it away from food and drink",
        "- I will tell my teacher if it breaks.",
      ].join("\n"),
      { format: "md" },
    );
    expect(texts(policy)).toEqual([
      "When I take a tablet home, I will bring it back charged every morning",
      "When I take a tablet home, I will keep it away from food and drink",
      "I will tell my teacher if it breaks.",
    ]);
  });

  it("finds a statement wrapped over several lines as one statement", () => {
    const policy = extractPolicy(
      [
        "Remote Teaching Code",
        "",
        "Staff must not record a live lesson unless the",
        "headteacher has agreed to it in writing beforehand.",
        "",
        "I will keep my camera pointed at the whiteboard and",
        "away from any pupil who has joined the lesson.",
      ].join("\n"),
    );
    expect(texts(policy)).toEqual([
      "Staff must not record a live lesson unless the headteacher has agreed to it in writing beforehand.",
      "I will keep my camera pointed at the whiteboard and away from any pupil who has joined the lesson.",
    ]);
  });

  it("splits PDF text flattened to long lines into its rules, ignoring prose about signing", async () => {
    const policy = await extractPolicyFromFile("agreement.txt", fixture("flattened-pdf-agreement.txt"));
    expect(policy.title).toBe("Online Safety Agreement for Staff 2025");
    expect(texts(policy)).toEqual([
      "I will keep my password private and change it when I am asked to.",
      "I will lock my screen whenever I leave my desk.",
      "I will only use my school email for school business.",
      "I will report a lost device to the office on the same day.",
      "Staff must not store pupil photographs on personal phones.",
      "Visitors will sign in at reception.",
      "Volunteers should wear a lanyard at all times.",
      "When using the school network, I will use only approved software",
      "When using the school network, I will respect the copyright of others.",
    ]);
    // The heading that the flattening glued to a rule is a section again.
    expect(policy.sections.map((s) => s.heading)).toContain("Passwords and accounts");
  });

  it("does not take a curriculum's promises or the school's own duties for rules people sign", () => {
    const policy = extractPolicy(
      [
        "Computing Curriculum Statement",
        "Pupils will learn how to search the web safely in Year 3.",
        "Learners will have access to a filtered connection in every classroom.",
        "Parents will be informed when the filtering policy changes.",
        "The headteacher will make sure the filtering is checked every term.",
        "We will review this statement every year.",
        "Pupils must not share their passwords with friends.",
      ].join("\n\n"),
    );
    expect(texts(policy)).toEqual(["Pupils must not share their passwords with friends."]);
  });

  it("keeps a paragraph that merely mentions signing out of the statements", () => {
    const policy = extractPolicy(
      [
        "Governor Visits Protocol",
        "I will be asked to sign this protocol at my first meeting.",
        "Before my first visit I will be given a copy of the safeguarding policy.",
        "Governors must sign in at reception on every visit.",
      ].join("\n\n"),
    );
    expect(texts(policy)).toEqual(["Governors must sign in at reception on every visit."]);
  });

  it("turns a consent form's yes/no questions into the agreement's choices", async () => {
    const policy = await extractPolicyFromFile("consent.txt", fixture("consent-form.txt"));
    expect(policy.choices).toEqual([
      {
        label: "Do you give permission for photographs of your child to appear in the school newsletter?",
        options: ["yes", "no"],
      },
      {
        label: "Are you happy for your child to use the online reading library at home?",
        options: ["yes", "no"],
      },
      { label: "May we show your child's artwork on the school website?", options: ["yes", "no"] },
    ]);
    expect(policy.statements).toEqual([]);
    expect(policy.sections).toEqual([]);
    expect(policy.signatureFields).toEqual(["name", "signature", "date"]);
  });

  it("reads yes/no questions laid out as a Word table", async () => {
    const docx = await buildDocx(
      [
        styled("Title", "Trip Consent Form"),
        table([
          ["Question", "Yes", "No"],
          ["Do you consent to your child travelling by coach?", "Yes", "No"],
          ["Can your child swim 25 metres?", "☐ Yes", "☐ No"],
        ]),
      ].join(""),
    );
    const policy = await extractPolicyFromFile("trip.docx", docx);
    expect(policy.choices.map((c) => c.label)).toEqual([
      "Do you consent to your child travelling by coach?",
      "Can your child swim 25 metres?",
    ]);
    expect(policy.choices.every((c) => c.options.join() === "yes,no")).toBe(true);
  });
});

describe("titles, version history and review dates", () => {
  it("takes the title from under a logo line and the school's and trust's names", async () => {
    const policy = await extractPolicyFromFile("phones.txt", fixture("letterhead-policy.txt"));
    expect(policy.title).toBe("Mobile Phone and Smart Watch Policy");
    // The letterhead stays in the text, above the title, and is not a section.
    expect(policy.markdown.indexOf("Cedar Lane Academy")).toBeLessThan(policy.markdown.indexOf("# Mobile"));
    expect(policy.sections.map((s) => s.heading)).toEqual(["Document control", "Purpose"]);
    const md = extractPolicy(
      "![Crest](crest.png)\n\nAsh Grove Federation\n\nCamera Use Policy\n\nSome text.",
      {
        format: "md",
      },
    );
    expect(md.title).toBe("Camera Use Policy");
    // A title that names the school is still the title.
    const named = extractPolicy("Ash Grove Primary School Online Safety Policy\n\nSome text.");
    expect(named.title).toBe("Ash Grove Primary School Online Safety Policy");
  });

  it("takes the title from under a school name in a .docx, and reads a Word history table in any column order", async () => {
    const docx = await buildDocx(
      [
        para("Larchfield Church of England Academy"),
        styled("Title", "Acceptable Use Policy"),
        styled("Heading1", "Revision log"),
        table([
          ["Date", "Author", "Issue", "Approved by", "Summary of changes"],
          ["12/09/2023", "A Mensah", "1.0", "Resources committee", "New policy"],
          ["Autumn term 2024", "A Mensah", "1.1", "Resources committee", "AI tools section"],
        ]),
        table([
          ["Next review", "September 2026"],
          ["Approved by governors", "14/10/2024"],
        ]),
        styled("Heading1", "Scope"),
        para("This policy covers every device on the academy network."),
      ].join(""),
    );
    const policy = await extractPolicyFromFile("aup.docx", docx);
    expect(policy.title).toBe("Acceptable Use Policy");
    expect(policy.history).toEqual([
      { number: "1.0", date: "2023-09-12", summary: "New policy" },
      { number: "1.1", date: "2024-09-01", summary: "AI tools section" },
    ]);
    expect(policy.review.nextDue).toBe("2026-09-01");
    expect(policy.review.agreedAtCommittee).toBe("2024-10-14");
    expect(policy.sections.map((s) => s.heading)).toEqual(["Revision log", "Scope"]);
  });

  it("reads a history table typed with runs of spaces, leaving an empty cell empty", async () => {
    const policy = await extractPolicyFromFile("phones.txt", fixture("letterhead-policy.txt"));
    expect(policy.history).toEqual([
      { number: "1", date: "2022-09-03", summary: "First issue" },
      { number: "2", date: "2023-09-04", summary: "Smart watches added" },
      { number: "3", date: "2024-09-02", summary: "Photographs on trips rewritten" },
    ]);
    // "The next anticipated review date will be:" with the date on the line below, and the
    // frequency under its label.
    expect(policy.review.nextDue).toBe("2026-09-01");
    expect(policy.review.frequency).toBe("two-yearly");
  });

  it("reads a history table typed with spaces in a .docx, one Word paragraph a row", async () => {
    const docx = await buildDocx(
      [
        styled("Title", "Remote Learning Policy"),
        styled("Heading1", "Version control"),
        para("Version    Date           Summary"),
        para("1.0        01/09/2021     First issue"),
        para("1.1        06/01/2022     Live lessons added"),
        styled("Heading1", "Aims"),
        para("Staff must run live lessons from school accounts only."),
      ].join(""),
    );
    const policy = await extractPolicyFromFile("remote.docx", docx);
    expect(policy.history).toEqual([
      { number: "1.0", date: "2021-09-01", summary: "First issue" },
      { number: "1.1", date: "2022-01-06", summary: "Live lessons added" },
    ]);
    expect(policy.sections.map((s) => s.heading)).toEqual(["Version control", "Aims"]);
    expect(texts(policy)).toEqual(["Staff must run live lessons from school accounts only."]);
  });

  it("reads a history table typed with pipes but no outer pipes, version column last", () => {
    const policy = extractPolicy(
      [
        "Data Protection Policy",
        "",
        "Date | Approved by | Comments | Version",
        "01/02/2021 | FGB | Adopted | 1",
        "15/03/2023 | FGB | UK GDPR wording | 2",
      ].join("\n"),
    );
    expect(policy.history).toEqual([
      { number: "1", date: "2021-02-01", summary: "Adopted" },
      { number: "2", date: "2023-03-15", summary: "UK GDPR wording" },
    ]);
  });

  it("does not take double-spaced sentences for a table", () => {
    const policy = extractPolicy(
      [
        "Homework Club Agreement",
        "I will arrive on time.  Next I will sign the register.",
        "I will tidy my desk.  Date changes are announced in the newsletter.",
      ].join("\n"),
    );
    expect(policy.history).toEqual([]);
    expect(texts(policy)).toHaveLength(2);
  });

  it("reads review dates in the phrasings schools use", () => {
    const review = (text: string) => extractPolicy(`Behaviour Policy\n\nSome text.\n\n${text}`).review;
    expect(review("Next review date: 1st July 2027").nextDue).toBe("2027-07-01");
    expect(review("Review October 2018")).toEqual({ ...NO_REVIEW, nextDue: "2018-10-01" });
    expect(review("Date Reviewed Date of Next Review September 2015 September 2018")).toEqual({
      ...NO_REVIEW,
      lastReviewed: "2015-09-01",
      nextDue: "2018-09-01",
    });
    expect(review("Date of next review:\n\nSpring term 2027").nextDue).toBe("2027-01-01");
    expect(review("Last reviewed    Next review\nMarch 2025       March 2026")).toEqual({
      ...NO_REVIEW,
      lastReviewed: "2025-03-01",
      nextDue: "2026-03-01",
    });
    expect(review("This policy will be reviewed annually by the headteacher.").frequency).toBe("annual");
  });

  it("reads a Welsh school's letterhead, title and review dates", () => {
    const policy = extractPolicy(
      [
        "Ysgol Gynradd Bryn Celyn",
        "Polisi Diogelwch Ar-lein",
        "Adolygwyd: Medi 2025",
        "Dyddiad adolygu nesaf: Medi 2027",
        "Amlder adolygu: bob dwy flynedd",
      ].join("\n\n"),
    );
    expect(policy.title).toBe("Polisi Diogelwch Ar-lein");
    expect(policy.review).toEqual({
      ...NO_REVIEW,
      frequency: "two-yearly",
      lastReviewed: "2025-09-01",
      nextDue: "2027-09-01",
    });
  });

  it("invents nothing when the document gives no review date, history or frequency", () => {
    const policy = extractPolicy(
      "Lunchtime Screens Policy\n\nPupils should ask before using a screen at lunch.\n\nWe review how this works with the school council.",
    );
    expect(policy.review).toEqual(NO_REVIEW);
    expect(policy.history).toEqual([]);
  });
});
