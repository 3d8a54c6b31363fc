// The API's own contracts (agreements/schema.ts, signing/schema.ts) and lists: the web app takes
// them from there instead of keeping copies.
import type { z } from "zod";
import type {
  AgreementInput,
  AgreementToSignView,
  AgreementView,
  AssignmentInput as AssignmentInputSchema,
} from "../../../modules/agreements/schema";
import type {
  ChoiceView,
  CorrectionView,
  PaperFormInput as PaperFormInputSchema,
  PaperFormOptionsView,
  PaperFormRecordedView,
  ParentLinksSentView,
  SignatureInput as SignatureInputSchema,
  SignatureRecordView,
  SignatureView,
  SigningLinkView,
  VerificationView,
} from "../../../modules/signing/schema";

export { AUDIENCES as audiences, type Audience } from "../../../modules/access/roles";
export { PARENT_MODES as parentModes } from "../../../modules/agreements/schema";

export type Choice = ChoiceView;
/** An agreement as a signer receives it: the exact text in force and the hash of that text. */
export type Agreement = AgreementView;
/** An agreement waiting for the signed-in person, with what they signed before (for a re-sign). */
export type AgreementToSign = AgreementToSignView;
export type ParentMode = Agreement["parentMode"];
export type Signature = SignatureView;
export type SignatureRecord = SignatureRecordView;
/**
 * Signing presents a subject as its owner shows it (SubjectView, loose); what it shows of an
 * agreement is the agreement's own view.
 */
type OfAnAgreement<T> = T extends { agreement: unknown }
  ? Omit<T, "agreement"> & { agreement: Agreement }
  : T;
/** What the correction form needs: the signature in force and the agreement text in force now. */
export type SignatureCorrection = OfAnAgreement<CorrectionView>;
export type SignatureInput = z.input<typeof SignatureInputSchema>;
export type NewAgreementInput = z.input<typeof AgreementInput>;
export type AssignmentInput = z.input<typeof AssignmentInputSchema>;
export type SigningLink = OfAnAgreement<SigningLinkView>;
export type Verification = VerificationView;

/** Where a signer's receipt PDF is: a plain same-origin link, so the session cookie goes with it. */
export const receiptHref = (signatureId: string) =>
  `/api/v1/signatures/${encodeURIComponent(signatureId)}/receipt.pdf`;

/** The page where a signer corrects their signature (a typo in the name, a changed answer). */
export const correctSignaturePath = (signatureId: string) =>
  `/agreements/signatures/${encodeURIComponent(signatureId)}/correct`;

/** Before (and after) parent links go: the count, and who needs a printed form instead. */
export type ParentLinksPlan = ParentLinksSentView;
export type PaperFormOptions = PaperFormOptionsView;
export type PaperFormInput = z.input<typeof PaperFormInputSchema>;
export type PaperFormRecorded = PaperFormRecordedView;
