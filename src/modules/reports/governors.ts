/**
 * The termly report to governors (issue 20 part 3, decision 036): the dashboard's figures for one
 * term against the term before, in short generated sentences, bar charts and tables, as a PDF the
 * headteacher downloads or is emailed. The figures come from figures.ts, the dashboard's own
 * queries, so the report and the dashboard cannot disagree. Counts only: nobody is named.
 */
import type { Db } from "../../db/client.js";
import { todayInLondon } from "../../kernel/dates.js";
import { newPdfDocument, PDF_COLOUR, pdfTags } from "../../kernel/pdf.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { CATEGORY_NAMES } from "../incidents/service.js";
import { getSchool } from "../schools/service.js";
import {
  agreementFigures,
  consentFigures,
  filteringFigures,
  incidentFigures,
  policyFigures,
  trainingFigures,
} from "./figures.js";
import { previousTerm, type Term, termNamed } from "./terms.js";

type Change = { now: number | null; before: number | null };

export type GovernorsFigures = Awaited<ReturnType<typeof governorsFigures>>;

/** The figures the report prints: this term, the one before, and where things stand today. */
export async function governorsFigures(db: Db, schoolId: string, term: Term, today = todayInLondon()) {
  const before = previousTerm(term);
  const terms = [before, term];
  const agreements = await agreementFigures(db, schoolId, terms, today);
  const incidents = await incidentFigures(db, schoolId, terms);
  const consent = await consentFigures(db, schoolId);
  // Consent by purpose across the school: the report reads the whole school, not class by class.
  const byPurpose = new Map<string, { purpose: string; pupils: number; given: number }>();
  for (const cell of consent) {
    const p = byPurpose.get(cell.purpose) ?? { purpose: cell.purpose, pupils: 0, given: 0 };
    p.pupils += cell.pupils;
    p.given += cell.given;
    byPurpose.set(cell.purpose, p);
  }
  const categories = [...new Set(incidents.map((i) => i.category))].sort();
  const count = (category: string, name: string) =>
    incidents.find((i) => i.category === category && i.term === name)?.count ?? 0;
  return {
    today,
    term,
    before,
    agreementsByTerm: { now: agreements.agreementsByTerm[1], before: agreements.agreementsByTerm[0] },
    agreementsByKind: agreements.agreementsByKind,
    incidents: categories.map((category) => ({
      category,
      before: count(category, before.name),
      now: count(category, term.name),
    })),
    incidentTotals: {
      before: incidents.filter((i) => i.term === before.name).reduce((n, i) => n + i.count, 0),
      now: incidents.filter((i) => i.term === term.name).reduce((n, i) => n + i.count, 0),
    },
    consent: [...byPurpose.values()].map((p) => ({ ...p, percent: percentOf(p.given, p.pupils) })),
    policies: await policyFigures(db, schoolId, today),
    training: await trainingFigures(db, schoolId, today),
    filtering: (await filteringFigures(db, schoolId, today))[0],
  };
}

const percentOf = (done: number, required: number) =>
  required ? Math.round((1000 * done) / required) / 10 : null;

const SEASON_NAME = { autumn: "Autumn", spring: "Spring", summer: "Summer" } as const;
/** "Autumn term 2026", as a school says it. */
export const termTitle = (t: Term) => `${SEASON_NAME[t.season]} term ${t.year}`;

const longDay = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const dayName = (iso: string) => longDay.format(new Date(`${iso}T00:00:00Z`));
const pc = (n: number | null) => (n === null ? "none asked" : `${n}%`);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function movement({ now, before }: Change, unit: string) {
  if (now === null || before === null || now === before) return "";
  const by = Math.round(Math.abs(now - before) * 10) / 10;
  return now > before ? `, up ${by}${unit} on last term` : `, down ${by}${unit} on last term`;
}

