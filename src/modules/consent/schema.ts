import { z } from "zod";
import { isoDate } from "../../kernel/dates.js";
import { Id, IsoDay, IsoMoment, MailDelivery } from "../../kernel/responses.js";

/**
 * Photo and video consent: the request and response contracts, shared with the web app.
 * A purpose's lawful basis is either consent ("no" until a carer says yes) or public task (the
 * school's job, "yes" until someone objects; the school must say why in one sentence).
 */
export const BASES = ["consent", "public_task"] as const;
export type Basis = (typeof BASES)[number];

export const ANSWERS = ["yes", "no"] as const;

/** Whose images a purpose is about: pupils (their carers answer) or staff (each answers for themself). */
export const ABOUT = ["pupils", "staff"] as const;
export type Answer = (typeof ANSWERS)[number];

/**
 * How an answer reached the school. `link`: the carer's emailed link; `pupil`: the pupil themself;
 * `self`: a member of staff about their own photo (the staff purposes).
 */
export const METHODS = ["link", "paper", "phone", "in_person", "pupil", "self"] as const;
export type Method = (typeof METHODS)[number];
/** What staff may record on someone's behalf (API.md). */
export const STAFF_METHODS = ["paper", "phone", "in_person"] as const;

/**
 * Why a pupil's status for a purpose is what it is. `no_answer`: nobody has said yes (consent);
 * `no_objection`: nobody has objected (public task); `answered`: the carers' answers agree;
 * `objected`: someone objected to a public-task purpose; `withdrawn`: a carer who had said yes
 * said no; `disagreement`: two carers answered differently (the more restrictive stands);
 * `restricted`: the DSL said no images of this child at all.
 */
export const REASONS = [
  "no_answer",
  "no_objection",
  "answered",
  "objected",
  "withdrawn",
  "disagreement",
  "restricted",
] as const;
export type Reason = (typeof REASONS)[number];

const Key = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_]{1,40}$/,
    "Use lower-case letters, digits and _ for a purpose key (e.g. school_website).",
  );

export const PurposeInput = z
  .object({
    key: Key,
    name: z.string().trim().min(3, "Give the purpose a name.").max(120),
    description: z.string().trim().min(10, "Describe the purpose in a plain sentence for parents.").max(600),
    basis: z.enum(BASES),
    justification: z.string().trim().max(400).optional(),
  })
  .superRefine((p, ctx) => {
    // Public task is the exception: the school must be able to say why in a sentence.
    if (p.basis === "public_task" && !p.justification?.trim())
      ctx.addIssue({
        code: "custom",
        path: ["justification"],
        message: "Say in one sentence why this is part of the school's public task.",
      });
  });
export type PurposeInput = z.infer<typeof PurposeInput>;

export const PurposePatch = z.object({
  name: z.string().trim().min(3).max(120).optional(),
  description: z.string().trim().min(10).max(600).optional(),
  basis: z.enum(BASES).optional(),
  justification: z.string().trim().max(400).nullable().optional(),
  retired: z.boolean().optional(),
});
export type PurposePatch = z.infer<typeof PurposePatch>;

export const PurposeView = z.object({
  id: Id,
  key: z.string(),
  name: z.string(),
  description: z.string(),
  basis: z.enum(BASES),
  justification: z.string().nullable(),
  /** The sentence parents read beside the purpose, saying which basis it is in plain words. */
  basisText: z.string(),
  retired: z.boolean(),
});
export type PurposeView = z.infer<typeof PurposeView>;
export const PurposeListView = z.object({ purposes: z.array(PurposeView) });

export const PurposeKeyParams = z.object({ key: z.string().min(1).max(60) });
export const PupilParams = z.object({ id: z.uuid("That is not a pupil's id.") });
export const TokenParams = z.object({ token: z.string().min(20).max(100) });

export const StaffAnswerInput = z.object({
  pupilId: z.uuid("Choose a pupil."),
  purposeKey: z.string().min(1).max(60),
  answer: z.enum(ANSWERS),
  carerId: z.uuid().optional(),
  method: z.enum(STAFF_METHODS),
  note: z.string().trim().max(1000).optional(),
});
export type StaffAnswerInput = z.infer<typeof StaffAnswerInput>;

