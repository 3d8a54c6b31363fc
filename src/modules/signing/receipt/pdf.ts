import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { collectPdf, pdfTags, taggedPdfOptions } from "../../../kernel/pdf.js";

export type ReceiptData = {
  schoolName: string;
  agreementTitle: string;
  policyTitle: string;
  versionNumber: string;
  statements: string[];
  declaration: string;
  /** e.g. Full name, Job title, Signed for (child). */
  fields: { label: string; value: string }[];
  choices: { label: string; answer: string }[];
  /** Shown in Europe/London time, e.g. "Friday 27 November 2026 at 09:41 (UK time)". */
  signedAt: Date;
  /** e.g. "Password sign-in", "Emailed parent link", "Reception kiosk", "Class session". */
  authenticatedBy: string;
  textSha256: string;
  signatureId: string;
  verificationReference: string;
  verifyUrl: string;
  /** The drawn signature, if any (PNG). Without it the typed name is shown. */
  signatureImagePng?: Buffer | null;
  /**
   * The name the signer typed as their signature. When absent, the value of the first field
   * labelled like a name ("Full name", "Name", …) is used.
   */
  typedSignature?: string | null;
};

const require = createRequire(import.meta.url);
const fontPath = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
/** DejaVu covers Welsh (ŵ ŷ), the rest of Latin Extended, Greek and Cyrillic; PDF's built-in fonts stop at Latin-1. */
const FONTS = {
  body: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  mono: "DejaVuSansMono.ttf",
  monoBold: "DejaVuSansMono-Bold.ttf",
} as const;
type FontName = keyof typeof FONTS;

const COLOUR = {
  text: "#1f2933",
  muted: "#52606d",
  accent: "#1d4e89",
  rule: "#cbd2d9",
  boxFill: "#f3f6f9",
  boxLine: "#9fb3c8",
};

const MARGIN = { top: 56, bottom: 72, left: 56, right: 56 };
const FOOTER_OFFSET = 44; // footer baseline area, measured up from the bottom edge

const LONDON = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** e.g. "Friday 27 November 2026 at 09:41 (UK time)", in Europe/London (GMT or BST as it applies). */
export function formatLondonDateTime(date: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    LONDON.formatToParts(date).find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")} at ${part("hour")}:${part("minute")} (UK time)`;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function typedName(data: ReceiptData): string {
  if (data.typedSignature?.trim()) return data.typedSignature.trim();
  const named =
    data.fields.find((f) => /^\s*(full\s+)?name\s*$/i.test(f.label)) ??
    data.fields.find((f) => /name/i.test(f.label));
  return named?.value.trim() ?? "";
}

type Line = {
  text: string;
  font: FontName;
  size: number;
  colour?: string;
  gapAfter?: number;
  link?: { prefix: string; url: string };
};

/**
 * Renders the receipt a signer keeps: what they agreed to, when, how they were identified, and the
 * evidence. A tagged PDF (PDF/UA-1): a screen reader reads its headings, the numbered statements as
 * a list, the details as a table of label and value, and the drawn signature by its alternative
 * text; rules, the evidence box and the page footers are artifacts.
 */
