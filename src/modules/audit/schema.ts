import { z } from "zod";
import { Id, IsoMoment } from "../../kernel/responses.js";

/**
 * Every kind of event Accord records, grouped by what a headteacher would look for. Each has a
 * sentence in the web app's locales (audit.events.<kind>), and a test greps the code base for
 * recorded kinds missing here. Signing writes "<subject type>.signed" and the like: an agreement
 * is the only subject type today.
 */
export const AUDIT_EVENT_GROUPS = {
  signatures: [
    "agreement.signed",
    "agreement.declined",
    "agreement.signature_withdrawn",
    "agreement.signature_corrected",
    "agreement.parent_links_sent",
    "agreement.paper_form_recorded",
    "kiosk.opened",
    "kiosk.closed",
    "class_session.opened",
    "class_session.ended",
  ],
  agreements: [
    "agreement.created",
    "agreement.superseded",
    "agreement.assigned",
    "agreement.assigned_to_starters",
    "agreement.assignment_notified",
    "agreement.reminder_sent",
    "agreement.reminded_now",
  ],
  policies: [
    "policy.created",
    "policy.imported",
    "policy.updated",
    "policy.approvers_set",
    "policy.version_started",
    "policy.version_edited",
    "policy.version_submitted",
    "policy.version_withdrawn",
    "policy.version_approved",
    "policy.version_published",
    "policy.review_reminder_sent",
    "policy_health.finding_dismissed",
    "policy_health.finding_reinstated",
  ],
  people: [
    "person.created",
    "person.updated",
    "person.marked_leaver",
    "person.roles_changed",
    "person.invited",
    "people.imported",
  ],
  accounts: [
    "auth.signed_in",
    "auth.signed_out",
    "auth.password_changed",
    "auth.invitation_accepted",
    "api_token.created",
    "api_token.revoked",
  ],
  consent: [
    "consent.purpose_created",
    "consent.purpose_changed",
    "consent.settings_changed",
    "consent.requested",
    "consent.reminder_sent",
    "consent.answered",
    "consent.withdrawn",
    "consent.restricted",
    "consent.restriction_lifted",
    "consent.checked",
    "consent.removal_confirmed",
    "consent.removal_chased",
  ],
  incidents: [
    "incident.reported",
    "incident.viewed",
    "incident.entry_added",
    "incident.closed",
    "incident.reopened",
    "incident.people_added",
    "incident.ico_decision",
    "incident.escalated",
    "incident.attachment_added",
    "incident.alerts_imported",
    "incident.alert_dismissed",
    "incident.settings_changed",
  ],
  devices: [
    "device.added",
    "device.updated",
    "device.imported",
    "device.checked_out",
    "device.returned",
    "device.reported",
    "device.disposed",
    "device.overdue_reminded",
    "device.settings_changed",
    "device.agreement_asked",
    "device.agreement_overridden",
    "person.leaver_item_done",
    "person.leaver_item_undone",
    "school.leaver_system_added",
    "school.leaver_system_retired",
  ],
  requests: [
    "request.made",
    "request.approved",
    "request.refused",
    "request.more_info_asked",
    "request.replied",
    "request.follow_up_confirmed",
    "request.follow_up_chased",
    "request.type_created",
    "request.type_changed",
    "request.service_added",
    "request.service_changed",
    "request.social_account_added",
    "request.social_account_changed",
  ],
  filtering: [
    "filtering.review_recorded",
    "filtering.action_done",
    "filtering.action_reminded",
    "filtering.responsibles_named",
  ],
  training: [
    "training.course_created",
    "training.course_changed",
    "training.course_retired",
    "training.course_deleted",
    "training.completion_recorded",
    "training.completion_withdrawn",
    "training.certificate_uploaded",
    "training.imported",
    "training.reminder_sent",
  ],
  reports: ["reports.inspection_pack_downloaded"],
  privacy: [
    "privacy.subject_access_exported",
    "retention.rule_changed",
    "retention.record_deleted",
    "retention.record_kept",
  ],
  school: ["school.created", "school.demo_loaded", "school.country_set"],
} as const;
export type AuditEventGroup = keyof typeof AUDIT_EVENT_GROUPS;
export const AUDIT_EVENT_KINDS: readonly string[] = Object.values(AUDIT_EVENT_GROUPS).flat();

// --- Responses

/** One audit event as a reader sees it (its hashes stay on the server; `verify` checks them). */
export const AuditEventView = z.object({
  id: Id,
  seq: z.number().int(),
  at: IsoMoment,
  actorName: z.string().nullable(),
  actorPersonId: Id.nullable(),
  /** A kind of event: one of AUDIT_EVENT_KINDS. */
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** What changed, in words and values a reader understands. */
  summary: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  /** What the event was about, by name as it is today ("Staff Acceptable Use Agreement v1.0"). */
  subject: z.string().nullable(),
  /** Whom it concerned besides the actor: the child a parent signed for, the person reminded. */
  forPerson: z.string().nullable(),
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
