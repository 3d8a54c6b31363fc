import { z } from "zod";
import { isoDate } from "../../kernel/dates.js";
import { KINDS, ROLES } from "../access/roles.js";

export const REVIEW_FREQUENCIES = ["termly", "annual", "two-yearly", "three-yearly"] as const;
const optionalDate = isoDate.nullable().optional();
const optionalId = z.uuid("Choose a person from the list.").nullable().optional();

const Related = z.union([
  z.object({ policyId: z.uuid() }),
  z.object({
    title: z.string().trim().min(1).max(200),
    url: z.url("Enter a full web address.").max(500).nullable().optional(),
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
