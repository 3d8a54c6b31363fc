// The API's own contracts (signing/schema.ts): the web app takes them from there.
import type { z } from "zod";
import type {
  ChoiceView,
  KioskSummaryView,
  KioskView,
  OpenedKioskView,
  SignedReceiptView,
  SubjectView,
  VisitorInput,
} from "../../../modules/signing/schema";

/** One of the choices a signer makes, e.g. photo consent: "agree" or "disagree". */
export type AgreementChoice = ChoiceView;
/** What a signer sees (kiosk and class session alike): the text, its hash, the choices. */
export type SignableAgreement = SubjectView;
export type SignatureReceipt = SignedReceiptView;
export type KioskSummary = KioskSummaryView;
export type OpenedKiosk = OpenedKioskView;
/** What the tablet knows: the school's name and the agreement visitors sign. */
export type KioskSession = KioskView;
export type KioskSignatureInput = z.input<typeof VisitorInput>;
