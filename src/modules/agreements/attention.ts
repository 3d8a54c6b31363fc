import type { AttentionSource } from "../../kernel/attention.js";
import type { Actor } from "../access/roles.js";
import { myAgreements } from "./service.js";

/** Home page: agreements this person is asked to sign (a warning once one is overdue). */
export const agreementsAttention: AttentionSource<Actor> = async (db, actor) => {
  const toSign = await myAgreements(db, actor);
  if (toSign.length === 0) return [];
  return [
    {
      key: "agreementsToSign",
      params: { count: toSign.length },
      href: "/agreements/sign",
      severity: toSign.some((a) => a.overdue) ? "warning" : "info",
    },
  ];
};