export async function renderReceiptPdf(data: ReceiptData): Promise<Buffer> {
  if (data.signatureImagePng && !data.signatureImagePng.subarray(0, 8).equals(PNG_MAGIC)) {
    throw new Error("The drawn signature is not a PNG image, so the receipt cannot show it.");
  }

  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    ...taggedPdfOptions("en-GB"),
    font: fontPath(FONTS.body),
    info: {
      Title: `${data.agreementTitle} — signed agreement receipt`,
      Author: data.schoolName,
      Subject: `Receipt for signature ${data.signatureId}`,
      Creator: "Accord",
      Producer: "Accord",
      CreationDate: data.signedAt,
      ModDate: data.signedAt,
    },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, fontPath(file));

  const done = collectPdf(doc);
  const tags = pdfTags(doc);

  doc.addPage();
  tags.start();
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const right = left + width;

  const use = (font: FontName, size: number, colour = COLOUR.text) =>
    doc.font(font).fontSize(size).fillColor(colour);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  /** Start a new page unless `height` more points fit above the footer. */
  const ensureSpace = (height: number) => {
    // continueOnNewPage, not addPage: an element still open carries on, tagged, on the next page.
    if (doc.y + height > bottom()) doc.continueOnNewPage();
  };
  const rule = (y: number, colour = COLOUR.rule) =>
    tags.artifact(() => {
      doc.save().moveTo(left, y).lineTo(right, y).lineWidth(0.6).strokeColor(colour).stroke().restore();
    });
  const heading = (text: string) => {
    use("bold", 12.5, COLOUR.accent);
    // keep the heading with at least three lines of what follows
    ensureSpace(doc.heightOfString(text, { width }) + 48);
    doc.moveDown(0.6);
    tags.block("H2", () => doc.text(text, left, doc.y, { width }));
    rule(doc.y + 2);
    doc.moveDown(0.5);
  };

  /* Title block */
  use("bold", 20, COLOUR.accent);
  tags.block("H1", () => doc.text("Signed agreement — receipt", left, MARGIN.top, { width }));
  doc.moveDown(0.15);
  use("bold", 13);
  tags.block("P", () => doc.text(data.schoolName, { width }));
  doc.moveDown(0.3);
  use("italic", 10, COLOUR.muted);
  tags.block("P", () => doc.text("Keep this receipt: it is your own copy of what you agreed.", { width }));
  doc.moveDown(0.8);

  /* What was signed */
  use("bold", 15);
  tags.block("H2", () => doc.text(data.agreementTitle, left, doc.y, { width }));
  doc.moveDown(0.2);
  use("body", 10.5, COLOUR.muted);
  tags.block("P", () => doc.text(`Policy: ${data.policyTitle} — version ${data.versionNumber}`, { width }));

  heading("What you agreed to");
  const gutter = 26;
  const statementWidth = width - gutter;
  tags.group("L", () =>
    data.statements.forEach((statement, i) => {
      use("body", 10.5);
      const options = { width: statementWidth, lineGap: 1.5 };
      const full = doc.heightOfString(statement, options);
      // keep a statement's number with its first two lines
      ensureSpace(Math.min(full, doc.currentLineHeight(true) * 2 + 3));
      const y = doc.y;
      tags.group("LI", () => {
        use("bold", 10.5, COLOUR.muted);
        tags.block("Lbl", () => doc.text(`${i + 1}.`, left, y, { width: gutter - 6, align: "right" }));
        use("body", 10.5);
        tags.block("LBody", () => doc.text(statement, left + gutter, y, options));
      });
      doc.moveDown(0.45);
    }),
  );

  heading("Declaration");
  use("body", 10.5);
  tags.block("P", () => doc.text(data.declaration, left, doc.y, { width, lineGap: 1.5 }));

  /* Two-column rows: label on the left, value on the right. */
  const labelWidth = 150;
  const valueX = left + labelWidth + 14;
  const valueWidth = right - valueX;
  // Each row is a table row: the label heads it (TH, scope Row), the value is its cell.
  const row = (label: string, value: string, valueFont: FontName = "body", valueSize = 10.5) => {
    use("bold", 9.5, COLOUR.muted);
    const labelHeight = doc.heightOfString(label, { width: labelWidth });
    use(valueFont, valueSize);
    const valueHeight = doc.heightOfString(value || " ", { width: valueWidth });
    ensureSpace(Math.min(Math.max(labelHeight, valueHeight), 60) + 12);
    const y = doc.y + 6;
    const page = doc.page;
    let labelEnd = y;
    tags.row(() => {
      use("bold", 9.5, COLOUR.muted);
      tags.headerCell(() => doc.text(label, left, y, { width: labelWidth }), "Row");
      labelEnd = doc.y;
      use(valueFont, valueSize);
      tags.cell(() => doc.text(value || "—", valueX, y, { width: valueWidth }));
    });
    const end = doc.page === page ? Math.max(labelEnd, doc.y) : doc.y;
    doc.x = left;
    doc.y = end + 6;
    rule(doc.y);
  };

  if (data.fields.length > 0) {
    heading("Your details");
    tags.table(() => {
      for (const field of data.fields) row(field.label, field.value);
    });
  }
  if (data.choices.length > 0) {
    heading("Your choices");
    tags.table(() => {
      for (const choice of data.choices) row(choice.label, choice.answer, "bold");
    });
  }

  heading("When and how you signed");
  tags.table(() => {
    row("Signed", formatLondonDateTime(data.signedAt));
    row("Identified by", data.authenticatedBy);
    if (data.signatureImagePng) {
      const image = data.signatureImagePng;
      const boxHeight = 64;
      ensureSpace(boxHeight + 14);
      const y = doc.y + 6;
      const signer = typedName(data);
      tags.row(() => {
        use("bold", 9.5, COLOUR.muted);
        tags.headerCell(() => doc.text("Signature (drawn)", left, y, { width: labelWidth }), "Row");
        tags.group("TD", () =>
          tags.figure(signer ? `Signature drawn by ${signer}` : "The signer's drawn signature", () => {
            doc.image(image, valueX, y, { fit: [220, boxHeight], valign: "center" });
          }),
        );
      });
      doc.x = left;
      doc.y = y + boxHeight + 6;
      rule(doc.y);
    } else {
      row("Signature (typed)", typedName(data) || "—", "italic", 13);
    }
  });

  /* Evidence box, kept on one page. */
  const pad = 12;
  const inner = width - pad * 2;
  use("mono", 9.5);
  const hashPerLine = Math.max(8, Math.floor(inner / doc.widthOfString("0") / 8) * 8);
  const hashLines = data.textSha256.match(new RegExp(`.{1,${hashPerLine}}`, "g")) ?? [""];
  const label = (text: string): Line => ({
    text,
    font: "bold",
    size: 8.5,
    colour: COLOUR.muted,
    gapAfter: 1,
  });
  const lines: Line[] = [
    { text: "Evidence", font: "bold", size: 11.5, colour: COLOUR.accent, gapAfter: 6 },
    label("SHA-256 of the exact text you were shown"),
    { text: hashLines.join("\n"), font: "mono", size: 9.5, gapAfter: 6 },
    label("Signature id"),
    { text: data.signatureId, font: "mono", size: 9.5, gapAfter: 6 },
    label("Verification reference"),
    { text: data.verificationReference, font: "monoBold", size: 13, gapAfter: 8 },
    {
      text: `Check this receipt at ${data.verifyUrl}`,
      font: "body",
      size: 9.5,
      link: { prefix: "Check this receipt at ", url: data.verifyUrl },
    },
  ];
  const measured = lines.map((line) => {
    use(line.font, line.size);
    return doc.heightOfString(line.text, { width: inner }) + (line.gapAfter ?? 0);
  });
  const boxHeight = measured.reduce((a, b) => a + b, 0) + pad * 2;
  doc.moveDown(1.2);
  ensureSpace(boxHeight);
  const boxTop = doc.y;
  tags.artifact(() => {
    doc
      .save()
      .roundedRect(left, boxTop, width, boxHeight, 4)
      .lineWidth(0.8)
      .fillAndStroke(COLOUR.boxFill, COLOUR.boxLine)
      .restore();
  });
  let y = boxTop + pad;
  tags.section(() =>
    lines.forEach((line, i) => {
      use(line.font, line.size, line.colour);
      const link = line.link;
      const top = y;
      if (link) {
        // The address is a Link element holding its annotation, inside the sentence's paragraph.
        tags.group("P", () => {
          tags.block("Span", () => doc.text(link.prefix, left + pad, top, { width: inner, continued: true }));
          tags.block(
            "Link",
            () => doc.fillColor(COLOUR.accent).text(link.url, { link: link.url, underline: true }),
            {
              alt: line.text,
            },
          );
        });
      } else {
        tags.block(i === 0 ? "H2" : "P", () => doc.text(line.text, left + pad, top, { width: inner }));
      }
      y += measured[i];
    }),
  );
  doc.x = left;
  doc.y = boxTop + boxHeight;

  /* Footer on every page, drawn once the page count is known. */
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    const footerY = doc.page.height - FOOTER_OFFSET;
    rule(footerY - 8);
    // Running footers repeat what the document says once: artifacts, so they are not read on every page.
    tags.artifact(() => {
      use("body", 8.5, COLOUR.muted);
      doc.text(`${data.schoolName} · reference ${data.verificationReference}`, left, footerY, {
        width: width - 90,
        lineBreak: false,
        ellipsis: true,
        height: 12,
      });
      doc.text(`Page ${i - range.start + 1} of ${total}`, right - 90, footerY, {
        width: 90,
        align: "right",
        lineBreak: false,
      });
    }, "Pagination");
    doc.page.margins.bottom = savedBottom;
  }

  tags.finish();
  doc.end();
  return done;
}
