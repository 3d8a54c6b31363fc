/**
 * The inspector pack (issue 20, part 4): one ZIP an inspector is handed on the first morning. It
 * holds the school's evidence as CSVs (agreements compliance, training, policies and their review
 * dates, filtering and monitoring reviews, incident counts, consent coverage), the version in
 * force of each published policy as a PDF, and a README saying what each file is and when it was
 * made. Built in memory (decision 026): a school's pack is a few hundred kilobytes.
 */
import { sql } from "drizzle-orm";
import { zipSync } from "fflate";
import { marked, type Token, type Tokens } from "marked";
import { type Db, queryRows } from "../../db/client.js";
import { csvLines } from "../../kernel/csv.js";
import { todayInLondon } from "../../kernel/dates.js";
import { newPdfDocument, PDF_COLOUR } from "../../kernel/pdf.js";
import type { Actor } from "../access/roles.js";
import { complianceCsv, complianceMatrix } from "../agreements/service.js";
import { recordEvent } from "../audit/service.js";
import { exportStatuses } from "../consent/service.js";
import { listReviews, nextReviewDue, TRIGGER_NAMES } from "../filtering/service.js";
import { termOf } from "../incidents/service.js";
import { matrixCsv, trainingMatrix } from "../training/service.js";

/** The files, in the order the README lists them; the policies' PDFs follow in policies/. */
export const PACK_FILES = {
  compliance: "agreements-compliance.csv",
  training: "training.csv",
  policies: "policies.csv",
  filtering: "filtering-and-monitoring-reviews.csv",
  incidents: "incident-counts.csv",
  consent: "consent-coverage.csv",
} as const;

export const POLICIES_CSV_HEADER = [
  "Policy",
  "Category",
  "For",
  "Version in force",
  "Issued",
  "Review every",
  "Next review due",
  "Status",
];
export const FILTERING_CSV_HEADER = [
  "Reviewed on",
  "Why",
  "Recorded by",
  "Actions agreed",
  "Actions still open",
  "Next review due",
];
export const INCIDENTS_CSV_HEADER = ["Term", "Category", "Incidents"];
export const CONSENT_CSV_HEADER = [
  "Class",
  "Purpose",
  "Pupils",
  "Yes",
  "No",
  "Restricted by the DSL",
  "Coverage",
];

type PolicyInForce = {
  id: string;
  title: string;
  category: string | null;
  audiences: string[];
  review_frequency: string | null;
  next_review_due: string | null;
  major: number | null;
  minor: number | null;
  issue_date: string | null;
  content: string | null;
};

/** Every policy of the school with its published version (the one in force), if it has one. */
function policiesInForce(db: Db, schoolId: string) {
  return queryRows<PolicyInForce>(
    db,
    sql`SELECT p.id, p.title, p.category, p.audiences, p.review_frequency,
          p.next_review_due::text AS next_review_due,
          v.major, v.minor, v.issue_date::text AS issue_date, v.content
        FROM policies p
        LEFT JOIN policy_versions v
          ON v.policy_id = p.id AND v.school_id = p.school_id AND v.status = 'published'
        WHERE p.school_id = ${schoolId}
        ORDER BY lower(p.title), p.id`,
  );
}

const words = (key: string) => {
  const s = key.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
};

function policyStatus(p: PolicyInForce, today: string) {
  if (p.major === null) return "Not yet published";
  if (p.next_review_due && p.next_review_due < today) return "In force, review overdue";
  return "In force";
}

function policiesCsv(rows: PolicyInForce[], today: string) {
  return csvLines([
    POLICIES_CSV_HEADER,
    ...rows.map((p) => [
      p.title,
      p.category ?? "",
      p.audiences.join(" "),
      p.major === null ? "" : `${p.major}.${p.minor}`,
      p.issue_date ?? "",
      p.review_frequency ? words(p.review_frequency) : "",
      p.next_review_due ?? "",
      policyStatus(p, today),
    ]),
  ]);
}

async function filteringCsv(db: Db, actor: Actor) {
  const { reviews } = await listReviews(db, actor);
  return csvLines([
    FILTERING_CSV_HEADER,
    ...reviews.map((r) => [
      r.reviewedOn,
      TRIGGER_NAMES[r.trigger],
      r.recordedBy?.name ?? "",
      String(r.actions),
      String(r.openActions),
      nextReviewDue(r.reviewedOn) ?? "",
    ]),
  ]);
}

