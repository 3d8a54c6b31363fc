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

/**
 * The people a school's rules are written for, as the subject of a third-person rule: "Staff
 * must…", "All staff will not…", "Visitors will…", "Pupils should…", "Every member of staff…".
 */
const PEOPLE =
  "(?:staff(?:\\s+members?)?|members?\\s+of\\s+staff|employees?|teachers?|teaching\\s+assistants?|supply\\s+(?:staff|teachers?)|pupils?|students?|learners?|children|visitors?|volunteers?|contractors?|governors?|trustees?|parents?(?:\\s*(?:/|and|or)\\s*carers?)?|carers?|users?|the\\s+user|adults?|everyone|anyone)";
const QUANTIFIER = "(?:(?:all|every|each|any|no|our|school)\\s+)?(?:(?:school|the)\\s+)?";
/** Words that make a rule of what follows: "must", "will not", "are expected to", "may not". */
const RULE_VERB =
  "(?:must|will|won['’]t|shall|should|may\\s+not|cannot|can\\s*not|need\\s+to|have\\s+to|has\\s+to|agrees?\\s+to|(?:are|is)\\s+(?:expected|required|responsible|not\\s+(?:permitted|allowed))(?:\\s+to|\\s+for)?)";
const THIRD_PERSON = new RegExp(
  `^${QUANTIFIER}${PEOPLE}\\s+(?:(?:always|never|also|only)\\s+)?${RULE_VERB}\\b`,
  "i",
);
const THIRD_PERSON_ANYWHERE = new RegExp(
  `\\b${QUANTIFIER}${PEOPLE}\\s+(?:(?:always|never|also|only)\\s+)?${RULE_VERB}\\b`,
  "i",
);
/**
 * What is done to the person is not a rule they keep: "I will be asked to sign this form",
 * "Pupils will be taught…", "Staff should be given…"; nor is what a curriculum promises ("Pupils
 * will learn…", "…will have access to…"). Being careful or responsible still is a rule.
 */
const DONE_TO_VERB =
  "(?:will|shall|should|must|may|need\\s+to)\\s+(?:not\\s+|also\\s+|always\\s+)?(?:(?:be|have\\s+been)\\s+(?:[a-z]+ed|taught|given|shown|told|made|sent|kept|held|seen|known|written|taken|brought|met)\\b|receive\\b|get\\s+(?:a|an|the|their|training|support)\\b|(?:learn|develop|explore|study|discuss|benefit|enjoy|experience|gain|feel)\\b|have\\s+(?:access|the\\s+opportunity|opportunities)\\b|be\\s+able\\s+to\\b)";
const DONE_TO = new RegExp(`(?:^|\\b)(?:I|${QUANTIFIER}${PEOPLE})\\s+${DONE_TO_VERB}`, "i");
const ASKED_TO_SIGN = /\b(?:asked|required|expected|invited|need|needs|have|has)\s+to\s+sign\b/i;

/**
 * A rule someone signs up to: in the first person ("I will…"), after an opening clause ("When
 * using the internet, I will…"), or in the third person ("Staff must…"). Sentences about what
 * will happen to the signer ("I will be asked to sign…") are not rules.
 */
export function isStatementText(text: string): boolean {
  const first = firstSentence(text);
  if (ASKED_TO_SIGN.test(first)) return false;
  if (FIRST_PERSON.test(text) || THIRD_PERSON.test(text)) return !startsDoneTo(first);
  if (!LEADING_CLAUSE.test(text)) return false;
  return (COMMITMENT.test(first) || THIRD_PERSON_ANYWHERE.test(first)) && !DONE_TO.test(first);
}

/** Whether the sentence's own subject and verb say what is done to them. */
function startsDoneTo(sentence: string): boolean {
  const m = DONE_TO.exec(sentence);
  return !!m && m.index === 0;
}

/**
 * A statement that introduces clauses to finish it: "When using school devices I will:", "Staff
 * must not:", "I agree that I will:", "I will not use the network to:". The clauses below it
 * are each a rule of their own once the lead-in is put in front of them.
 */
