/**
 * When the next review is due. The rule (decision 019): a review is due 12 calendar months after
 * the last one, and overdue from that day on. A review on 2 December 2025 is due on 2 December
 * 2026: on 1 December 2026 it is not overdue, on 2 December it is. Months are calendar months,
 * clamped to the month's end, so a review on 29 February 2024 is due on 28 February 2025. A school
 * that has never recorded a review is overdue: the duty is annual from the start.
 */
import type { DbOrTx } from "../../db/client.js";
import { addMonths, todayInLondon } from "../../kernel/dates.js";
import { canRecordFilteringReview } from "../access/filtering.js";
import type { Actor } from "../access/roles.js";
import { actionCounts, lastReviewedOn, peopleByIds, responsiblesOf } from "./queries.js";
import { REVIEW_EVERY_MONTHS, type StatusView } from "./schema.js";

export function nextReviewDue(lastReviewedOn: string | null) {
  return lastReviewedOn ? addMonths(lastReviewedOn, REVIEW_EVERY_MONTHS) : null;
}

export function isReviewOverdue(lastReviewedOn: string | null, today: string) {
  const due = nextReviewDue(lastReviewedOn);
  return due === null || today >= due;
}

/** Whether the school's review is overdue, and when the next is due. */
export async function reviewDue(db: DbOrTx, schoolId: string, today = todayInLondon()) {
  const last = await lastReviewedOn(db, schoolId);
  return { lastReviewedOn: last, nextDueOn: nextReviewDue(last), overdue: isReviewOverdue(last, today) };
}

export async function filteringStatus(
  db: DbOrTx,
  actor: Actor,
  today = todayInLondon(),
): Promise<StatusView> {
  const named = await responsiblesOf(db, actor.schoolId);
  const people = await peopleByIds(
    db,
    actor.schoolId,
    [named.leaderId, named.governorId].filter((id): id is string => Boolean(id)),
  );
  const ref = (id: string | null) => {
    const p = id ? people.get(id) : undefined;
    return p ? { id: p.id, name: p.name } : null;
  };
  const counts = await actionCounts(db, actor.schoolId, today);
  return {
    ...(await reviewDue(db, actor.schoolId, today)),
    leader: ref(named.leaderId),
    governor: ref(named.governorId),
    openActions: counts.open,
    overdueActions: counts.overdue,
    canRecord: canRecordFilteringReview(actor, named),
  };
}
