// The API's own contracts (consent/schema.ts): the web app takes them from there instead of keeping copies.
import type { z } from "zod";
import type {
  AnswerView,
  CheckView as CheckViewSchema,
  CollectionView as CollectionViewSchema,
  LinkAnsweredView,
  LinkAnswersInput,
  PupilListView,
  PurposeInput as PurposeInputSchema,
  PurposePatch as PurposePatchSchema,
  RecordedView,
  RemovalView,
  RequestInput as RequestInputSchema,
  RequestSentView,
  SettingsInput as SettingsInputSchema,
  SettingsView,
  StaffAnswersInput as StaffAnswersInputSchema,
} from "../../../modules/consent/schema";

export {
  ANSWERS as answers,
  type Answer,
  BASES as bases,
  type Basis,
  type CheckView,
  type CollectionView,
  type LinkFormView,
  type PupilConsentView,
  type PurposeView,
  REASONS as reasons,
  type Reason,
  STAFF_METHODS as staffMethods,
  type StatusView,
} from "../../../modules/consent/schema";

export type PurposeInput = z.input<typeof PurposeInputSchema>;
export type PurposePatch = z.input<typeof PurposePatchSchema>;
export type ConsentSettings = z.infer<typeof SettingsView>;
export type ConsentSettingsInput = z.input<typeof SettingsInputSchema>;
export type ConsentAnswer = z.infer<typeof AnswerView>;
export type Recorded = z.infer<typeof RecordedView>;
export type StaffAnswersInput = z.input<typeof StaffAnswersInputSchema>;
export type PupilList = z.infer<typeof PupilListView>;
export type PupilChoice = PupilList["pupils"][number];
export type CollectionRow = z.infer<typeof CollectionViewSchema>["pupils"][number];
export type CheckInput = { purposeKey: string; pupilIds: string[] };
export type CheckedPupil = z.infer<typeof CheckViewSchema>["pupils"][number];
export type RequestInput = z.input<typeof RequestInputSchema>;
export type RequestPlan = z.infer<typeof RequestSentView>;
export type Removal = z.infer<typeof RemovalView>;
export type LinkAnswers = z.input<typeof LinkAnswersInput>;
export type LinkAnswered = z.infer<typeof LinkAnsweredView>;

/** Which pupils a page shows: one class or one year group (as the address bar has it). */
export type PupilGroup = { class?: string; yearGroup?: string };
