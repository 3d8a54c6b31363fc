import { z } from "zod";
import { isoDate } from "../../kernel/dates.js";
import { Id, IsoDay, IsoMoment, MailDelivery } from "../../kernel/responses.js";
import { AUDIENCE_KIND, AUDIENCES, type Audience, KINDS, ROLES } from "../access/roles.js";
import { ChoiceView, Sha256 } from "../signing/schema.js";

// The audiences live beside the kinds in access/roles.ts (who an agreement is for is an access rule).
export { AUDIENCE_KIND, AUDIENCES, type Audience };

export const PARENT_MODES = ["per_child", "per_family"] as const;
export type ParentMode = (typeof PARENT_MODES)[number];

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
  parentMode: z.enum(PARENT_MODES).optional(),
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

// --- Responses

export const AGREEMENT_STATES = ["active", "superseded", "retired"] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

/** An agreement as a signer receives it: the exact text in force and its hash (`presentAgreement`). */
export const AgreementView = z.object({
  id: Id,
  title: z.string(),
  audience: z.enum(AUDIENCES),
  /** The policy and version as shown and hashed when the agreement was made. */
  policy: z.object({ id: Id, title: z.string(), versionId: Id, versionNumber: z.string() }),
  statements: z.array(z.string()),
  declaration: z.string(),
  choices: z.array(ChoiceView),
  requireJobTitle: z.boolean(),
  /** Parents: one signature per child, or one for the family. */
  parentMode: z.enum(PARENT_MODES),
  status: z.enum(AGREEMENT_STATES),
  /** The hash of the exact text shown; the signer sends it back unchanged. */
  textSha256: Sha256,
  /**
   * The policy version's full text as sanitised HTML, on the screens where someone signs (absent
   * in lists; null when the version has no text). Signers read it above the statements.
   */
  policyTextHtml: z.string().nullable().optional(),
});
export type AgreementView = z.infer<typeof AgreementView>;

export const AgreementListView = z.object({ agreements: z.array(AgreementView) });
export type AgreementListView = z.infer<typeof AgreementListView>;

/** An agreement waiting for the signed-in person, with what they signed before (for a re-sign). */
export const AgreementToSignView = AgreementView.extend({
  dueDate: IsoDay,
  overdue: z.boolean(),
  previouslySigned: z
    .object({
      agreementId: Id,
      policyVersionId: Id,
      statements: z.array(z.string()),
      /** The policy's own note of what changed in the version now in force. */
      policyChangeSummary: z.string().nullable(),
    })
    .nullable(),
});
export type AgreementToSignView = z.infer<typeof AgreementToSignView>;

/** `GET /me/agreements` (API.md): what the signed-in person must sign. */
export const MyAgreementsView = z.object({ agreements: z.array(AgreementToSignView) });
export type MyAgreementsView = z.infer<typeof MyAgreementsView>;

/** `POST /agreements/{id}/assignments` (API.md): how many people were newly asked. */
export const AssignedView = z.object({ assigned: z.number().int() });
export type AssignedView = z.infer<typeof AssignedView>;

/** "Remind now": how many people were (or, on a dry run, would be) emailed. */
/** `delivery`: "outbox" when no mail server is set up, so the screen says the reminders wait there. */
export const RemindedView = z.object({ reminded: z.number().int(), delivery: MailDelivery });
export type RemindedView = z.infer<typeof RemindedView>;

/** Where a person stands on an agreement. */
export const SIGNING_STATUSES = [
  "signed",
  "signed_older",
  "pending",
  "overdue",
  "declined",
  "not_required",
] as const;
export type AgreementStatus = (typeof SIGNING_STATUSES)[number];

/**
 * A cell of the compliance view: a person's own standing, or, for a parent, "covered" when each
 * of their children is covered by another carer's signature (they signed nothing themselves).
 */
