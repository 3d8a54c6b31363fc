import type { AttentionItem, AttentionSource } from "../../kernel/attention.js";
import type { Actor } from "../access/roles.js";
import { policiesWithFindings } from "./service.js";

/** Home page: policies with open health findings, for those who manage them (owner, head, admins). */
export const policyHealthAttention: AttentionSource<Actor> = async (db, actor) =>
  (await policiesWithFindings(db, actor)).map(
    (p): AttentionItem => ({
      key: "policyHealthFindings",
      params: { title: p.title, count: p.count },
      href: `/policies/${p.id}#policy-health`,
      severity: "info",
    }),
  );
