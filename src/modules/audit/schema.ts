import { z } from "zod";
import { Id, IsoMoment } from "../../kernel/responses.js";
import { ACTOR_VIAS } from "../access/roles.js";

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
    "person.language_set",
    "person.invited",
    "people.imported",
  ],
  accounts: [
    "auth.signed_in",
    "auth.signed_in_sso",
    "auth.signed_out",
    "auth.password_changed",
    "auth.invitation_accepted",
    "auth.sign_in_failed",
    "auth.account_locked",
    "auth.password_reset",
    "auth.session_ended",
    "auth.signed_out_elsewhere",
    "api_token.created",
    "api_token.revoked",
    "sso.provider_saved",
    "sso.provider_removed",
    "mfa.totp_added",
    "mfa.totp_removed",
    "mfa.recovery_codes_renewed",
    "mfa.passkey_added",
    "mfa.passkey_removed",
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
  reports: ["reports.inspection_pack_downloaded", "reports.governors_downloaded"],
  privacy: [
    "privacy.subject_access_exported",
    "retention.rule_changed",
    "retention.record_deleted",
    "retention.record_kept",
  ],
  school: [
    "school.created",
    "school.demo_loaded",
    "school.country_set",
    "school.language_set",
    "trust.created",
    "trust.school_added",
  ],
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
  /**
   * How the actor came: "session" (signed in), "token" (an API token: `actorToken` names it),
   * "parent_link", "kiosk", "class_session" or "system" (Accord itself). Null on events recorded
   * before it was kept.
   */
  actorVia: z.enum(ACTOR_VIAS).nullable(),
  /** The API token the actor used ("by Jane Smith via API token 'MIS sync'"). */
  actorToken: z.object({ id: Id, name: z.string() }).nullable(),
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
  z.object({
    ok: z.literal(true),
    events: z.number().int(),
    /** The chain's end: a school keeps this hash elsewhere to catch a rewritten chain (decision 028). */
    head: z.object({ seq: z.number().int(), hash: z.string() }),
  }),
  z.object({
    ok: z.literal(false),
    /** The first event that does not hold; null when events at the end are missing. */
    firstBrokenId: Id.nullable(),
    events: z.number().int(),
    reason: z.string(),
    /** A signature, consent answer or incident entry that no longer matches what was recorded. */
    record: z
      .object({
        type: z.enum(["signature", "consent_answer", "incident_entry"]),
        id: Id,
        problem: z.enum(["changed", "missing"]),
      })
      .optional(),
  }),
]);
export type ChainCheckView = z.infer<typeof ChainCheckView>;

/** A request Accord refused (403), or one with a session or API token no longer valid (401). */
export const RefusalView = z.object({
  id: Id,
  at: IsoMoment,
  status: z.number().int(),
  personId: Id.nullable(),
  /** Who asked, as they were known when refused; null for a token that names no one now. */
  actorName: z.string().nullable(),
  via: z.enum(["session", "api_token", "none"]),
  method: z.string(),
  /** The route's pattern, e.g. `/api/v1/people/:id`. */
  route: z.string(),
  action: z.string().nullable(),
  ip: z.string().nullable(),
});
export type RefusalView = z.infer<typeof RefusalView>;
export const RefusalListView = z.object({ total: z.number().int(), refusals: z.array(RefusalView) });
export type RefusalListView = z.infer<typeof RefusalListView>;
