/**
 * The school at a glance, for the headteacher's home: how far each agreement in force has got
 * with its group, the versions waiting for approval and the reviews due. Each line carries the
 * page it opens, so the home page is one tap from every answer.
 */
import type { Db } from "../../db/client.js";
import { canSeeSchoolAtAGlance } from "../access/home.js";
import type { Actor } from "../access/roles.js";
import { complianceMatrix } from "../agreements/service.js";
import { policiesAtAGlance } from "../policies/service.js";
import type { SchoolGlanceView } from "./schema.js";

export async function schoolAtAGlance(db: Db, actor: Actor): Promise<SchoolGlanceView | null> {
  if (!canSeeSchoolAtAGlance(actor)) return null;
  // The compliance view's own totals, so the home page and the compliance page never disagree.
  const compliance = await complianceMatrix(db, actor.schoolId, {});
  const { approvals, reviews } = await policiesAtAGlance(db, actor.schoolId);
  return {
    agreements: compliance.agreements.map((a) => {
      // Parents' agreements count children, as the compliance view does: one carer's signature
      // covers a child, so "which children are not yet covered" is the headteacher's question.
      const signed = a.children ? a.children.covered : a.signed;
      const required = a.children ? a.children.required : a.required;
      return {
        id: a.id,
        title: a.title,
        audience: a.audience,
        counts: a.children ? ("children" as const) : ("people" as const),
        signed,
        required,
        outstanding: required - signed,
        visitorsThisTerm: a.visitors ? a.visitors.thisTerm : null,
        href: a.visitors ? "/compliance/visitors" : `/compliance?agreement=${a.id}`,
      };
    }),
    approvals: approvals.map((v) => ({ ...v, href: `/policies/${v.policyId}/versions/${v.versionId}` })),
    reviews: reviews.map((r) => ({ ...r, href: `/policies/${r.id}` })),
  };
}
