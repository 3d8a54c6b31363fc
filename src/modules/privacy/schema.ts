import { z } from "zod";
import { isoDate } from "../../kernel/dates.js";
import { Id, IsoDay, IsoMoment } from "../../kernel/responses.js";

// --- Retention (decision 034)

/**
 * The kinds of record retention reviews, each with its rule's starting point: a child protection
 * record from the youngest child's date of birth, an allegation about a member of staff from the
 * allegation (or their normal retirement age, if later), a signed agreement from the day the
 * signer left, a visitor's signature from the day they signed.
 */
export const RECORD_TYPES = [
  "child_protection",
  "staff_allegation",
  "staff_agreement",
  "visitor_signature",
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Each record type in words, as the tombstone and the audit log write it. */
export const RECORD_TYPE_WORDS: Record<RecordType, string> = {
  child_protection: "child protection records",
  staff_allegation: "allegations about staff",
  staff_agreement: "signed agreements of staff who have left",
  visitor_signature: "visitors' signatures",
};

export const RetentionRuleView = z.object({
  recordType: z.enum(RECORD_TYPES),
  periodMonths: z.number().int(),
  retirementAge: z.number().int().nullable(),
  basis: z.string(),
  /** False while the school follows the toolkit's default. */
  changed: z.boolean(),
  updatedAt: IsoMoment.nullable(),
});
export type RetentionRuleView = z.infer<typeof RetentionRuleView>;
export const RetentionRulesView = z.object({ rules: z.array(RetentionRuleView) });
export type RetentionRulesView = z.infer<typeof RetentionRulesView>;

export const RecordTypeParams = z.object({ recordType: z.enum(RECORD_TYPES) });

export const RetentionRuleInput = z.object({
  // A month at least; 100 years at most (no record is kept for longer than a life).
  periodMonths: z.number().int().min(1).max(1200),
  retirementAge: z.number().int().min(55).max(75).nullable().optional(),
  basis: z.string().trim().min(1).max(1000),
});
export type RetentionRuleInput = z.infer<typeof RetentionRuleInput>;

export const DueRecordView = z.object({
  recordType: z.enum(RECORD_TYPES),
  recordId: Id,
  /** What the record is, without a child's name: an incident's reference, an agreement's title. */
  label: z.string(),
  /** Whose record it is (the signer, the member of staff), where that is not a child. */
  personName: z.string().nullable(),
  dueOn: IsoDay,
  /** Why it is due: the starting point the rule counts from. */
  from: z.enum(["date_of_birth", "retirement_age", "recorded", "left", "signed"]),
  fromDate: IsoDay,
  /** A "keep until" that has run out: the DPO decided before, and the date has passed. */
  keptUntil: IsoDay.nullable(),
});
export type DueRecordView = z.infer<typeof DueRecordView>;
export const RetentionQueueView = z.object({ today: IsoDay, records: z.array(DueRecordView) });
export type RetentionQueueView = z.infer<typeof RetentionQueueView>;

export const RecordParams = z.object({ recordType: z.enum(RECORD_TYPES), id: Id });

export const RetentionDeleteInput = z.object({ reason: z.string().trim().min(1).max(2000) });
export const RetentionKeepInput = z.object({
  keepUntil: isoDate,
  reason: z.string().trim().min(1).max(2000),
});

export const TombstoneView = z.object({
  recordType: z.enum(RECORD_TYPES),
  recordId: Id,
  rows: z.number().int(),
  auditEventId: Id,
});
export type TombstoneView = z.infer<typeof TombstoneView>;

export const RetentionHoldView = z.object({ recordId: Id, keepUntil: IsoDay, reason: z.string() });
