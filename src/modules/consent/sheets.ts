/**
 * Paper for consent: the class sheet a teacher takes on a trip (each child, a clear mark per
 * purpose, restricted children first), and the printed form a carer without email answers at
 * home (one child a page, with a reference the office types in). DejaVu is embedded so Welsh
 * names (ŵ, ŷ) print.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { schools } from "../../db/schema.js";
import { londonDateTime } from "../../kernel/dates.js";
import { newPdfDocument, PDF_COLOUR } from "../../kernel/pdf.js";
import type { Actor } from "../access/roles.js";
import { purposesOf } from "./purposes.js";
import { carersOf, pupilsWhere, type Selection, selectionSql } from "./queries.js";
import { basisText } from "./status.js";
import { statusesFor } from "./statuses.js";
import { collection } from "./views.js";

const COLOUR = PDF_COLOUR;
const MARGIN = 40;
const newDoc = (title: string, author: string, layout: "portrait" | "landscape") =>
  newPdfDocument(title, author, layout, MARGIN);

async function schoolName(db: DbOrTx, schoolId: string) {
  const [s] = await db.select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId));
  return s?.name ?? "";
}

/**
 * The class sheet: a row per child, a column per purpose, "YES" or "NO" written out (never colour
 * alone: it is photocopied). Restricted children come first, marked "NO IMAGES" across the row.
 */
export async function classSheetPdf(db: DbOrTx, actor: Actor, selection: Selection & { label: string }) {
  const view = await collection(db, actor, selection);
  const name = await schoolName(db, actor.schoolId);
  const { doc, done, use } = newDoc(`Photo consent — ${selection.label}`, name, "landscape");
  const rows = [...view.pupils].sort((a, b) => Number(b.restricted) - Number(a.restricted));
  doc.addPage();
  const width = doc.page.width - MARGIN * 2;
  const nameCol = 170;
  const col = Math.max(50, (width - nameCol) / Math.max(1, view.purposes.length));
  const header = () => {
    use("bold", 8, COLOUR.muted);
    const y = doc.y;
    doc.text("Pupil", MARGIN, y, { width: nameCol });
    view.purposes.forEach((p, i) => {
      doc.text(p.name, MARGIN + nameCol + i * col, y, { width: col - 4 });
    });
    doc.y = y + 36;
    doc
      .moveTo(MARGIN, doc.y - 4)
      .lineTo(MARGIN + width, doc.y - 4)
      .strokeColor(COLOUR.line)
      .stroke();
  };
  use("bold", 16, COLOUR.accent);
  doc.text(`Photo and video consent: ${selection.label}`, MARGIN, MARGIN, { width });
  use("body", 9, COLOUR.muted);
  doc.text(
    `${name}. Printed ${londonDateTime(new Date())}. Check again in Accord before publishing: answers can change at any time.`,
    { width },
  );
  doc.moveDown(0.8);
  header();
  for (const p of rows) {
    if (doc.y + 20 > doc.page.height - MARGIN) {
      doc.addPage();
      doc.y = MARGIN;
      header();
    }
    const y = doc.y;
    use("bold", 10);
    doc.text(`${p.name}${p.regGroup ? ` (${p.regGroup})` : ""}`, MARGIN, y, { width: nameCol - 6 });
    if (p.restricted) {
      use("bold", 10, COLOUR.no);
      doc.text("NO IMAGES: do not photograph for any use", MARGIN + nameCol, y, { width: width - nameCol });
    } else {
      p.statuses.forEach((s, i) => {
        use(s.status === "yes" ? "body" : "bold", 10, s.status === "yes" ? COLOUR.text : COLOUR.no);
        doc.text(s.status === "yes" ? "YES" : "NO", MARGIN + nameCol + i * col, y, { width: col - 4 });
      });
    }
    doc.y = y + 20;
  }
  if (rows.length === 0) {
    use("body", 11);
    doc.text("No pupils on the roll in this group.", MARGIN, doc.y, { width });
  }
  doc.end();
  return done;
}

/** A printed form per child: each purpose with its basis, Yes and No boxes, and lines to sign. */
export async function paperFormsPdf(db: DbOrTx, actor: Actor, selection: Selection) {
  const pupils = await pupilsWhere(db, actor.schoolId, selectionSql(selection));
  const purposes = await purposesOf(db, actor.schoolId);
  const carers = await carersOf(
    db,
    actor.schoolId,
    pupils.map((p) => p.id),
  );
  // Restricted children get no form: asking their carers would say nothing they may act on.
  const statuses = await statusesFor(
    db,
    actor.schoolId,
    pupils.map((p) => p.id),
    purposes,
  );
  const name = await schoolName(db, actor.schoolId);
  const { doc, done, use } = newDoc("Photo and video consent — printed forms", name, "portrait");
  for (const pupil of pupils.filter((p) => !statuses.get(p.id)?.restriction)) {
    doc.addPage();
    const width = doc.page.width - MARGIN * 2;
    use("bold", 11, COLOUR.muted);
    doc.text(name, MARGIN, MARGIN, { width });
    use("bold", 17, COLOUR.accent);
    doc.text("Photos and videos at school", { width });
    use("bold", 12);
    doc.text(`For: ${pupil.name}${pupil.reg_group ? ` (${pupil.reg_group})` : ""}`, { width });
    use("body", 9, COLOUR.muted);
    doc.text(`Reference: P-${pupil.id.slice(0, 8).toUpperCase()}`, { width });
    const responsible = carers
      .filter((c) => c.pupil_id === pupil.id && c.parental_responsibility)
      .map((c) => c.name);
    if (responsible.length)
      doc.text(
        `To be answered by a parent or carer with parental responsibility: ${responsible.join(", ")}`,
        { width },
      );
    doc.moveDown(0.6);
    use("body", 10);
    doc.text(
      "For each use, tick Yes or No. Where we need your consent, a question left blank means no. You can change your mind at any time by telling the school office.",
      { width },
    );
    doc.moveDown(0.6);
    for (const p of purposes) {
      if (doc.y + 60 > doc.page.height - MARGIN - 120) doc.addPage();
      const y = doc.y;
      use("bold", 10.5);
      doc.text(p.name, MARGIN, y, { width: width - 120 });
      use("body", 9.5);
      doc.text(p.description, { width: width - 120 });
      use("body", 8.5, COLOUR.muted);
      doc.text(basisText(p.basis), { width: width - 120 });
      const boxY = y + 2;
      for (const [i, label] of ["Yes", "No"].entries()) {
        const x = MARGIN + width - 110 + i * 56;
        doc.rect(x, boxY, 12, 12).strokeColor(COLOUR.line).stroke();
        use("body", 10);
        doc.text(label, x + 16, boxY + 1, { width: 36 });
      }
      doc.y = Math.max(doc.y, boxY + 16) + 8;
      doc.x = MARGIN;
    }
    doc.moveDown(1);
    use("body", 10);
    for (const label of ["Your name", "Relationship to the child", "Signature", "Date"]) {
      const y = doc.y + 14;
      doc.text(label, MARGIN, y, { width: 160 });
      doc
        .moveTo(MARGIN + 165, y + 11)
        .lineTo(MARGIN + width, y + 11)
        .strokeColor(COLOUR.line)
        .stroke();
      doc.y = y + 16;
    }
  }
  if (pupils.length === 0) {
    doc.addPage();
    use("body", 11);
    doc.text("No pupils on the roll in this group.");
  }
  doc.end();
  return done;
}
