/**
 * The document as a list of blocks (headings, paragraphs, list items, tables), whatever it came
 * from. Plain text and Markdown are parsed here; .docx arrives through docx-blocks.ts.
 */
import {
  choiceIn,
  endsMidSentence,
  endsSentence,
  isAppendixHeading,
  isCapitalsLine,
  isReviewKeyLine,
  isStatementText,
  isYesNoOptions,
  listMarker,
  signatureFieldsIn,
  VERSION_LINE,
} from "./text-patterns.js";
import { findUkDate } from "./uk-dates.js";

export type Block =
  | { kind: "heading"; level: number; text: string; explicit: boolean }
  | { kind: "paragraph"; text: string; bold?: boolean; letterhead?: boolean }
  | { kind: "item"; ordered: boolean; marker: string; depth: number; text: string }
  | { kind: "table"; rows: string[][]; fromTabs: boolean };

/**
 * How line breaks are to be read.
 * - "soft": Markdown; a paragraph runs on over several lines until a blank line.
 * - "wrapped": plain text hard-wrapped at a fixed width; a short line ends a paragraph.
 * - "lines": plain text saved from Word; every line is a paragraph of its own.
 */
type Layout = { kind: "soft" | "wrapped" | "lines"; width: number };

type OpenText = {
  block: Extract<Block, { kind: "paragraph" | "item" }>;
  lastLine: string;
  /** Width of the last line as an editor shows it, tabs expanded: what wrapping is judged on. */
  lastWidth: number;
  indent: number;
};

/** Word and copy-paste leave characters that look like spaces or bullets but are not. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?|[\v\f\u2028\u2029]/g, "\n")
    .replace(/[\u00A0\u2007\u202F]/g, " ")
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/[\uF0B7\uF0A7\uF0D8\uF0FC\uF076]/g, "•");
}

export function parseTextBlocks(text: string, format: "txt" | "md"): Block[] {
  const raw = text.split("\n");
  const lines = format === "md" ? raw : raw.flatMap(unflatten);
  // Text that was run together is split into one sentence or item per line.
  const layout =
    format === "md"
      ? { kind: "soft" as const, width: 0 }
      : lines.length > raw.length
        ? { kind: "lines" as const, width: 0 }
        : detectLayout(lines);
  const aligned = alignedRows(lines);
  const blocks: Block[] = [];
  let open: OpenText | null = null;
  let tableOpen = false;
  const levels: ListLevel[] = [];
  const close = () => {
    if (open) blocks.push(open.block);
    // A list ends at the first paragraph, heading or table after it.
    if (open && open.block.kind !== "item") levels.length = 0;
    open = null;
    tableOpen = false;
  };

  for (const [at, raw] of lines.entries()) {
    const line = raw.replace(/\s+$/, "");
    const trimmed = line.trim();
    const indent = indentWidth(line);
    if (!trimmed || /^(```|~~~)/.test(trimmed) || /^<!--.*-->$/.test(trimmed)) {
      close();
      continue;
    }
    const setext = setextLevel(trimmed, format);
    if (setext) {
      const underlined: OpenText | null = open;
      if (underlined && underlined.block.kind === "paragraph") {
        blocks.push({ kind: "heading", level: setext, text: underlined.block.text, explicit: true });
        open = null;
      } else close();
      continue;
    }
    if (/^(\*\s*){3,}$|^(_\s*){3,}$|^(-\s*){3,}$|^={3,}$/.test(trimmed)) {
      close();
      continue;
    }
    const atx = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/.exec(trimmed);
    if (atx) {
      close();
      levels.length = 0;
      blocks.push({ kind: "heading", level: atx[1].length, text: atx[2], explicit: true });
      continue;
    }
    const marker = listMarker(trimmed);
    const cells = aligned.get(at) ?? (marker || signatureFieldsIn(trimmed) ? null : tableCells(trimmed));
    if (cells === "separator") continue;
    if (cells) {
      const last = blocks[blocks.length - 1];
      if (tableOpen && last?.kind === "table") last.rows.push(cells);
      else {
        close();
        levels.length = 0;
        blocks.push({ kind: "table", rows: [cells], fromTabs: !trimmed.startsWith("|") });
        tableOpen = true;
      }
      continue;
    }
    if (open && !marker && continuesOpenText(open, trimmed, indent, layout)) {
      open.block.text = joinWrapped(open.block.text, trimmed);
      open.lastLine = trimmed;
      open.lastWidth = displayWidth(line);
      continue;
    }
    close();
    if (marker) {
      const depth = itemDepth(levels, indent, marker.marker, marker.nested);
      open = {
        block: { kind: "item", ordered: marker.ordered, marker: marker.marker, depth, text: marker.rest },
        lastLine: trimmed,
        lastWidth: displayWidth(line),
        indent,
      };
    } else
      open = {
        block: { kind: "paragraph", text: trimmed },
        lastLine: trimmed,
        lastWidth: displayWidth(line),
        indent,
      };
  }
  close();
  return blocks;
}

/**
 * Plain text is "wrapped" when its lines all stop near the same width (an editor wrapped it);
 * Word's "save as text" writes each paragraph as one long line instead.
 */
