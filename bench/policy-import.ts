/**
 * Benchmark: import a 60-page policy (.docx, ~25,000 words) on the embedded database (PGlite, as
 * a school runs Accord by default). The document is generated here, in the shapes the importer
 * reads: heading styles, Word bullet and numbered lists, lead-ins with clauses, third-person
 * rules, a Word version table, a review table, paragraphs of prose. Measured, median of RUNS:
 *
 *   baseline  unzip the .docx and turn it into HTML (mammoth): reading the file, no importer
 *   extract   decode + extract: extractPolicyFromFile, the whole importer, nothing saved
 *   service   importPolicyDocument: extract, the source text, and the policy and its draft
 *             version written to the embedded database (one transaction, audit included)
 *
 *   npx tsx bench/policy-import.ts [runs=7]
 * Target (issue 18): under 2 s median for the import.
 */

import { sql } from "drizzle-orm";
import JSZip from "jszip";
import mammoth from "mammoth";
import { openPglite } from "../src/db/client.js";
import type { Actor } from "../src/modules/access/roles.js";
import { extractPolicyFromFile } from "../src/modules/policies/import/extract.js";
import { importPolicyDocument } from "../src/modules/policies/importing.js";

const RUNS = Number(process.argv[2] ?? 7);
const SECTIONS = 60;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (text: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${run(text)}</w:p>`;
const styled = (style: string, text: string) => para(text, `<w:pStyle w:val="${style}"/>`);
const listItem = (numId: number, text: string) =>
  para(
    text,
    `<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr>`,
  );
const table = (rows: string[][]) =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${para(c)}</w:tc>`).join("")}</w:tr>`).join("")}</w:tbl>`;

const TOPICS = [
  "email",
  "cloud storage",
  "tablets",
  "the school network",
  "video calls",
  "printing",
  "cameras",
];
const PEOPLE = ["Staff", "Pupils", "Visitors", "Volunteers", "Governors"];

/** Invented prose: ~430 words a section with its rules, about a page in Word. */
function prose(section: number, paragraph: number, sentences = 4): string {
  const topic = TOPICS[(section + paragraph) % TOPICS.length];
  return Array.from(
    { length: sentences },
    (_, i) =>
      `Section ${section} sets out how ${topic} is used across the school site in lesson ${paragraph + i}, and why the approach was chosen after talking with the school council and the digital leaders group.`,
  ).join(" ");
}

function makeBody(): string {
  const parts = [
    para("Bench Hollow Academy"),
    styled("Title", "Online Safety and Acceptable Use Policy"),
    styled("Heading1", "Version history"),
    table([
      ["Issue", "Date", "Author", "Approved by", "Comments"],
      ...Array.from({ length: 8 }, (_, i) => [
        `${i + 1}.0`,
        `0${(i % 9) + 1}/09/20${16 + i}`,
        "D Whitlock",
        "Full governors",
        `Annual update number ${i + 1}`,
      ]),
    ]),
    table([
      ["Date Reviewed", "Date of Next Review"],
      ["September 2025", "September 2026"],
    ]),
  ];
  for (let s = 1; s <= SECTIONS; s++) {
    parts.push(styled("Heading1", `${s}. ${TOPICS[s % TOPICS.length]} in school`));
    parts.push(para(prose(s, 0)), para(prose(s, 1)));
    parts.push(para(`When using ${TOPICS[s % TOPICS.length]} I will:`));
    for (let c = 0; c < 4; c++)
      parts.push(listItem(1, `keep rule ${s}.${c} about ${TOPICS[c % TOPICS.length]};`));
    for (let r = 0; r < 3; r++)
      parts.push(
        listItem(2, `${PEOPLE[(s + r) % PEOPLE.length]} must follow procedure ${s}.${r} for ${TOPICS[r]}.`),
      );
    parts.push(para(prose(s, 2, 3)));
  }
  parts.push(
    styled("Heading1", "Signature"),
    para("I agree to follow this policy."),
    para("Signature: ________ Date: ______"),
  );
  return parts.join("");
}

async function makeDocx(): Promise<Buffer> {
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
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${makeBody()}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function main() {
  const bytes = await makeDocx();
  const words = (await mammoth.extractRawText({ buffer: bytes })).value.split(/\s+/).filter(Boolean).length;

  const database = await openPglite(undefined);
  await database.migrate();
  const db = database.db;
  const {
    rows: [school],
  } = (await db.execute(
    sql`INSERT INTO schools (name) VALUES ('Bench Hollow Academy') RETURNING id`,
  )) as unknown as {
    rows: { id: string }[];
  };
  const actor: Actor = {
    schoolId: school.id,
    personId: null,
    name: "Benchmark",
    roles: ["school_admin"],
    kinds: [],
    ip: null,
    via: "system",
  };

  const baseline: number[] = [];
  const extract: number[] = [];
  const service: number[] = [];
  let found = { statements: 0, history: 0, sections: 0, nextDue: null as string | null };
  // One warm-up of each, not counted: the first call pays for compiling the code paths.
  await extractPolicyFromFile("policy.docx", bytes);
  await importPolicyDocument(db, actor, "warm-up.docx", bytes);
  for (let i = 0; i < RUNS; i++) {
    baseline.push(
      await time(async () => {
        await JSZip.loadAsync(bytes);
        await mammoth.convertToHtml({ buffer: bytes });
      }),
    );
    extract.push(
      await time(async () => {
        const policy = await extractPolicyFromFile("policy.docx", bytes);
        found = {
          statements: policy.statements.length,
          history: policy.history.length,
          sections: policy.sections.length,
          nextDue: policy.review.nextDue,
        };
      }),
    );
    service.push(await time(() => importPolicyDocument(db, actor, `policy-${i}.docx`, bytes)));
  }
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(
    `document: ${(bytes.length / 1024).toFixed(0)} kB .docx, ${words} words, ${SECTIONS} sections; found ${found.statements} statements, ${found.history} history rows, ${found.sections} sections, next review ${found.nextDue}`,
  );
  console.log(`runs: ${RUNS} (after one warm-up)`);
  const all = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
  const ratio = (xs: number[]) => `${(median(xs) / median(baseline)).toFixed(1)}× baseline`;
  console.log(`baseline (unzip + mammoth to HTML): median ${ms(median(baseline))} [${all(baseline)}]`);
  console.log(
    `extract (decode + extract):         median ${ms(median(extract))}, ${ratio(extract)} [${all(extract)}]`,
  );
  console.log(
    `service (import into PGlite):       median ${ms(median(service))}, ${ratio(service)} [${all(service)}]`,
  );
  console.log(`target: under 2000 ms → ${median(service) < 2000 ? "met" : "NOT met"}`);
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