/** A paper form or phone call: every purpose answered at once for one pupil. */
export const StaffAnswersInput = z.object({
  carerId: z.uuid().optional(),
  /** The pupil answers for themself (allowed from the school's chosen age; see the settings). */
  byPupil: z.boolean().optional(),
  method: z.enum(STAFF_METHODS),
  note: z.string().trim().max(1000).optional(),
  answers: z
    .array(z.object({ purposeKey: z.string().min(1).max(60), answer: z.enum(ANSWERS) }))
    .min(1, "Answer at least one purpose."),
});
export type StaffAnswersInput = z.infer<typeof StaffAnswersInput>;

export const AnswerView = z.object({
  id: Id,
  purposeKey: z.string(),
  answer: z.enum(ANSWERS),
  by: z.string(),
  method: z.enum(METHODS),
  note: z.string().nullable(),
  wordingSha256: z.string(),
  answeredAt: IsoMoment,
});
export const RecordedView = z.object({ recorded: z.number().int(), answers: z.array(AnswerView) });

export const StatusView = z.object({
  key: z.string(),
  name: z.string(),
  basis: z.enum(BASES),
  status: z.enum(ANSWERS),
  reason: z.enum(REASONS),
  since: IsoMoment.nullable(),
});
export type StatusView = z.infer<typeof StatusView>;

export const RestrictionView = z.object({
  since: IsoMoment,
  /** Only the DSL, deputies and the headteacher read the reason; everyone else gets null. */
  reason: z.string().nullable(),
  by: z.string().nullable(),
});

export const PupilConsentView = z.object({
  pupil: z.object({
    id: Id,
    name: z.string(),
    regGroup: z.string().nullable(),
    yearGroup: z.string().nullable(),
  }),
  restricted: z.boolean(),
  restriction: RestrictionView.nullable(),
  canRestrict: z.boolean(),
  purposes: z.array(StatusView),
  carers: z.array(z.object({ id: Id, name: z.string(), parentalResponsibility: z.boolean() })),
  history: z.array(AnswerView),
});
export type PupilConsentView = z.infer<typeof PupilConsentView>;

export const RestrictionInput = z.object({
  reason: z
    .string()
    .trim()
    .min(5, "Write the reason (only the DSL, deputies and headteacher will see it).")
    .max(2000),
});

export const CheckInput = z.object({
  purposeKey: z.string().min(1).max(60),
  pupilIds: z.array(z.uuid()).min(1, "Pick the pupils in the photo.").max(200),
});
export const CheckView = z.object({
  allowed: z.boolean(),
  purpose: z.object({ key: z.string(), name: z.string() }),
  pupils: z.array(
    z.object({
      id: Id,
      name: z.string(),
      allowed: z.boolean(),
      reason: z.enum(REASONS),
      since: IsoMoment.nullable(),
    }),
  ),
  checkId: Id,
});
export type CheckView = z.infer<typeof CheckView>;

export const RequestInput = z.object({
  purposeKeys: z.array(z.string().min(1).max(60)).min(1).optional(),
  pupilIds: z.array(z.uuid()).optional(),
  classes: z.array(z.string().min(1).max(40)).optional(),
  yearGroups: z.array(z.string().min(1).max(40)).optional(),
  /** The date the answers are wanted by; the links last until then, and never less than 14 days. */
  dueDate: isoDate,
});
/* With no pupils, classes or year groups named, the request goes to the parents of every pupil. */
export type RequestInput = z.infer<typeof RequestInput>;
export const RequestQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});
export const RequestSentView = z.object({
  sent: z.number().int(),
  pupils: z.number().int(),
  /** Pupils none of whose carers with parental responsibility has an email address: send them paper. */
  unreachable: z.array(z.object({ id: Id, name: z.string(), regGroup: z.string().nullable() })),
  delivery: MailDelivery,
});

