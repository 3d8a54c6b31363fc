import { z } from "zod";
import { Id, IsoDay } from "../../kernel/responses.js";
import { AUDIENCES, ROLES } from "../access/roles.js";

// --- Responses

/**
 * One thing that needs the signed-in person now. `key` names the message (the web app holds its
 * words, in English and Welsh) and `params` fill it in; `href` is where to act on it.
 */
export const AttentionItemView = z.object({
  key: z.string(),
  params: z.record(z.string(), z.unknown()),
  href: z.string().nullable(),
  severity: z.enum(["info", "warning"]),
});
export type AttentionItemView = z.infer<typeof AttentionItemView>;

/** The school at a glance (headteacher and admins): every line names the page it opens. */
export const SchoolGlanceView = z.object({
  /** Each agreement in force: signed of those required, as the compliance view counts them. */
  agreements: z.array(
    z.object({
      id: Id,
      title: z.string(),
      audience: z.enum(AUDIENCES),
      /** "children" for parents' agreements (children covered of children asked for), else "people". */
      counts: z.enum(["people", "children"]),
      signed: z.number().int(),
      required: z.number().int(),
      outstanding: z.number().int(),
      /** Visitors' agreements: visitors who signed at a kiosk this term (nobody is asked in advance). */
      visitorsThisTerm: z.number().int().nullable(),
      href: z.string(),
    }),
  ),
  /** Versions submitted and waiting, with the roles still to approve them. */
  approvals: z.array(
    z.object({
      policyId: Id,
      versionId: Id,
      title: z.string(),
      number: z.string(),
      stillNeeded: z.array(z.enum(ROLES)),
      href: z.string(),
    }),
  ),
  /** Policies whose review is due within a month, or overdue. */
  reviews: z.array(
    z.object({ id: Id, title: z.string(), due: IsoDay, overdue: z.boolean(), href: z.string() }),
  ),
});
export type SchoolGlanceView = z.infer<typeof SchoolGlanceView>;

export const HomeView = z.object({
  attention: z.array(AttentionItemView),
  /** Null for everyone but the headteacher and admins. */
  glance: SchoolGlanceView.nullable(),
});
export type HomeView = z.infer<typeof HomeView>;
