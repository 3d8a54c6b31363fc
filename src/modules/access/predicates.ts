import { type Actor, ADMIN_ROLES, type Role } from "./roles.js";

/**
 * The three questions every record rule asks, in this order (the habit of outline's
 * `server/policies`): is the record in the actor's school (tenant), does the actor hold a role that
 * reaches it (role), is it the actor's own (ownership). A rule that forgets the first is a leak
 * between schools, so each rule asks it itself even though queries also filter by school.
 */

/** Tenant: the record belongs to the actor's school. */
export const inSchool = (actor: Pick<Actor, "schoolId">, record: { schoolId: string }) =>
  record.schoolId === actor.schoolId;

/** Role: the actor holds one of these designated roles. */
export const holdsAny = (actor: Pick<Actor, "roles">, roles: readonly Role[]) =>
  actor.roles.some((r) => roles.includes(r));

/** Role: the actor is one of the school's administrators (ADMIN_ROLES). */
export const isSchoolAdmin = (actor: Pick<Actor, "roles">) => holdsAny(actor, ADMIN_ROLES);

/** Ownership: the person on the record is the actor (a record of nobody is nobody's own). */
export const isSelf = (actor: Pick<Actor, "personId">, personId: string | null | undefined) =>
  personId != null && personId === actor.personId;
