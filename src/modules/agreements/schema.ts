import { z } from "zod";
import { isoDate } from "../../kernel/dates.js";
import { AUDIENCE_KIND, type Audience, KINDS, ROLES } from "../access/roles.js";

// The audiences live beside the kinds in access/roles.ts (who an agreement is for is an access rule).
export { AUDIENCE_KIND, type Audience };

const AUDIENCES = Object.keys(AUDIENCE_KIND) as [Audience, ...Audience[]];

export const Choice = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,40}$/, "Use lower-case letters, digits and _ for a choice key."),
  label: z.string().trim().min(3).max(500),
  options: z.array(z.string().trim().min(1).max(60)).min(2).max(6).default(["agree", "disagree"]),
});

export const AgreementInput = z.object({
  policyVersionId: z.uuid("Choose a published policy version."),
  title: z.string().trim().min(3, "Give the agreement a title.").max(200),
  audience: z.enum(AUDIENCES),
  declaration: z.string().trim().min(10, "Write the declaration the signer agrees to.").max(2000),
  statements: z.array(z.string().trim().min(3).max(2000)).min(1).max(200).optional(),
  choices: z
    .array(Choice)
    .max(10)
    .optional()
    .superRefine((choices, ctx) => {
      // Each answer is stored under its key: two questions with one key would share an answer.
      const seen = new Set<string>();
      choices?.forEach((c, i) => {
        if (seen.has(c.key))
          ctx.addIssue({
            code: "custom",
            path: [i, "key"],
            message: `Another choice already uses the key "${c.key}".`,
          });
        seen.add(c.key);
      });
    }),
  parentMode: z.enum(["per_child", "per_family"]).optional(),
});

export const AssignmentInput = z
  .object({
    kinds: z.array(z.enum(KINDS)).optional(),
    roles: z.array(z.enum(ROLES)).optional(),
    personIds: z.array(z.uuid()).max(5000).optional(),
    dueDate: isoDate,
  })
  .refine((v) => (v.kinds?.length ?? 0) + (v.roles?.length ?? 0) + (v.personIds?.length ?? 0) > 0, {
    message: "Choose kinds, roles or people to assign.",
    path: ["kinds"],
  });

export const ComplianceQuery = z.object({
  format: z.enum(["json", "csv"]).default("json"),
  kind: z.enum(KINDS).optional(),
  role: z.enum(ROLES).optional(),
  department: z.string().max(120).optional(),
  regGroup: z.string().max(40).optional(),
});

export const AgreementParams = z.object({ id: z.uuid("That is not a valid id.") });
