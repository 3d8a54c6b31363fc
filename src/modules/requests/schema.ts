import { z } from "zod";
import { isoDate } from "../../kernel/dates.js";
import { Id, IsoDay, IsoMoment } from "../../kernel/responses.js";
import { ROLES } from "../access/roles.js";

/**
 * Permission requests (capability 5): the request and response contracts, shared with the web app.
 * A school's request types each name the roles that may approve them and the questions a request
 * must answer; a decision approves (with conditions and an end date), refuses (with a reason) or
 * asks for more; the register is what is permitted now.
 */

export const QUESTION_KINDS = ["text", "yesno", "date"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** What an approved request leads to: a follow-up to confirm, or a line in a register. */
export const FOLLOW_UPS = ["images_moved"] as const;
export const REGISTERS = ["service", "social_account"] as const;

export const STATUSES = ["pending", "approved", "refused", "more_info"] as const;
export type RequestStatus = (typeof STATUSES)[number];
export const DECISIONS = ["approve", "refuse", "more_info"] as const;

const Key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,59}$/, "Use lower-case letters, digits and underscores, starting with a letter.");

export const Question = z.object({
  key: Key,
  label: z.string().trim().min(2, "Write the question.").max(300),
  required: z.boolean().default(true),
  kind: z.enum(QUESTION_KINDS).default("text"),
});
export type Question = z.infer<typeof Question>;

const Questions = z
  .array(Question)
  .max(20)
  .superRefine((qs, ctx) => {
    const seen = new Set<string>();
    qs.forEach((q, i) => {
      if (seen.has(q.key))
        ctx.addIssue({ code: "custom", path: [i, "key"], message: "Each question needs its own key." });
      seen.add(q.key);
    });
  });

export const TypeInput = z.object({
  key: Key,
  name: z.string().trim().min(3, "Give the request type a name.").max(150),
  description: z.string().trim().max(1000).default(""),
  approverRoles: z.array(z.enum(ROLES)).min(1, "Choose at least one role that approves it."),
  questions: Questions,
});
export type TypeInput = z.infer<typeof TypeInput>;

export const TypePatch = z.object({
  name: z.string().trim().min(3).max(150).optional(),
  description: z.string().trim().max(1000).optional(),
  approverRoles: z.array(z.enum(ROLES)).min(1, "Choose at least one role that approves it.").optional(),
  questions: Questions.optional(),
  retired: z.boolean().optional(),
});
export type TypePatch = z.infer<typeof TypePatch>;
export const TypeKeyParams = z.object({ key: z.string().min(1).max(60) });

export const TypeView = z.object({
  id: Id,
  key: z.string(),
  name: z.string(),
  description: z.string(),
  approverRoles: z.array(z.enum(ROLES)),
  questions: z.array(Question),
  followUp: z.enum(FOLLOW_UPS).nullable(),
  register: z.enum(REGISTERS).nullable(),
  retired: z.boolean(),
});
export type TypeView = z.infer<typeof TypeView>;
export const TypeListView = z.object({ types: z.array(TypeView) });

/** An answer: text, yes/no, or a date (checked against the type's questions by the service). */
export const Answer = z.union([z.string().max(5000), z.boolean()]);
export const RequestInput = z.object({
  typeKey: z.string().min(1, "Choose what you are asking permission for.").max(60),
  details: z.record(z.string(), Answer).default({}),
});
export type RequestInput = z.infer<typeof RequestInput>;
export const MadeView = z.object({ id: Id, status: z.literal("pending") });

/** Details of a register entry offered when an online service or social media account is approved. */
export const ServiceInput = z.object({
  name: z.string().trim().min(2, "Name the service.").max(200),
  personalData: z.string().trim().max(2000).default(""),
  reviewOn: isoDate.optional(),
  dpoView: z.string().trim().max(2000).optional(),
});
export type ServiceInput = z.infer<typeof ServiceInput>;
export const ServicePatch = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  personalData: z.string().trim().max(2000).optional(),
  reviewOn: isoDate.nullable().optional(),
  dpoView: z.string().trim().max(2000).nullable().optional(),
});
export type ServicePatch = z.infer<typeof ServicePatch>;

export const SocialAccountInput = z.object({
  platform: z.string().trim().min(2, "Name the platform.").max(100),
  handle: z.string().trim().max(200).default(""),
  purpose: z.string().trim().max(1000).default(""),
  administratorIds: z.array(z.uuid()).max(20).default([]),
  lastReviewedOn: isoDate.optional(),
});
export type SocialAccountInput = z.infer<typeof SocialAccountInput>;
export const SocialAccountPatch = z.object({
  platform: z.string().trim().min(2).max(100).optional(),
  handle: z.string().trim().max(200).optional(),
  purpose: z.string().trim().max(1000).optional(),
  administratorIds: z.array(z.uuid()).max(20).optional(),
  lastReviewedOn: isoDate.nullable().optional(),
});
export type SocialAccountPatch = z.infer<typeof SocialAccountPatch>;

