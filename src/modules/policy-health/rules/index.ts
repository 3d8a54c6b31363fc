import { ASSUMED_CONSENT } from "./assumed-consent.js";
import { EXPECTED_DUTIES } from "./expected-duties.js";
import { MISSING_POLICIES } from "./missing-policies.js";
import { OBSOLETE_TECHNOLOGY } from "./obsolete-technology.js";
import { RECORD_KEEPING } from "./record-keeping.js";
import { SUPERSEDED_LAW } from "./superseded-law.js";
import type { HealthRule } from "./types.js";

/** Every rule, one file per rule set; the order is the order findings are listed. */
export const HEALTH_RULES: readonly HealthRule[] = [
  ...SUPERSEDED_LAW,
  ...ASSUMED_CONSENT,
  ...OBSOLETE_TECHNOLOGY,
  ...MISSING_POLICIES,
  ...EXPECTED_DUTIES,
  ...RECORD_KEEPING,
];

export const RULES_BY_KEY = new Map(HEALTH_RULES.map((r) => [r.key, r]));