function detectLayout(lines: string[]): Layout {
  const lengths = lines.map(displayWidth).filter((n) => n > 0);
  const width = Math.max(0, ...lengths);
  if (lengths.length < 4 || width > 110 || width < 40) return { kind: "lines", width };
  // Wrapped text has many full-width lines that run on into the next line.
  // A line that ends its sentence is not evidence of wrapping: lists of short rules fill the width too.
  const runOn = lines.filter(
    (line, i) => displayWidth(line) >= width - 15 && lines[i + 1]?.trim() && !endsSentence(line),
  ).length;
  return { kind: runOn >= 3 && runOn / lengths.length >= 0.2 ? "wrapped" : "lines", width };
}

/** Whether `line` carries on the paragraph or list item above it rather than starting a new one. */
function continuesOpenText(open: OpenText, line: string, indent: number, layout: Layout): boolean {
  if (startsOwnBlock(line)) return false;
  const previous = open.lastLine;
  if (isStatementText(line) && !endsMidSentence(previous)) {
    // A wrapped statement can break just before "I will" in the middle of a sentence.
    if (layout.kind === "lines" || endsSentence(previous)) return false;
  }
  // One paragraph per line: a clause after a lead-in ("I will:") or after a finished clause
  // ("…private;") starts its own line even in lower case.
  if (/^[a-z(]/.test(line)) return layout.kind !== "lines" || !endsSentence(previous);
  if (layout.kind === "soft") return true;
  if (layout.kind === "wrapped") return open.lastWidth >= layout.width - 22 || endsMidSentence(previous);
  // One paragraph per line: only an indented line under a list item, or a broken sentence, runs on.
  return (open.block.kind === "item" && indent > open.indent) || endsMidSentence(previous);
}

/** Lines that are never the middle of a paragraph. */
function startsOwnBlock(line: string): boolean {
  return (
    !!signatureFieldsIn(line) ||
    VERSION_LINE.test(line) ||
    /^\d{1,3}\.\d{1,3}\s+[-–—]\s/.test(line) ||
    !!choiceIn(line) ||
    isYesNoOptions(line) ||
    isReviewKeyLine(line) ||
    (isAppendixHeading(line) && !endsSentence(line)) ||
    (isCapitalsLine(line) && line.length <= 80)
  );
}

function joinWrapped(text: string, line: string): string {
  // "well-" + "being" was one word broken by the wrap.
  if (/\w-$/.test(text) && /^[a-z]/.test(line)) return text + line;
  return `${text} ${line}`;
}

function setextLevel(trimmed: string, format: "txt" | "md"): number {
  if (format !== "md") return 0;
  if (/^=+$/.test(trimmed)) return 1;
  if (/^-+$/.test(trimmed)) return 2;
  return 0;
}

function displayWidth(line: string): number {
  return line.replace(/\s+$/, "").replace(/\t/g, "    ").length;
}

function indentWidth(line: string): number {
  const lead = /^[ \t]*/.exec(line)?.[0] ?? "";
  return lead.replace(/\t/g, "    ").length;
}

type ListLevel = { indent: number; marker: string; nested: boolean };

/**
 * Nesting follows indentation relative to the items above, not to the margin (Word indents whole
 * lists). At the same indentation a second-level marker ("o", "a)", "(i)") still nests.
 */
function itemDepth(levels: ListLevel[], indent: number, marker: string, nested: boolean): number {
  while (levels.length && levels[levels.length - 1].indent > indent) levels.pop();
  const top = levels[levels.length - 1];
  const kind = markerKind(marker);
  if (!top || top.indent < indent) levels.push({ indent, marker: kind, nested });
  else if (top.marker !== kind) {
    const sameKind = levels.findIndex((l) => l.indent === indent && l.marker === kind);
    if (sameKind !== -1) levels.splice(sameKind + 1);
    else if (nested && !top.nested) levels.push({ indent, marker: kind, nested });
    else levels[levels.length - 1] = { indent, marker: kind, nested };
  }
  return Math.min(levels.length - 1, 3);
}

/** "1." and "2." are the same kind of marker; so are "a)" and "b)". */
function markerKind(marker: string): string {
  return marker
    .replace(/\d+/g, "1")
    .replace(/\b[ivx]+\b|\b[IVX]+\b/g, "i")
    .replace(/\b[a-hj-uwyzA-HJ-UWYZ]\b/g, "a");
}

/** A Markdown pipe-table row or a tab-separated row; "separator" for "|---|---|". */
function tableCells(trimmed: string): string[] | "separator" | null {
  if (trimmed.startsWith("|") && trimmed.length > 1) {
    const cells = splitPipes(trimmed);
    if (cells.every((c) => /^:?-{2,}:?$/.test(c))) return "separator";
    return cells;
  }
  if (trimmed.includes("\t")) return trimmed.split(/\t+/).map((c) => c.trim());
  return null;
}

function splitPipes(row: string): string[] {
  const cells = row
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, "|"));
  return cells;
}

