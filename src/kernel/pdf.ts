import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

/**
 * A printed document (an A4 PDF) with DejaVu embedded, so Welsh names (ŵ, ŷ) print, and
 * `use(font, size, colour)` to set the type in one call. Sheets, forms and reports start here.
 */
const require = createRequire(import.meta.url);
export const pdfFont = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);

export const PDF_COLOUR = {
  text: "#1f2933",
  muted: "#52606d",
  accent: "#1d4e89",
  no: "#9b1c1c",
  line: "#7b8794",
};

export type PdfDoc = PDFKit.PDFDocument;
export type PdfStruct = PDFKit.PDFStructureElement;

/**
 * What makes a PDF a tagged one (PDF/UA-1, ISO 14289): the structure tree and MarkInfo, the
 * pdfuaid part in the XMP metadata, the language, and the title shown in the viewer's title bar
 * instead of the file name. A screen reader reads a tagged PDF in order, with its headings, tables
 * and the alternative text of its pictures. Every piece of content must then be in the structure
 * tree or marked as an artifact (see `pdfTags`).
 */
export function taggedPdfOptions(lang: string): PDFKit.PDFDocumentOptions {
  return {
    tagged: true,
    // @types/pdfkit lists only the PDF/A subsets; pdfkit itself knows "PDF/UA".
    subset: "PDF/UA" as PDFKit.Mixins.PDFSubsets,
    pdfVersion: "1.7",
    lang,
    displayTitle: true,
  };
}

export function newPdfDocument(
  title: string,
  author: string,
  layout: "portrait" | "landscape" = "portrait",
  margin = 40,
  options: { tagged?: boolean; lang?: string } = {},
) {
  const lang = options.lang ?? "en-GB";
  const doc = new PDFDocument({
    size: "A4",
    layout,
    margin,
    bufferPages: true,
    autoFirstPage: false,
    lang,
    displayTitle: true,
    ...(options.tagged ? taggedPdfOptions(lang) : {}),
    font: pdfFont("DejaVuSans.ttf"),
    info: { Title: title, Author: author, Creator: "Accord" },
  });
  doc.registerFont("body", pdfFont("DejaVuSans.ttf"));
  doc.registerFont("bold", pdfFont("DejaVuSans-Bold.ttf"));
  const done = collectPdf(doc);
  const use = (name: "body" | "bold", size: number, colour = PDF_COLOUR.text) =>
    doc.font(name).fontSize(size).fillColor(colour);
  return { doc, done, use };
}

/** The bytes of the document once `doc.end()` is called. */
export function collectPdf(doc: PdfDoc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

type StructOptions = NonNullable<Parameters<PdfDoc["struct"]>[1]>;
type StructType = "H1" | "H2" | "H3" | "P" | "L" | "LI" | "Lbl" | "LBody" | "Figure" | "Span" | "Link";

/**
 * Writing into a tagged document's structure tree. `start()` opens the Document element (call it
 * after the first page is added); `block("H1", () => doc.text(…))` puts what the closure draws
 * into a new element of that type under the current section; `section()`, `table()` and `row()`
 * nest; `artifact(() => …)` marks decoration (rules, boxes, page numbers) as not content. What a
 * closure draws across a page break stays in its element: pdfkit continues the marking on the
 * next page. A page added by hand must go through `doc.continueOnNewPage()` for the same reason.
 */
export function pdfTags(doc: PdfDoc) {
  const stack: PdfStruct[] = [];
  const current = () => {
    const top = stack.at(-1);
    if (!top) throw new Error("pdfTags: start() the document first");
    return top;
  };
  const open = (type: string, options: Record<string, unknown> = {}) => {
    const el = doc.struct(type, options as StructOptions);
    current().add(el);
    stack.push(el);
    return el;
  };
  const close = () => stack.pop()?.end();
  const within = <T>(type: string, options: Record<string, unknown>, fill: () => T): T => {
    open(type, options);
    try {
      return fill();
    } finally {
      close();
    }
  };
  return {
    start() {
      const root = doc.struct("Document");
      doc.addStructure(root);
      stack.push(root);
    },
    /** Ends every open element; call before `doc.end()`. */
    finish() {
      while (stack.length) close();
    },
    block(type: StructType, draw: () => void, options: { alt?: string; lang?: string } = {}) {
      current().add(doc.struct(type, options, draw));
    },
    /** A picture or chart: its alternative text says what it shows, for those who cannot see it. */
    figure(alt: string, draw: () => void) {
      current().add(doc.struct("Figure", { alt }, draw));
    },
    section<T>(fill: () => T): T {
      return within("Sect", {}, fill);
    },
    /** An element holding others: a list (L) and its items (LI), a cell (TD) holding a Figure… */
    group<T>(type: "Sect" | "Div" | "L" | "LI" | "TD" | "P", fill: () => T): T {
      return within(type, {}, fill);
    },
    table<T>(fill: () => T, options: { summary?: string } = {}): T {
      return within("Table", options.summary ? { title: options.summary } : {}, fill);
    },
    row<T>(fill: () => T): T {
      return within("TR", {}, fill);
    },
    /** A header cell; `scope` says whether it heads its column or its row. */
    headerCell(draw: () => void, scope: "Column" | "Row" = "Column") {
      current().add(doc.struct("TH", { scope } as StructOptions, draw));
    },
    cell(draw: () => void) {
      current().add(doc.struct("TD", {}, draw));
    },
    artifact(draw: () => void, type: "Pagination" | "Layout" = "Layout") {
      doc.markContent("Artifact", { type });
      try {
        draw();
      } finally {
        doc.endMarkedContent();
      }
    },
  };
}
export type PdfTags = ReturnType<typeof pdfTags>;
