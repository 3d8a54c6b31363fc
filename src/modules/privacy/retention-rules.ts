import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import { retentionRules } from "../../db/schema.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import {
  RECORD_TYPE_WORDS,
  RECORD_TYPES,
  type RecordType,
  type RetentionRuleInput,
  type RetentionRuleView,
} from "./schema.js";

type RuleDefault = { periodMonths: number; retirementAge: number | null; basis: string };

/**
 * The defaults, from the Information and Records Management Society's records management toolkit
 * for schools. A school changes them (the DPO or an admin) with its own basis written beside.
 */
export const RETENTION_DEFAULTS: Record<RecordType, RuleDefault> = {
  child_protection: {
    periodMonths: 25 * 12,
    retirementAge: null,
    basis:
      "Records management toolkit for schools: child protection records are kept until the child's date of birth + 25 years (counted from the youngest child involved).",
  },
  staff_allegation: {
    periodMonths: 10 * 12,
    retirementAge: 67,
    basis:
      "Records management toolkit for schools and Keeping children safe in education: allegations about a member of staff are kept until their normal retirement age or for 10 years from the allegation, whichever is longer.",
  },
  staff_agreement: {
    periodMonths: 6 * 12,
    retirementAge: null,
    basis:
      "Records management toolkit for schools: a member of staff's signed agreements are kept while they are employed and for 6 years after they leave.",
  },
  visitor_signature: {
    periodMonths: 12,
    retirementAge: null,
    basis:
      "Set by the school: a visitor's signature at reception is kept for a short period after the visit (1 year unless the school decides otherwise).",
  },
};

export type RetentionRule = RuleDefault & { recordType: RecordType };

/** Every record type's rule for a school: its own where it set one, the default otherwise. */
export async function retentionRulesOf(db: DbOrTx, schoolId: string): Promise<RetentionRuleView[]> {
  const own = await db.select().from(retentionRules).where(eq(retentionRules.schoolId, schoolId));
  return RECORD_TYPES.map((recordType) => {
    const row = own.find((r) => r.recordType === recordType);
    const rule = row ?? RETENTION_DEFAULTS[recordType];
    return {
      recordType,
      periodMonths: rule.periodMonths,
      retirementAge: recordType === "staff_allegation" ? (rule.retirementAge ?? null) : null,
      basis: rule.basis,
      changed: Boolean(row),
      updatedAt: row ? row.updatedAt.toISOString() : null,
    };
  });
}

export async function setRetentionRule(
  tx: Tx,
  actor: Actor,
  recordType: RecordType,
  input: RetentionRuleInput,
): Promise<RetentionRuleView> {
  const before = (await retentionRulesOf(tx, actor.schoolId)).find((r) => r.recordType === recordType)!;
  const retirementAge =
    recordType === "staff_allegation" ? (input.retirementAge ?? before.retirementAge) : null;
  const values = {
    schoolId: actor.schoolId,
    recordType,
    periodMonths: input.periodMonths,
    retirementAge,
    basis: input.basis,
    updatedBy: actor.personId,
    updatedAt: sql`now()`,
  };
  await tx
    .insert(retentionRules)
    .values(values)
    .onConflictDoUpdate({
      target: [retentionRules.schoolId, retentionRules.recordType],
      set: {
        periodMonths: values.periodMonths,
        retirementAge,
        basis: values.basis,
        updatedBy: actor.personId,
        updatedAt: sql`now()`,
      },
    });
  await recordEvent(tx, actor, {
    action: "retention.rule_changed",
    entityType: "retention_rule",
    entityId: recordType,
    summary: {
      recordType,
      title: RECORD_TYPE_WORDS[recordType],
      before: { periodMonths: before.periodMonths, retirementAge: before.retirementAge, basis: before.basis },
      after: { periodMonths: input.periodMonths, retirementAge, basis: input.basis },
    },
  });
  const [row] = await tx
    .select()
    .from(retentionRules)
    .where(and(eq(retentionRules.schoolId, actor.schoolId), eq(retentionRules.recordType, recordType)));
  return {
    recordType,
    periodMonths: row.periodMonths,
    retirementAge: row.retirementAge,
    basis: row.basis,
    changed: true,
    updatedAt: row.updatedAt.toISOString(),
  };
}
