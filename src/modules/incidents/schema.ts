import { z } from "zod";
import { isoDate, isoMoment } from "../../kernel/dates.js";
import { Id, IsoMoment } from "../../kernel/responses.js";
import { ROLES } from "../access/roles.js";

/**
 * Online-safety incidents: the request and response contracts, shared with the web app.
 * Categories follow the four areas of online risk (content, contact, conduct, commerce) and name
 * the school cases; the keys are API.md's.
 */
export const CATEGORIES = [
  "inappropriate_content",
  "filtering_breach",
  "cyberbullying",
  "inappropriate_contact",
  "nude_image_sharing",
  "radicalisation",
  "harmful_challenge",
  "gambling_or_scam",
  "staff_misuse",
  "data_breach",
  "lost_or_stolen_device",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The area of online risk each category belongs to (the form groups them so). */
export const CATEGORY_AREA: Record<Category, "content" | "contact" | "conduct" | "commerce" | "school"> = {
  inappropriate_content: "content",
  filtering_breach: "content",
  harmful_challenge: "content",
  radicalisation: "content",
  inappropriate_contact: "contact",
  cyberbullying: "conduct",
  nude_image_sharing: "conduct",
  gambling_or_scam: "commerce",
  staff_misuse: "school",
  data_breach: "school",
  lost_or_stolen_device: "school",
  other: "school",
};

/** Attachments are refused for this category: never view, copy, forward or upload such images. */
export const NO_ATTACHMENTS: readonly Category[] = ["nude_image_sharing"];

export const ENTRY_KINDS = ["note", "action", "decision", "contact", "referral"] as const;
/** Entries the system writes: routing, escalation, closing, reopening, people added. */
export const SYSTEM_ENTRY_KINDS = ["reported", "escalated", "closed", "reopened", "access_added"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number] | (typeof SYSTEM_ENTRY_KINDS)[number];

export const AGENCIES = ["lado", "police", "social_care", "ceop", "ico", "prevent", "other"] as const;

const moment = isoMoment();

export const ReportInput = z.object({
  category: z.enum(CATEGORIES, "Choose what kind of concern this is."),
  occurredAt: moment,
  awareAt: moment.optional(),
  location: z.string().trim().max(200).optional(),
  summary: z
    .string()
    .trim()
    .min(10, "Say what happened, in your own words (at least a sentence).")
    .max(10_000),
  involvedPersonIds: z.array(z.uuid()).max(50).optional(),
  /** People involved who are not in the directory, described. */
  involvedDescribed: z.string().trim().max(1000).optional(),
  /** The adult an allegation is about: routed around them, and they never see it. */
  subjectPersonId: z.uuid().optional(),
  actionsTaken: z.string().trim().max(5000).optional(),
});
export type ReportInput = z.infer<typeof ReportInput>;

export const ReportedView = z.object({
  id: Id,
  reference: z.string(),
  routedTo: z.array(z.enum(ROLES)),
  icoDeadline: IsoMoment.optional(),
});

export const EntryInput = z
  .object({
    kind: z.enum(ENTRY_KINDS),
    text: z.string().trim().min(2, "Write the entry.").max(10_000),
    agency: z.enum(AGENCIES).optional(),
    reference: z.string().trim().max(200).optional(),
    outcome: z.string().trim().max(2000).optional(),
    correctsId: z.uuid().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.kind === "referral" && !e.agency)
      ctx.addIssue({ code: "custom", path: ["agency"], message: "Say who the referral went to." });
  });
export type EntryInput = z.infer<typeof EntryInput>;

export const CloseInput = z.object({
  outcome: z.string().trim().min(5, "Record the outcome before closing.").max(5000),
});
export const ReopenInput = z.object({
  reason: z.string().trim().min(5, "Say why it is reopened.").max(2000),
});
export const AddPeopleInput = z.object({
  personIds: z.array(z.uuid()).min(1).max(20),
  reason: z.string().trim().min(3, "Say why they need to see it.").max(500),
});
export const IncidentParams = z.object({ id: z.uuid() });

export const EntryView = z.object({
  id: Id,
  kind: z.string(),
  text: z.string(),
  agency: z.string().nullable(),
  reference: z.string().nullable(),
  outcome: z.string().nullable(),
  correctsId: Id.nullable(),
  authorName: z.string().nullable(),
  at: IsoMoment,
});

export const PersonRef = z.object({ id: Id.nullable(), name: z.string(), regGroup: z.string().nullable() });

const IncidentBase = z.object({
  id: Id,
  reference: z.string(),
  category: z.enum(CATEGORIES),
  status: z.enum(["open", "closed"]),
  occurredAt: IsoMoment,
  awareAt: IsoMoment,
  reportedAt: IsoMoment,
  icoDeadline: IsoMoment.nullable(),
});

