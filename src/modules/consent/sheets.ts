/**
 * Paper for consent: the class sheet a teacher takes on a trip (each child, a clear mark per
 * purpose, restricted children first), and the printed form a carer without email answers at
 * home (one child a page, with a reference the office types in). DejaVu is embedded so Welsh
 * names (ŵ, ŷ) print. The class sheet is in the language of the member of staff who prints it; the
 * forms go home, so they are in the school's language for families (Welsh and English both, Welsh
 * first, when it is bilingual). Purposes' names and descriptions are the school's own words.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { schools } from "../../db/schema.js";
import { type Language, type Message, msg, type Readers, say, sayTo } from "../../kernel/i18n/index.js";
import { newPdfDocument, PDF_COLOUR } from "../../kernel/pdf.js";
import type { Actor } from "../access/roles.js";
import { schoolReaders } from "../people/service.js";
import { purposesOf } from "./purposes.js";
import { carersOf, pupilsWhere, type Selection, selectionSql } from "./queries.js";
import type { Basis } from "./schema.js";
import { statusesFor } from "./statuses.js";
import { collection } from "./views.js";

const COLOUR = PDF_COLOUR;
const MARGIN = 40;
const newDoc = (title: string, author: string, layout: "portrait" | "landscape") =>
  newPdfDocument(title, author, layout, MARGIN);

/** What a purpose's basis means for the carer (the same words as `basisText`, for the reader). */
const basisMessage = (basis: Basis): Message =>
  basis === "consent"
    ? msg`We will only do this if you say yes. If you do not answer, the answer is no.`
    : msg`This is part of the school's work, so we will do it unless you object. You can object at any time.`;

async function schoolName(db: DbOrTx, schoolId: string) {
  const [s] = await db.select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId));
  return s?.name ?? "";
}

/**
 * The class sheet: a row per child, a column per purpose, "YES" or "NO" written out (never colour
 * alone: it is photocopied). Restricted children come first, marked "NO IMAGES" across the row.
 */
