/**
 * Review metadata: how often the policy is reviewed, when next, when last, and when it was
 * agreed with staff and at the governors' committee. Read from "Key: value" lines (several may
 * share a line, "Review frequency: Annual / Next review: September 2027"), two-column tables,
 * header-and-values tables, and failing that from prose ("reviewed annually").
 */
import type { Block } from "./blocks.js";
import { isHistoryTable } from "./history.js";
import { plainText, REVIEW_KEY } from "./text-patterns.js";
import { findUkDate, normaliseUkDate } from "./uk-dates.js";

export type ReviewFrequency = "annual" | "two-yearly" | "three-yearly" | "termly";
export type Review = {
  frequency: ReviewFrequency | null;
  nextDue: string | null;
  lastReviewed: string | null;
  agreedWithStaff: string | null;
  agreedAtCommittee: string | null;
};

type Pair = { key: string; value: string };

const FREQUENCIES: { pattern: RegExp; frequency: ReviewFrequency }[] = [
  {
    pattern: /\btermly\b|\b(?:each|every|per)\s+term\b|\bbob\s+tymor\b|\byn\s+dymhorol\b/i,
    frequency: "termly",
  },
  {
    pattern:
      /\b(?:three|3)[\s-]*year(?:ly|s)?\b|\btriennial(?:ly)?\b|\b36\s+months\b|\bbob\s+(?:tair|3)\s+blynedd\b/i,
    frequency: "three-yearly",
  },
  {
    pattern:
      /\b(?:two|2)[\s-]*year(?:ly|s)?\b|\bbiennial(?:ly)?\b|\bevery\s+other\s+year\b|\b24\s+months\b|\bbob\s+(?:dwy|2)\s+flynedd\b/i,
    frequency: "two-yearly",
  },
  {
    pattern:
      /\bannual(?:ly)?\b|\byearly\b|\b(?:each|every|per)\s+(?:academic\s+)?year\b|\b12\s+months\b|\bblynyddol\b|\bbob\s+blwyddyn\b/i,
    frequency: "annual",
  },
];

export function frequencyIn(text: string): ReviewFrequency | null {
  return FREQUENCIES.find((f) => f.pattern.test(text))?.frequency ?? null;
}

export function analyseReview(blocks: Block[]): Review {
  const review: Review = {
    frequency: null,
    nextDue: null,
    lastReviewed: null,
    agreedWithStaff: null,
    agreedAtCommittee: null,
  };
  for (const pair of blocks.flatMap((block, i) => pairsIn(block, blocks[i + 1]))) applyPair(review, pair);
  if (!review.frequency) review.frequency = frequencyFromProse(blocks);
  return review;
}

