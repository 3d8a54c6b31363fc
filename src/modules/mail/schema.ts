import { z } from "zod";
import { Id, IsoMoment } from "../../kernel/responses.js";

// --- Responses

export const MAIL_STATUSES = ["pending", "sent", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** One email in the outbox, as admins see it when no SMTP server is set (nothing is dropped). */
export const OutboxMessageView = z.object({
  id: Id,
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int(),
  createdAt: IsoMoment,
  sentAt: IsoMoment.nullable(),
  lastError: z.string().nullable(),
});
export type OutboxMessageView = z.infer<typeof OutboxMessageView>;

export const OutboxView = z.object({ smtpConfigured: z.boolean(), messages: z.array(OutboxMessageView) });
export type OutboxView = z.infer<typeof OutboxView>;
