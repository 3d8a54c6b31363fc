import { z } from "zod";
import { isoDate } from "../../kernel/dates.js";
import { isSafeLink } from "../../kernel/links.js";
import { Id, IsoDay, IsoMoment } from "../../kernel/responses.js";
import { KINDS, ROLES } from "../access/roles.js";

export const REVIEW_FREQUENCIES = ["termly", "annual", "two-yearly", "three-yearly"] as const;
export type ReviewFrequency = (typeof REVIEW_FREQUENCIES)[number];
const optionalDate = isoDate.nullable().optional();
const optionalId = z.uuid("Choose a person from the list.").nullable().optional();

const Related = z.union([
  z.object({ policyId: z.uuid() }),
  z.object({
    title: z.string().trim().min(1).max(200),
    url: z
      .url("Enter a full web address.")
      .max(500)
      .refine(isSafeLink, "Enter a web address starting https:// or http:// (or a mailto: email address).")
      .nullable()
      .optional(),
  }),
]);

export const PolicyInput = z.object({
  title: z.string().trim().min(2, "Enter the policy's title.").max(200),
  category: z.string().trim().max(100).nullable().optional(),
  audiences: z.array(z.enum(KINDS)).min(1, "Choose who the policy is for."),
  ownerPersonId: optionalId,
  governorPersonId: optionalId,
  reviewFrequency: z.enum(REVIEW_FREQUENCIES).nullable().optional(),
  nextReviewDue: optionalDate,
  related: z.array(Related).max(50).optional(),
});
export type PolicyInput = z.infer<typeof PolicyInput>;
export const PolicyPatch = PolicyInput.partial();

export const Statement = z.string().trim().min(3, "A statement cannot be empty.").max(2000);

export const VersionPatch = z.object({
  content: z.string().max(500_000).optional(),
  statements: z.array(Statement).max(200).optional(),
  summary: z.string().trim().max(2000).optional(),
  issueDate: optionalDate,
  agreedWithStaffOn: optionalDate,
  agreedAtCommitteeOn: optionalDate,
});
export type VersionPatch = z.infer<typeof VersionPatch>;

export const NewVersionInput = z.object({
  bump: z.enum(["minor", "major"]).default("minor"),
  /** "Reviewed – no changes": a new minor version with the same text; nobody need sign again. */
  noChanges: z.boolean().default(false),
  summary: z.string().trim().max(2000).optional(),
});

export const ApproverRolesInput = z.object({ roles: z.array(z.enum(ROLES)) });
export const PolicyParams = z.object({ id: z.uuid("That is not a valid id.") });
export const VersionParams = PolicyParams.extend({ versionId: z.uuid("That is not a valid id.") });
export const DiffParams = PolicyParams.extend({ a: z.uuid(), b: z.uuid() });

// --- Responses

