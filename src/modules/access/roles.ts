/**
 * The kinds of person a school has and the designated roles it assigns. These sit at the
 * bottom of the module graph because access rules, people and every later module use them.
 */
export const KINDS = [
  "staff",
  "supply",
  "student_teacher",
  "volunteer",
  "governor",
  "visitor",
  "parent",
  "pupil",
] as const;
export type Kind = (typeof KINDS)[number];

export const ROLES = [
  "headteacher",
  "dsl",
  "deputy_dsl",
  "online_safety_lead",
  "computing_lead",
  "network_manager",
  "dpo",
  "slt",
  "line_manager",
  "chair_of_governors",
  "school_admin",
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles a trust (a multi-academy trust or a local authority) gives a person of one of its schools
 * (issue 20): the chief executive, the trust's DSL and DPO, and the trust admin, who adds schools.
 * They see every school's figures side by side and never another school's records.
 */
export const TRUST_ROLES = ["trust_ceo", "trust_dsl", "trust_dpo", "trust_admin"] as const;
export type TrustRole = (typeof TRUST_ROLES)[number];

/**
 * The school's administrators: they set the school up, manage people and agreements, and may act
 * on any record of their school (withdraw a signature for a parent who rings the office). The one
 * list of them: the matrix and the record rules both read it.
 */
export const ADMIN_ROLES: readonly Role[] = ["headteacher", "school_admin"];

/** Kinds who sign in with email and password (parents, visitors and pupils never get an account). */
export const ACCOUNT_KINDS: readonly Kind[] = ["staff", "supply", "student_teacher", "volunteer", "governor"];

/**
 * Audiences as API.md names them (`POST /agreements` takes one), in the order forms list them.
 * The web app imports this list rather than keeping its own.
 */
export const AUDIENCES = [
  "staff",
  "governors",
  "visitors",
  "volunteers",
  "student_teachers",
  "parents",
  "pupils",
] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * The kind of person each audience is: an agreement addressed to "pupils" is for every person of
 * kind "pupil". Here, beside the kinds, because the rule of who an agreement is for
 * (access/agreements.ts) and every module that asks people to sign read it.
 */
export const AUDIENCE_KIND = {
  staff: "staff",
  governors: "governor",
  visitors: "visitor",
  volunteers: "volunteer",
  student_teachers: "student_teacher",
  parents: "parent",
  pupils: "pupil",
} as const satisfies Record<Audience, Kind>;

/**
 * What an API token may be used for (decision 029): `read` (look, never change), `import` (the
 * people and policy imports) and `full` (everything its creator's roles allow, except what no
 * token may ever do: access/tokens.ts). A token holds one or more.
 */
export const TOKEN_SCOPES = ["read", "import", "full"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** How the actor reached Accord: every audit event records it (`actor_via`). */
export const ACTOR_VIAS = ["session", "token", "parent_link", "kiosk", "class_session", "system"] as const;
export type ActorVia = (typeof ACTOR_VIAS)[number];

/** Who is making a request: every service call receives one. */
export type Actor = {
  schoolId: string;
  personId: string | null;
  name: string | null;
  roles: Role[];
  kinds: Kind[];
  ip: string | null;
  via: ActorVia;
  /** When `via` is "token": which token, and what it may be used for. */
  token?: { id: string; name: string; scopes: TokenScope[] };
  /** For a session: how the person signed in (a signature's evidence says so). */
  signedInWith?: "password" | "sso";
  /**
   * Sessions only: when two-step sign-in became required of the person (null: it is not) and how
   * this session proved it (null: password only). See access/mfa.ts.
   */
  mfa?: { requiredSince: Date | null; sessionMethod: string | null };
};

export function systemActor(schoolId: string): Actor {
  return { schoolId, personId: null, name: "Accord", roles: [], kinds: [], ip: null, via: "system" };
}
