// The API's own contracts (policies/schema.ts) and lists: the web app takes them from there.
import type { z } from "zod";
import type {
  ApprovalView,
  DocumentHistoryEntryView,
  PolicyDetailView,
  PolicyImportView,
  PolicyInput,
  PolicySummaryView,
  RelatedView,
  VersionDetailView,
  VersionDiffView,
  VersionPatch,
  VersionView,
} from "../../../modules/policies/schema";

export { KINDS as audienceKinds, ROLES as approverRoleOptions } from "../../../modules/access/roles";
export { REVIEW_FREQUENCIES as reviewFrequencies } from "../../../modules/policies/schema";

export type ReviewFrequency = NonNullable<PolicySummary["reviewFrequency"]>;
export type VersionStatus = Version["status"];
/** A "read in conjunction with" entry: another policy in Accord, or a document elsewhere. */
export type RelatedItem = RelatedView;
export type DocumentHistoryEntry = DocumentHistoryEntryView;
export type PolicySummary = PolicySummaryView;
export type Approval = ApprovalView;
export type Version = VersionView;
export type PolicyDetail = PolicyDetailView;
export type VersionDetail = VersionDetailView;
export type VersionDiff = VersionDiffView;
export type DiffPart = VersionDiff["parts"][number];
export type ImportResult = PolicyImportView;
/** The fields POST /policies and PATCH /policies/:id accept. */
export type PolicyPayload = Partial<z.input<typeof PolicyInput>>;
export type VersionPayload = z.input<typeof VersionPatch>;

/** Roles that must still approve: those required, less those already recorded. */
export function missingApprovers(required: string[], approvals: Approval[]): string[] {
  const done = new Set(approvals.map((a) => a.role));
  return required.filter((role) => !done.has(role));
}
