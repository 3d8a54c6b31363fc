/**
 * The signing module's face: what other modules may use. A signature is of a subject
 * (`subject_type`, `subject_id`) that its owning module describes (subjects.ts). The ways to
 * sign (signed in, parent link, kiosk, class session), group commit and the optimistic write,
 * receipts and their verification, withdrawal and correction all live in this module; it
 * imports nothing from the modules whose subjects it records (decision 011).
 */
export { type SignableText, textSha256 } from "./receipt/canonical.js";
export { receiptPdf } from "./receipts.js";
export { presentSignature } from "./signatures.js";
export { SUBJECT_TYPES, type SubjectType } from "./subject-types.js";
export {
  type ChoiceDef,
  registerSubjectOwner,
  type Subject,
  type SubjectLabel,
  type SubjectOwner,
} from "./subjects.js";
