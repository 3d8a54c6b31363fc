import type { AttentionItem, AttentionSource } from "../../kernel/attention.js";
import { todayInLondon } from "../../kernel/dates.js";
import { holdsAny, isSelf } from "../access/predicates.js";
import type { Actor } from "../access/roles.js";
import { openActionsOwnedBy, responsiblesOf } from "./queries.js";
import { reviewDue } from "./status.js";

/**
 * Home page: the headteacher and the named senior leader see when the filtering and monitoring
 * review is overdue (or has never been recorded); everyone sees the actions given to them that
 * are due or past due.
 */
export const filteringAttention: AttentionSource<Actor> = async (db, actor) => {
  if (!actor.personId) return [];
  const items: AttentionItem[] = [];
  const named = await responsiblesOf(db, actor.schoolId);
  if (holdsAny(actor, ["headteacher"]) || isSelf(actor, named.leaderId)) {
    const due = await reviewDue(db, actor.schoolId);
    if (due.overdue)
      items.push({
        key: due.lastReviewedOn ? "filteringReviewOverdue" : "filteringReviewNever",
        params: { due: due.nextDueOn, last: due.lastReviewedOn },
        href: "/filtering",
        severity: "warning",
      });
  }
  const today = todayInLondon();
  const mine = (await openActionsOwnedBy(db, actor.schoolId, actor.personId)).filter((a) => a.dueOn <= today);
  if (mine.length > 0)
    items.push({
      key: "filteringActionsDue",
      params: { count: mine.length },
      href: "/filtering/actions",
      severity: "warning",
    });
  return items;
};
