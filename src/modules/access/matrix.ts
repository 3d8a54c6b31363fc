import { canRunClassSession } from "./class-sessions.js";
import { isStaffMember } from "./consent.js";
import {
  type FilteringStanding,
  mayReadFilteringReviews,
  mayRecordFilteringReviews,
  NO_STANDING,
} from "./filtering.js";
import { RETENTION_REVIEWERS, RETENTION_RULE_SETTERS, SUBJECT_ACCESS_READERS } from "./privacy.js";
import { DASHBOARD_READERS, INSPECTION_PACK_READERS, mayReadGovernorsReport } from "./reports.js";
import { canReadRegisters, mayEverDecide } from "./requests.js";
import { type Actor, ADMIN_ROLES, type Role } from "./roles.js";
import { mayAddSchools, mayReadTrust } from "./trust.js";

/**
 * The permission matrix: which designated roles may perform each action. `public` actions need
 * nobody signed in; `member` actions need any signed-in person; the rest name the roles that may.
 * Every API route declares one of these actions (see plugin.ts). Which records an allowed action
 * may touch is decided by the record rules beside this file, one file per resource.
 */
const ADMINS = ADMIN_ROLES;
const LEADERS: Role[] = [...ADMINS, "slt", "dsl", "deputy_dsl", "dpo"];

export const MATRIX = {
  public: "public",
  "me.read": "member",
  // One's own choices about oneself (the language one is written to in): every signed-in person.
  "me.update": "member",
  "home.read": "member",
  "auth.logout": "member",
  "auth.changePassword": "member",
  // Two-step sign-in (mfa.ts): each person sets up their own; an admin who has proven their own
  // resets someone else's (the record rule asks for the admin's second step).
  "mfa.manage": "member",
  "mfa.reset": ADMINS,
  // One's own sessions and sign-in history: every signed-in person, their own only (auth/my-sessions.ts).
  "auth.mySessions": "member",
  // The directory holds pupils' details: leaders who need it, not every member of staff.
  "people.read": LEADERS,
  "people.manage": ADMINS,
  "people.import": ADMINS,
  "people.invite": ADMINS,
  "roles.assign": ADMINS,
  // Policies: everyone signed in may look (record rules in policies.ts decide which policies and
  // versions); creating, importing and the approval settings are for admins; editing, submitting
  // and publishing are for admins and the policy's owner; approving is for the approver roles.
  "policies.read": "member",
  "policies.create": ADMINS,
  "policies.import": ADMINS,
  "policies.edit": "member",
  "policies.approve": "member",
  "policies.settings": ADMINS,
  // The policy health check (policy-health.ts): everyone signed in may ask; the record rule lets
  // those who see a policy's drafts read its findings, and those who manage it dismiss them.
  "policyHealth.read": "member",
  "policyHealth.dismiss": "member",
  // Agreements: admins set them up and chase; everyone signed in signs their own; the compliance
  // view is for admins and the headteacher, and read-only for the DSL and deputies.
  "agreements.manage": ADMINS,
  "agreements.sign": "member",
  // A carer's printed form, signed at home, is recorded by the school office: evidence that
  // counts as that carer's signature, so only the admins who run agreements record it.
  "agreements.recordPaper": ADMINS,
  "compliance.read": [...ADMINS, "dsl", "deputy_dsl"],
  // The visitors' register (who signed at the reception kiosk): the same readers as compliance.
  "visitors.read": [...ADMINS, "dsl", "deputy_dsl"],
  // A teacher runs a class signing session; class-sessions.ts checks they are staff.
  "classSessions.run": "member",
  // Photo consent (consent.ts): every member of staff reads where pupils stand and checks a photo
  // (kind rule below); admins set it up, ask parents and record paper forms and calls; only the
  // DSL and deputies restrict a child's images. Removals are confirmed by the manager asked.
  "consent.read": "member",
  "consent.check": "member",
  "consent.manage": ADMINS,
  "consent.record": ADMINS,
  "consent.restrict": ["dsl", "deputy_dsl"],
  "consent.confirmRemoval": "member",
  // Each person answers for their own photo (the staff purposes).
  "consent.mine": "member",
  // Incidents: anyone signed in reports one; who sees each is decided per incident (incidents.ts),
  // never by role. Counts without names are for leaders and the chair; a child's chronology for
  // the DSL and deputies; monitoring alerts for those who run filtering and safeguarding; the
  // breach register for the DPO and the headteacher.
  "incidents.report": "member",
  "incidents.stats": [...LEADERS, "chair_of_governors"],
  "incidents.chronology": ["dsl", "deputy_dsl"],
  "incidents.alerts": ["online_safety_lead", "dsl", "deputy_dsl", "network_manager"],
  "incidents.breaches": ["dpo", "headteacher"],
  "incidents.settings": [...ADMINS, "dsl"],
  // Devices (devices.ts): the register is run by the network manager and admins, read by those
  // who look after technology and data; anyone may see and report the devices they hold; a
  // leaver's checklist is for the network manager, line managers and admins.
  "devices.read": [...ADMINS, "network_manager", "computing_lead", "online_safety_lead", "dpo"],
  "devices.manage": [...ADMINS, "network_manager"],
  "devices.mine": "member",
  "leavers.checklist": [...ADMINS, "network_manager", "line_manager"],
  // Permission requests (requests.ts): anyone signed in asks; who sees and decides each request
  // is decided per request by its type's approver roles, never the requester. The registers are
  // read by staff (kind rule below) and kept by the admins and the DPO; request types by admins.
  "requests.make": "member",
  "requests.decide": "member",
  "requests.registers": "member",
  "requests.manageRegisters": [...ADMINS, "dpo"],
  "requests.types": ADMINS,
  // Filtering and monitoring reviews (filtering.ts): recorded by the head, the admins, the
  // online-safety lead and the senior leader the school names; read by those who act on them and
  // the governor the school names. Being named is not a role, so the matrix admits every member
  // and the rule (with the school's naming) decides, before the request is read. An action is
  // marked done by its owner or an admin; each member sees the actions they were given.
  "filtering.read": "member",
  "filtering.record": "member",
  "filtering.actions": "member",
  // Training (training.ts): everyone records and reads their own; the headteacher, admins and DSL
  // run it (courses, an INSET for a whole room, a provider's file); the matrix is read by those,
  // the deputies and the senior team, and by line managers for their own team's rows.
  "training.mine": "member",
  "training.manage": [...ADMINS, "dsl"],
  "training.read": [...ADMINS, "dsl", "deputy_dsl", "slt", "line_manager"],
  // The inspector pack (reports.ts): the school's evidence in one ZIP, names included (compliance,
  // training), for the head, the admins and the senior team who prepare for an inspection.
  "reports.inspection": INSPECTION_PACK_READERS,
  "audit.read": [...ADMINS, "dpo"],
  // Refused requests (403s, and 401s with a token no longer valid): for the school's admins, who
  // act on someone probing where they should not (decision 027).
  "audit.refusals": ADMINS,
  // Privacy (privacy.ts, decision 034): a person's subject access export for the DPO; how long
  // each kind of record is kept, set by the DPO and the admins; the records due, worked by the DPO.
  "privacy.subjectAccess": SUBJECT_ACCESS_READERS,
  "retention.rules": RETENTION_RULE_SETTERS,
  "retention.review": RETENTION_REVIEWERS,
  // The leaders' dashboard (reports.ts): counts only, no names, so the chair of governors reads
  // it as the head does; senior leaders and the DSL and deputies who act on what it shows.
  "reports.dashboard": DASHBOARD_READERS,
  // The termly report to governors (reports.ts): the dashboard's readers and every governor.
  "reports.governors": "member",
  // The trust (trust/): any member reaches the routes; access/trust.ts decides by trust roles.
  "trust.read": "member",
  "trust.manage": "member",
  "audit.verify": [...ADMINS, "dpo"],
  "mail.read": ADMINS,
  "settings.manage": ADMINS,
  // Sign-in with Google or Microsoft (auth/sso): its own action so that no API token reaches it
  // (access/tokens.ts refuses every "sso." action), though the admins hold both.
  "sso.manage": ADMINS,
  // API tokens: made and revoked by admins signed in, never by a token (access/tokens.ts).
  "apiTokens.manage": ADMINS,
} as const satisfies Record<string, "public" | "member" | readonly Role[]>;