/** Counts only, by term and category: nobody's name, nothing of what happened. */
async function incidentsCsv(db: Db, schoolId: string) {
  const rows = await queryRows<{ category: string; occurred_at: Date | string }>(
    db,
    sql`SELECT category, occurred_at FROM incidents WHERE school_id = ${schoolId}`,
  );
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = `${termOf(new Date(r.occurred_at))}|${r.category}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const lines = [...counts.entries()]
    .map(([key, n]) => {
      const [term, category] = key.split("|");
      return [term, words(category), String(n)];
    })
    // Newest term first; within a term, the commonest category first.
    .sort((a, b) => b[0].localeCompare(a[0]) || Number(b[2]) - Number(a[2]) || a[1].localeCompare(b[1]));
  return csvLines([INCIDENTS_CSV_HEADER, ...lines]);
}

/** Per class and purpose: how many pupils may be photographed for it, and how many may not. */
async function consentCsv(db: Db, actor: Actor) {
  const data = await exportStatuses(db, actor);
  const classes = [...new Set(data.pupils.map((p) => p.regGroup ?? ""))].sort((a, b) =>
    a.localeCompare(b, "en-GB", { numeric: true }),
  );
  const lines: string[][] = [];
  for (const cls of classes) {
    const pupils = data.pupils.filter((p) => (p.regGroup ?? "") === cls);
    for (const purpose of data.purposes) {
      const yes = pupils.filter((p) => p.purposes[purpose.key]?.status === "yes").length;
      const restricted = pupils.filter((p) => p.purposes[purpose.key]?.reason === "restricted").length;
      lines.push([
        cls || "No class",
        purpose.name,
        String(pupils.length),
        String(yes),
        String(pupils.length - yes),
        String(restricted),
        `${pupils.length ? Math.round((yes / pupils.length) * 100) : 0}%`,
      ]);
    }
  }
  return csvLines([CONSENT_CSV_HEADER, ...lines]);
}

/** The text of inline Markdown (emphasis, code, links) without its marks; a link keeps its address. */
function plain(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => {
      if (t.type === "br") return "\n";
      if (t.type === "link") {
        const text = plain((t as Tokens.Link).tokens);
        return text === t.href ? text : `${text} (${t.href})`;
      }
      if ("tokens" in t && t.tokens?.length) return plain(t.tokens);
      return "text" in t ? String(t.text) : "";
    })
    .join("");
}

/**
 * A policy's version in force as a printed document: its title and number, then its Markdown
 * as headings, paragraphs, lists and tables (rows as lines). DejaVu carries Welsh letters.
 */
export async function policyPdf(p: PolicyInForce, schoolName: string) {
  const number = `${p.major}.${p.minor}`;
  const { doc, done, use } = newPdfDocument(`${p.title} v${number}`, schoolName);
  doc.addPage();
  use("body", 9, PDF_COLOUR.muted).text(schoolName);
  use("bold", 18, PDF_COLOUR.accent).text(p.title);
  use("body", 9, PDF_COLOUR.muted).text(
    [
      `Version ${number}`,
      p.issue_date ? `issued ${p.issue_date}` : null,
      p.next_review_due ? `next review due ${p.next_review_due}` : null,
    ]
      .filter(Boolean)
      .join(" · "),
  );
  doc.moveDown();
  const HEADING_SIZE = [16, 14, 12, 11, 11, 11];
  const block = (t: Token, indent = 0) => {
    switch (t.type) {
      case "heading":
        doc.moveDown(0.4);
        use("bold", HEADING_SIZE[(t as Tokens.Heading).depth - 1] ?? 11).text(plain(t.tokens), { indent });
        doc.moveDown(0.2);
        break;
      case "paragraph":
      case "text":
        use("body", 10.5).text(plain(t.tokens) || String(t.text), { indent, lineGap: 2 });
        doc.moveDown(0.5);
        break;
      case "list": {
        const list = t as Tokens.List;
        list.items.forEach((item, i) => {
          const mark = list.ordered ? `${Number(list.start || 1) + i}.` : "•";
          const text = item.tokens
            .filter((x) => x.type !== "list")
            .map((x) => plain("tokens" in x ? x.tokens : undefined) || ("text" in x ? String(x.text) : ""))
            .join(" ");
          use("body", 10.5).text(`${mark} ${text}`, { indent: indent + 12, lineGap: 2 });
          for (const nested of item.tokens.filter((x) => x.type === "list")) block(nested, indent + 12);
        });
        doc.moveDown(0.5);
        break;
      }
      case "blockquote":
        for (const inner of (t as Tokens.Blockquote).tokens) block(inner, indent + 18);
        break;
      case "table": {
        const table = t as Tokens.Table;
        use("bold", 10).text(table.header.map((c) => plain(c.tokens)).join(" | "), { indent });
        for (const row of table.rows)
          use("body", 10).text(row.map((c) => plain(c.tokens)).join(" | "), { indent });
        doc.moveDown(0.5);
        break;
      }
      case "code":
        use("body", 9.5).text(String(t.text), { indent: indent + 12 });
        doc.moveDown(0.5);
        break;
      case "hr":
        doc.moveDown(0.5);
        break;
      default:
        break;
    }
  };
  for (const t of marked.lexer(p.content ?? "", { gfm: true })) block(t);
  // Each printed page says which policy and version it is from, for pages taken out of the pile.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    use("body", 8, PDF_COLOUR.muted).text(
      `${p.title} v${number} · page ${i - range.start + 1} of ${range.count}`,
      doc.page.margins.left,
      doc.page.height - 28,
      { width: doc.page.width - doc.page.margins.left - doc.page.margins.right, lineBreak: false },
    );
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return done;
}

/** A file name an inspector can read: the title, with what a file system refuses taken out. */
const fileName = (title: string) =>
  title
    .replace(/[\\/:*?"<>|]/g, " ")
    // Line breaks and other control characters become spaces with the rest of the white space.
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim()
    .slice(0, 80) || "Policy";

function readme(schoolName: string, madeAt: Date, pdfs: string[]) {
  const at = madeAt.toLocaleString("en-GB", {
    timeZone: "Europe/London",
    dateStyle: "long",
    timeStyle: "short",
  });
  return [
    `Inspection pack for ${schoolName}`,
    `Made by Accord on ${at} (UK time), from the school's records at that moment.`,
    "",
    "What each file is:",
    "",
    `${PACK_FILES.compliance}  Acceptable-use and other agreements: one row per person, each agreement's status (signed, which version, when; pending, overdue, declined) and the answers they chose.`,
    `${PACK_FILES.training}  Safeguarding and online-safety training: one row per member of staff, each course in date, expiring, expired or never done, with dates.`,
    `${PACK_FILES.policies}  Every policy: the version in force, when it was issued, how often it is reviewed, when the next review is due, and whether that review is overdue.`,
    `${PACK_FILES.filtering}  Filtering and monitoring reviews: when each was held and why, who recorded it, the actions agreed and those still open, and when the next review fell due.`,
    `${PACK_FILES.incidents}  Online-safety incidents counted by term and category. Counts only: no names and no details.`,
    `${PACK_FILES.consent}  Photo and video consent by class and purpose: how many pupils may and may not be photographed for each purpose.`,
    "",
    "policies/  The version in force of each published policy, as PDF:",
    ...(pdfs.length ? pdfs.map((f) => `  ${f}`) : ["  (no policy is published yet)"]),
    "",
    "The CSV files open in any spreadsheet (UTF-8, comma-separated).",
    "",
  ].join("\r\n");
}