/** The report's opening: one plain sentence per area, with the change on last term where there is one. */
export function governorsSentences(f: GovernorsFigures): string[] {
  const s: string[] = [];
  const a = f.agreementsByTerm;
  // A term still running reports what is done so far; an ended one, where it stood on its last day.
  const when =
    f.today <= f.term.to
      ? `So far in the ${termTitle(f.term).toLowerCase()}`
      : `By the end of the ${termTitle(f.term).toLowerCase()}`;
  if (a.now.required === 0) s.push("No one has been asked to sign an agreement yet.");
  else
    s.push(
      `${when}, ${pc(a.now.percent)} of the agreements asked of people ` +
        `were signed (${a.now.done} of ${a.now.required})${movement({ now: a.now.percent, before: a.before.percent }, " points")}.`,
    );
  const t = f.incidentTotals;
  s.push(
    `${plural(t.now, "online-safety incident was", "online-safety incidents were")} recorded this term ` +
      `(${t.before} last term).`,
  );
  const overdue = f.policies.find((p) => p.status === "overdue")?.count ?? 0;
  const dueSoon = f.policies.find((p) => p.status === "due_soon")?.count ?? 0;
  s.push(
    overdue === 0
      ? `No policy is overdue for review${dueSoon ? `; ${plural(dueSoon, "is", "are")} due within 30 days` : ""}.`
      : `${plural(overdue, "policy is", "policies are")} overdue for review${dueSoon ? ` and ${dueSoon} more due within 30 days` : ""}.`,
  );
  const required = f.training.reduce((n, c) => n + c.required, 0);
  const valid = f.training.reduce((n, c) => n + c.inDate + c.expiring, 0);
  if (required > 0)
    s.push(
      `${pc(percentOf(valid, required))} of the training people must hold is in date (${valid} of ${required}).`,
    );
  const pupils = f.consent.reduce((n, c) => n + c.pupils, 0);
  const given = f.consent.reduce((n, c) => n + c.given, 0);
  if (pupils > 0)
    s.push(
      `Photo and image consent is given for ${pc(percentOf(given, pupils))} of pupils across the purposes asked.`,
    );
  const r = f.filtering;
  s.push(
    r.lastReviewedOn
      ? `Filtering and monitoring was last reviewed on ${dayName(r.lastReviewedOn)}${r.overdue ? ", and the annual review is now overdue" : r.nextDueOn ? `; the next review is due by ${dayName(r.nextDueOn)}` : ""}.`
      : "Filtering and monitoring has not been reviewed in Accord yet: the annual review is due.",
  );
  return s;
}

const KIND_NAMES: Record<string, string> = {
  staff: "Staff",
  supply: "Supply staff",
  student_teacher: "Student teachers",
  volunteer: "Volunteers",
  governor: "Governors",
  visitor: "Visitors",
  parent: "Parents and carers",
  pupil: "Pupils",
};
const REVIEW_NAMES = {
  overdue: "Overdue for review",
  due_soon: "Due within 30 days",
  in_date: "In date",
  no_date: "No review date set",
} as const;

/**
 * The PDF: A4, DejaVu (Welsh letters print), one page or two. Tagged (PDF/UA-1): headings, the
 * sentences as a list, each chart a Figure whose alternative text gives every bar's figure in
 * words, and the tables with their header cells; page numbers are artifacts.
 */