export type Action = keyof typeof MATRIX;
export const ACTIONS = Object.keys(MATRIX) as Action[];

export function isAction(value: unknown): value is Action {
  return typeof value === "string" && value in MATRIX;
}

/** May this actor (null: nobody signed in) perform the action? */
export function can(actor: Pick<Actor, "roles"> | null, action: Action): boolean {
  const rule = MATRIX[action];
  if (rule === "public") return true;
  if (!actor) return false;
  if (rule === "member") return true;
  return actor.roles.some((role) => (rule as readonly Role[]).includes(role));
}

/**
 * Actions the matrix lets every member attempt, but that the record rules then allow only to some
 * kinds of person: a governor may try to run a class session and is refused. The permissions the
 * web app receives leave these out for whoever the rule refuses, so no menu leads to a 403.
 */
export const KIND_RULES: Partial<Record<Action, (actor: Pick<Actor, "kinds" | "roles">) => boolean>> = {
  "classSessions.run": canRunClassSession,
  "consent.read": isStaffMember,
  "consent.check": isStaffMember,
  "requests.registers": canReadRegisters,
  "requests.decide": mayEverDecide,
  "reports.governors": mayReadGovernorsReport,
};

/**
 * Actions the matrix lets every member attempt, that a school extends to a person by naming them
 * (its filtering senior leader and governor) as well as to roles. The routes ask the same rules
 * before reading a request, so what the menu hides the server refuses with 403.
 */
export const STANDING_RULES: Partial<
  Record<Action, (actor: Pick<Actor, "roles">, standing: FilteringStanding) => boolean>
> = {
  "filtering.read": mayReadFilteringReviews,
  "filtering.record": mayRecordFilteringReviews,
  // The trust's routes: by trust role alone (access/trust.ts), which the trust service reads.
  "trust.read": (_actor, standing) => mayReadTrust(standing.trustRoles ?? []),
  "trust.manage": (_actor, standing) => mayAddSchools(standing.trustRoles ?? []),
};

/** The actions an actor may perform: the web app uses this for navigation by capability. */
export function permissionsOf(
  actor: Pick<Actor, "roles" | "kinds">,
  standing: FilteringStanding = NO_STANDING,
): Action[] {
  return ACTIONS.filter(
    (a) =>
      MATRIX[a] !== "public" &&
      can(actor, a) &&
      (KIND_RULES[a]?.(actor) ?? true) &&
      (STANDING_RULES[a]?.(actor, standing) ?? true),
  );
}
