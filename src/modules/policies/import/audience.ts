/**
 * Who a policy is for, when the document says so plainly: its title ("… Agreement for Staff"),
 * or the short heading lines at its top ("Staff, Governor and Visitor"). The body is not read for
 * this: a staff agreement mentions pupils and parents on every page, and is still for staff.
 * When nothing plain is found the answer is "unknown", and the person reviewing the import
 * chooses; Accord no longer assumes "staff".
 */
import type { Kind } from "../../access/roles.js";
import type { Block } from "./blocks.js";
import { isStatementText, plainText } from "./text-patterns.js";

/** The words a school uses for each kind of person, singular or plural. Order is the order shown. */
const WORDS: { kind: Kind; pattern: RegExp }[] = [
  { kind: "staff", pattern: /\b(?:staff|employees?)\b/i },
  { kind: "supply", pattern: /\bsupply\s+(?:staff|teachers?)\b/i },
  { kind: "student_teacher", pattern: /\b(?:student|trainee)\s+teachers?\b/i },
  { kind: "volunteer", pattern: /\bvolunteers?\b/i },
  { kind: "governor", pattern: /\bgovernors?\b|\btrustees?\b/i },
  { kind: "visitor", pattern: /\bvisitors?\b|\bcontractors?\b/i },
  { kind: "parent", pattern: /\bparents?\b|\bcarers?\b/i },
  // "Student teachers" are adults on placement, not pupils; "Child Protection" is not for children.
  { kind: "pupil", pattern: /\b(?:pupils?|learners?)\b|\bstudents?\b(?!\s+teachers?)/i },
];

export type FoundAudiences = {
  kinds: Kind[];
  /** The words they were read from, to show the person checking the import. */
  from: string | null;
};

/** How far into the document a heading still describes the whole of it. */
const TOP_BLOCKS = 4;

export function analyseAudiences(title: string, blocks: Block[]): FoundAudiences {
  const candidates = [title, ...topHeadings(blocks)].filter(Boolean);
  for (const line of candidates) {
    const kinds = kindsIn(line);
    if (kinds.length > 0) return { kinds, from: line };
  }
  return { kinds: [], from: null };
}

/** Short lines at the very top that are headings, not statements: a subtitle names its readers. */
function topHeadings(blocks: Block[]): string[] {
  return blocks
    .slice(0, TOP_BLOCKS)
    .filter(
      (b): b is Extract<Block, { kind: "heading" | "paragraph" }> =>
        b.kind === "heading" || b.kind === "paragraph",
    )
    .map((b) => plainText(b.text))
    .filter((text) => text.length <= 120 && !/[.;:]$/.test(text) && !isStatementText(text));
}

export function kindsIn(text: string): Kind[] {
  // "Supply staff" are supply staff, not every member of staff.
  const withoutSupply = text.replace(/\bsupply\s+(?:staff|teachers?)\b/gi, " ");
  return WORDS.filter((w) => w.pattern.test(w.kind === "supply" ? text : withoutSupply)).map((w) => w.kind);
}
