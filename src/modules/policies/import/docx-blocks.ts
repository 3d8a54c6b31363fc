/**
 * .docx → blocks. mammoth turns Word's structure (heading styles, numbered and bulleted lists,
 * tables) into simple HTML; this walks that HTML. Paragraphs typed by hand ("• I will…", tab
 * separated rows) are read like lines of plain text.
 */
import mammoth from "mammoth";
import { msg } from "../../../kernel/i18n/index.js";
import type { Block } from "./blocks.js";
import { alignedParagraphTables, parseTextBlocks } from "./blocks.js";
import { UnreadablePolicyError } from "./errors.js";

/** Many schools' documents use the Title style for the name and skip styles.xml entries. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p.Title => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p.Heading${n} => h${n}:fresh`),
];

export const UNREADABLE_DOCX = msg`This file isn't a readable Word document (it may be damaged, or not really a .docx): open it in Word and save it again as .docx.`;

export async function docxBlocks(bytes: Buffer): Promise<Block[]> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP })).value;
  } catch {
    throw new UnreadablePolicyError(UNREADABLE_DOCX);
  }
  return alignedParagraphTables(htmlBlocks(html));
}

type Frame =
  | { tag: "text"; parts: string[]; bold: boolean; headingLevel: number }
  | { tag: "list"; ordered: boolean }
  | { tag: "item"; parts: string[]; depth: number; ordered: boolean; emitted: boolean }
  | { tag: "table"; rows: string[][] }
  | { tag: "cell"; parts: string[] };

/** mammoth's HTML: h1-h6, p, ul/ol/li, table/tr/td/th and inline strong/em/a/br/img/sup/sub. */
export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const stack: Frame[] = [];
  let boldDepth = 0;
  const textTarget = () => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const frame = stack[i];
      if (frame.tag === "text" || frame.tag === "item" || frame.tag === "cell") return frame;
    }
    return null;
  };

  for (const token of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/gi)) {
    const [, closing, rawTag, selfClosing, text] = token;
    if (text !== undefined) {
      const target = textTarget();
      if (!target) continue;
      target.parts.push(decodeEntities(text));
      if (target.tag === "text" && boldDepth === 0 && decodeEntities(text).trim()) target.bold = false;
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (tag === "br") textTarget()?.parts.push("\n");
    else if (tag === "strong" || tag === "b") boldDepth += closing ? -1 : 1;
    else if (selfClosing) continue;
    else if (!closing) openTag(tag, stack, blocks);
    else closeTag(tag, stack, blocks);
  }
  return blocks;
}

function openTag(tag: string, stack: Frame[], blocks: Block[]): void {
  const heading = /^h([1-6])$/.exec(tag);
  if (tag === "p" || heading) {
    const inside = stack[stack.length - 1];
    // Paragraphs inside a list item or table cell add to it instead of standing alone.
    if (inside?.tag === "item" || inside?.tag === "cell") return;
    stack.push({ tag: "text", parts: [], bold: true, headingLevel: heading ? Number(heading[1]) : 0 });
  } else if (tag === "ul" || tag === "ol") {
    const parent = stack[stack.length - 1];
    if (parent?.tag === "item") emitItem(parent, blocks);
    stack.push({ tag: "list", ordered: tag === "ol" });
  } else if (tag === "li") {
    const lists = stack.filter((f) => f.tag === "list");
    const list = lists[lists.length - 1];
    const ordered = list?.tag === "list" && list.ordered;
    stack.push({ tag: "item", parts: [], depth: Math.max(0, lists.length - 1), ordered, emitted: false });
  } else if (tag === "table") stack.push({ tag: "table", rows: [] });
  else if (tag === "tr") {
    const table = nearest(stack, "table");
    table?.rows.push([]);
  } else if (tag === "td" || tag === "th") stack.push({ tag: "cell", parts: [] });
}

function closeTag(tag: string, stack: Frame[], blocks: Block[]): void {
  const top = stack[stack.length - 1];
  if (!top) return;
  if ((tag === "p" || /^h[1-6]$/.test(tag)) && top.tag === "text") {
    stack.pop();
    emitText(top, blocks);
  } else if ((tag === "p" || /^h[1-6]$/.test(tag)) && (top.tag === "item" || top.tag === "cell")) {
    top.parts.push("\n");
  } else if (tag === "li" && top.tag === "item") {
    stack.pop();
    emitItem(top, blocks);
  } else if ((tag === "ul" || tag === "ol") && top.tag === "list") stack.pop();
  else if ((tag === "td" || tag === "th") && top.tag === "cell") {
    stack.pop();
    const table = nearest(stack, "table");
    const row = table?.rows[table.rows.length - 1];
    row?.push(oneLine(top.parts.join("")));
  } else if (tag === "table" && top.tag === "table") {
    stack.pop();
    const rows = top.rows.filter((r) => r.some((c) => c));
    if (rows.length) blocks.push({ kind: "table", rows, fromTabs: false });
  }
}

function nearest(stack: Frame[], tag: "table"): Extract<Frame, { tag: "table" }> | null {
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i];
    if (frame.tag === tag) return frame;
  }
  return null;
}

/** A Word paragraph: a heading, or text read like plain-text lines (line breaks become lines). */
function emitText(frame: Extract<Frame, { tag: "text" }>, blocks: Block[]): void {
  const text = frame.parts.join("");
  if (!text.trim()) return;
  if (frame.headingLevel) {
    blocks.push({ kind: "heading", level: frame.headingLevel, text: oneLine(text), explicit: true });
    return;
  }
  const parsed = parseTextBlocks(text.replace(/\n/g, "\n\n"), "txt");
  if (frame.bold && parsed.length === 1 && parsed[0].kind === "paragraph") parsed[0].bold = true;
  appendMergingTabRows(blocks, parsed);
}

/** Rows typed with tabs in consecutive Word paragraphs are one table. */
function appendMergingTabRows(blocks: Block[], parsed: Block[]): void {
  for (const block of parsed) {
    const last = blocks[blocks.length - 1];
    if (block.kind === "table" && block.fromTabs && last?.kind === "table" && last.fromTabs)
      last.rows.push(...block.rows);
    else blocks.push(block);
  }
}

function emitItem(frame: Extract<Frame, { tag: "item" }>, blocks: Block[]): void {
  if (frame.emitted) return;
  frame.emitted = true;
  const text = oneLine(frame.parts.join(" "));
  frame.parts = [];
  if (!text) return;
  blocks.push({
    kind: "item",
    ordered: frame.ordered,
    marker: frame.ordered ? "1." : "-",
    depth: frame.depth,
    text,
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, entity: string) => {
    const name = entity.toLowerCase();
    if (name.startsWith("#x")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " }[name] ?? "";
  });
}
