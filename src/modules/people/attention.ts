import type { AttentionItem, AttentionSource } from "../../kernel/attention.js";
import { canManagePeople } from "../access/people.js";
import type { Actor } from "../access/roles.js";
import { countByKind, listPeople } from "./service.js";

/** Home page, for those who manage people: a school not yet set up, and invitations not taken up. */
export const peopleAttention: AttentionSource<Actor> = async (db, actor) => {
  if (!canManagePeople(actor)) return [];
  const items: AttentionItem[] = [];
  const counts = await countByKind(db, actor.schoolId);
  if (!counts.pupil)
    items.push({ key: "importPeople", params: {}, href: "/people/import", severity: "info" });
  if ((counts.staff ?? 0) < 2)
    items.push({
      key: "addStaff",
      params: { count: counts.staff ?? 0 },
      href: "/people/new",
      severity: "info",
    });
  const invited = await listPeople(db, actor.schoolId, {
    status: "current",
    account: "invited",
    limit: 1,
    offset: 0,
  });
  if (invited.total > 0)
    items.push({
      key: "invitationsPending",
      params: { count: invited.total },
      href: "/people?account=invited",
      severity: "info",
    });
  return items;
};
