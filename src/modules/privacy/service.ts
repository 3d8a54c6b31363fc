/**
 * The privacy module's face (decision 034): a person's subject access export, and retention —
 * the school's rules, the records due for review, and removing or keeping one.
 */
export { dueRecords, keepDueRecord, removeDueRecord, tombstoneBinding, tombstoneText } from "./retention.js";
export { RETENTION_DEFAULTS, retentionRulesOf, setRetentionRule } from "./retention-rules.js";
export { SAR_FILES, subjectAccessExport } from "./subject-access.js";
