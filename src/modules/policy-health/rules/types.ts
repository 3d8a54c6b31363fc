/**
 * The shape of a health rule. Rules are data, one file per rule set: what to look for, why it
 * matters in plain words, and wording Accord offers instead, each in English and Welsh, so a
 * school that reads Accord in Welsh reads its findings in Welsh too.
 */
export type Country = "england" | "wales";
export type Words = { en: string; cy: string };

export const RULE_SETS = [
  "superseded_law",
  "assumed_consent",
  "obsolete_technology",
  "missing_policies",
  "expected_duties",
  "record_keeping",
] as const;
export type RuleSet = (typeof RULE_SETS)[number];

type RuleWords = {
  /** Stable: dismissals are kept against it. */
  key: string;
  set: RuleSet;
  /** The schools it applies to: guidance differs between England and Wales. */
  countries: readonly Country[];
  title: Words;
  why: Words;
  /** Wording written for Accord to use instead, where there is one. */
  replacement?: Words;
};

/** Found in a sentence: any pattern matching the sentence is a finding that cites it. */
export type SentenceRule = RuleWords & {
  kind: "sentence";
  patterns: readonly RegExp[];
  /**
   * The pattern captures an edition's year (group 1): only editions older than the one in force
   * are a finding. "this_academic_year": guidance republished each September, so the edition
   * in force is the year the current academic year began.
   */
  editionsBefore?: number | "this_academic_year";
};

/** A duty a type of policy is expected to cover: a finding when none of `mentions` appears. */
export type DutyRule = RuleWords & {
  kind: "duty";
  /** The policy's title says which type of policy it is. */
  policyTitle: RegExp;
  /** Each group must be mentioned somewhere (any pattern of a group will do). */
  mentions: readonly (readonly RegExp[])[];
};

/** About the policy's record rather than its text (a review date, a version history). */
export type RecordRule = RuleWords & { kind: "record" };

/** A reference to another policy: linked when the library holds it, a finding when it does not. */
export type ReferenceRule = RuleWords & {
  kind: "reference";
  /** Words that introduce the policies referred to ("read in conjunction with"). */
  leadIns: readonly RegExp[];
  /** What a policy's name looks like after the lead-in. */
  name: RegExp;
};

export type HealthRule = SentenceRule | DutyRule | RecordRule | ReferenceRule;
