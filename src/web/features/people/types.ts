// The API's own contracts (src/modules/*/schema.ts) and lists (access/roles.ts): the web app
// takes them from there, so a field or a role added on the server reaches the screens at once.

import { ACCOUNT_KINDS } from "../../../modules/access/roles";
import type { PeopleListView, PersonDetailView, PersonView } from "../../../modules/people/schema";

export {
  ACCOUNT_KINDS as kindsWithAccounts,
  KINDS as personKinds,
  ROLES as designatedRoles,
} from "../../../modules/access/roles";
export { ACCOUNT_STATES, PERSON_STATUSES } from "../../../modules/people/schema";

export type Person = PersonView;
export type PersonDetail = PersonDetailView;
export type PeopleList = PeopleListView;
export type PersonStatus = Person["status"];
export type AccountState = Person["account"];

export function canHaveAccount(person: Person): boolean {
  return Boolean(person.email) && person.kinds.some((k) => ACCOUNT_KINDS.includes(k));
}
