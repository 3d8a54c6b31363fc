export { designatedRoles as approverRoleOptions, personKinds as audienceKinds } from "../people/types";

export const reviewFrequencies = ["termly", "annual", "two-yearly", "three-yearly"] as const;
export type ReviewFrequency = (typeof reviewFrequencies)[number];

export type VersionStatus = "draft" | "submitted" | "approved" | "published" | "superseded";

/** A "read in conjunction with" entry: another policy in Accord, or a document elsewhere. */
export type RelatedItem = { policyId: string; title?: string } | { title: string; url?: string | null };

export interface DocumentHistoryEntry {
  number: string;
  date: string | null;
  summary: string;
}

export interface PolicySummary {
  id: string;
  title: string;
  category: string | null;
  audiences: string[];
  ownerPersonId: string | null;
  ownerName: string | null;
  governorPersonId: string | null;
  reviewFrequency: ReviewFrequency | null;
  nextReviewDue: string | null;
  reviewOverdue: boolean;
  related: RelatedItem[];
  history: DocumentHistoryEntry[];
  published: { id: string; number: string; issueDate: string | null } | null;
  open: { id: string; number: string; status: VersionStatus } | null;
  canManage: boolean;
}

export interface Approval {
  role: string;
  personName: string;
  approvedAt: string;
}

export interface Version {
  id: string;
  number: string;
  status: VersionStatus;
  issueDate: string | null;
  summary: string | null;
  noChanges: boolean;
  statements: string[];
  agreedWithStaffOn: string | null;
  agreedAtCommitteeOn: string | null;
  createdAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  supersededAt: string | null;
  approvals: Approval[];
}

export interface PolicyDetail extends Omit<PolicySummary, "published" | "open"> {
  governorName: string | null;
  requiredApprovers: string[];
  canApproveAs: string[];
  versions: Version[];
}

export interface VersionDetail extends Version {
  policy: { id: string; title: string };
  content: string;
  html: string;
  source: { fileName: string | null; text: string } | null;
}

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface VersionDiff {
  from: { id: string; number: string };
  to: { id: string; number: string };
  identical: boolean;
  parts: DiffPart[];
  statements: { added: string[]; removed: string[] };
}

export interface ImportResult {
  policy: { id: string; title: string };
  version: { id: string; number: string };
  sections: { heading: string }[];
  statements: { text: string }[];
  history: DocumentHistoryEntry[];
  review: { frequency: ReviewFrequency | null; nextDue: string | null };
}

/** The fields POST /policies and PATCH /policies/:id accept. */
export interface PolicyPayload {
  title?: string;
  category?: string | null;
  audiences?: string[];
  ownerPersonId?: string | null;
  governorPersonId?: string | null;
  reviewFrequency?: ReviewFrequency | null;
  nextReviewDue?: string | null;
  related?: RelatedItem[];
}

export interface VersionPayload {
  content?: string;
  statements?: string[];
  summary?: string;
  issueDate?: string | null;
  agreedWithStaffOn?: string | null;
  agreedAtCommitteeOn?: string | null;
}

/** Roles that must still approve: those required, less those already recorded. */
export function missingApprovers(required: string[], approvals: Approval[]): string[] {
  const done = new Set(approvals.map((a) => a.role));
  return required.filter((role) => !done.has(role));
}
