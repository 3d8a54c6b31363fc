import { z } from "zod";
import { Id, IsoMoment } from "../../kernel/responses.js";

// --- Responses

/** One audit event as a reader sees it (its hashes stay on the server; `verify` checks them). */
export const AuditEventView = z.object({
  id: Id,
  seq: z.number().int(),
  at: IsoMoment,
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** What changed, in words and values a reader understands. */
  summary: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditListView = z.object({ total: z.number().int(), events: z.array(AuditEventView) });
export type AuditListView = z.infer<typeof AuditListView>;

/** `GET /audit/verify` (API.md): the chain holds, or the first event where it breaks. */
export const ChainCheckView = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), events: z.number().int() }),
  z.object({ ok: z.literal(false), firstBrokenId: Id, events: z.number().int() }),
]);
export type ChainCheckView = z.infer<typeof ChainCheckView>;
