/**
 * Asset labels: a PDF on a standard A4 sheet of 21 labels (3 × 7, 63.5 × 38.1 mm: Avery L7160 and
 * its equivalents), each with a QR code of the device's page address, its asset tag large, and the
 * school's name. Scanning one on a phone opens the device for check-out and check-in. The few words
 * of its own (a device's kind where no make is recorded) follow the screen of whoever prints it.
 */
import { eq, sql } from "drizzle-orm";
import PDFDocument from "pdfkit";
import qrcode from "qrcode-generator";
import type { DbOrTx } from "../../db/client.js";
import { schools } from "../../db/schema.js";
import { type Language, type Message, msg, say } from "../../kernel/i18n/index.js";
import { pdfFont } from "../../kernel/pdf.js";
import type { Actor } from "../access/roles.js";
import { devicesWhere } from "./register.js";
import type { DeviceType } from "./schema.js";

const font = pdfFont;
const MM = 72 / 25.4;
const SHEET = {
  cols: 3,
  rows: 7,
  width: 63.5 * MM,
  height: 38.1 * MM,
  left: 7.2 * MM,
  top: 15.1 * MM,
  pitchX: 66.0 * MM,
};

/** A device's kind, printed where no make and model is recorded. */
const TYPE_NAMES: Record<DeviceType, Message> = {
  tablet: msg`Tablet`,
  laptop: msg`Laptop`,
  phone: msg`Phone`,
  camera: msg`Camera`,
  removable_media: msg`Removable media`,
  other: msg`Other`,
};

export const deviceUrl = (publicUrl: string, id: string) => `${publicUrl}/devices/${id}`;

/** The QR modules for a payload (error correction M, as on the class-session screen). */
export function qrModules(payload: string) {
  const qr = qrcode(0, "M");
  qr.addData(payload);
  qr.make();
  const n = qr.getModuleCount();
  return { n, isDark: (r: number, c: number) => qr.isDark(r, c) };
}

export async function labelsPdf(
  db: DbOrTx,
  actor: Actor,
  ids: string[] | null,
  publicUrl: string,
  language: Language = "en-GB",
) {
  const where = ids ? sql`d.id = ANY(${sql.param(ids)}::uuid[])` : sql`d.status <> 'disposed'`;
  const { devices } = await devicesWhere(db, actor.schoolId, where, 1, 2000);
  const [school] = await db
    .select({ name: schools.name })
    .from(schools)
    .where(eq(schools.id, actor.schoolId));
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: false,
    lang: language === "cy" ? "cy" : "en-GB",
    font: font("DejaVuSans.ttf"),
    info: { Title: say(language, msg`Asset labels`), Author: school?.name ?? "", Creator: "Accord" },
  });
  doc.registerFont("body", font("DejaVuSans.ttf"));
  doc.registerFont("bold", font("DejaVuSans-Bold.ttf"));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  devices.forEach((d, i) => {
    const slot = i % (SHEET.cols * SHEET.rows);
    if (slot === 0) doc.addPage();
    const x = SHEET.left + (slot % SHEET.cols) * SHEET.pitchX;
    const y = SHEET.top + Math.floor(slot / SHEET.cols) * SHEET.height;
    const pad = 3 * MM;
    const { n, isDark } = qrModules(deviceUrl(publicUrl, d.id));
    const qrSize = SHEET.height - 2 * pad;
    const cell = qrSize / (n + 2);
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++)
        if (isDark(r, c)) doc.rect(x + pad + (c + 1) * cell, y + pad + (r + 1) * cell, cell, cell);
    doc.fill("#000");
    const textX = x + pad + qrSize + 2 * MM;
    const textW = SHEET.width - (textX - x) - pad;
    doc
      .font("bold")
      .fontSize(13)
      .fillColor("#000")
      .text(d.assetTag, textX, y + pad + 2, { width: textW, lineBreak: false, ellipsis: true });
    doc
      .font("body")
      .fontSize(7)
      .text(d.makeModel ?? say(language, TYPE_NAMES[d.type as DeviceType] ?? d.type), textX, y + pad + 20, {
        width: textW,
        height: 20,
        ellipsis: true,
      });
    doc
      .fontSize(6.5)
      .fillColor("#333")
      .text(school?.name ?? "", textX, y + SHEET.height - pad - 16, {
        width: textW,
        height: 16,
        ellipsis: true,
      });
  });
  if (devices.length === 0) {
    doc.addPage();
    doc.font("body").fontSize(12).text(say(language, msg`No devices to label.`), 72, 72);
  }
  doc.end();
  return done;
}
