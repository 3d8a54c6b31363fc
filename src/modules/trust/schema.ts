import { z } from "zod";
import { Id } from "../../kernel/responses.js";
import { TRUST_ROLES } from "../access/roles.js";
import { DashboardView, Percent } from "../reports/schema.js";
import { COUNTRIES } from "../schools/schema.js";

/**
 * One school's headline figures, side by side with the trust's others: counts only, no names,
 * from the same queries as the school's own dashboard (reports/figures.ts), this term.
 */
export const TrustSchoolRow = z.object({
  id: Id,
  name: z.string(),
  country: z.enum(COUNTRIES),
  agreements: z.object({ required: z.number().int(), done: z.number().int(), percent: Percent }),
  consent: z.object({ pupils: z.number().int(), given: z.number().int(), percent: Percent }),
  incidentsThisTerm: z.number().int(),
  policiesOverdue: z.number().int(),
  training: z.object({ required: z.number().int(), inDate: z.number().int(), percent: Percent }),
  filtering: z.object({ lastReviewedOn: z.string().nullable(), overdue: z.boolean() }),
});
export type TrustSchoolRow = z.infer<typeof TrustSchoolRow>;

/** `GET /api/v1/trust/schools` (API.md): trust roles see every school with its headline figures. */
export const TrustSchoolsView = z.object({
  trust: z.object({ id: Id, name: z.string() }),
  term: z.string(),
  roles: z.array(z.enum(TRUST_ROLES)),
  schools: z.array(TrustSchoolRow),
});
export type TrustSchoolsView = z.infer<typeof TrustSchoolsView>;

/** One school of the trust in full: its dashboard, as its own leaders see it (counts only). */
export const TrustSchoolView = z.object({
  school: z.object({ id: Id, name: z.string() }),
  dashboard: DashboardView,
});
export type TrustSchoolView = z.infer<typeof TrustSchoolView>;

/** The trust admin adds a school: its name, country and first admin, who is emailed an invitation. */
export const AddTrustSchoolInput = z.object({
  name: z.string().trim().min(2, "Enter the school's name.").max(200),
  country: z.enum(COUNTRIES, "Choose England or Wales.").default("england"),
  admin: z.object({
    name: z.string().trim().min(1, "Enter the headteacher's name.").max(200),
    email: z.email("Enter a valid email address.").max(254),
  }),
});
export type AddTrustSchoolInput = z.input<typeof AddTrustSchoolInput>;

export const TrustSchoolAddedView = z.object({
  school: z.object({ id: Id, name: z.string() }),
  admin: z.object({ id: Id, invitationExpiresAt: z.string() }),
});
export type TrustSchoolAddedView = z.infer<typeof TrustSchoolAddedView>;

/** Where a person stands in their school's trust: shown in the menu (`MeView.trust`). */
export const TrustStandingView = z.object({ id: Id, name: z.string(), roles: z.array(z.enum(TRUST_ROLES)) });
export type TrustStandingView = z.infer<typeof TrustStandingView>;