export const PupilSearchQuery = z.object({
  q: z.string().max(100).optional(),
  class: z.string().max(40).optional(),
});
export const PupilListView = z.object({
  pupils: z.array(z.object({ id: Id, name: z.string(), regGroup: z.string().nullable() })),
  classes: z.array(z.string()),
  yearGroups: z.array(z.string()),
});

export const CollectionQuery = z.object({
  class: z.string().max(40).optional(),
  yearGroup: z.string().max(40).optional(),
});
export const CollectionView = z.object({
  purposes: z.array(PurposeView),
  pupils: z.array(
    z.object({
      id: Id,
      name: z.string(),
      regGroup: z.string().nullable(),
      restricted: z.boolean(),
      answered: z.boolean(),
      statuses: z.array(StatusView),
    }),
  ),
  answered: z.number().int(),
  total: z.number().int(),
});
export type CollectionView = z.infer<typeof CollectionView>;

export const ExportQuery = z.object({ format: z.enum(["json", "csv"]).default("json") });
export const ExportView = z.object({
  pupils: z.array(
    z.object({
      id: Id,
      name: z.string(),
      regGroup: z.string().nullable(),
      yearGroup: z.string().nullable(),
      restricted: z.boolean(),
      purposes: z.record(z.string(), z.object({ status: z.enum(ANSWERS), reason: z.enum(REASONS) })),
    }),
  ),
});

export const SettingsView = z.object({
  /** From this age pupils answer for themselves (null: never; a secondary may choose 13). */
  selfAnswerAge: z.number().int().nullable(),
  askNewPupils: z.boolean(),
  /** Who takes images down when consent is withdrawn: the website and social media managers. */
  imageManagers: z.array(z.object({ id: Id, name: z.string(), email: z.string().nullable() })),
});
export const SettingsInput = z.object({
  selfAnswerAge: z.number().int().min(8).max(18).nullable(),
  askNewPupils: z.boolean(),
  imageManagerIds: z.array(z.uuid()).max(20),
});

/** What a carer's link shows: each of their children with each purpose, and their own answers so far. */
export const LinkFormView = z.object({
  schoolName: z.string(),
  carerName: z.string(),
  dueDate: IsoDay,
  /** Answered once already: the link now only withdraws a yes. */
  answered: z.boolean(),
  children: z.array(
    z.object({
      id: Id,
      name: z.string(),
      purposes: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          description: z.string(),
          basis: z.enum(BASES),
          basisText: z.string(),
          /** The exact wording shown; its SHA-256 comes back with the answer. */
          wordingSha256: z.string(),
          yourAnswer: z.enum(ANSWERS).nullable(),
        }),
      ),
    }),
  ),
});
export type LinkFormView = z.infer<typeof LinkFormView>;

export const LinkAnswersInput = z.object({
  answers: z
    .array(
      z.object({
        pupilId: z.uuid(),
        purposeKey: z.string().min(1).max(60),
        answer: z.enum(ANSWERS),
        wordingSha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1, "Answer at least one question."),
});
export const LinkAnsweredView = z.object({
  recorded: z.number().int(),
  reference: z.string(),
});

export const RemovalView = z.object({
  id: Id,
  pupilName: z.string(),
  purposeName: z.string(),
  withdrawnAt: IsoMoment,
  managerName: z.string(),
  confirmedAt: IsoMoment.nullable(),
});
export const RemovalListView = z.object({ removals: z.array(RemovalView) });
export const RemovalParams = z.object({ id: z.uuid() });

export const MyConsentView = z.object({ purposes: z.array(StatusView.extend({ description: z.string() })) });
export const MyAnswersInput = z.object({
  answers: z
    .array(z.object({ purposeKey: z.string().min(1).max(60), answer: z.enum(ANSWERS) }))
    .min(1, "Answer at least one question."),
});
export const StaffConsentView = z.object({
  purposes: z.array(z.object({ key: z.string(), name: z.string() })),
  staff: z.array(
    z.object({ id: Id, name: z.string(), jobTitle: z.string().nullable(), statuses: z.array(StatusView) }),
  ),
});