/**
 * Text copied out of a PDF often arrives with a whole page on one line: headings, sentences and
 * list items run together. Such a line (long, and holding a bullet, a list number or a second
 * rule in the middle of it) is split back into its sentences and items, so each rule is found.
 */
const RUN_TOGETHER = 400;
const INLINE_BULLET = /\s+(?=[•●▪■◦○➢➤►✓✔]\s)/;
const INLINE_NUMBER = /(?<=[.;:!?])\s+(?=(?:\d{1,2}[.)]|\(?[a-z]\)|\((?:i{1,3}|iv|vi{0,3}|ix|x)\))\s+\S)/;
const NOT_SENTENCE_END = /\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|No|vs|approx)\.$/i;

function unflatten(line: string): string[] {
  if (line.length < RUN_TOGETHER) return [line];
  const sentences = splitSentences(line.trim());
  const runTogether =
    INLINE_BULLET.test(line) ||
    INLINE_NUMBER.test(line) ||
    sentences.slice(1).some((s) => isStatementText(s) || isStatementText(s.replace(/^\S+\s+/, "")));
  if (!runTogether) return [line];
  return sentences
    .flatMap((s) => s.split(INLINE_BULLET))
    .flatMap((s) => s.split(INLINE_NUMBER))
    .flatMap(headingBeforeStatement)
    .map((s) => s.trim())
    .filter(Boolean);
}

function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]["'”’)]?\s+(?=["“‘(]?[A-Z0-9•●▪■◦○➢➤►✓✔])/g)) {
    const end = (m.index ?? 0) + m[0].trimEnd().length;
    const sentence = text.slice(start, end);
    // "1." on its own is a list number, not a sentence.
    if (NOT_SENTENCE_END.test(sentence) || /^\(?\w{1,3}[.)]$/.test(sentence.trim())) continue;
    out.push(text.slice(start, end));
    start = (m.index ?? 0) + m[0].length;
  }
  out.push(text.slice(start));
  return out;
}

