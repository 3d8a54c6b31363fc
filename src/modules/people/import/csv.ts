import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { msg } from "../../../kernel/i18n/index.js";
import { badRequest } from "../../../kernel/problem.js";

/**
 * MIS exports arrive as UTF-8 (often with a byte-order mark) or, from older Windows tools, as
 * Windows-1252. Strict UTF-8 decoding tells them apart: Windows-1252 text with any accented letter
 * is not valid UTF-8.
 */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(bytes, "win1252");
  }
}

/** Comma, semicolon (European Excel) or tab: whichever splits the heading row most. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 0 ? counts[0].d : ",";
}

export type ParsedCsv = { headings: string[]; rows: string[][] };

export function parseCsv(bytes: Buffer): ParsedCsv {
  const text = decodeText(bytes);
  if (text.trim() === "") throw badRequest(msg`The file is empty.`);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (err) {
    throw badRequest(
      msg`The file could not be read as CSV: ${(err as Error).message.replace(/^Invalid \w+ /, "")}`,
    );
  }
  const [headings = [], ...rows] = records;
  if (headings.every((h) => h === "")) throw badRequest(msg`The file has no heading row.`);
  return { headings, rows: rows.filter((r) => r.some((cell) => cell !== "")) };
}
