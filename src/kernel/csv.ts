/**
 * One CSV field: commas, quotes and line breaks quoted; a leading = + - @ neutralised (a
 * spreadsheet would run it as a formula: CSV injection). Every CSV Accord writes uses it.
 */
export function csvField(v: string | null | undefined) {
  const s = v ?? "";
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of fields as a CSV document, CRLF line ends as spreadsheets expect. */
export const csvLines = (rows: (string | null | undefined)[][]) =>
  `${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
