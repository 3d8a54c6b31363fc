/**
 * Turns parsed blocks into the document a person would see: the title found (and its repeats,
 * which Word exports often carry, removed) and the headings that plain text only implies
 * ("INTERNET ACCESS", "3. Using email", a short line on its own) marked as headings.
 */
import type { Block } from "./blocks.js";
import {
  choiceIn,
  comparisonKey,
  endsSentence,
  isAppendixHeading,
  isCapitalsLine,
  isStatementText,
  isYesNoOptions,
  plainText,
  signatureFieldsIn,
  VERSION_LINE,
} from "./text-patterns.js";

import { findUkDate } from "./uk-dates.js";

export type ShapedDocument = { title: string; blocks: Block[] };

export function shapeDocument(parsed: Block[]): ShapedDocument {
  const blocks = parsed.filter((b) => b.kind === "table" || plainText(b.text) !== "");
  const title = takeTitle(blocks);
  // Authors who used real headings meant every other line as body text.
  const titleBlock = title ? blocks.find((b) => b.kind === "heading") : undefined;
  const hasExplicitHeadings = blocks.some((b) => b !== titleBlock && b.kind === "heading" && b.explicit);
  const shaped = blocks.map((block, i) =>
    impliedHeading(block, blocks[i - 1], blocks[i + 1], !hasExplicitHeadings),
  );
  return { title, blocks: levelHeadings(shaped) };
}

/**
 * A letterhead above the title: the school's, academy's or trust's name, or its logo (an image,
 * or the words "School logo" where one goes). Such a line is kept in the text, never the title.
 */
const SCHOOL_WORDS =
  /\b(?:school|academy|academies|trust|college|federation|nursery|infants?|juniors?|primary|ysgol|MAT|diocese|council|authority)\b/i;
const DOCUMENT_WORDS =
  /\b(?:polic(?:y|ies)|agreement|code|procedures?|guidance|guidelines|statement|rules|charter|protocol|form|consent|acceptable\s+use|aup|plan|strategy|e-?safety|online\s+safety|safeguarding|framework|polisi|cytundeb|cod|gweithdrefn(?:au)?|canllawiau|ffurflen|caniatâd|datganiad)(?![\p{L}])/iu;
const LOGO =
  /^\[?(?:insert\s+)?(?:(?:the\s+)?(?:school|academy|trust)['’]?s?\s+)?(?:logo|crest|badge|emblem|image|picture)(?:\s+here)?\]?$/i;

export function isLetterheadLine(block: Block): boolean {
  if (block.kind === "table" || block.kind === "item") return false;
  if (/^!\[[^\]]*\]\([^)]*\)$/.test(block.text.trim())) return true;
  const text = plainText(block.text);
  if (LOGO.test(text) || (/\blogo\b/i.test(text) && text.split(/\s+/).length <= 5)) return true;
  return (
    text.length <= 100 &&
    SCHOOL_WORDS.test(text) &&
    !DOCUMENT_WORDS.test(text) &&
    !/[.;:,]$/.test(text) &&
    !isStatementText(text)
  );
}

/** The first block names the document; identical lines straight after it are export noise. */
function takeTitle(blocks: Block[]): string {
  // Up to three letterhead lines (logo, school name, trust name) may stand above the title.
  let at = 0;
  while (at < Math.min(3, blocks.length - 1) && isLetterheadLine(blocks[at])) at++;
  if (at > 0) {
    const letterhead = blocks
      .splice(0, at)
      .map((b): Block => ({ kind: "paragraph", text: b.kind === "table" ? "" : b.text, letterhead: true }));
    const title = takeTitle(blocks);
    blocks.unshift(...letterhead);
    return title;
  }
  const first = blocks[0];
  if (!first || first.kind === "table") return "";
  const text = plainText(first.text);
  const usable =
    first.kind === "heading" ||
    (text.length <= 200 && !/[.;,]$/.test(text) && !isStatementText(text) && !signatureFieldsIn(text));
  if (!usable) return "";
  blocks[0] = { kind: "heading", level: 1, text: first.text, explicit: true };
  const key = comparisonKey(text);
  for (let i = 1; i < Math.min(blocks.length, 6); ) {
    const block = blocks[i];
    if (block.kind !== "table" && comparisonKey(block.text) === key) blocks.splice(i, 1);
    else i++;
  }
  return text;
}

function impliedHeading(
  block: Block,
  previous: Block | undefined,
  next: Block | undefined,
  guess: boolean,
): Block {
  if (block.kind === "heading" || block.kind === "table") return block;
  if (block.kind === "paragraph" && block.letterhead) return block;
  const text = plainText(block.text);
  if (block.kind === "item") {
    // "3. Using email" alone (not one of a run of numbered items) is a numbered heading.
    const alone = !isNumberedItem(previous) && !isNumberedItem(next);
    if (guess && block.ordered && /^\d+[.)]$/.test(block.marker) && alone && looksLikeHeading(text))
      return { kind: "heading", level: 0, text: `${block.marker} ${block.text}`, explicit: false };
    return block;
  }
  if (isAppendixHeading(text) && !endsSentence(text) && text.length <= 100)
    return { kind: "heading", level: 0, text: block.text, explicit: false };
  if (!looksLikeHeading(text)) return block;
  // A question with "Yes / No" under it is asked of the signer; a line after "…:" answers it.
  if (next && next.kind !== "table" && isYesNoOptions(next.text)) return block;
  if (previous?.kind === "paragraph" && /:$/.test(plainText(previous.text))) return block;
  if (isCapitalsLine(text) || block.bold)
    return { kind: "heading", level: 0, text: block.text, explicit: false };
  if (guess) return { kind: "heading", level: 0, text: block.text, explicit: false };
  return block;
}

