import { can } from "../session/me";
import type { Me } from "../session/sessionApi";

export interface NavItem {
  /** i18n key under "nav." */
  key: string;
  to: string;
  /** Which paths count as this item's, where a plain prefix of `to` would claim too much. */
  activeFor?: RegExp;
  /** Shown as a button rather than a link: what anyone may need in a hurry (reporting a concern). */
  prominent?: boolean;
  children?: NavItem[];
}

interface NavRule extends NavItem {
  action?: string;
  children?: NavRule[];
}

// Navigation by capability: each item names the action a person needs to use it.
const rules: NavRule[] = [
  { key: "home", to: "/" },
  // The trust's schools side by side: trust roles only (a school role alone does not see it).
  { key: "trust", to: "/trust", action: "trust.read" },
  // The leaders' dashboard: counts only, so the chair of governors has it too (decision 025).
  { key: "dashboard", to: "/dashboard", action: "reports.dashboard" },
  // The termly report names nobody: every governor reads it (decision 036).
  { key: "governorsReport", to: "/reports/governors", action: "reports.governors" },
  // Everyone signed in can report a concern, and it must be found at once: a button, near the top.
  { key: "reportConcern", to: "/incidents/report", action: "incidents.report", prominent: true },
  {
    key: "incidents",
    to: "/incidents",
    action: "incidents.report",
    activeFor: /^\/incidents(\/(?!(report|alerts|breaches)\/?$).+)?\/?$/,
  },
  { key: "incidentAlerts", to: "/incidents/alerts", action: "incidents.alerts" },
  { key: "breaches", to: "/incidents/breaches", action: "incidents.breaches" },
  { key: "policies", to: "/policies", action: "policies.read" },
  {
    key: "agreements",
    to: "/agreements/sign",
    action: "agreements.sign",
    activeFor: /^\/agreements\/(sign|[^/]+\/sign)\/?$/,
  },
  {
    key: "manageAgreements",
    to: "/agreements",
    action: "agreements.manage",
    activeFor: /^\/agreements(\/new)?\/?$/,
  },
  { key: "kiosks", to: "/kiosks", action: "agreements.manage" },
  { key: "classSessions", to: "/class-sessions", action: "classSessions.run" },
  // Anyone with a camera asks first: the check stands on its own in the menu, for every member of staff.
  { key: "photoCheck", to: "/consent/check", action: "consent.check" },
  {
    key: "consent",
    to: "/consent",
    action: "consent.read",
    activeFor: /^\/consent(\/(pupils\/[^/]+|settings|removals))?\/?$/,
  },
  // The visitors' register is part of the compliance area (a link from its page).
  {
    key: "compliance",
    to: "/compliance",
    action: "compliance.read",
    activeFor: /^\/compliance(\/visitors)?\/?$/,
  },
  // Permission requests: asking and one's own requests for everyone signed in; deciding for the
  // roles a type names (the page lists only what the person may decide); the registers for staff.
  {
    key: "requests",
    to: "/requests",
    children: [
      { key: "askPermission", to: "/requests/new", action: "requests.make" },
      { key: "myRequests", to: "/requests", action: "requests.make", activeFor: /^\/requests\/?$/ },
      { key: "decideRequests", to: "/requests/decide", action: "requests.decide" },
      { key: "permitted", to: "/requests/register", action: "requests.registers" },
      { key: "onlineServices", to: "/requests/services", action: "requests.registers" },
      { key: "socialAccounts", to: "/requests/social-accounts", action: "requests.registers" },
      { key: "requestTypes", to: "/requests/types", action: "requests.types" },
    ],
  },
  // Training: everyone their own; the matrix for leaders and line managers; recording an INSET, a
  // provider's file (from the INSET page) and the courses for those who run training.
  {
    key: "training",
    to: "/training",
    children: [
      { key: "myTraining", to: "/training", action: "training.mine", activeFor: /^\/training\/?$/ },
      { key: "trainingMatrix", to: "/training/matrix", action: "training.read" },
      {
        key: "recordTraining",
        to: "/training/record",
        action: "training.manage",
        activeFor: /^\/training\/(record|import)\/?$/,
      },
      { key: "trainingCourses", to: "/training/courses", action: "training.manage" },
    ],
  },
  { key: "people", to: "/people", action: "people.read" },
  // The register (and a device's page, opened from it) for those who run or read it.
  {
    key: "devices",
    to: "/devices",
    action: "devices.read",
    activeFor: /^\/devices(\/(?!mine\/?$)[^/]+)?\/?$/,
  },
  // Every member sees the school devices they hold.
  { key: "myDevices", to: "/devices/mine", action: "devices.mine" },
  // Filtering and monitoring reviews: for those who act on them and the leader and governor named.
  { key: "filtering", to: "/filtering", action: "filtering.read" },
  // The inspector pack: the school's evidence in one download (decision 026).
  { key: "inspectionPack", to: "/inspection", action: "reports.inspection" },
  { key: "audit", to: "/audit", action: "audit.read" },
  // Privacy (decision 034): the DPO's subject access export; retention rules and the records due.
  { key: "subjectAccess", to: "/privacy/subject-access", action: "privacy.subjectAccess" },
  { key: "retention", to: "/privacy/retention", action: "retention.rules" },
  {
    key: "settings",
    to: "/settings",
    children: [
      { key: "schoolSettings", to: "/settings/school", action: "settings.manage" },
      { key: "tokens", to: "/settings/tokens", action: "apiTokens.manage" },
      { key: "outbox", to: "/settings/outbox", action: "mail.read" },
      { key: "policyApprovals", to: "/settings/policies", action: "policies.settings" },
    ],
  },
];

function allowed(me: Me, items: NavRule[]): NavItem[] {
  const result: NavItem[] = [];
  for (const { action, children, ...item } of items) {
    if (action && !can(me, action)) continue;
    if (children) {
      const visible = allowed(me, children);
      if (visible.length > 0) result.push({ ...item, children: visible });
      continue;
    }
    result.push(item);
  }
  return result;
}

export function navItemsFor(me: Me): NavItem[] {
  return allowed(me, rules);
}