export async function classSheetPdf(
  db: DbOrTx,
  actor: Actor,
  /** The group printed: a class's own name, or words such as "Year 3", "Whole school". */
  selection: Selection & { label: string | Message },
  language: Language = "en-GB",
) {
  const view = await collection(db, actor, selection);
  const name = await schoolName(db, actor.schoolId);
  const t = (message: Message) => say(language, message);
  const label = typeof selection.label === "string" ? selection.label : t(selection.label);
  const { doc, done, use } = newDoc(t(msg`Photo consent — ${label}`), name, "landscape");
  const rows = [...view.pupils].sort((a, b) => Number(b.restricted) - Number(a.restricted));
  doc.addPage();
  const width = doc.page.width - MARGIN * 2;
  const nameCol = 170;
  const col = Math.max(50, (width - nameCol) / Math.max(1, view.purposes.length));
  const header = () => {
    use("bold", 8, COLOUR.muted);
    const y = doc.y;
    doc.text(t(msg`Pupil`), MARGIN, y, { width: nameCol });
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
  doc.text(t(msg`Photo and video consent: ${label}`), MARGIN, MARGIN, { width });
  use("body", 9, COLOUR.muted);
  doc.text(
    t(
      msg`${name}. Printed ${{ dateTime: new Date() }}. Check again in Accord before publishing: answers can change at any time.`,
    ),
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
    doc.text(p.regGroup ? `${p.name} (${p.regGroup})` : p.name, MARGIN, y, { width: nameCol - 6 });
    if (p.restricted) {
      use("bold", 10, COLOUR.no);
      doc.text(t(msg`NO IMAGES: do not photograph for any use`), MARGIN + nameCol, y, {
        width: width - nameCol,
      });
    } else {
      p.statuses.forEach((s, i) => {
        use(s.status === "yes" ? "body" : "bold", 10, s.status === "yes" ? COLOUR.text : COLOUR.no);
        doc.text(t(s.status === "yes" ? msg`YES` : msg`NO`), MARGIN + nameCol + i * col, y, {
          width: col - 4,
        });
      });
    }
    doc.y = y + 20;
  }
  if (rows.length === 0) {
    use("body", 11);
    doc.text(t(msg`No pupils on the roll in this group.`), MARGIN, doc.y, { width });
  }
  doc.end();
  return done;
}

/** A printed form per child: each purpose with its basis, Yes and No boxes, and lines to sign. */
export async function paperFormsPdf(db: DbOrTx, actor: Actor, selection: Selection) {
  const readers: Readers = await schoolReaders(db, actor.schoolId);
  /** A label: "Ie / Yes" for bilingual readers. */
  const t = (message: Message) => sayTo(readers, message);
  /** A sentence: for bilingual readers the Welsh, then the English on its own line. */
  const tl = (message: Message) => sayTo(readers, message, "\n");
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
  const { doc, done, use } = newDoc(t(msg`Photo and video consent — printed forms`), name, "portrait");
  for (const pupil of pupils.filter((p) => !statuses.get(p.id)?.restriction)) {
    doc.addPage();
    const width = doc.page.width - MARGIN * 2;
    use("bold", 11, COLOUR.muted);
    doc.text(name, MARGIN, MARGIN, { width });
    use("bold", 17, COLOUR.accent);
    doc.text(tl(msg`Photos and videos at school`), { width });
    use("bold", 12);
    doc.text(t(pupil.reg_group ? msg`For: ${pupil.name} (${pupil.reg_group})` : msg`For: ${pupil.name}`), {
      width,
    });
    use("body", 9, COLOUR.muted);
    doc.text(t(msg`Reference: ${`P-${pupil.id.slice(0, 8).toUpperCase()}`}`), { width });
    const responsible = carers
      .filter((c) => c.pupil_id === pupil.id && c.parental_responsibility)
      .map((c) => c.name);
    if (responsible.length)
      doc.text(
        tl(msg`To be answered by a parent or carer with parental responsibility: ${responsible.join(", ")}`),
        { width },
      );
    doc.moveDown(0.6);
    use("body", 10);
    doc.text(
      tl(
        msg`For each use, tick Yes or No. Where we need your consent, a question left blank means no. You can change your mind at any time by telling the school office.`,
      ),
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
      doc.text(tl(basisMessage(p.basis)), { width: width - 120 });
      const boxY = y + 2;
      // Bilingual boxes take a line each ("Ie / Yes"), the No box under the Yes.
      const both = readers === "bilingual";
      for (const [i, label] of [t(msg`Yes`), t(msg`No`)].entries()) {
        const x = both ? MARGIN + width - 110 : MARGIN + width - 110 + i * 56;
        const rowY = both ? boxY + i * 18 : boxY;
        doc.rect(x, rowY, 12, 12).strokeColor(COLOUR.line).stroke();
        use("body", 10);
        doc.text(label, x + 16, rowY + 1, { width: both ? 90 : 36 });
      }
      doc.y = Math.max(doc.y, boxY + (both ? 34 : 16)) + 8;
      doc.x = MARGIN;
    }
    doc.moveDown(1);
    use("body", 10);
    for (const message of [msg`Your name`, msg`Relationship to the child`, msg`Signature`, msg`Date`]) {
      const y = doc.y + 14;
      // A bilingual label takes two lines (Welsh, then English): the line to write on is under the last.
      const label = tl(message);
      const lineY = y + doc.heightOfString(label, { width: 160 }) - 1;
      doc.text(label, MARGIN, y, { width: 160 });
      doc
        .moveTo(MARGIN + 165, lineY)
        .lineTo(MARGIN + width, lineY)
        .strokeColor(COLOUR.line)
        .stroke();
      doc.y = lineY + 4;
    }
  }
  if (pupils.length === 0) {
    doc.addPage();
    use("body", 11);
    doc.text(tl(msg`No pupils on the roll in this group.`));
  }
  doc.end();
  return done;
}
