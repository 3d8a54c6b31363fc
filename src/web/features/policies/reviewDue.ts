import { todayInLondon } from "../../ui/format";

export type ReviewState = "overdue" | "dueSoon" | "ok" | "none";

/** A date one month on from a YYYY-MM-DD date, as YYYY-MM-DD. */
function oneMonthAfter(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const next = new Date(Date.UTC(y, m, d));
  return next.toISOString().slice(0, 10);
}

/** Overdue comes from the server; "due soon" is a review within the next month. */
export function reviewState(nextReviewDue: string | null, overdue: boolean): ReviewState {
  if (!nextReviewDue) return "none";
  if (overdue) return "overdue";
  return nextReviewDue <= oneMonthAfter(todayInLondon()) ? "dueSoon" : "ok";
}