/** What a handler sees: everything. */
export const IncidentView = IncidentBase.extend({
  access: z.literal("handler"),
  location: z.string().nullable(),
  summary: z.string(),
  actionsTaken: z.string().nullable(),
  reporter: z.object({ id: Id.nullable(), name: z.string() }),
  involved: z.array(PersonRef),
  involvedDescribed: z.string().nullable(),
  subject: PersonRef.nullable(),
  routedTo: z.array(z.string()),
  handlers: z.array(z.object({ id: Id, name: z.string(), why: z.string() })),
  outcome: z.string().nullable(),
  firstOpenedAt: IsoMoment.nullable(),
  entries: z.array(EntryView),
  attachments: z.array(z.object({ id: Id, fileName: z.string(), bytes: z.number().int(), at: IsoMoment })),
  attachmentsAllowed: z.boolean(),
});
/** What the reporter sees of their own report: what they wrote and where it stands, not the handlers' notes. */
export const ReporterView = IncidentBase.extend({
  access: z.literal("reporter"),
  location: z.string().nullable(),
  summary: z.string(),
  actionsTaken: z.string().nullable(),
});
export const IncidentOrReporterView = z.discriminatedUnion("access", [IncidentView, ReporterView]);
export type IncidentView = z.infer<typeof IncidentView>;
export type ReporterView = z.infer<typeof ReporterView>;

export const IncidentListItem = IncidentBase.extend({
  access: z.enum(["handler", "reporter"]),
  /** For handlers only: whether they have opened it. */
  opened: z.boolean(),
});
export const IncidentListView = z.object({ incidents: z.array(IncidentListItem) });
export const ListQuery = z.object({ status: z.enum(["open", "closed", "all"]).default("open") });

export const ChronologyView = z.object({
  person: PersonRef,
  items: z.array(
    z.object({
      incidentId: Id,
      reference: z.string(),
      category: z.enum(CATEGORIES),
      at: IsoMoment,
      what: z.string(),
      kind: z.string(),
    }),
  ),
});

export const StatsQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const StatsView = z.object({
  total: z.number().int(),
  byCategory: z.record(z.string(), z.number().int()),
  byTerm: z.record(z.string(), z.number().int()),
  byYearGroup: z.record(z.string(), z.number().int()),
  byOutcome: z.record(z.string(), z.number().int()),
  /** Median minutes from report to the first action or note by a handler. */
  medianMinutesToFirstAction: z.number().nullable(),
});

export const AlertImportInput = z.object({
  csv: z.string().min(1).max(5_000_000),
  /** Column headings for each field; remembered for the next import. */
  mapping: z
    .object({
      device: z.string().optional(),
      user: z.string().optional(),
      time: z.string(),
      capture: z.string(),
      severity: z.string().optional(),
    })
    .optional(),
});
export const AlertImportedView = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  mapping: z.record(z.string(), z.string()),
});
export const AlertView = z.object({
  id: Id,
  device: z.string().nullable(),
  user: z.string().nullable(),
  at: IsoMoment,
  capture: z.string(),
  severity: z.string().nullable(),
  status: z.enum(["new", "dismissed", "incident"]),
  reason: z.string().nullable(),
  incidentId: Id.nullable(),
});
export const AlertListView = z.object({ alerts: z.array(AlertView) });
export const DismissInput = z.object({
  reason: z.string().trim().min(3, "Say why it is dismissed.").max(1000),
});
export const AlertToIncidentInput = z.object({
  category: z.enum(CATEGORIES),
  summary: z.string().trim().min(10).max(10_000).optional(),
  involvedPersonIds: z.array(z.uuid()).max(50).optional(),
});

export const BreachView = z.object({
  breaches: z.array(
    z.object({
      id: Id,
      reference: z.string(),
      occurredAt: IsoMoment,
      awareAt: IsoMoment,
      icoDeadline: IsoMoment,
      summary: z.string(),
      reportedToIco: z.boolean(),
      icoReference: z.string().nullable(),
      reportedOn: IsoMoment.nullable(),
      notReportedReason: z.string().nullable(),
      status: z.enum(["open", "closed"]),
      outcome: z.string().nullable(),
    }),
  ),
});
export const BreachQuery = z.object({ format: z.enum(["json", "csv"]).default("json") });
export const IcoDecisionInput = z
  .object({
    reported: z.boolean(),
    reference: z.string().trim().max(200).optional(),
    reason: z.string().trim().max(2000).optional(),
  })
  .superRefine((d, ctx) => {
    if (!d.reported && !d.reason?.trim())
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: "Record why it is not reported to the regulator.",
      });
  });

export const SettingsView = z.object({
  /** Minutes an incident may wait unopened (in school hours) before it escalates. */
  escalateAfterMinutes: z.number().int(),
});
export const SettingsInput = SettingsView.extend({
  escalateAfterMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60),
});
