import mammoth from "mammoth";
import type { Db } from "../../db/client.js";
import { badRequest } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { decodeText } from "./import/decode.js";
import { extractPolicyFromFile, UnreadablePolicyError } from "./import/extract.js";
import { parseNumber } from "./numbering.js";
import { createPolicy } from "./service.js";

/** What the person sees on the left of the review page: the document's own text. */
async function sourceTextOf(fileName: string, bytes: Buffer) {
  if (/\.docx$/i.test(fileName)) return (await mammoth.extractRawText({ buffer: bytes })).value;
  return decodeText(bytes);
}

/**
 * Turn an uploaded policy document into a new policy with a draft version for a person to check.
 * The draft takes the document's latest version number when its version table has one.
 */
export async function importPolicyDocument(db: Db, actor: Actor, fileName: string, bytes: Buffer) {
  let extracted: Awaited<ReturnType<typeof extractPolicyFromFile>>;
  try {
    extracted = await extractPolicyFromFile(fileName, bytes);
  } catch (err) {
    if (err instanceof UnreadablePolicyError)
      throw badRequest(err.problem, [{ field: "file", message: err.problem }]);
    throw err;
  }
  // Schools that number by issue ("Issue 3") mean version 3.0.
  const latest = extracted.history
    .map((h) => (/^\d{1,3}$/.test(h.number) ? `${h.number}.0` : h.number))
    .filter((n) => parseNumber(n))
    .at(-1);
  const { policy, version } = await createPolicy(
    db,
    actor,
    {
      title: extracted.title.slice(0, 200) || fileName.replace(/\.[^.]+$/, ""),
      // Only what the document says plainly; otherwise none yet, and the review page asks.
      audiences: extracted.audiences.kinds,
      reviewFrequency: extracted.review.frequency,
      nextReviewDue: extracted.review.nextDue,
    },
    {
      content: extracted.markdown,
      statements: extracted.statements.map((s) => s.text),
      number: latest,
      summary: extracted.history.at(-1)?.summary ?? "Imported from the school's document",
      sourceText: await sourceTextOf(fileName, bytes),
      sourceFileName: fileName,
      history: extracted.history,
    },
  );
  return {
    policy: { id: policy.id, title: policy.title },
    version: { id: version.id, number: `${version.major}.${version.minor}` },
    sections: extracted.sections.map((s) => ({ heading: s.heading, level: s.level })),
    statements: extracted.statements,
    history: extracted.history,
    review: { frequency: extracted.review.frequency, nextDue: extracted.review.nextDue },
    audiences: extracted.audiences.kinds,
    audiencesFrom: extracted.audiences.from,
    declaration: extracted.declaration,
    choices: extracted.choices,
    signatureFields: extracted.signatureFields,
    appendices: extracted.appendices,
  };
}
