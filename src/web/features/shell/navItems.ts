import { can } from "../session/me";
import type { Me } from "../session/sessionApi";

export interface NavItem {
  /** i18n key under "nav." */
  key: string;
  to: string;
  /** Which paths count as this item's, where a plain prefix of `to` would claim too much. */
  activeFor?: RegExp;
  children?: NavItem[];
}

interface NavRule extends NavItem {
  action?: string;
  children?: NavRule[];
}

// Navigation by capability: each item names the action a person needs to use it.
const rules: NavRule[] = [
  { key: "home", to: "/" },
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
  { key: "compliance", to: "/compliance", action: "compliance.read" },
  { key: "people", to: "/people", action: "people.read" },
  { key: "audit", to: "/audit", action: "audit.read" },
  {
    key: "settings",
    to: "/settings",
    children: [
      { key: "tokens", to: "/settings/tokens", action: "settings.manage" },
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
