import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { people, schools, type signatures } from "../../db/schema.js";
import { msg } from "../../kernel/i18n/index.js";
import { fullName } from "../../kernel/names.js";
import { notFound } from "../../kernel/problem.js";
import { readLine } from "./receipt/canonical.js";
import { renderReceiptPdf } from "./receipt/pdf.js";
import { optionInWords } from "./schema.js";
import { loadSubject } from "./subjects.js";

const HOW: Record<string, string> = {
  password: "Signed in with email and password",
  sso: "Signed in with the school's single sign-on",
  api_token: "An integration using an API token",
  parent_link: "A single-use link emailed to the parent or carer",
  kiosk: "The reception kiosk",
  class_session: "A class signing session opened by the teacher",
};

/** The receipt for one signature: the full text signed, the answers and the evidence. */
export async function receiptPdf(db: Db, signature: typeof signatures.$inferSelect, publicUrl: string) {
  const subject = await loadSubject(db, signature.subjectType, signature.schoolId, signature.subjectId);
  if (!subject) throw notFound(msg`receipt`);
  const [school] = await db.select().from(schools).where(eq(schools.id, signature.schoolId));
  // The receipt prints the subject's own snapshot of the text, which is what the hash is of.
  const shown = subject.text;
  const child = signature.onBehalfOfId
    ? (await db.select().from(people).where(eq(people.id, signature.onBehalfOfId)))[0]
    : null;
  const fields = [
    { label: "Full name", value: signature.fullName },
    ...(signature.jobTitle ? [{ label: "Job title", value: signature.jobTitle }] : []),
    ...(signature.organisation ? [{ label: "Organisation", value: signature.organisation }] : []),
    ...(signature.visiting ? [{ label: "Visiting", value: signature.visiting }] : []),
    ...(child ? [{ label: "Signed for", value: fullName(child) }] : []),
  ];
  const answers = signature.choices as Record<string, string>;
  return renderReceiptPdf({
    schoolName: school.name,
    agreementTitle: shown.title,
    policyTitle: shown.policyTitle,
    versionNumber: shown.versionNumber,
    statements: shown.statements,
    // Format 2 hashed the policy text too, and the declaration opens by saying it was read.
    declaration:
      shown.policyText === undefined
        ? shown.declaration
        : `${readLine(shown.policyTitle, shown.versionNumber)} ${shown.declaration}`,
    fields,
    choices: shown.choices.map((c) => ({
      label: c.label,
      answer: answers[c.key] ? optionInWords(answers[c.key]) : "",
    })),
    signedAt: signature.signedAt,
    authenticatedBy: HOW[signature.authMethod] ?? signature.authMethod,
    textSha256: signature.textSha256,
    signatureId: signature.id,
    verificationReference: signature.verificationRef,
    verifyUrl: `${publicUrl}/verify`,
    signatureImagePng: signature.signatureImage
      ? Buffer.from(signature.signatureImage.split(",")[1], "base64")
      : null,
  });
}