export const COMPLIANCE_STATUSES = [...SIGNING_STATUSES, "covered"] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/** One agreement in force, with its totals over the people shown. */
export const ComplianceAgreementView = z.object({
  id: Id,
  title: z.string(),
  audience: z.enum(AUDIENCES),
  versionNumber: z.string(),
  required: z.number().int(),
  signed: z.number().int(),
  /** Parents whose children are all covered by another carer's signature. */
  covered: z.number().int(),
  signed_older: z.number().int(),
  pending: z.number().int(),
  overdue: z.number().int(),
  declined: z.number().int(),
  /**
   * Signed of required, to one decimal place; null when nobody is required to sign. For a
   * parents' agreement: children covered of children asked for (see `children`).
   */
  percentSigned: z.number().nullable(),
  /** The questions the signer answers: each is a column of the table and the CSV. */
  choices: z.array(z.object({ key: z.string(), label: z.string() })),
  /** Parents' agreements count children: those with at least one carer asked, and those covered. */
  children: z.object({ required: z.number().int(), covered: z.number().int() }).nullable(),
  /** Visitors' agreements: visitors who signed at a kiosk, this term and ever (every version). */
  visitors: z.object({ thisTerm: z.number().int(), allTime: z.number().int() }).nullable(),
});
export type ComplianceAgreementView = z.infer<typeof ComplianceAgreementView>;

/** One person's standing on one agreement; the signature's details once signed. */
export const ComplianceCellView = z.object({
  status: z.enum(COMPLIANCE_STATUSES),
  signedAt: IsoMoment.optional(),
  versionNumber: z.string().optional(),
  signatureId: Id.optional(),
  /** Status "covered": whose signature covers this parent's children. */
  coveredBy: z.string().optional(),
  /** The answers of the signature shown, by choice key, as the option chosen (e.g. "agree"). */
  answers: z.record(z.string(), z.string()).optional(),
});
export type ComplianceCellView = z.infer<typeof ComplianceCellView>;

export const CompliancePersonView = z.object({
  id: Id,
  name: z.string(),
  kinds: z.array(z.enum(KINDS)),
  department: z.string().nullable(),
  regGroup: z.string().nullable(),
  jobTitle: z.string().nullable(),
  /** Keyed by agreement id. */
  cells: z.record(z.string(), ComplianceCellView),
});
export type CompliancePersonView = z.infer<typeof CompliancePersonView>;

/** A child no carer has signed for yet, with the carers who could. */
export const UncoveredChildView = z.object({
  id: Id,
  name: z.string(),
  regGroup: z.string().nullable(),
  yearGroup: z.string().nullable(),
  carers: z.array(
    z.object({
      id: Id,
      name: z.string(),
      relationship: z.string().nullable(),
      /** False for a carer the school has no email address for: a link cannot reach them. */
      hasEmail: z.boolean(),
    }),
  ),
});
export type UncoveredChildView = z.infer<typeof UncoveredChildView>;

/** `GET /compliance/agreements` (API.md): people × agreements in force. */
export const ComplianceView = z.object({
  agreements: z.array(ComplianceAgreementView),
  people: z.array(CompliancePersonView),
  /** Per parents' agreement (keyed by its id): the children not yet covered (the class filter applies). */
  childrenNotCovered: z.record(z.string(), z.array(UncoveredChildView)),
  /** The school's departments and classes, for the filters. */
  options: z.object({ departments: z.array(z.string()), regGroups: z.array(z.string()) }),
});
export type ComplianceView = z.infer<typeof ComplianceView>;

/** `GET /compliance/visitors`: who signed at a reception kiosk. */
export const VisitorQuery = z.object({
  format: z.enum(["json", "csv"]).default("json"),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const VisitorEntryView = z.object({
  signatureId: Id,
  fullName: z.string(),
  organisation: z.string().nullable(),
  visiting: z.string().nullable(),
  signedAt: IsoMoment,
  agreementId: Id,
  agreementTitle: z.string(),
  versionNumber: z.string(),
  /** The kiosk signed at: when it was opened and by whom (null if it cannot be told). */
  kiosk: z
    .object({ id: Id, name: z.string().nullable(), openedAt: IsoMoment, openedBy: z.string().nullable() })
    .nullable(),
  /** Each question with the option chosen (e.g. "agree"), in the agreement's order. */
  answers: z.array(z.object({ key: z.string(), label: z.string(), answer: z.string() })),
  /** Set once an admin withdrew the signature (signed by mistake). */
  withdrawnAt: IsoMoment.nullable(),
  verificationReference: z.string(),
});
export type VisitorEntryView = z.infer<typeof VisitorEntryView>;

export const VisitorRegisterView = z.object({ visitors: z.array(VisitorEntryView) });
export type VisitorRegisterView = z.infer<typeof VisitorRegisterView>;
