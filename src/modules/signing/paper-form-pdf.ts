import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { type Message, msg, type Readers, say, sayTo } from "../../kernel/i18n/index.js";

/** One child's printed form: what the carer reads, answers and signs, and the office records. */
export type PaperFormPage = {
  childName: string;
  regGroup: string | null;
  /** The carers with parental responsibility on record, so the right person signs. */
  carers: string[];
};

export type PaperFormData = {
  schoolName: string;
  agreementTitle: string;
  policyTitle: string;
  versionNumber: string;
  statements: string[];
  declaration: string;
  choices: { label: string; options: string[] }[];
  /** SHA-256 of the text printed: the office records the form against this text. */
  textSha256: string;
  pages: PaperFormPage[];
};

const require = createRequire(import.meta.url);
const font = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
const COLOUR = { text: "#1f2933", muted: "#52606d", accent: "#1d4e89", line: "#7b8794" };
const MARGIN = 50;

/**
 * Printed forms for carers who cannot be emailed, one child a page (or more): the agreement's
 * full text, a box per answer, and lines for name, relationship, signature and date. DejaVu is
 * embedded so Welsh names (ŵ, ŷ) print. The form's own words are in the families' language (the
 * school's): English, Welsh, or each line in Welsh and then English; the agreement's text is the
 * school's own and prints as written.
 */
export async function renderPaperForms(data: PaperFormData, readers: Readers = "en-GB"): Promise<Buffer> {
  /** A label: "Llofnod / Signature" for bilingual readers. */
  const t = (message: Message) => sayTo(readers, message);
  /** A sentence: for bilingual readers the Welsh, then the English on its own line. */
  const tl = (message: Message) => sayTo(readers, message, "\n");
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    lang: readers === "cy" ? "cy" : "en-GB",
    displayTitle: true,
    font: font("DejaVuSans.ttf"),
    info: {
      Title: t(msg`${data.agreementTitle} — printed form`),
      Author: data.schoolName,
      Creator: "Accord",
    },
  });
  doc.registerFont("body", font("DejaVuSans.ttf"));
  doc.registerFont("bold", font("DejaVuSans-Bold.ttf"));
  doc.registerFont("italic", font("DejaVuSans-Oblique.ttf"));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const use = (name: "body" | "bold" | "italic", size: number, colour = COLOUR.text) =>
    doc.font(name).fontSize(size).fillColor(colour);

  for (const page of data.pages) {
    doc.addPage();
    const width = doc.page.width - MARGIN * 2;
    const bottom = () => doc.page.height - MARGIN - 30;
    const ensure = (h: number) => {
      if (doc.y + h > bottom()) doc.addPage();
    };
    use("bold", 12, COLOUR.muted);
    doc.text(data.schoolName, MARGIN, MARGIN, { width });
    use("bold", 18, COLOUR.accent);
    doc.text(data.agreementTitle, { width });
    use("body", 10, COLOUR.muted);
    doc.text(t(msg`${data.policyTitle}, version ${data.versionNumber}`), { width });
    doc.moveDown(0.6);
    use("bold", 12);
    doc.text(
      t(page.regGroup ? msg`For: ${page.childName} (${page.regGroup})` : msg`For: ${page.childName}`),
      { width },
    );
    if (page.carers.length > 0) {
      use("body", 10, COLOUR.muted);
      doc.text(
        tl(msg`To be signed by a parent or carer with parental responsibility: ${page.carers.join(", ")}`),
        { width },
      );
    }
    use("italic", 10, COLOUR.muted);
    doc.text(
      tl(msg`Please read this, answer each question, sign, and return the form to the school office.`),
      { width },
    );
    doc.moveDown(0.8);

    use("bold", 12, COLOUR.accent);
    doc.text(t(msg`The agreement`), { width });
    doc.moveDown(0.3);
    data.statements.forEach((statement, i) => {
      use("body", 10.5);
      ensure(doc.heightOfString(statement, { width: width - 22 }) + 6);
      const y = doc.y;
      use("bold", 10.5, COLOUR.muted);
      doc.text(`${i + 1}.`, MARGIN, y, { width: 18, align: "right" });
      use("body", 10.5);
      doc.text(statement, MARGIN + 22, y, { width: width - 22 });
      doc.moveDown(0.3);
    });
    doc.moveDown(0.4);
    use("bold", 10.5);
    ensure(doc.heightOfString(data.declaration, { width }) + 8);
    doc.text(data.declaration, MARGIN, doc.y, { width });

    if (data.choices.length > 0) {
      doc.moveDown(0.8);
      use("bold", 12, COLOUR.accent);
      ensure(60);
      doc.text(tl(msg`Your answers (tick one box for each)`), MARGIN, doc.y, { width });
      doc.moveDown(0.3);
      for (const choice of data.choices) {
        use("body", 10.5);
        ensure(doc.heightOfString(choice.label, { width }) + 26);
        doc.text(choice.label, MARGIN, doc.y, { width });
        let x = MARGIN + 4;
        const y = doc.y + 4;
        for (const option of choice.options) {
          doc.save().rect(x, y, 11, 11).lineWidth(0.8).strokeColor(COLOUR.text).stroke().restore();
          use("body", 10.5);
          doc.text(option, x + 16, y, { lineBreak: false });
          x += 16 + doc.widthOfString(option) + 28;
        }
        doc.x = MARGIN;
        doc.y = y + 20;
      }
    }

    doc.moveDown(0.8);
    ensure(150);
    const field = (message: Message) => {
      const y = doc.y + 14;
      use("body", 10.5);
      // A bilingual label takes two lines (Welsh, then English): the line to write on is under the last.
      const label = tl(message);
      const lineY = y + doc.heightOfString(label, { width: 170 }) - 1;
      doc.text(label, MARGIN, y, { width: 170 });
      doc
        .save()
        .moveTo(MARGIN + 175, lineY)
        .lineTo(MARGIN + width, lineY)
        .lineWidth(0.6)
        .strokeColor(COLOUR.line)
        .stroke()
        .restore();
      doc.x = MARGIN;
      doc.y = lineY + 4;
    };
    field(msg`Name of parent or carer`);
    field(msg`Relationship to the child`);
    field(msg`Signature`);
    field(msg`Date`);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    use("body", 8, COLOUR.muted);
    const footer = msg`For the office: record this form in Accord. Text reference ${data.textSha256.slice(0, 12)} · page ${i - range.start + 1} of ${range.count}`;
    // Bilingual: the Welsh line above the English one, both inside the bottom margin.
    const lines =
      readers === "bilingual" ? [say("cy", footer), say("en-GB", footer)] : [say(readers, footer)];
    lines.forEach((line, n) => {
      doc.text(line, MARGIN, doc.page.height - MARGIN - (lines.length - 1 - n) * 11, {
        width: doc.page.width - MARGIN * 2,
        lineBreak: false,
      });
    });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return done;
}
