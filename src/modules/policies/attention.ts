import type { AttentionSource } from "../../kernel/attention.js";
import type { Actor } from "../access/roles.js";
import { overdueReviewsFor } from "./service.js";

/** Home page: policies overdue for review, for their owner and the headteacher. */
export const policiesAttention: AttentionSource<Actor> = async (db, actor) =>
  (await overdueReviewsFor(db, actor)).map((p) => ({
    key: "policyReviewOverdue",
    params: { title: p.title, due: p.due },
    href: `/policies/${p.id}`,
    severity: "warning" as const,
  }));
