import type { AttentionItem, AttentionSource } from "../../kernel/attention.js";
import type { Actor } from "../access/roles.js";
import { approvalsAskedOf, overdueReviewsFor } from "./service.js";

/**
 * Home page: versions waiting for this person's approval (each one tap from its page), then
 * policies overdue for review, for their owner and the headteacher.
 */
export const policiesAttention: AttentionSource<Actor> = async (db, actor) => {
  const items: AttentionItem[] = (await approvalsAskedOf(db, actor)).map((v) => ({
    key: "approvalRequested",
    params: { title: v.title, number: v.number, roles: v.roles },
    href: `/policies/${v.policyId}/versions/${v.versionId}`,
    severity: "warning",
  }));
  for (const p of await overdueReviewsFor(db, actor))
    items.push({
      key: "policyReviewOverdue",
      params: { title: p.title, due: p.due },
      href: `/policies/${p.id}`,
      severity: "warning",
    });
  return items;
};