export const DecisionInput = z
  .object({
    decision: z.enum(DECISIONS, "Choose approve, refuse or ask for more information."),
    conditions: z.string().trim().max(2000).optional(),
    validUntil: isoDate.optional(),
    reason: z.string().trim().max(2000).optional(),
    /**
     * Approving an online service or a social media account: its line in the register, as
     * ServiceInput or SocialAccountInput (checked against the request's type by the service).
     */
    addToRegister: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.decision === "refuse" && !d.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why the request is refused." });
    if (d.decision === "more_info" && !d.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say what more you need to know." });
  });
export type DecisionInput = z.infer<typeof DecisionInput>;

export const ReplyInput = z.object({
  text: z.string().trim().min(2, "Write your answer.").max(5000),
});
export const RequestParams = z.object({ id: z.uuid() });
export const ListQuery = z.object({ status: z.enum(STATUSES).optional() });

// --- Responses

export const PersonRef = z.object({ id: Id.nullable(), name: z.string() });

export const EntryView = z.object({
  id: Id,
  kind: z.enum(["approved", "refused", "more_info", "reply"]),
  conditions: z.string().nullable(),
  validUntil: IsoDay.nullable(),
  text: z.string().nullable(),
  author: PersonRef,
  at: IsoMoment,
});
export type EntryView = z.infer<typeof EntryView>;

export const FollowUpView = z.object({
  text: z.string(),
  dueOn: IsoDay,
  overdue: z.boolean(),
  confirmedAt: IsoMoment.nullable(),
});

export const RequestSummaryView = z.object({
  id: Id,
  type: z.object({ key: z.string(), name: z.string() }),
  requester: PersonRef,
  status: z.enum(STATUSES),
  madeAt: IsoMoment,
  validUntil: IsoDay.nullable(),
});
export type RequestSummaryView = z.infer<typeof RequestSummaryView>;

export const RequestView = RequestSummaryView.extend({
  approverRoles: z.array(z.enum(ROLES)),
  questions: z.array(Question),
  details: z.record(z.string(), Answer),
  conditions: z.string().nullable(),
  register: z.enum(REGISTERS).nullable(),
  entries: z.array(EntryView),
  followUp: FollowUpView.nullable(),
  /** What the reader may do with it now (the rules are access/requests.ts's). */
  canDecide: z.boolean(),
  canReply: z.boolean(),
  canConfirmFollowUp: z.boolean(),
});
export type RequestView = z.infer<typeof RequestView>;

export const RequestListView = z.object({
  mine: z.array(RequestSummaryView),
  toDecide: z.array(RequestSummaryView),
});
export type RequestListView = z.infer<typeof RequestListView>;

export const PermissionView = z.object({
  requestId: Id,
  type: z.object({ key: z.string(), name: z.string() }),
  person: PersonRef,
  conditions: z.string().nullable(),
  approvedBy: PersonRef,
  approvedAt: IsoMoment,
  validUntil: IsoDay.nullable(),
  /** Ends within 30 days. */
  expiresSoon: z.boolean(),
});
export type PermissionView = z.infer<typeof PermissionView>;

export const RegisterView = z.object({
  permissions: z.array(PermissionView),
  byPerson: z.array(z.object({ person: PersonRef, requestIds: z.array(Id) })),
  byType: z.array(z.object({ key: z.string(), name: z.string(), requestIds: z.array(Id) })),
  expiringSoon: z.array(Id),
});
export type RegisterView = z.infer<typeof RegisterView>;

export const ServiceView = z.object({
  id: Id,
  name: z.string(),
  personalData: z.string(),
  approvedBy: PersonRef.nullable(),
  reviewOn: IsoDay.nullable(),
  reviewDue: z.boolean(),
  dpoView: z.string().nullable(),
  requestId: Id.nullable(),
  addedAt: IsoMoment,
});
export type ServiceView = z.infer<typeof ServiceView>;
export const ServiceListView = z.object({ services: z.array(ServiceView) });

export const ACCOUNT_WARNINGS = ["one_administrator", "no_administrator", "administrator_left"] as const;
export const SocialAccountView = z.object({
  id: Id,
  platform: z.string(),
  handle: z.string(),
  purpose: z.string(),
  administrators: z.array(PersonRef.extend({ left: z.boolean() })),
  approvedBy: PersonRef.nullable(),
  lastReviewedOn: IsoDay.nullable(),
  warnings: z.array(z.enum(ACCOUNT_WARNINGS)),
  requestId: Id.nullable(),
  addedAt: IsoMoment,
});
export type SocialAccountView = z.infer<typeof SocialAccountView>;
export const SocialAccountListView = z.object({ accounts: z.array(SocialAccountView) });

/** People to name as a social media account's administrators: adults on the roll, by name. */
export const AdultsQuery = z.object({ q: z.string().max(100).default("") });
export const AdultsView = z.object({
  people: z.array(z.object({ id: Id, name: z.string(), jobTitle: z.string().nullable() })),
});
