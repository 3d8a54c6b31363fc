export const audiences = [
  "staff",
  "governors",
  "visitors",
  "volunteers",
  "student_teachers",
  "parents",
  "pupils",
] as const;
export type Audience = (typeof audiences)[number];

export type ParentMode = "per_child" | "per_family";
export const parentModes: ParentMode[] = ["per_child", "per_family"];

export interface Choice {
  key: string;
  label: string;
  options: string[];
}

/** An agreement as a signer receives it: the exact text in force and the hash of that text. */
export interface Agreement {
  id: string;
  title: string;
  audience: Audience;
  policy: { id: string; title: string; versionId: string; versionNumber: string };
  statements: string[];
  declaration: string;
  choices: Choice[];
  requireJobTitle: boolean;
  parentMode: ParentMode;
  status: string;
  textSha256: string;
}

/** An agreement waiting for the signed-in person, with what they signed before (for a re-sign). */
export interface AgreementToSign extends Agreement {
  dueDate: string | null;
  overdue: boolean;
  previouslySigned: {
    agreementId: string;
    policyVersionId: string;
    statements: string[];
    /** The policy's own note of what changed in the version now in force. */
    policyChangeSummary: string | null;
  } | null;
}

export interface Signature {
  id: string;
  agreementId: string;
  /** "withdrawn": a later record saying a signature no longer stands (fullName: who withdrew it). */
  kind: "signed" | "declined" | "withdrawn";
  fullName: string;
  jobTitle: string | null;
  choices: Record<string, string>;
  reason?: string | null;
  textSha256: string;
  authMethod: string;
  signedAt: string;
  verificationReference: string;
  /** The earlier signature this record withdraws or corrects; evidence is never changed in place. */
  correctsId: string | null;
}

export interface SignatureRecord extends Signature {
  agreementTitle: string;
  versionNumber: string;
  /** Set on a signature that a later record withdrew. */
  withdrawnAt: string | null;
  /** False once the agreement was replaced by a newer version: nothing to correct then. */
  agreementInForce: boolean;
  /** Set on a signature that a later correction replaced. */
  correctedAt: string | null;
}

/** What the correction form needs: the signature in force and the agreement text in force now. */
export interface SignatureCorrection {
  signature: Signature;
  agreement: Agreement;
}

export interface SignatureInput {
  fullName: string;
  jobTitle?: string;
  choices: Record<string, string>;
  textSha256: string;
  signatureImage?: string;
}

export interface NewAgreementInput {
  policyVersionId: string;
  title: string;
  audience: Audience;
  declaration: string;
  choices?: Choice[];
  parentMode?: ParentMode;
}

export interface AssignmentInput {
  kinds?: string[];
  roles?: string[];
  personIds?: string[];
  dueDate: string;
}

export type SigningLink =
  | {
      state: "open";
      schoolName: string;
      parentName: string | null;
      childName: string | null;
      agreement: Agreement;
    }
  | {
      state: "signed" | "declined";
      schoolName: string;
      parentName: string | null;
      childName: string | null;
      agreementTitle: string;
      signature: Signature;
    };

export type Verification =
  | {
      valid: true;
      schoolName: string;
      agreementTitle: string;
      versionNumber: string;
      signerName: string;
      signedAt: string;
      textSha256: string;
      /** The receipt is genuine, but a later record withdrew or corrected the signature. */
      withdrawnAt?: string | null;
      correctedAt?: string | null;
    }
  | { valid: false };

/** Where a signer's receipt PDF is: a plain same-origin link, so the session cookie goes with it. */
export const receiptHref = (signatureId: string) =>
  `/api/v1/signatures/${encodeURIComponent(signatureId)}/receipt.pdf`;

/** The page where a signer corrects their signature (a typo in the name, a changed answer). */
export const correctSignaturePath = (signatureId: string) =>
  `/agreements/signatures/${encodeURIComponent(signatureId)}/correct`;
