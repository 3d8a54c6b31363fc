import type { TFunction } from "i18next";
import { AUDIT_EVENT_KINDS } from "../../../modules/audit/schema";

/** What a sentence needs of an event (the list API's view has all of it). */
export interface SentenceEvent {
  action: string;
  actorName: string | null;
  subject: string | null;
  forPerson: string | null;
  summary: Record<string, unknown> | null;
}

const KNOWN = new Set(AUDIT_EVENT_KINDS);
const text = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? String(value) : null;

/**
 * One event as a sentence a headteacher can read: "Jane Smith signed Staff Acceptable Use
 * Agreement v1.0". Names come from the server (today's names for what the event recorded);
 * where a record has gone, the name written into the event at the time stands in.
 */
export function auditSentence(event: SentenceEvent, t: TFunction): string {
  const summary = event.summary ?? {};
  const actor = event.actorName ?? t("audit.system");
  if (!KNOWN.has(event.action)) return t("audit.events.unknown", { actor, action: event.action });
  const subject =
    event.subject ??
    text(summary.title) ??
    text(summary.name) ??
    text(summary.agreement) ??
    t("audit.unnamed");
  const sentence = t(`audit.events.${event.action}`, {
    actor,
    subject,
    forPerson: event.forPerson ?? t("audit.someone"),
    version: text(summary.version) ?? "",
    regGroup: text(summary.regGroup) ?? "",
    signer: text(summary.signer) ?? t("audit.someone"),
    purpose: text(summary.purpose) ?? "",
    // Names and titles are shown as written, never as HTML.
    interpolation: { escapeValue: false },
  });
  // A parent signs for a child: the sentence says which child.
  const forChild =
    event.forPerson && summary.onBehalfOf ? ` ${t("audit.onBehalfOf", { name: event.forPerson })}` : "";
  return sentence + forChild;
}
