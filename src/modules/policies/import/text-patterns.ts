/**
 * Small recognisers for the kinds of line found in school policy documents. They are shared by the
 * parsers (to decide where one paragraph ends and the next begins) and by the extractors.
 */

export type SignatureField = "name" | "signature" | "date" | "jobTitle";

/** Text without Markdown decoration, on one line: what a person reads. */
export function plainText(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(\S(?:.*?\S)?)\1/g, "$2")
    .replace(/(^|[\s(])([*_])(\S(?:.*?\S)?)\2(?=$|[\s).,;:!?])/g, "$1$3")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** The same statement written twice (different spacing, case or final full stop) has the same key. */
export function comparisonKey(text: string): string {
  return plainText(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export type ListMarker = { ordered: boolean; marker: string; rest: string; nested: boolean };

const BULLET = /^([-•*+·▪■◦○●‣⁃–—►➢➤✓✔§]|o(?=\s))\s+(.*)$/;
const NUMBERED = /^(\d{1,3}[.)]|\(\d{1,3}\))\s+(.*)$/;
const LETTERED = /^(\(?[a-z]\)|[a-z]\.|\([A-Z]\))\s+(.*)$/;
const ROMAN = /^(\(?(?:i{1,3}|iv|vi{0,3}|ix|x)[.)]|\((?:I{1,3}|IV|VI{0,3}|IX|X)\))\s+(.*)$/;

/** A bullet or list number at the start of a line: "-", "•", "*", "o", "1.", "a)", "(i)". */
export function listMarker(line: string): ListMarker | null {
  const bullet = BULLET.exec(line);
  if (bullet?.[2]) {
    // Word exports second-level bullets as "o" or hollow shapes.
    const nested = /^[o◦○▪‣⁃]$/.test(bullet[1]);
    return { ordered: false, marker: bullet[1], rest: bullet[2], nested };
  }
  const numbered = NUMBERED.exec(line);
  if (numbered) return { ordered: true, marker: numbered[1], rest: numbered[2], nested: false };
  const roman = ROMAN.exec(line);
  if (roman) return { ordered: true, marker: roman[1], rest: roman[2], nested: true };
  const lettered = LETTERED.exec(line);
  if (lettered) return { ordered: true, marker: lettered[1], rest: lettered[2], nested: true };
  return null;
}

/** "I will…", "I won't…", "I understand…", "I'll…": a first-person commitment the signer makes. */
const FIRST_PERSON = /^I(?:['’](?:ll|m|ve|d))?\s+[a-z]/;
/** Statements that open with a condition: "When using social networks I will…", "If I am…, I will…". */
const LEADING_CLAUSE =
  /^(?:When|Whenever|If|Where|While|Whilst|Before|After|Once|Unless|As|Outside|During|Even|Whether|At|In|On)\b/;
const COMMITMENT =
  /\bI\s+(?:will|won['’]t|shall|must|understand|agree|accept|promise|need to|am responsible)\b/;

export function isStatementText(text: string): boolean {
  if (FIRST_PERSON.test(text)) return true;
  return LEADING_CLAUSE.test(text) && COMMITMENT.test(firstSentence(text));
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end === -1 ? text : text.slice(0, end);
}

/** Lines read as a statement's start only if the line before could not run on into them. */
export function endsMidSentence(line: string): boolean {
  return /(,|;|-|\b(?:and|or|that|which|but|so|because|where|when|if|the|a|an|to|of|as|by|with|for|from|in|on|my|any|all))$/i.test(
    line.trim(),
  );
}

export function endsSentence(line: string): boolean {
  return /[.!?:;]["'”’)]?$/.test(line.trim());
}

const FIELD_LABELS: { pattern: RegExp; field: SignatureField }[] = [
  {
    pattern:
      /(?:(?:full|print(?:ed)?|your|staff|pupil['’]?s?|child['’]?s?|parent(?:\/carer)?['’]?s?|carer['’]?s?|visitor['’]?s?|student['’]?s?|governor['’]?s?)\s+)*name(?:\s*\((?:printed|print|please print|in capitals|block capitals|capitals)\))?(?:\s+in\s+(?:block\s+)?capitals)?/iy,
    field: "name",
  },
  { pattern: /print\s+name/iy, field: "name" },
  { pattern: /(?:signature|signed)(?:\s+by)?/iy, field: "signature" },
  { pattern: /job\s+(?:title|role)|position|role|designation/iy, field: "jobTitle" },
  { pattern: /date(?:\s+signed)?/iy, field: "date" },
];
/** Rules, dots, colons and brackets fill the space where a signer writes. */
const FILLER = /[\s_.:\-–—|…[\]()]+/y;

/**
 * A line made only of signature-block labels: "Signature Date", "Full Name (printed)",
 * "Signed: ________  Date: ______". Returns the fields in the order written, or null.
 */
export function signatureFieldsIn(line: string): SignatureField[] | null {
  const text = line.trim();
  if (!text || text.length > 120) return null;
  const fields: SignatureField[] = [];
  let at = 0;
  while (at < text.length) {
    FILLER.lastIndex = at;
    if (FILLER.exec(text)) at = FILLER.lastIndex;
    if (at >= text.length) break;
    const label = matchLabelAt(text, at);
    if (!label) return null;
    fields.push(label.field);
    at = label.end;
  }
  // "SIGNATURE" alone in capitals heads the signature block rather than asking for one.
  if (fields.length === 1 && isCapitalsLine(text) && !/[:_.]/.test(text)) return null;
  return fields.length ? fields : null;
}

function matchLabelAt(text: string, at: number): { field: SignatureField; end: number } | null {
  for (const { pattern, field } of FIELD_LABELS) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    // A label must end at a word boundary: "Dated" or "Names of pupils" are not field labels.
    if (m && !/[A-Za-z]/.test(text.charAt(pattern.lastIndex))) return { field, end: pattern.lastIndex };
  }
  return null;
}

export type Choice = { label: string; options: string[] };

const DELETE_INSTRUCTION =
  /\s*\(?\s*(?:please\s+)?(?:delete|circle|tick|cross out|select|underline)\s+(?:as\s+(?:appropriate|applicable|required)|one|which\s+applies)\s*\)?\s*\.?/gi;
const I_OPTIONS = /^I\s+((?:do\s+)?[a-z]+)\s*\/\s*((?:do\s+not|don['’]t|not)\s+[a-z]+|[a-z]+)\b/i;
const YES_NO = /^(.*?)[\s:–-]+(yes)\s*\/\s*(no)$/i;

/**
 * A line where the signer picks one wording: "I agree/disagree for my photo to be used…
 * (please delete as appropriate)" → options agree / disagree.
 */
export function choiceIn(text: string): Choice | null {
  const withoutInstruction = plainText(text).replace(DELETE_INSTRUCTION, " ").replace(/\s+/g, " ").trim();
  const sentence = withoutInstruction.replace(/\s*\.$/, "");
  const options = I_OPTIONS.exec(sentence);
  if (options) return { label: sentence, options: [options[1].toLowerCase(), options[2].toLowerCase()] };
  const yesNo = YES_NO.exec(sentence);
  if (yesNo?.[1] && yesNo[1].length > 3) return { label: yesNo[1].trim(), options: ["yes", "no"] };
  return null;
}

/** "Version 2.1 – March 2023 – Updated…" and "v1.0: first issue". */
export const VERSION_LINE = /^(?:version|ver\.?|v)\s*(\d{1,3}(?:\.\d{1,3}){0,2})\b\s*[-–—:,|]?\s*(.*)$/i;

/** "Appendix A – Parent agreement", "Annex 2: …". */
export function isAppendixHeading(text: string): boolean {
  return /^(?:appendix|appendices|annex|annexe)\b(?:\s+[A-Z0-9]{1,3}\b)?/i.test(text) && text.length <= 120;
}

/** Keys that carry review metadata ("Next review:", "Review frequency:", "Date agreed with staff:"). */
export const REVIEW_KEY =
  /review|agreed|approved|ratified|adopted|committee|governors|frequency|shared with staff|date of (?:this )?policy/i;

export function isReviewKeyLine(text: string): boolean {
  const m = /^([A-Za-z][A-Za-z0-9 '’()/&-]{2,60}?)\s*[:–—]\s*\S/.exec(text.trim());
  return !!m && REVIEW_KEY.test(m[1]);
}

/** Mostly capital letters: "INTERNET ACCESS", "3. USING EMAIL". */
export function isCapitalsLine(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, "");
  return letters.length >= 4 && letters === letters.toUpperCase() && text.length <= 100;
}