export function isLeadIn(text: string): boolean {
  if (!/:$/.test(text)) return false;
  const body = text.replace(/:$/, "").trim();
  if (!isStatementText(body)) return false;
  // The lead-in stops at its verb ("I will:") or a short phrase after it ("I will ensure that:").
  return LEAD_IN_END.test(body);
}
const LEAD_IN_END =
  /\b(?:will|won['’]t|shall|must|should|not|never|always|also|only|to|that|agree|promise|undertake|understand|accept|confirm|ensure|make\s+sure|need|responsible\s+for|expected|required|the\s+following)$/i;

/**
 * The lead-in and one clause as one sentence that reads on its own: "When using school devices
 * I will:" + "keep my password private;" → "When using school devices, I will keep my password
 * private".
 */
export function joinLeadIn(leadIn: string, clause: string): string {
  let head = leadIn.replace(/\s*:$/, "").trim();
  // A condition before the subject is set off with a comma, as a person would write it.
  const condition =
    /^((?:When|Whenever|If|Where|While|Whilst|Before|After|Once|Unless|During|Outside|At|In|On)\b[^,]*)\s+(I|we|(?:all\s+)?(?:staff|pupils|visitors|governors|volunteers|users|learners|students))\s+(?=(?:will|won['’]t|shall|must|should|agree|promise|understand|accept|may\s+not|cannot|need|am|are)\b)/i.exec(
      head,
    );
  if (condition && !/,/.test(head)) head = `${condition[1]}, ${head.slice(condition[1].length).trim()}`;
  let body = clause
    .trim()
    .replace(/\s*(?:[;,]\s*(?:and|or)?|\b(?:and|or))\s*$/i, "")
    .replace(/[;,]$/, "")
    .trim();
  // "Keep my password private" → "keep…", but "I", "ICT" and names stay as written.
  if (/^[A-Z][a-z]/.test(body) && !/^I\b/.test(body)) body = body.charAt(0).toLowerCase() + body.slice(1);
  return `${head} ${body}`;
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
      /(?:(?:full|print(?:ed)?|your|staff|pupil['’]?s?|child['’]?s?|parent(?:\s*(?:\/|or|and)\s*carer)?['’]?s?|carer['’]?s?|visitor['’]?s?|student['’]?s?|governor['’]?s?)\s+)*name(?:\s*\((?:printed|print|please print|in capitals|block capitals|capitals)\))?(?:\s+in\s+(?:block\s+)?capitals)?/iy,
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
  const asked = YES_NO_QUESTION.exec(sentence);
  if (asked) return { label: asked[1].trim(), options: ["yes", "no"] };
  return null;
}

/** Boxes and rules a form prints beside its answers: "Yes ☐  No ☐", "YES [ ]  NO [ ]". */
const BOXES = "[\\s☐□❑■▢◻⬜\\[\\]_()/|:-]*";
const YES_NO_QUESTION = new RegExp(`^(.{4,}\\?)${BOXES}yes${BOXES}no${BOXES}$`, "i");
const YES_NO_ONLY = new RegExp(`^${BOXES}yes${BOXES}no${BOXES}$`, "i");

/** A line holding nothing but the answers to the question above it: "Yes / No", "Yes ☐ No ☐". */
export function isYesNoOptions(text: string): boolean {
  return YES_NO_ONLY.test(plainText(text));
}

/** A question a consent form asks: "Do you give permission for…?", "Are you happy for…?". */
export function isQuestion(text: string): boolean {
  return /\?$/.test(plainText(text)) && plainText(text).length >= 10;
}

/** "Version 2.1 – March 2023 – Updated…" and "v1.0: first issue". */
export const VERSION_LINE = /^(?:version|ver\.?|v)\s*(\d{1,3}(?:\.\d{1,3}){0,2})\b\s*[-–—:,|]?\s*(.*)$/i;

/** "Appendix A – Parent agreement", "Annex 2: …". */
export function isAppendixHeading(text: string): boolean {
  return /^(?:appendix|appendices|annex|annexe)\b(?:\s+[A-Z0-9]{1,3}\b)?/i.test(text) && text.length <= 120;
}

/** Keys that carry review metadata ("Next review:", "Review frequency:", "Date agreed with staff:"). */
export const REVIEW_KEY =
  /review|agreed|approved|ratified|adopted|committee|governors|frequency|shared with staff|date of (?:this )?policy|adolyg|cymeradwy/i;

export function isReviewKeyLine(text: string): boolean {
  const m = /^([A-Za-z][A-Za-z0-9 '’()/&-]{2,60}?)\s*[:–—]\s*\S/.exec(text.trim());
  return !!m && REVIEW_KEY.test(m[1]);
}

/** Mostly capital letters: "INTERNET ACCESS", "3. USING EMAIL". */
export function isCapitalsLine(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, "");
  return letters.length >= 4 && letters === letters.toUpperCase() && text.length <= 100;
}
