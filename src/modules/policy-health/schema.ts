import { z } from "zod";
import { Id, IsoMoment } from "../../kernel/responses.js";
import { COUNTRIES } from "../schools/schema.js";
import { RULE_SETS } from "./rules/types.js";

export const HealthParams = z.object({ id: Id });
export const VersionHealthParams = z.object({ id: Id, versionId: Id });
export const DismissalParams = z.object({ id: Id, dismissalId: Id });

export const DismissalInput = z.object({
  fingerprint: z.string().min(1, "Choose the finding to dismiss.").max(400),
  reason: z
    .string()
    .trim()
    .min(3, "Say why this finding does not apply, so others can see the reason.")
    .max(1000),
});
export type DismissalInput = z.infer<typeof DismissalInput>;

// --- Responses

/** Words in both of Accord's languages: the web app shows the one its reader uses. */
const Words = z.object({ en: z.string(), cy: z.string() });

export const HealthFindingView = z.object({
  /** Stable across versions: the same sentence found again is the same finding. */
  fingerprint: z.string(),
  ruleKey: z.string(),
  set: z.enum(RULE_SETS),
  /** The sentence quoted from the policy; null when the finding is about what it leaves out. */
  sentence: z.string().nullable(),
  subject: z.string().nullable(),
  /** Filled into `why` ({{due}}: a review date). */
  params: z.record(z.string(), z.string()),
  title: Words,
  why: Words,
  replacement: Words.nullable(),
});
export type HealthFindingView = z.infer<typeof HealthFindingView>;

export const DismissedFindingView = HealthFindingView.extend({
  dismissal: z.object({ id: Id, reason: z.string(), byName: z.string().nullable(), at: IsoMoment }),
});
export type DismissedFindingView = z.infer<typeof DismissedFindingView>;

export const PolicyHealthView = z.object({
  policyId: Id,
  /** The version checked: the one asked for, or the newest. */
  version: z.object({ id: Id, number: z.string() }).nullable(),
  country: z.enum(COUNTRIES),
  findings: z.array(HealthFindingView),
  dismissed: z.array(DismissedFindingView),
  /** Policies the text refers to that the library holds: linked, not flagged. */
  linked: z.array(z.object({ name: z.string(), policyId: Id, title: z.string() })),
  canDismiss: z.boolean(),
});
export type PolicyHealthView = z.infer<typeof PolicyHealthView>;
