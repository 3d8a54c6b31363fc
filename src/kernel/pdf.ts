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

export function newPdfDocument(
  title: string,
  author: string,
  layout: "portrait" | "landscape" = "portrait",
  margin = 40,
) {
  const doc = new PDFDocument({
    size: "A4",
    layout,
    margin,
    bufferPages: true,
    autoFirstPage: false,
    lang: "en-GB",
    displayTitle: true,
    font: pdfFont("DejaVuSans.ttf"),
    info: { Title: title, Author: author, Creator: "Accord" },
  });
  doc.registerFont("body", pdfFont("DejaVuSans.ttf"));
  doc.registerFont("bold", pdfFont("DejaVuSans-Bold.ttf"));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const use = (name: "body" | "bold", size: number, colour = PDF_COLOUR.text) =>
    doc.font(name).fontSize(size).fillColor(colour);
  return { doc, done, use };
}
