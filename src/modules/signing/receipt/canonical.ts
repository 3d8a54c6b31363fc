import { createHash } from "node:crypto";

/** The exact text a signer is shown, canonicalised so the same agreement always hashes the same. */
export type SignableText = {
  title: string;
  policyTitle: string;
  versionNumber: string;
  statements: string[];
  declaration: string;
  choices: { key: string; label: string; options: string[] }[];
  /**
   * The policy's full text as the signer's screen showed it (Markdown). Present: format 2, whose
   * hash covers the policy itself and a line saying it was read. Absent: format 1, which covered
   * only the statements; every signature made before format 2 keeps verifying under it.
   */
  policyText?: string;
};

/** Horizontal whitespace: tabs and every Unicode space separator (space, no-break space, thin space…). */
const HORIZONTAL_SPACE = /[\t\p{Zs}]+/gu;
/** Line breaks of any platform, plus the Unicode line/paragraph separators. */
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029|\u0085|\v|\f/g;

/** One-line piece (title, version, choice label, option): NFC, every whitespace run → one space, trimmed. */
function oneLine(value: string): string {
  return value.normalize("NFC").replace(LINE_BREAK, " ").replace(HORIZONTAL_SPACE, " ").trim();
}

/**
 * Multi-line piece (a statement, the declaration): NFC, whitespace runs inside a line → one space,
 * each line trimmed, blank lines dropped, so line breaks survive only as single "\n" between
 * non-empty lines.
 */
function multiLine(value: string): string[] {
  return value
    .normalize("NFC")
    .split(LINE_BREAK)
    .map((line) => line.replace(HORIZONTAL_SPACE, " ").trim())
    .filter((line) => line.length > 0);
}

/**
 * The policy text, kept as close to what rendered as hashing allows: NFC, line breaks unified,
 * trailing spaces dropped, runs of blank lines collapsed to one (Markdown reads them alike), leading
 * indentation kept (it makes lists and quotes).
 */
function documentLines(value: string): string[] {
  const lines = value
    .normalize("NFC")
    .split(LINE_BREAK)
    .map((line) => line.replace(/[\t\p{Zs}]+$/u, ""));
  const out: string[] = [];
  for (const line of lines) {
    if (line === "" && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

/** Lines of a block, continuation lines indented so they can never be read as a new item. */
function block(first: string, lines: string[], indent: string): string {
  if (lines.length === 0) return first.trimEnd();
  return [first + lines[0], ...lines.slice(1).map((line) => indent + line)].join("\n");
}

/**
 * The canonical form of what a signer is shown. Layout (fixed: changing it changes every hash):
 *
 * ```
 * <title>
 * Policy: <policyTitle> (version <versionNumber>)
 *
 * 1. <statement 1>
 *    <continuation line of statement 1, indented three spaces>
 * 2. <statement 2>
 *
 * Declaration: <declaration>
 *   <continuation line of the declaration, indented two spaces>
 *
 * Choices:
 * - <label> (<option 1> / <option 2>)
 * ```
 *
 * Every piece is Unicode-NFC-normalised and trimmed; runs of spaces/tabs (any Unicode space
 * separator) become one space; CRLF/CR become LF; blank lines inside a statement or the
 * declaration are dropped. Title, policy title, version, choice labels and options are single
 * lines. Statements that are blank after trimming are dropped (they show nothing to the signer)
 * and the rest are numbered from 1 in the given order. A choice with no options is written
 * "- <label>"; the "Choices:" section is left out when there are none. Choice keys are internal
 * identifiers the signer never sees, so they are not part of the text. The result ends with "\n".
 *
 * Format 2 (`policyText` given) adds the policy as shown, between the policy line and the
 * statements, every non-blank line indented four spaces so nothing in it can pass for a heading of
 * this layout, and opens the declaration with the line the signer read:
 *
 * ```
 * Policy text:
 *     <line 1 of the policy's Markdown>
 *
 *     <line 3>
 * End of policy text.
 *
 * 1. <statement 1>
 *
 * Declaration: I have read <policyTitle> (version <versionNumber>) shown above.
 *   <declaration, its lines indented two spaces>
 * ```
 */
export function canonicalText(t: SignableText): string {
  const out: string[] = [];
  const policyTitle = oneLine(t.policyTitle);
  const versionNumber = oneLine(t.versionNumber);
  out.push(oneLine(t.title));
  out.push(`Policy: ${policyTitle} (version ${versionNumber})`);
  out.push("");
  const formatTwo = t.policyText !== undefined;
  if (formatTwo) {
    out.push("Policy text:");
    for (const line of documentLines(t.policyText ?? "")) out.push(line === "" ? "" : `    ${line}`);
    out.push("End of policy text.");
    out.push("");
  }

  const statements = t.statements.map(multiLine).filter((lines) => lines.length > 0);
  statements.forEach((lines, i) => {
    const prefix = `${i + 1}. `;
    out.push(block(prefix, lines, " ".repeat(prefix.length)));
  });
  if (statements.length > 0) out.push("");

  const declaration = multiLine(t.declaration);
  if (formatTwo) declaration.unshift(readLine(policyTitle, versionNumber));
  out.push(block("Declaration: ", declaration, "  "));

  if (t.choices.length > 0) {
    out.push("");
    out.push("Choices:");
    for (const choice of t.choices) {
      const options = choice.options.map(oneLine);
      const label = oneLine(choice.label);
      out.push(options.length > 0 ? `- ${label} (${options.join(" / ")})` : `- ${label}`);
    }
  }
  return `${out.join("\n")}\n`;
}

/** The sentence a format-2 declaration opens with: the signer read the policy shown. */
export const readLine = (policyTitle: string, versionNumber: string) =>
  `I have read ${oneLine(policyTitle)} (version ${oneLine(versionNumber)}) shown above.`;

/** Lower-case hex SHA-256 of the UTF-8 bytes of {@link canonicalText}. */
export function textSha256(t: SignableText): string {
  return createHash("sha256").update(canonicalText(t), "utf8").digest("hex");
}
