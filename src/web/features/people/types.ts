export const personKinds = [
  "staff",
  "supply",
  "student_teacher",
  "volunteer",
  "governor",
  "visitor",
  "parent",
  "pupil",
] as const;

export const designatedRoles = [
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

// People who sign in to Accord themselves; parents, pupils and visitors never get accounts.
export const kindsWithAccounts = ["staff", "governor", "supply", "student_teacher", "volunteer"];

export type PersonStatus = "current" | "leaving" | "left";
export type AccountState = "none" | "invited" | "active";

export interface Person {
  id: string;
  givenName: string;
  familyName: string;
  name: string;
  kinds: string[];
  roles: string[];
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  department: string | null;
  yearGroup: string | null;
  regGroup: string | null;
  startDate: string | null;
  leaveDate: string | null;
  status: PersonStatus;
  account: AccountState;
}

export interface PersonDetail extends Person {
  contacts: { id: string; name: string; relationship: string | null; priority: number | null }[];
  pupils: { id: string; name: string; relationship: string | null }[];
}

export interface PeopleList {
  people: Person[];
  total: number;
}

export function canHaveAccount(person: Person): boolean {
  return Boolean(person.email) && person.kinds.some((k) => kindsWithAccounts.includes(k));
}