function isNumberedItem(block: Block | undefined): boolean {
  return block?.kind === "item" && /^\d+[.)]$/.test(block.marker);
}

/** Short, unpunctuated, not a sentence the signer agrees to and not part of a signature block. */
function looksLikeHeading(text: string): boolean {
  const words = text.split(/\s+/).length;
  return (
    text.length >= 3 &&
    text.length <= (isCapitalsLine(text) ? 100 : 80) &&
    words <= 14 &&
    /^[A-Z0-9\u00C0-\u024F]/.test(text) &&
    !/[.,;:!]$/.test(text) &&
    !/:\s/.test(text) &&
    !/https?:|www\.|@/.test(text) &&
    !isStatementText(text) &&
    !signatureFieldsIn(text) &&
    !choiceIn(text) &&
    !isYesNoOptions(text) &&
    // "Review October 2018", "September 2026": review dates, not headings.
    !endsWithDate(text) &&
    !VERSION_LINE.test(text) &&
    // "2.2 – Reviewed, no changes" is a line of version history.
    !/^\d{1,3}\.\d{1,3}\s+[-–—]\s/.test(text)
  );
}

/**
 * Levels for headings that were guessed: numbered "3." is 2 and "3.1" is 3; capitals are 2, and
 * other guessed headings are 2, or 3 when the document also uses capitals for its main headings.
 */
function levelHeadings(blocks: Block[]): Block[] {
  const guessed = blocks.filter(
    (b): b is Extract<Block, { kind: "heading" }> => b.kind === "heading" && !b.level,
  );
  const capitalsUsed = guessed.some((b) => isCapitalsLine(plainText(b.text)));
  for (const heading of guessed) {
    const text = plainText(heading.text);
    const numbered = /^(\d+(?:\.\d+)*)\.?\s/.exec(text);
    if (numbered) heading.level = Math.min(6, numbered[1].split(".").length + 1);
    else if (isCapitalsLine(text) || isAppendixHeading(text)) heading.level = 2;
    else heading.level = capitalsUsed ? 3 : 2;
  }
  return blocks;
}

function endsWithDate(text: string): boolean {
  const date = findUkDate(text);
  if (!date) return false;
  let last = date;
  for (let rest = text.slice(date.index + date.length), at = date.index + date.length; ; ) {
    const next = findUkDate(rest);
    if (!next) break;
    last = { ...next, index: at + next.index };
    at = last.index + next.length;
    rest = text.slice(at);
  }
  return last.index + last.length >= text.replace(/[\s.]+$/, "").length;
}
