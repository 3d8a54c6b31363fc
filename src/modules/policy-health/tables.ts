import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, id } from "../../db/columns.js";
import { people } from "../people/tables.js";
import { policies, policyVersions } from "../policies/tables.js";
import { schools } from "../schools/tables.js";

// The policy health check's tables. Every domain table carries school_id and every query filters
// by it (DESIGN.md, Tenancy); timestamps are timestamptz in UTC, shown in Europe/London.

/** What the check found in a version's text, written when the version is imported, started or edited. */
export const policyHealthFindings = pgTable(
  "policy_health_findings",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => policyVersions.id),
    ruleKey: text("rule_key").notNull(),
    sentence: text("sentence"),
    subject: text("subject"),
    fingerprint: text("fingerprint").notNull(),
    /** Where it was found, so findings read in the order of the text. */
    position: integer("position").notNull(),
    checkedAt: at("checked_at").notNull().defaultNow(),
  },
  (t) => [
    index("policy_health_findings_version_idx").on(t.versionId, t.position),
    index("policy_health_findings_school_idx").on(t.schoolId, t.policyId),
  ],
);

/**
 * A finding the school has read and set aside, with its reason. Kept against the policy and the
 * finding's fingerprint, so the same sentence in the next version stays dismissed. Reinstating
 * marks the row; it is never deleted, so who dismissed what and why stays on record.
 */
export const policyHealthDismissals = pgTable(
  "policy_health_dismissals",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id),
    ruleKey: text("rule_key").notNull(),
    fingerprint: text("fingerprint").notNull(),
    reason: text("reason").notNull(),
    dismissedBy: uuid("dismissed_by").references(() => people.id),
    dismissedAt: at("dismissed_at").notNull().defaultNow(),
    reinstatedBy: uuid("reinstated_by").references(() => people.id),
    reinstatedAt: at("reinstated_at"),
  },
  (t) => [
    // One dismissal in force per finding.
    uniqueIndex("policy_health_dismissals_open_idx")
      .on(t.policyId, t.fingerprint)
      .where(sql`reinstated_at IS NULL`),
  ],
);
