import { msg } from "../../../kernel/i18n/index.js";
/**
 * Import of an existing policy document: the text of a .docx, .md or .txt file turned into a
 * draft (title, sections, signable statements, declaration, choices, version history, review
 * metadata) for a person to correct and confirm. Everything here is a best guess from layout;
 * nothing is saved.
 */
import { analyseAgreement } from "./agreement.js";
import { analyseAudiences, type FoundAudiences } from "./audience.js";
import { type Block, normaliseText, parseTextBlocks } from "./blocks.js";
import { decodeText } from "./decode.js";
import { docxBlocks } from "./docx-blocks.js";
import { UnreadablePolicyError } from "./errors.js";
import { analyseHistory, type HistoryEntry } from "./history.js";
import { renderMarkdown } from "./render-markdown.js";
import { analyseReview, type Review } from "./review.js";
import { shapeDocument } from "./shape.js";
import { isAppendixHeading, plainText, type SignatureField } from "./text-patterns.js";

export { UnreadablePolicyError } from "./errors.js";

export type ExtractedPolicy = {
  title: string;
  markdown: string;
  sections: { heading: string; level: number }[];
  statements: { text: string }[];
  choices: { label: string; options: string[] }[];
  declaration: string | null;
  history: HistoryEntry[];
  review: Review;
  /** Who the document says it is for, when it says so plainly (its title or top heading). */
  audiences: FoundAudiences;
  signatureFields: SignatureField[];
  appendices: string[];
};

const EMPTY = msg`This document is empty: there is no text to import.`;

export function extractPolicy(
  text: string,
  options: { format: "txt" | "md" } = { format: "txt" },
): ExtractedPolicy {
  const normalised = normaliseText(text);
  if (!normalised.trim()) throw new UnreadablePolicyError(EMPTY);
  return extractFromBlocks(parseTextBlocks(normalised, options.format));
}

export async function extractPolicyFromFile(fileName: string, bytes: Buffer): Promise<ExtractedPolicy> {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  let extracted: ExtractedPolicy;
  if (extension === "docx") {
    const blocks = await docxBlocks(bytes);
    if (!blocks.length) throw new UnreadablePolicyError(EMPTY);
    extracted = extractFromBlocks(blocks);
  } else if (extension === "md" || extension === "markdown" || extension === "txt" || extension === "text") {
    if (!bytes.length) throw new UnreadablePolicyError(EMPTY);
    const format = extension === "md" || extension === "markdown" ? "md" : "txt";
    extracted = extractPolicy(decodeText(bytes), { format });
  } else if (extension) {
    throw new UnreadablePolicyError(
      msg`.${extension} files can't be imported yet: save it as .docx, .md or .txt.`,
    );
  } else {
    throw new UnreadablePolicyError(
      msg`This file has no extension, so its format is unknown: save it as .docx, .md or .txt.`,
    );
  }
  if (extracted.title) return extracted;
  const title = titleFromFileName(fileName);
  return {
    ...extracted,
    title,
    audiences: extracted.audiences.kinds.length ? extracted.audiences : analyseAudiences(title, []),
  };
}

function extractFromBlocks(parsed: Block[]): ExtractedPolicy {
  const { title, blocks } = shapeDocument(parsed);
  if (!blocks.length) throw new UnreadablePolicyError(EMPTY);
  const headings = blocks.filter((b): b is Extract<Block, { kind: "heading" }> => b.kind === "heading");
  // The title is reported on its own; sections are the headings of the body.
  const bodyHeadings = title ? headings.slice(1) : headings;
  const sections = bodyHeadings.map((h) => ({ heading: plainText(h.text), level: h.level }));
  return {
    title,
    markdown: renderMarkdown(blocks),
    sections,
    ...analyseAgreement(blocks),
    history: analyseHistory(blocks),
    review: analyseReview(blocks),
    audiences: analyseAudiences(title, blocks),
    appendices: [...new Set(sections.map((s) => s.heading).filter(isAppendixHeading))],
  };
}

/** "online-safety_policy 2024.docx" → "Online safety policy 2024". */
function titleFromFileName(fileName: string): string {
  const stem = fileName
    .replace(/^.*[/\\]/, "")
    .replace(/\.[^.]+$/, "")
    .replace(/[-_]+/g, " ")
    .trim();
  return stem.charAt(0).toUpperCase() + stem.slice(1);
}
