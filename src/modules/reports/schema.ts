import { z } from "zod";
import { CATEGORIES } from "../incidents/schema.js";
import { TERM_PATTERN } from "./terms.js";

/**
 * The leaders' dashboard: one table per chart, counts only. No row names a person, so what a
 * governor reads here is what a headteacher reads (decision 025).
 */
export const Percent = z
  .number()
  .nullable()
  .describe("Share done, one decimal place; null when nobody is asked");

export const AgreementRow = z.object({
  agreement: z.string(),
  audience: z.string(),
  required: z.number().int(),
  done: z.number().int(),
  percent: Percent,
});
export const KindRow = z.object({
  kind: z.string(),
  required: z.number().int(),
  done: z.number().int(),
  percent: Percent,
});
export const DepartmentRow = z.object({
  department: z.string().nullable(),
  required: z.number().int(),
  done: z.number().int(),
  percent: Percent,
});
export const TermRow = z.object({
  term: z.string(),
  required: z.number().int(),
  done: z.number().int(),
  percent: Percent,
});
export const ConsentRow = z.object({
  class: z.string().nullable(),
  purpose: z.string(),
  pupils: z.number().int(),
  given: z.number().int(),
  percent: Percent,
});
export const IncidentRow = z.object({
  category: z.enum(CATEGORIES),
  term: z.string(),
  count: z.number().int(),
});
export const REVIEW_STATUSES = ["overdue", "due_soon", "in_date", "no_date"] as const;
export const PolicyRow = z.object({ status: z.enum(REVIEW_STATUSES), count: z.number().int() });
export const TrainingRow = z.object({
  course: z.string(),
  required: z.number().int(),
  inDate: z.number().int(),
  expiring: z.number().int(),
  expired: z.number().int(),
  never: z.number().int(),
  percent: Percent,
});
export const FilteringRow = z.object({
  lastReviewedOn: z.string().nullable(),
  nextDueOn: z.string().nullable(),
  overdue: z.boolean(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
});

/** The charts, in the order the dashboard shows them; each is also `GET …/dashboard/<chart>.csv`. */
export const CHARTS = [
  "agreements",
  "agreementsByKind",
  "agreementsByDepartment",
  "agreementsByTerm",
  "consent",
  "incidents",
  "policies",
  "training",
  "filtering",
] as const;
export type Chart = (typeof CHARTS)[number];

export const DashboardView = z.object({
  today: z.string(),
  terms: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
  dueSoonDays: z.number().int(),
  agreements: z.array(AgreementRow),
  agreementsByKind: z.array(KindRow),
  agreementsByDepartment: z.array(DepartmentRow),
  agreementsByTerm: z.array(TermRow),
  consent: z.array(ConsentRow),
  incidents: z.array(IncidentRow),
  policies: z.array(PolicyRow),
  training: z.array(TrainingRow),
  filtering: z.array(FilteringRow),
});
export type DashboardView = z.infer<typeof DashboardView>;

export const DashboardQuery = z.object({
  term: z
    .string()
    .regex(TERM_PATTERN, "Name a term like 2026-autumn, 2027-spring or 2027-summer.")
    .optional()
    .describe("The latest term shown (default: today's); the two before it are shown too"),
});

export const ChartParams = z.object({
  chart: z.enum(CHARTS.map((c) => `${c}.csv` as const) as [`${Chart}.csv`, ...`${Chart}.csv`[]]),
});

export const GovernorsQuery = z.object({
  term: z
    .string()
    .regex(TERM_PATTERN, "Name a term like 2026-autumn, 2027-spring or 2027-summer.")
    .optional()
    .describe("The term reported on (default: today's), compared with the term before it"),
});