export async function governorsReportPdf(db: Db, schoolId: string, term: Term, today = todayInLondon()) {
  const school = await getSchool(db, schoolId);
  const f = await governorsFigures(db, schoolId, term, today);
  const title = `Report to governors: online safety and acceptable use, ${termTitle(term)}`;
  const { doc, done, use } = newPdfDocument(title, school.name, "portrait", 40, { tagged: true });
  const tags = pdfTags(doc);
  doc.addPage();
  tags.start();
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  tags.block("P", () => use("bold", 18).text(school.name));
  tags.block("H1", () => use("bold", 14).text("Report to governors: online safety and acceptable use"));
  tags.block("P", () =>
    use("body", 10, PDF_COLOUR.muted).text(
      `${termTitle(term)} (${dayName(term.from)} to ${dayName(term.to)}), compared with the ${termTitle(f.before).toLowerCase()}. ` +
        `Produced on ${dayName(today)}${today <= term.to ? ", before the term's end: figures so far" : ""}. Agreements and incidents are for each term; policies, training, ` +
        `consent and filtering stand as at ${dayName(today)}. Counts only: no pupil, parent or member of staff is named.`,
    ),
  );
  doc.moveDown();

  heading("In brief");
  tags.group("L", () => {
    for (const sentence of governorsSentences(f))
      tags.group("LI", () => {
        use("body", 11);
        tags.block("LBody", () => doc.text(`•  ${sentence}`, { paragraphGap: 3 }));
      });
  });

  heading("Agreements signed, by who was asked");
  bars(
    f.agreementsByKind.map((k) => ({
      label: KIND_NAMES[k.kind] ?? k.kind,
      value: k.percent ?? 0,
      text: `${pc(k.percent)} (${k.done} of ${k.required})`,
    })),
    100,
  );
  table(
    ["", "End of last term", "End of this term"],
    [
      [
        "Agreements signed",
        `${pc(f.agreementsByTerm.before.percent)} (${f.agreementsByTerm.before.done} of ${f.agreementsByTerm.before.required})`,
        `${pc(f.agreementsByTerm.now.percent)} (${f.agreementsByTerm.now.done} of ${f.agreementsByTerm.now.required})`,
      ],
    ],
  );

  heading("Online-safety incidents, by category");
  if (f.incidents.length === 0)
    tags.block("P", () => use("body", 10).text("No incidents were recorded in either term."));
  else {
    const most = Math.max(1, ...f.incidents.map((i) => i.now));
    bars(
      f.incidents.map((i) => ({
        label: CATEGORY_NAMES[i.category as keyof typeof CATEGORY_NAMES],
        value: i.now,
        text: `${i.now}`,
      })),
      most,
    );
    table(
      ["Category", "Last term", "This term"],
      [
        ...f.incidents.map((i) => [
          CATEGORY_NAMES[i.category as keyof typeof CATEGORY_NAMES],
          `${i.before}`,
          `${i.now}`,
        ]),
        ["All incidents", `${f.incidentTotals.before}`, `${f.incidentTotals.now}`],
      ],
    );
  }

  heading("Policies, by review date");
  table(
    ["Status", "Policies"],
    f.policies.map((p) => [REVIEW_NAMES[p.status], `${p.count}`]),
  );

  heading("Training in date, by course");
  // A course nobody must hold (the DSL's, in a school with no DSL named yet) has nothing to show.
  const courses = f.training.filter((c) => c.required > 0);
  if (courses.length === 0)
    tags.block("P", () => use("body", 10).text("No one is required to hold any course yet."));
  else
    bars(
      courses.map((c) => ({
        label: c.course,
        value: c.percent ?? 0,
        text: `${pc(c.percent)} (${c.inDate + c.expiring} of ${c.required}; ${c.expired} expired, ${c.never} never)`,
      })),
      100,
    );

  heading("Photo and image consent given, by purpose");
  if (f.consent.length === 0)
    tags.block("P", () =>
      use("body", 10).text("No pupils are on roll in Accord yet, or no consent purposes are set up."),
    );
  else
    bars(
      f.consent.map((c) => ({
        label: c.purpose,
        value: c.percent ?? 0,
        text: `${pc(c.percent)} (${c.given} of ${c.pupils})`,
      })),
      100,
    );

  heading("Filtering and monitoring");
  table(
    ["Last reviewed", "Next due", "Open actions", "Actions overdue"],
    [
      [
        f.filtering.lastReviewedOn ? dayName(f.filtering.lastReviewedOn) : "Never",
        f.filtering.nextDueOn ? dayName(f.filtering.nextDueOn) : "Now",
        `${f.filtering.openActions}`,
        `${f.filtering.overdueActions}`,
      ],
    ],
    false,
  );

  // Page numbers last, once every page exists (bufferPages).
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    tags.artifact(
      () =>
        use("body", 8, PDF_COLOUR.muted).text(
          `${school.name} · ${termTitle(term)} · page ${i + 1} of ${range.count}`,
          left,
          doc.page.height - 28,
          { width, align: "center", lineBreak: false },
        ),
      "Pagination",
    );
    doc.page.margins.bottom = bottom;
  }
  tags.finish();
  doc.end();
  return { pdf: await done, figures: f, fileName: `governors-report-${term.name}.pdf` };

  function room(height: number) {
    // continueOnNewPage, not addPage: an element still open carries on, tagged, on the next page.
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.continueOnNewPage();
  }
  function heading(text: string) {
    room(60);
    doc.moveDown(0.8);
    tags.block("H2", () => use("bold", 13, PDF_COLOUR.accent).text(text, left));
    doc.moveDown(0.3);
  }
  /** Horizontal bars: a label, a bar scaled to `max`, and the figure in words (never colour alone). */
  /**
   * Horizontal bars: a label, a bar scaled to `max`, and the figure in words (never colour alone).
   * Each bar is a Figure whose alternative text is the whole row in words (a cut-off label is read
   * whole), so a screen reader hears "Staff: 80% (4 of 5)" once, not the drawing.
   */
  function bars(rows: { label: string; value: number; text: string }[], max: number) {
    const labelWidth = 170;
    const barWidth = 150;
    for (const row of rows) {
      room(18);
      const y = doc.y;
      tags.figure(`${row.label}: ${row.text}`, () => {
        // One line each: a long name is cut with an ellipsis rather than pushed into the next row.
        use("body", 9).text(row.label, left, y, { width: labelWidth - 8, height: 11, ellipsis: true });
        doc.rect(left + labelWidth, y + 1, barWidth, 9).fill("#e4e7eb");
        const w = Math.max(0, Math.min(1, row.value / max)) * barWidth;
        if (w > 0) doc.rect(left + labelWidth, y + 1, w, 9).fill(PDF_COLOUR.accent);
        use("body", 9).text(row.text, left + labelWidth + barWidth + 8, y, {
          width: width - labelWidth - barWidth - 8,
          height: 11,
          ellipsis: true,
        });
      });
      doc.y = y + 15;
    }
    doc.x = left;
    doc.moveDown(0.4);
  }
  /** A table whose first row heads the columns and, with `rowHeaders`, whose first cell heads its row. */
  function table(header: string[], rows: string[][], rowHeaders = true) {
    const col = width / header.length;
    const line = (cells: string[], font: "body" | "bold") => {
      room(16);
      const y = doc.y;
      tags.row(() =>
        cells.forEach((c, i) => {
          const draw = () =>
            use(font, 9).text(c, left + i * col, y, { width: col - 6, height: 11, ellipsis: true });
          if (font === "bold") tags.headerCell(draw, "Column");
          else if (i === 0 && rowHeaders) tags.headerCell(draw, "Row");
          else tags.cell(draw);
        }),
      );
      doc.y = y + 14;
    };
    tags.table(() => {
      line(header, "bold");
      tags.artifact(() =>
        doc
          .moveTo(left, doc.y - 2)
          .lineTo(left + width, doc.y - 2)
          .strokeColor(PDF_COLOUR.line)
          .lineWidth(0.5)
          .stroke(),
      );
      for (const r of rows) line(r, "body");
    });
    doc.x = left;
    doc.moveDown(0.4);
  }
}

/** The download: audited like every export of the school's figures. */
export async function downloadGovernorsReport(db: Db, actor: Actor, termName: string) {
  const term = termNamed(termName);
  const report = await governorsReportPdf(db, actor.schoolId, term);
  await db.transaction((tx) =>
    recordEvent(tx, actor, {
      action: "reports.governors_downloaded",
      entityType: "school",
      entityId: actor.schoolId,
      summary: { term: term.name },
    }),
  );
  return report;
}