/** "Passwords I will lock my screen…": a heading the flattening glued to the rule after it. */
function headingBeforeStatement(sentence: string): string[] {
  const text = sentence.trim();
  if (isStatementText(text)) return [sentence];
  const m = /^([A-Z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,5}?)\s+(?=I\s+[a-z])/.exec(text);
  if (!m || !isStatementText(text.slice(m[0].length))) return [sentence];
  return [m[1], text.slice(m[0].length)];
}

/**
 * Tables typed with spaces or pipes ("1.0    Sept 2023    J Patel    First issue"): two or more
 * lines in a row whose cells are split by runs of spaces or by " | ", where every line holds a
 * version number, a date or a column heading. Cells are placed under the heading row's columns,
 * so an empty cell (no author) does not shift the rest to the left.
 */
const TABLE_WORD =
  /^(?:issue|version|ver\.?|rev(?:ision)?|edition|no\.?|date|dated|author|owner|approved|approval|summary|comments?|changes?|details?|description|reason|amendments?|notes?|review|reviewed|next|signed|by|ratified|status)\b/i;
const VERSION_CELL = /^(?:v(?:ersion)?\.?\s*)?\d{1,3}(?:\.\d{1,3}){0,2}$/i;

/**
 * The same for a .docx whose table was typed with spaces, one Word paragraph a row: runs of such
 * paragraphs become one table.
 */
export function alignedParagraphTables(blocks: Block[]): Block[] {
  const lines = blocks.map((b) => (b.kind === "paragraph" ? b.text : ""));
  const rows = alignedRows(lines);
  if (!rows.size) return blocks;
  const out: Block[] = [];
  blocks.forEach((block, i) => {
    const cells = rows.get(i);
    const last = out[out.length - 1];
    if (!cells) out.push(block);
    else if (rows.has(i - 1) && last?.kind === "table") last.rows.push(cells);
    else out.push({ kind: "table", rows: [cells], fromTabs: true });
  });
  return out;
}

function alignedRows(lines: string[]): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  let run: { at: number; cells: { text: string; start: number }[] }[] = [];
  const flush = () => {
    if (run.length >= 2) {
      const header = run[0].cells;
      for (const row of run) rows.set(row.at, placeCells(row.cells, header));
    }
    run = [];
  };
  lines.forEach((line, at) => {
    const cells = line.trim().startsWith("|") || line.includes("\t") ? null : cellsOf(line);
    if (cells?.some((c) => isTabularCell(c.text))) run.push({ at, cells });
    else flush();
  });
  flush();
  return rows;
}

function cellsOf(line: string): { text: string; start: number }[] | null {
  const pipes = / \| /.test(line);
  const separator = pipes ? /\s*\|\s*/g : /\s{2,}/g;
  const cells: { text: string; start: number }[] = [];
  let start = 0;
  const body = line.replace(/\s+$/, "");
  for (const m of body.matchAll(separator)) {
    const text = body.slice(start, m.index).trim();
    if (text || pipes) cells.push({ text, start });
    start = (m.index ?? 0) + m[0].length;
  }
  cells.push({ text: body.slice(start).trim(), start });
  const filled = cells.filter((c) => c.text);
  if (filled.length < 2 || listMarker(filled[0].text)) return null;
  return pipes ? cells : filled;
}

function isTabularCell(text: string): boolean {
  if (VERSION_CELL.test(text)) return true;
  // A heading cell is a few words, never a sentence: "Next I will…" after two spaces is prose.
  if (TABLE_WORD.test(text)) return text.split(/\s+/).length <= 4 && !/[.!?,;]$/.test(text);
  const date = findUkDate(text);
  return !!date && date.index === 0 && date.length >= text.length - 2;
}

function placeCells(
  cells: { text: string; start: number }[],
  header: { text: string; start: number }[],
): string[] {
  if (cells.length === header.length || cells === header) return cells.map((c) => c.text);
  const placed = header.map(() => "");
  for (const cell of cells) {
    let column = 0;
    header.forEach((h, i) => {
      if (h.start <= cell.start + 2) column = i;
    });
    placed[column] = placed[column] ? `${placed[column]} ${cell.text}` : cell.text;
  }
  return placed;
}
