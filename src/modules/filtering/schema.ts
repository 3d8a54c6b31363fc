import { z } from "zod";
import { isoDate } from "../../kernel/dates.js";
import { Id, IsoDay, IsoMoment } from "../../kernel/responses.js";

/**
 * Filtering and monitoring reviews (capability 8): the request and response contracts, shared
 * with the web app. The school names a senior leader and a governor responsible for its web
 * filtering and monitoring; at least once a year (and when new technology, an incident or a
 * change in risk or working practice calls for it) they review it with the DSL and the IT lead or
 * provider: what was checked, what was found, and actions with owners and due dates.
 */

/** Why a review took place. */
export const TRIGGERS = ["annual", "new_technology", "incident", "risk_change"] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** What every review checks, in the order the form and the PDF list them. */
export const CHECKS = [
  "categories_blocked",
  "bypass_attempts",
  "alert_recipients",
  "devices_and_users",
  "personal_devices",
  "generative_ai",
  "send_and_eal",
] as const;
export type CheckKey = (typeof CHECKS)[number];

/** A review is due this many months after the last one. */
export const REVIEW_EVERY_MONTHS = 12;

const Lines = (what: string) => z.array(z.string().trim().min(1, `Write each ${what}.`).max(200)).max(20);

export const CheckInput = z.object({
  key: z.enum(CHECKS, "Choose one of the checks on the list."),
  checked: z.boolean(),
  note: z.string().trim().max(2000).default(""),
});
export type CheckInput = z.input<typeof CheckInput>;

export const ActionInput = z.object({
  text: z.string().trim().min(3, "Say what is to be done.").max(1000),
  ownerId: z.uuid("Choose who will do it."),
  dueDate: isoDate,
});
export type ActionInput = z.input<typeof ActionInput>;

export const ReviewInput = z
  .object({
    reviewedOn: isoDate,
    trigger: z.enum(TRIGGERS, "Choose what prompted the review."),
    /** People in the directory who took part. */
    participants: z.array(z.uuid()).max(30),
    /** Those who took part from outside the school: the filtering provider, an IT support company. */
    externalParticipants: Lines("participant").default([]),
    /** The filtering and monitoring products in use, one a line. */
    products: Lines("product").default([]),
    checks: z.array(CheckInput).max(CHECKS.length).default([]),
    findings: z.string("Say what the review found.").trim().min(3, "Say what the review found.").max(10_000),
    actions: z.array(ActionInput).max(30).default([]),
    /** The filtering incident that prompted it, when it was one. */
    incidentId: z.uuid().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.participants.length + r.externalParticipants.length === 0)
      ctx.addIssue({ code: "custom", path: ["participants"], message: "Name who took part." });
    const seen = new Set<string>();
    r.checks.forEach((c, i) => {
      if (seen.has(c.key))
        ctx.addIssue({ code: "custom", path: ["checks", i, "key"], message: "Each check is recorded once." });
      seen.add(c.key);
    });
    if (r.incidentId && r.trigger !== "incident")
      ctx.addIssue({
        code: "custom",
        path: ["trigger"],
        message: "An incident prompted this review: choose “incident”.",
      });
  });
export type ReviewInput = z.input<typeof ReviewInput>;

export const DoneInput = z.object({ doneOn: isoDate.optional() });
export type DoneInput = z.input<typeof DoneInput>;

export const ResponsiblesInput = z.object({
  leaderId: z.uuid().nullable(),
  governorId: z.uuid().nullable(),
});
export type ResponsiblesInput = z.input<typeof ResponsiblesInput>;

export const ReviewParams = z.object({ id: z.uuid() });
export const ActionParams = z.object({ id: z.uuid(), actionId: z.uuid() });

// --- Responses

export const PersonRef = z.object({ id: Id, name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

export const ResponsiblesView = z.object({ leader: PersonRef.nullable(), governor: PersonRef.nullable() });
export type ResponsiblesView = z.infer<typeof ResponsiblesView>;

export const StatusView = z.object({
  lastReviewedOn: IsoDay.nullable(),
  /** 12 calendar months after the last review; null when there has never been one (due now). */
  nextDueOn: IsoDay.nullable(),
  overdue: z.boolean(),
  leader: PersonRef.nullable(),
  governor: PersonRef.nullable(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
  /** What the reader may do (the rules are access/filtering.ts's). */
  canRecord: z.boolean(),
});
export type StatusView = z.infer<typeof StatusView>;

export const ActionView = z.object({
  id: Id,
  reviewId: Id,
  text: z.string(),
  owner: PersonRef,
  dueOn: IsoDay,
  doneOn: IsoDay.nullable(),
  doneBy: PersonRef.nullable(),
  overdue: z.boolean(),
  canMarkDone: z.boolean(),
});
export type ActionView = z.infer<typeof ActionView>;

export const CheckView = z.object({ key: z.enum(CHECKS), checked: z.boolean(), note: z.string() });

export const ReviewSummaryView = z.object({
  id: Id,
  reviewedOn: IsoDay,
  trigger: z.enum(TRIGGERS),
  openActions: z.number().int(),
  actions: z.number().int(),
  recordedBy: PersonRef.nullable(),
});
export type ReviewSummaryView = z.infer<typeof ReviewSummaryView>;

export const ReviewListView = z.object({ reviews: z.array(ReviewSummaryView) });
export type ReviewListView = z.infer<typeof ReviewListView>;

export const ReviewView = z.object({
  id: Id,
  reviewedOn: IsoDay,
  trigger: z.enum(TRIGGERS),
  participants: z.array(PersonRef),
  externalParticipants: z.array(z.string()),
  products: z.array(z.string()),
  checks: z.array(CheckView),
  findings: z.string(),
  incident: z.object({ id: Id, reference: z.string() }).nullable(),
  actions: z.array(ActionView),
  recordedBy: PersonRef.nullable(),
  recordedAt: IsoMoment,
});
export type ReviewView = z.infer<typeof ReviewView>;

export const RecordedView = z.object({ id: Id, actions: z.array(z.object({ id: Id })) });

export const MyActionsView = z.object({ actions: z.array(ActionView) });
export type MyActionsView = z.infer<typeof MyActionsView>;
