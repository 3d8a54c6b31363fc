/**
 * The signable part of a policy: the statements, the declaration in the signature block, the
 * choices the signer makes (photo consent) and the fields they fill in.
 */
import type { Block } from "./blocks.js";
import {
  type Choice,
  choiceIn,
  comparisonKey,
  isLeadIn,
  isQuestion,
  isStatementText,
  isYesNoOptions,
  joinLeadIn,
  plainText,
  type SignatureField,
  signatureFieldsIn,
} from "./text-patterns.js";

export type Agreement = {
  statements: { text: string }[];
  choices: Choice[];
  declaration: string | null;
  signatureFields: SignatureField[];
};

/** "I agree to follow this code…", "I have read and understood…", "By signing…". */
const DECLARATION_START =
  /^(?:I|We)\s+(?:agree|have read|confirm|accept|acknowledge|declare|give my consent)\b|^By signing\b/i;
const UNDERSTAND_THIS =
  /^I\s+understand\b.*\b(?:this|the above)\s+(?:agreement|policy|code|document|form|forms? part)/i;
/** Outside a signature block only an unmistakable declaration counts. */
const STRONG_DECLARATION =
  /^I\s+(?:agree\s+to\s+(?:follow|abide|comply|keep|adhere|uphold)|have\s+read\s+(?:and|this|the))[^.]*\b(?:this|the above|these)\b/i;
const SIGNATURE_HEADING = /\b(?:signature|declaration|sign(?:ed|ing)?)\b/i;

export function analyseAgreement(blocks: Block[]): Agreement {
  const texts = blocks.map(blockText);
  const signatureFields = fieldsOf(blocks, texts);
  const choiceAt = new Map<number, Choice>();
  const answers = new Set<number>();
  texts.forEach((text, i) => {
    const choice = isProse(blocks[i]) ? choiceIn(text) : null;
    if (choice) choiceAt.set(i, choice);
    // A consent form's question with its "Yes / No" on the line below.
    else if (isProse(blocks[i]) && isQuestion(text) && blocks[i + 1] && isYesNoOptions(texts[i + 1])) {
      choiceAt.set(i, { label: text, options: ["yes", "no"] });
      answers.add(i + 1);
    }
  });
  const tableChoices = blocks.flatMap((block) => (block.kind === "table" ? tableQuestions(block) : []));
  const declarationAt = findDeclaration(blocks, texts, choiceAt);
  const statements = findStatements(
    blocks,
    texts,
    (i) => choiceAt.has(i) || answers.has(i) || declarationAt.includes(i),
  );
  return {
    statements,
    choices: [...choiceAt.values(), ...tableChoices],
    declaration: declarationAt.length ? declarationAt.map((i) => texts[i]).join(" ") : null,
    signatureFields,
  };
}

/** A consent form laid out as a table: the question in one cell, "Yes" and "No" in the next. */
function tableQuestions(block: Extract<Block, { kind: "table" }>): Choice[] {
  const choices: Choice[] = [];
  for (const row of block.rows.map((r) => r.map(plainText))) {
    const question = row.findIndex(isQuestion);
    if (question === -1) continue;
    const rest = row.slice(question + 1).join(" ");
    if (rest && isYesNoOptions(rest)) choices.push({ label: row[question], options: ["yes", "no"] });
  }
  return choices;
}

function blockText(block: Block): string {
  if (block.kind === "table") return block.rows.map((r) => r.join(" ")).join("\n");
  return plainText(block.text);
}

function isProse(block: Block): boolean {
  return block.kind === "paragraph" || block.kind === "item";
}

/** Field labels on their own lines or in the rows of a signature table, in the order written. */
function fieldsOf(blocks: Block[], texts: string[]): SignatureField[] {
  const found: SignatureField[] = [];
  blocks.forEach((block, i) => {
    // A "Signature" heading names the block; the labels under it are the fields.
    if (block.kind === "heading") return;
    const lines = block.kind === "table" ? block.rows.map((r) => r.join(" ")) : [texts[i]];
    for (const line of lines) for (const field of signatureFieldsIn(line) ?? []) found.push(field);
  });
  return [...new Set(found)];
}

/**
 * The declaration sits in the signature block: the paragraphs just above the field labels, or
 * under a "Signature"/"Declaration" heading. Returns every declaration paragraph, in order.
 */
function findDeclaration(blocks: Block[], texts: string[], choiceAt: Map<number, Choice>): number[] {
  const found = new Set<number>();
  const isDeclaration = (i: number) =>
    blocks[i].kind === "paragraph" &&
    !choiceAt.has(i) &&
    (DECLARATION_START.test(texts[i]) || UNDERSTAND_THIS.test(texts[i]));
  for (const i of signatureBlockIndexes(blocks, texts, choiceAt)) if (isDeclaration(i)) found.add(i);
  if (!found.size) {
    const last = lastStrongDeclaration(blocks, texts, choiceAt);
    if (last !== -1) found.add(last);
  }
  return [...found].sort((a, b) => a - b);
}