/**
 * Build the pack for the actor's school and record that it was downloaded: an export of people's
 * records, so the audit log says who took it and when.
 */
export async function inspectionPack(db: Db, actor: Actor, madeAt = new Date()) {
  const today = todayInLondon(madeAt);
  const [school] = await queryRows<{ name: string }>(
    db,
    sql`SELECT name FROM schools WHERE id = ${actor.schoolId}`,
  );
  const policies = await policiesInForce(db, actor.schoolId);
  const enc = new TextEncoder();
  // A byte-order mark first, as the school's own CSV downloads have: Excel then reads UTF-8 and
  // Welsh names (Ŵ, ŷ) arrive whole.
  const csv = (text: string) => enc.encode(text.startsWith("\ufeff") ? text : `\ufeff${text}`);
  const files: Record<string, Uint8Array> = {
    [PACK_FILES.compliance]: csv(complianceCsv(await complianceMatrix(db, actor.schoolId, {}))),
    [PACK_FILES.training]: csv(matrixCsv(await trainingMatrix(db, actor, {}))),
    [PACK_FILES.policies]: csv(policiesCsv(policies, today)),
    [PACK_FILES.filtering]: csv(await filteringCsv(db, actor)),
    [PACK_FILES.incidents]: csv(await incidentsCsv(db, actor.schoolId)),
    [PACK_FILES.consent]: csv(await consentCsv(db, actor)),
  };
  const pdfs: string[] = [];
  const taken = new Set<string>();
  for (const p of policies.filter((x) => x.major !== null)) {
    let name = `${fileName(p.title)} v${p.major}.${p.minor}`;
    // Two policies of one title still get a file each.
    for (let n = 2; taken.has(name); n++) name = `${fileName(p.title)} (${n}) v${p.major}.${p.minor}`;
    taken.add(name);
    pdfs.push(`policies/${name}.pdf`);
    files[`policies/${name}.pdf`] = new Uint8Array(await policyPdf(p, school.name));
  }
  const zip = zipSync(
    { "README.txt": enc.encode(readme(school.name, madeAt, pdfs)), ...files },
    { level: 6, mtime: madeAt },
  );
  await db.transaction((tx) =>
    recordEvent(tx, actor, {
      action: "reports.inspection_pack_downloaded",
      entityType: "school",
      entityId: actor.schoolId,
      summary: { files: Object.keys(files).length + 1, policies: pdfs.length },
    }),
  );
  return { zip: Buffer.from(zip), fileName: `inspection-pack-${today}.zip` };
}
