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

/** Kinds who sign in with email and password (parents, visitors and pupils never get an account). */
export const ACCOUNT_KINDS: readonly Kind[] = ["staff", "supply", "student_teacher", "volunteer", "governor"];

/** Who is making a request: every service call receives one. */
export type Actor = {
  schoolId: string;
  personId: string | null;
  name: string | null;
  roles: Role[];
  kinds: Kind[];
  ip: string | null;
  via: "session" | "token" | "system";
};

export function systemActor(schoolId: string): Actor {
  return { schoolId, personId: null, name: "Accord", roles: [], kinds: [], ip: null, via: "system" };
}