function signatureBlockIndexes(blocks: Block[], texts: string[], choiceAt: Map<number, Choice>): number[] {
  const indexes: number[] = [];
  let underSignatureHeading = false;
  blocks.forEach((block, i) => {
    if (block.kind === "heading") underSignatureHeading = SIGNATURE_HEADING.test(texts[i]);
    else if (underSignatureHeading && block.kind === "paragraph") indexes.push(i);
    const startsFields = signatureFieldsIn(texts[i]) && !signatureFieldsIn(texts[i - 1] ?? "");
    if (!startsFields) return;
    // Walk up over the paragraphs directly above the first field label.
    for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
      if (blocks[j].kind !== "paragraph") break;
      indexes.push(j);
      const opensBlock =
        DECLARATION_START.test(texts[j]) || choiceAt.has(j) || UNDERSTAND_THIS.test(texts[j]);
      if (!opensBlock) break;
    }
  });
  return indexes;
}

function lastStrongDeclaration(blocks: Block[], texts: string[], choiceAt: Map<number, Choice>): number {
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (isProse(blocks[i]) && !choiceAt.has(i) && STRONG_DECLARATION.test(texts[i])) return i;
    // A declaration comes after the statements it refers to.
    if (isProse(blocks[i]) && isStatementText(texts[i])) return -1;
  }
  return -1;
}

/**
 * Every paragraph or list item the signer commits to, in order, without repeats. A statement
 * that introduces a list ("These include:") carries the list's items with it, because the signer
 * agrees to them too.
 */
function findStatements(
  blocks: Block[],
  texts: string[],
  excluded: (i: number) => boolean,
): { text: string }[] {
  const statements: { text: string }[] = [];
  const seen = new Set<string>();
  const add = (text: string) => {
    const key = comparisonKey(text);
    if (seen.has(key)) return;
    seen.add(key);
    statements.push({ text });
  };
  const clauses = new Set<number>();
  blocks.forEach((block, i) => {
    // Some schools lay the agreement out as a table with a statement per row.
    if (block.kind === "table") {
      for (const cell of block.rows.flat().map(plainText))
        if (isStatementText(cell) && !choiceIn(cell) && !isQuestion(cell)) add(cell);
      return;
    }
    if (!isProse(block) || excluded(i) || clauses.has(i)) return;
    if (isLeadIn(texts[i])) {
      const found = clausesOf(blocks, texts, i);
      if (found.length) {
        // Each clause is a whole rule: the lead-in's subject and verb are carried into it.
        for (const clause of found) {
          clauses.add(clause.at);
          add([joinLeadIn(texts[i], texts[clause.at]), ...clause.under.map((t) => `- ${t}`)].join("\n"));
        }
        return;
      }
    }
    if (!isStatementText(texts[i])) return;
    const subItems = itemsBelongingTo(blocks, texts, i);
    add([texts[i], ...subItems.map((t) => `- ${t}`)].join("\n"));
  });
  return statements;
}

/**
 * The clauses that finish a lead-in: the list items under it, or (when a document lost its
 * bullets) the paragraphs after it that start in lower case. A clause that is a sentence of its
 * own ("I will…") stays one; deeper items stay with their clause.
 */
function clausesOf(blocks: Block[], texts: string[], at: number): { at: number; under: string[] }[] {
  const owner = blocks[at];
  const found: { at: number; under: string[] }[] = [];
  let clauseDepth = -1;
  for (let j = at + 1; j < blocks.length; j++) {
    const block = blocks[j];
    if (block.kind === "item") {
      if (owner.kind === "item" && block.depth <= owner.depth) break;
      if (clauseDepth === -1) clauseDepth = block.depth;
      if (block.depth < clauseDepth) break;
      if (block.depth > clauseDepth) {
        found.at(-1)?.under.push(texts[j]);
        continue;
      }
      if (isStatementText(texts[j]) || isLeadIn(texts[j])) break;
      found.push({ at: j, under: [] });
    } else if (
      block.kind === "paragraph" &&
      clauseDepth === -1 &&
      /^[a-z]/.test(texts[j]) &&
      !found.some((f) => blocks[f.at].kind === "item")
    ) {
      found.push({ at: j, under: [] });
    } else break;
  }
  return found;
}

function itemsBelongingTo(blocks: Block[], texts: string[], at: number): string[] {
  const owner = blocks[at];
  const introduces = /:$/.test(texts[at]);
  const items: string[] = [];
  for (let j = at + 1; j < blocks.length; j++) {
    const block = blocks[j];
    if (block.kind !== "item" || isStatementText(texts[j])) break;
    const nestedUnder = owner.kind === "item" ? block.depth > owner.depth : introduces;
    if (!nestedUnder) break;
    items.push(texts[j]);
  }
  return items;
}
