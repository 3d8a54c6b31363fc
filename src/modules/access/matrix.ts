import { type Actor, ADMIN_ROLES, type Role } from "./roles.js";

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
  "home.read": "member",
  "auth.logout": "member",
  "auth.changePassword": "member",
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
  // Agreements: admins set them up and chase; everyone signed in signs their own; the compliance
  // view is for admins and the headteacher, and read-only for the DSL and deputies.
  "agreements.manage": ADMINS,
  "agreements.sign": "member",
  "compliance.read": [...ADMINS, "dsl", "deputy_dsl"],
  // A teacher runs a class signing session; class-sessions.ts checks they are staff.
  "classSessions.run": "member",
  "audit.read": [...ADMINS, "dpo"],
  "audit.verify": [...ADMINS, "dpo"],
  "mail.read": ADMINS,
  "settings.manage": ADMINS,
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

/** The actions an actor may perform: the web app uses this for navigation by capability. */
export function permissionsOf(actor: Pick<Actor, "roles">): Action[] {
  return ACTIONS.filter((a) => MATRIX[a] !== "public" && can(actor, a));
}
