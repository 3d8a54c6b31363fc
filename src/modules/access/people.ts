import { can } from "./matrix.js";
import { ACCOUNT_KINDS, type Actor, type Kind } from "./roles.js";

/**
 * People: reading and changing the directory are the matrix's `people.*` rows (a person record
 * is always looked up within the actor's school). Here: who is asked to set the directory up, and
 * whose record may carry an account.
 */

/** Whoever manages people is the one the home page asks to import pupils, add staff, chase invitations. */
export const canManagePeople = (actor: Pick<Actor, "roles">) => can(actor, "people.manage");

/** Only staff, governors, volunteers and student teachers sign in (parents, visitors and pupils never). */
export const canHoldAccount = (person: { kinds: readonly string[] }) =>
  person.kinds.some((k) => ACCOUNT_KINDS.includes(k as Kind));