function pairsIn(block: Block, next: Block | undefined): Pair[] {
  if (block.kind !== "table") {
    const line = plainText(block.text);
    const pairs = pairsInLine(line);
    if (pairs.length) return pairs;
    // "The next anticipated review date will be:" with the date on the line below.
    const label = /^([A-Za-z][A-Za-z0-9 '’()/&-]{2,60}?)\s*[:–—]?$/.exec(line);
    // A guessed heading may be the value ("Every two years" on a line of its own); a real one is not.
    if (
      label &&
      REVIEW_KEY.test(label[1]) &&
      next &&
      next.kind !== "table" &&
      !(next.kind === "heading" && next.explicit)
    ) {
      const value = plainText(next.text);
      if (value.length <= 40 && (normaliseUkDate(value) || frequencyIn(value)))
        return [{ key: label[1].trim(), value }];
    }
    return labelsThenDates(line);
  }
  if (isHistoryTable(block.rows)) return [];
  const rows = block.rows.map((r) => r.map(plainText));
  const pairs: Pair[] = [];
  for (const row of rows) {
    for (const cell of row) pairs.push(...pairsInLine(cell));
    // "Next review | September 2027 | Agreed with staff | 04/09/2025"
    for (let i = 0; i + 1 < row.length; i += 2) pairs.push({ key: row[i], value: row[i + 1] });
  }
  // A header row of keys with the values in the row below.
  if (rows.length >= 2 && rows[0].some((c) => REVIEW_KEY.test(c)))
    rows[0].forEach((key, i) => {
      pairs.push({ key, value: rows[1][i] ?? "" });
    });
  return pairs;
}

/** "Key: value", several to a line when separated by " / ", " | " or tabs. */
function pairsInLine(line: string): Pair[] {
  return line
    .split(/\t+|\s+[/|]\s+(?=[A-Z][A-Za-z '’()]{2,40}[:–—])/)
    .map((segment) => /^([A-Za-z][A-Za-z0-9 '’()/&-]{2,60}?)\s*[:–—]\s*(.+)$/.exec(segment.trim()))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ key: m[1].trim(), value: m[2].trim() }));
}

/** The first value found for each field wins: the cover sheet comes before any appendix. */
function applyPair(review: Review, { key, value }: Pair): void {
  const date = normaliseUkDate(value);
  const frequency = frequencyIn(value);
  const set = (field: "nextDue" | "lastReviewed" | "agreedWithStaff" | "agreedAtCommittee") => {
    if (date && !review[field]) review[field] = date;
  };
  if (
    /\bnext\b[\w\s]{0,25}\breview|review\s+due|due\s+for\s+review|next\s+due|review\s+by|^review(?:\s+date)?$|^date\s+of\s+review$|^to\s+be\s+reviewed|(?:policy|document)\s+review\s+date$|date\s+for\s+(?:next\s+)?review|adolygu\s+nesaf|adolygiad\s+nesaf/i.test(
      key,
    )
  )
    set("nextDue");
  else if (/(?:agreed|shared|consulted)\s+with\s+staff|staff\s+consultation/i.test(key))
    set("agreedWithStaff");
  else if (/committee|governors|governing\s+(?:body|board)|\bfgb\b|trustees|ratified/i.test(key))
    set("agreedAtCommittee");
  else if (
    /last\s+review|date\s+(?:last\s+)?reviewed|reviewed\s+(?:on|in)|^reviewed$|date\s+of\s+last\s+review|adolygwyd|adolygiad\s+diwethaf/i.test(
      key,
    )
  )
    set("lastReviewed");
  else if (!/review|frequency|adolyg/i.test(key)) return;
  if (frequency && !review.frequency && /review|frequency|cycle|adolyg/i.test(key))
    review.frequency = frequency;
}

function frequencyFromProse(blocks: Block[]): ReviewFrequency | null {
  for (const block of blocks) {
    if (block.kind === "table") continue;
    for (const sentence of plainText(block.text).split(/(?<=[.!?])\s+/)) {
      if (/\breview/i.test(sentence)) {
        const frequency = frequencyIn(sentence);
        if (frequency) return frequency;
      }
    }
  }
  return null;
}

const REVIEW_LABEL =
  /date\s+of\s+(?:the\s+)?next\s+review|next\s+review(?:\s+date)?|review\s+due|date\s+(?:last\s+)?reviewed|last\s+reviewed|date\s+of\s+(?:last\s+)?review|review\s+date|reviewed|review|date\s+(?:approved|ratified|adopted)|approved(?:\s+by\s+(?:the\s+)?(?:governors|governing\s+body|trustees))?|ratified|adopted|agreed\s+with\s+staff/giy;

/**
 * Labels followed by their values on the same line, with no colons: "Review October 2018", or a
 * table flattened to one line, "Date Reviewed Date of Next Review September 2015 September 2018"
 * (two labels, then their two dates, in the same order).
 */
function labelsThenDates(line: string): Pair[] {
  const first = findUkDate(line);
  if (!first) return [];
  const labels = labelsIn(line.slice(0, first.index));
  if (!labels) return [];
  const values: string[] = [];
  let rest = line.slice(first.index);
  for (let date = findUkDate(rest); date; date = findUkDate(rest)) {
    // Only dates follow the labels: anything else means this is a sentence, not a table.
    if (rest.slice(0, date.index).trim()) return [];
    values.push(rest.slice(date.index, date.index + date.length));
    rest = rest.slice(date.index + date.length);
  }
  if (rest.replace(/[\s.]/g, "") || values.length !== labels.length) return [];
  return labels.map((key, i) => ({ key, value: values[i] }));
}

/** The text is nothing but review labels: returns them in order, or null. */
function labelsIn(text: string): string[] | null {
  const labels: string[] = [];
  let at = 0;
  const body = text.replace(/[\s:–—-]+$/, "");
  while (at < body.length) {
    while (/[\s:–—|/-]/.test(body.charAt(at))) at++;
    if (at >= body.length) break;
    REVIEW_LABEL.lastIndex = at;
    const m = REVIEW_LABEL.exec(body);
    if (!m) return null;
    labels.push(m[0]);
    at = REVIEW_LABEL.lastIndex;
  }
  return labels.length ? labels : null;
}
