import { holdsAny, inSchool, isSchoolAdmin, isSelf } from "./predicates.js";
import type { Actor, Role, TrustRole } from "./roles.js";

/**
 * Filtering and monitoring reviews. Recorded, and the responsible people named, by the
 * headteacher, the school's admins, the online-safety lead and the senior leader the school has
 * named for filtering; read also by those who act on what a review finds (the DSL and deputies,
 * the network manager, the computing lead), by the chair of governors and by the governor the
 * school has named. The named leader and governor are people, not roles: the school's naming
 * (its responsibles) is part of every rule. An action is marked done by its owner or an admin.
 */
export type FilteringResponsibles = { schoolId: string; leaderId: string | null; governorId: string | null };

const RECORDERS: readonly Role[] = ["headteacher", "school_admin", "online_safety_lead"];
const READERS: readonly Role[] = [
  ...RECORDERS,
  "dsl",
  "deputy_dsl",
  "network_manager",
  "computing_lead",
  "chair_of_governors",
];

/** Whether the actor is the school's named filtering leader or governor: their standing. */
/**
 * What the school (or its trust) has named a person, beyond their roles: the filtering senior
 * leader or governor, and their trust roles (access/trust.ts). Rules that widen an action by
 * standing read it; the route × role walk gives its identities none.
 */
export type FilteringStanding = { leader: boolean; governor: boolean; trustRoles?: readonly TrustRole[] };
export const NO_STANDING: FilteringStanding = { leader: false, governor: false };

export function standingOf(
  actor: Pick<Actor, "schoolId" | "personId">,
  named: FilteringResponsibles | null,
): FilteringStanding {
  if (!named || !inSchool(actor, named)) return NO_STANDING;
  return { leader: isSelf(actor, named.leaderId), governor: isSelf(actor, named.governorId) };
}

/** Recording a review and naming the responsible leader and governor. */
export function canRecordFilteringReview(
  actor: Pick<Actor, "schoolId" | "personId" | "roles">,
  named: FilteringResponsibles,
) {
  if (!inSchool(actor, named)) return false;
  return holdsAny(actor, RECORDERS) || isSelf(actor, named.leaderId);
}

/** Reading the reviews, their status and their PDF. */
export function canReadFilteringReviews(
  actor: Pick<Actor, "schoolId" | "personId" | "roles">,
  named: FilteringResponsibles,
) {
  if (!inSchool(actor, named)) return false;
  return holdsAny(actor, READERS) || isSelf(actor, named.leaderId) || isSelf(actor, named.governorId);
}

/** Marking an action done: the person it was given to, or an admin. */
export function canMarkFilteringActionDone(
  actor: Pick<Actor, "schoolId" | "personId" | "roles">,
  action: { schoolId: string; ownerId: string },
) {
  if (!inSchool(actor, action)) return false;
  return isSelf(actor, action.ownerId) || isSchoolAdmin(actor);
}

/** The same questions without a record, for the menu: by role, or by the actor's standing. */
export const mayReadFilteringReviews = (actor: Pick<Actor, "roles">, standing: FilteringStanding) =>
  holdsAny(actor, READERS) || standing.leader || standing.governor;

export const mayRecordFilteringReviews = (actor: Pick<Actor, "roles">, standing: FilteringStanding) =>
  holdsAny(actor, RECORDERS) || standing.leader;
