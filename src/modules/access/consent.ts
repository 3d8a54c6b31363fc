import { holdsAny, inSchool, isSchoolAdmin, isSelf } from "./predicates.js";
import type { Actor, Kind, Role } from "./roles.js";

/**
 * Photo consent. Every member of staff may ask "can I use this photo?" and read where a pupil
 * stands (a teacher planning a newsletter needs it); admins set up purposes, send requests and
 * record paper answers; only the DSL and deputies restrict a child, and the reason for a
 * restriction (a court order, an adoption, a named risk) is read by them and the headteacher
 * alone: everyone else sees only "restricted".
 */
export type PupilRecord = { schoolId: string };
export type RemovalRecord = { schoolId: string; managerId: string };

/** The kinds who work with pupils and take their photographs (not governors, volunteers or visitors). */
const STAFF_KINDS: readonly Kind[] = ["staff", "supply", "student_teacher"];
const RESTRICTORS: readonly Role[] = ["dsl", "deputy_dsl"];
const RESTRICTION_READERS: readonly Role[] = [...RESTRICTORS, "headteacher"];

export function isStaffMember(actor: Pick<Actor, "kinds">) {
  return actor.kinds.some((k) => STAFF_KINDS.includes(k));
}

/** Where a pupil stands, the collection view, the photo check and the class sheet. */
export function canReadConsent(actor: Pick<Actor, "schoolId" | "kinds" | "roles">, pupil: PupilRecord) {
  if (!inSchool(actor, pupil)) return false;
  return isStaffMember(actor) || isSchoolAdmin(actor);
}

export function canRestrictImages(actor: Pick<Actor, "schoolId" | "roles">, pupil: PupilRecord) {
  if (!inSchool(actor, pupil)) return false;
  return holdsAny(actor, RESTRICTORS);
}

export function canReadRestrictionReason(actor: Pick<Actor, "schoolId" | "roles">, pupil: PupilRecord) {
  if (!inSchool(actor, pupil)) return false;
  return holdsAny(actor, RESTRICTION_READERS);
}

/** A removal is confirmed by the manager who was asked to take the images down, or an admin. */
export function canConfirmRemoval(
  actor: Pick<Actor, "schoolId" | "roles" | "personId">,
  removal: RemovalRecord,
) {
  if (!inSchool(actor, removal)) return false;
  return isSchoolAdmin(actor) || isSelf(actor, removal.managerId);
}
