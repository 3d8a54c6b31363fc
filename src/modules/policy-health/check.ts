/**
 * The health check itself, pure: a policy's text and record against the rules (rules/), giving
 * findings that cite the sentence. Nothing here reads the database, so each rule is tested on
 * sentences alone, and a 60-page policy is checked in milliseconds.
 */
import { HEALTH_RULES } from "./rules/index.js";
import type { Country, DutyRule, HealthRule, ReferenceRule, SentenceRule } from "./rules/types.js";

export type TextFinding = {
  ruleKey: string;
  /** The sentence that raised it; null for a duty the whole text leaves out. */
  sentence: string | null;
  /** What the finding is about within the sentence: a policy referred to, an edition's year. */
  subject: string | null;
  /** The same finding in the next version has the same fingerprint, so a dismissal carries over. */
  fingerprint: string;
};

/** A sentence listing more than this many findings of one rule is noise: the first ones show the point. */
const MAX_PER_RULE = 20;

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .slice(0, 300);

export const fingerprintOf = (ruleKey: string, about: string | null) =>
  `${ruleKey}:${about ? normalise(about) : ""}`;

/** The policy's Markdown as the sentences a reader would quote. */
export function sentencesOf(markdown: string): string[] {
  const sentences: string[] = [];
  for (const raw of markdown.split(/\r?\n/)) {
    const cells = raw.includes("|") ? raw.split("|") : [raw];
    for (const cell of cells) {
      const line = cell
        .replace(/^\s*(?:#{1,6}|>|[-*+•]|\d+[.)]|[a-z][.)])\s+/i, "")
        .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
        .replace(/[*_`]{1,3}/g, "")
        .replace(/\s+/g, " ")
        .trim();
      if (!line || /^[-:| ]+$/.test(line)) continue;
      for (const s of line.split(/(?<=[.!?])\s+(?=["“'‘(]?[A-Z0-9])/)) if (s.trim()) sentences.push(s.trim());
    }
  }
  return sentences;
}

/** The year the academic year in progress began: an edition published each September. */
export function academicYearBegan(today: string) {
  const [year, month] = today.split("-").map(Number);
  return month >= 9 ? year : year - 1;
}

const appliesIn = (rule: HealthRule, country: Country) => rule.countries.includes(country);

function sentenceFindings(rule: SentenceRule, sentences: string[], today: string): TextFinding[] {
  const found: TextFinding[] = [];
  const seen = new Set<string>();
  for (const sentence of sentences) {
    for (const pattern of rule.patterns) {
      const m = pattern.exec(sentence);
      if (!m) continue;
      const edition = rule.editionsBefore !== undefined ? Number(m[1]) : null;
      if (edition !== null) {
        const inForce =
          rule.editionsBefore === "this_academic_year" ? academicYearBegan(today) : rule.editionsBefore!;
        if (!(edition < inForce)) continue;
      }
      const fingerprint = fingerprintOf(rule.key, sentence);
      if (!seen.has(fingerprint)) {
        seen.add(fingerprint);
        found.push({ ruleKey: rule.key, sentence, subject: edition ? String(edition) : null, fingerprint });
      }
      break;
    }
    if (found.length >= MAX_PER_RULE) break;
  }
  return found;
}

function dutyFindings(rule: DutyRule, title: string, text: string): TextFinding[] {
  if (!rule.policyTitle.test(title)) return [];
  const covered = rule.mentions.every((group) => group.some((p) => p.test(text)));
  return covered
    ? []
    : [{ ruleKey: rule.key, sentence: null, subject: null, fingerprint: fingerprintOf(rule.key, null) }];
}

/** Each policy a sentence refers the reader to, with the sentence (the library is asked later). */
function referenceFindings(rule: ReferenceRule, sentences: string[], title: string): TextFinding[] {
  const found: TextFinding[] = [];
  const seen = new Set<string>([normalise(title)]);
  for (const sentence of sentences) {
    const lead = rule.leadIns.map((p) => p.exec(sentence)).find((m) => m);
    if (!lead) continue;
    const after = sentence.slice(lead.index + lead[0].length);
    for (const m of after.matchAll(rule.name)) {
      const name = m[0].trim();
      if (seen.has(normalise(name))) continue;
      seen.add(normalise(name));
      found.push({ ruleKey: rule.key, sentence, subject: name, fingerprint: fingerprintOf(rule.key, name) });
    }
    if (found.length >= MAX_PER_RULE) break;
  }
  return found;
}

/** Check a version's text: what it says (sentences) and what its type leaves out (duties). */
export function checkText(input: { title: string; content: string; country: Country; today: string }) {
  const sentences = sentencesOf(input.content);
  const findings: TextFinding[] = [];
  for (const rule of HEALTH_RULES) {
    if (!appliesIn(rule, input.country)) continue;
    if (rule.kind === "sentence") findings.push(...sentenceFindings(rule, sentences, input.today));
    else if (rule.kind === "duty") findings.push(...dutyFindings(rule, input.title, input.content));
    else if (rule.kind === "reference") findings.push(...referenceFindings(rule, sentences, input.title));
  }
  return findings;
}

/** The words that tell one policy's name from another's: "the Anti-Bullying Policy" is "anti bullying". */
export function policyNameKey(name: string) {
  return normalise(name)
    .replace(
      /\b(?:the|our|school|s|academy|trust|policy|policies|procedures?|code of conduct|and|for|of|on)\b/g,
      " ",
    )
    .replace(/\s+/g, " ")
    .trim();
}

/** The library's policy a reference names, if it holds one. */
export function findInLibrary<P extends { id: string; title: string }>(name: string, library: P[]) {
  const key = policyNameKey(name);
  if (!key) return undefined;
  return library.find((p) => {
    const k = policyNameKey(p.title);
    return k === key || (k.length > 3 && (k.includes(key) || key.includes(k)));
  });
}

/** About the policy's record, checked as it is read: a review date passes without anyone editing. */
export function checkRecord(input: {
  nextReviewDue: string | null;
  documentHistory: unknown[];
  versionCount: number;
  imported: boolean;
  today: string;
}) {
  const found: { ruleKey: string; params: Record<string, string> }[] = [];
  if (input.nextReviewDue && input.nextReviewDue < input.today)
    found.push({ ruleKey: "review-date-passed", params: { due: input.nextReviewDue } });
  // Only an imported document is expected to bring its history; a policy begun in Accord starts one.
  if (input.imported && input.documentHistory.length === 0 && input.versionCount <= 1)
    found.push({ ruleKey: "no-version-history", params: {} });
  return found;
}
