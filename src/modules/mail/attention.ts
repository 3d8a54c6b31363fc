import type { AttentionSource } from "../../kernel/attention.js";
import { canReadOutbox } from "../access/mail.js";
import type { Actor } from "../access/roles.js";
import { countHeld } from "./service.js";

/** Home page: with no mail server configured, emails wait in the outbox; whoever reads it is told. */
export const mailAttention: AttentionSource<Actor> = async (db, actor, config) => {
  if (!canReadOutbox(actor) || config.smtpUrl) return [];
  const held = await countHeld(db, actor.schoolId);
  if (held === 0) return [];
  return [{ key: "outboxHeld", params: { count: held }, href: "/settings/outbox", severity: "warning" }];
};
