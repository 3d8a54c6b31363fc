/**
 * The version-control table: as a real table (Word or Markdown), as tab-separated lines, or as
 * lines like "Version 2.1 – March 2023 – Updated for new filtering system".
 */
import type { Block } from "./blocks.js";
import { plainText, VERSION_LINE } from "./text-patterns.js";
import { findUkDate, normaliseUkDate } from "./uk-dates.js";

export type HistoryEntry = { number: string; date: string | null; summary: string };

const VERSION_CELL = /^(?:version|ver\.?|v)?\s*(\d{1,3}(?:\.\d{1,3}){0,2})\b/i;
const DOTTED_VERSION = /^(?:v(?:ersion)?\.?\s*)?\d{1,3}\.\d{1,3}$/i;
const VERSION_HEADER =
  /\bversion\b|^ver\.?$|^v$|^issue(?:\s+(?:no\.?|number))?$|^no\.?$|^rev(?:\.|ision)?(?:\s+(?:no\.?|number))?$|^edition$/i;
const DATE_HEADER = /date|issued|when|month|year/i;
const SUMMARY_HEADER = /summary|change|description|detail|comment|reason|amend|note|revision|update|what/i;
/** Columns that hold people or plans, not what changed. */
const NOT_SUMMARY_HEADER = /author|\bby\b|approv|owner|name|next|signed/i;
const HISTORY_HEADING = /\b(?:version|revision|document|change)\s+(?:history|control|log)\b|\bamendments?\b/i;

export function analyseHistory(blocks: Block[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let underHistoryHeading = false;
  for (const block of blocks) {
    if (block.kind === "heading") underHistoryHeading = HISTORY_HEADING.test(plainText(block.text));
    else if (block.kind === "table") entries.push(...historyFromTable(block.rows));
    else {
      const entry = historyFromLine(plainText(block.text), underHistoryHeading);
      if (entry) entries.push(entry);
    }
  }
  return withoutRepeats(entries);
}

export function isHistoryTable(rows: string[][]): boolean {
  return historyFromTable(rows).length > 0;
}

function historyFromTable(raw: string[][]): HistoryEntry[] {
  const rows = raw.map((r) => r.map(plainText));
  const headerAt = rows.slice(0, 3).findIndex((r) => r.length >= 2 && r.some((c) => VERSION_HEADER.test(c)));
  const columns =
    headerAt === -1 ? columnsByContent(rows) : columnsByHeader(rows[headerAt], rows.slice(headerAt + 1));
  if (!columns) return [];
  const body = headerAt === -1 ? rows : rows.slice(headerAt + 1);
  const entries: HistoryEntry[] = [];
  for (const row of body) {
    const version = VERSION_CELL.exec(row[columns.version] ?? "");
    if (!version) continue;
    const dateCell = columns.date === -1 ? "" : (row[columns.date] ?? "");
    entries.push({
      number: version[1],
      date: normaliseUkDate(dateCell),
      summary: columns.summary === -1 ? "" : (row[columns.summary] ?? ""),
    });
  }
  return entries;
}

type Columns = { version: number; date: number; summary: number };

function columnsByHeader(header: string[], body: string[][]): Columns {
  const version = header.findIndex((c) => VERSION_HEADER.test(c));
  const date = header.findIndex((c, i) => i !== version && DATE_HEADER.test(c) && !/next|review/i.test(c));
  let summary = header.findIndex(
    (c, i) => i !== version && i !== date && SUMMARY_HEADER.test(c) && !NOT_SUMMARY_HEADER.test(c),
  );
  if (summary === -1)
    summary = wordiestColumn(
      body,
      header.length,
      (i) => i !== version && i !== date && !NOT_SUMMARY_HEADER.test(header[i]),
    );
  return { version, date: date === -1 ? dateColumn(body, header.length, version) : date, summary };
}

/**
 * Without a header: a column holding only dotted numbers is the version, a column of dates the
 * date, and the wordiest of the rest the summary.
 */
function columnsByContent(rows: string[][]): Columns | null {
  const width = Math.max(...rows.map((r) => r.length));
  if (width < 2) return null;
  let version = -1;
  for (let i = 0; i < width && version === -1; i++) {
    const versions = rows.filter((r) => DOTTED_VERSION.test(r[i] ?? "")).length;
    if (versions >= Math.max(1, rows.length / 2)) version = i;
  }
  if (version === -1) return null;
  const date = dateColumn(rows, width, version);
  // Without dates, a column of "3.1" beside text is a numbered list or a contents page.
  if (date === -1) return null;
  const summary = wordiestColumn(rows, width, (i) => i !== version && i !== date);
  return { version, date, summary };
}

function dateColumn(rows: string[][], width: number, version: number): number {
  for (let i = 0; i < width; i++) {
    if (i === version) continue;
    const dated = rows.filter((r) => findUkDate(r[i] ?? "")).length;
    if (dated && dated >= rows.length / 2) return i;
  }
  return -1;
}

function wordiestColumn(rows: string[][], width: number, allowed: (i: number) => boolean): number {
  let best = -1;
  let bestLength = 0;
  for (let i = 0; i < width; i++) {
    if (!allowed(i)) continue;
    const length = rows.reduce((sum, r) => sum + (r[i]?.length ?? 0), 0);
    if (length > bestLength) [best, bestLength] = [i, length];
  }
  return best;
}

/**
 * "Version 2.1 – March 2023 – Updated…"; under a "Version history" heading also "2.1 – …".
 * The date may come first or anywhere in the line; the rest is the summary.
 */
function historyFromLine(text: string, underHistoryHeading: boolean): HistoryEntry | null {
  const labelled = VERSION_LINE.exec(text);
  const bare = /^(\d{1,3}(?:\.\d{1,3}){1,2})\s*[-–—:,|]?\s+(.*)$/.exec(text);
  const m = labelled ?? bare;
  if (!m) return null;
  const rest = m[2];
  const date = findUkDate(rest);
  // A bare "3.1 Something" is a numbered section unless it is dated or sits under a history heading.
  if (!labelled && !underHistoryHeading && (!date || date.index > 0)) return null;
  const summary = date ? rest.slice(0, date.index) + rest.slice(date.index + date.length) : rest;
  return { number: m[1], date: date?.iso ?? null, summary: tidySummary(summary) };
}

function tidySummary(text: string): string {
  return text
    .replace(/^[\s\-–—:,|()]+/, "")
    .replace(/[\s\-–—:,|(]+$/, "")
    .replace(/\(\s*\)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function withoutRepeats(entries: HistoryEntry[]): HistoryEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${e.number}|${e.date}|${e.summary.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