export const VERSION_STATUSES = ["draft", "submitted", "approved", "published", "superseded"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** A "read in conjunction with" entry, as stored from `PolicyInput.related`. */
export const RelatedView = z.union([
  z.object({ policyId: Id }),
  z.object({ title: z.string(), url: z.string().nullable().optional() }),
]);
export type RelatedView = z.infer<typeof RelatedView>;

/** A row of the document's own version table (from an imported document). */
export const DocumentHistoryEntryView = z.object({
  number: z.string(),
  date: z.string().nullable(),
  summary: z.string(),
});
export type DocumentHistoryEntryView = z.infer<typeof DocumentHistoryEntryView>;

/** What every view of a policy has (the presenter is `presentPolicy` in service.ts). */
const PolicyFields = z.object({
  id: Id,
  title: z.string(),
  category: z.string().nullable(),
  audiences: z.array(z.enum(KINDS)),
  ownerPersonId: Id.nullable(),
  governorPersonId: Id.nullable(),
  reviewFrequency: z.enum(REVIEW_FREQUENCIES).nullable(),
  nextReviewDue: IsoDay.nullable(),
  reviewOverdue: z.boolean(),
  related: z.array(RelatedView),
  history: z.array(DocumentHistoryEntryView),
  /** May the caller edit it: its owner, the headteacher or a school admin. */
  canManage: z.boolean(),
});

/** One policy in the library list. */
export const PolicySummaryView = PolicyFields.extend({
  // The list looks owners' names up once each; a policy without an owner has null.
  ownerName: z.string().nullish(),
  /** The version in force, if any. */
  published: z.object({ id: Id, number: z.string(), issueDate: IsoDay.nullable() }).nullable(),
  /** The version being worked on, for those who may see drafts. */
  open: z.object({ id: Id, number: z.string(), status: z.enum(VERSION_STATUSES) }).nullable(),
});
export type PolicySummaryView = z.infer<typeof PolicySummaryView>;

export const PolicyListView = z.object({ policies: z.array(PolicySummaryView) });
export type PolicyListView = z.infer<typeof PolicyListView>;

export const ApprovalView = z.object({ role: z.string(), personName: z.string(), approvedAt: IsoMoment });
export type ApprovalView = z.infer<typeof ApprovalView>;

export const VersionView = z.object({
  id: Id,
  number: z.string(),
  status: z.enum(VERSION_STATUSES),
  issueDate: IsoDay.nullable(),
  summary: z.string(),
  noChanges: z.boolean(),
  statements: z.array(z.string()),
  agreedWithStaffOn: IsoDay.nullable(),
  agreedAtCommitteeOn: IsoDay.nullable(),
  createdAt: IsoMoment,
  submittedAt: IsoMoment.nullable(),
  approvedAt: IsoMoment.nullable(),
  publishedAt: IsoMoment.nullable(),
  supersededAt: IsoMoment.nullable(),
  approvals: z.array(ApprovalView),
});
export type VersionView = z.infer<typeof VersionView>;

/** One policy with its versions (only published ones for those who may not see drafts). */
export const PolicyDetailView = PolicyFields.extend({
  ownerName: z.string().nullable(),
  governorName: z.string().nullable(),
  requiredApprovers: z.array(z.enum(ROLES)),
  /** The approver roles the caller holds. */
  canApproveAs: z.array(z.enum(ROLES)),
  versions: z.array(VersionView),
});
export type PolicyDetailView = z.infer<typeof PolicyDetailView>;

/** One version with its text: Markdown as written and sanitised HTML to show. */
export const VersionDetailView = VersionView.extend({
  policy: z.object({ id: Id, title: z.string() }),
  /**
   * While the version is open, for those who see the approval trail: each required role not yet
   * approved and the people holding it (none: nobody could approve until someone is given the role).
   */
  awaiting: z.array(z.object({ role: z.enum(ROLES), holders: z.array(z.string()) })),
  content: z.string(),
  html: z.string(),
  /** The imported document's own text, for those who manage the policy. */
  source: z.object({ fileName: z.string().nullable(), text: z.string() }).nullable(),
});
export type VersionDetailView = z.infer<typeof VersionDetailView>;

export const VersionDiffView = z.object({
  from: z.object({ id: Id, number: z.string() }),
  to: z.object({ id: Id, number: z.string() }),
  identical: z.boolean(),
  /** Word-level parts of the text: unchanged, added or removed. */
  parts: z.array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() })),
  statements: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
});
export type VersionDiffView = z.infer<typeof VersionDiffView>;

export const ApproverRolesView = z.object({ roles: z.array(z.enum(ROLES)) });
export type ApproverRolesView = z.infer<typeof ApproverRolesView>;

/** `POST /policies/import` (API.md): the new draft and what was read from the document. */
export const PolicyImportView = z.object({
  policy: z.object({ id: Id, title: z.string() }),
  version: z.object({ id: Id, number: z.string() }),
  sections: z.array(z.object({ heading: z.string(), level: z.number().int() })),
  statements: z.array(z.object({ text: z.string() })),
  history: z.array(DocumentHistoryEntryView),
  review: z.object({ frequency: z.enum(REVIEW_FREQUENCIES).nullable(), nextDue: IsoDay.nullable() }),
  /**
   * Who the policy is for, as the document's title or top heading says (empty when it does not
   * say plainly: the person reviewing the import chooses), and the words it was read from.
   */
  audiences: z.array(z.enum(KINDS)),
  audiencesFrom: z.string().nullable(),
  /** "I have read and understood…": the sentence the signer agrees to, when the document has one. */
  declaration: z.string().nullable(),
  choices: z.array(z.object({ label: z.string(), options: z.array(z.string()) })),
  signatureFields: z.array(z.enum(["name", "signature", "date", "jobTitle"])),
  appendices: z.array(z.string()),
});
export type PolicyImportView = z.infer<typeof PolicyImportView>;
