/** One of the choices a signer makes, e.g. photo consent: "agree" or "disagree". */
export interface AgreementChoice {
  key: string;
  label: string;
  options: string[];
}

/** An agreement as a signer sees it (kiosk and class session alike). */
export interface SignableAgreement {
  id: string;
  title: string;
  audience: string;
  policy: { id: string; title: string; versionId: string; versionNumber: string };
  statements: string[];
  declaration: string;
  choices: AgreementChoice[];
  requireJobTitle: boolean;
  /** The hash of the exact text shown; sent back unchanged when signing. */
  textSha256: string;
}

export interface SignatureReceipt {
  signedAt: string;
  verificationReference: string;
}

export interface KioskSummary {
  id: string;
  agreementTitle: string;
  openedAt: string;
  expiresAt: string;
  closedAt: string | null;
  signatures: number;
}

export interface OpenedKiosk {
  id: string;
  code: string;
  expiresAt: string;
}

/** What the tablet knows: the school's name and the agreement visitors sign. */
export interface KioskSession {
  schoolName: string;
  agreement: SignableAgreement;
}

export interface KioskSignatureInput {
  fullName: string;
  organisation: string;
  visiting: string;
  choices: Record<string, string>;
  textSha256: string;
  email?: string;
  signatureImage?: string;
}
