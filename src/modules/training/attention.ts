import type { AttentionItem, AttentionSource } from "../../kernel/attention.js";
import type { Actor } from "../access/roles.js";
import { trainingMatrixScope } from "../access/training.js";
import { coverage } from "./coverage.js";

/**
 * Home page: the person's own courses that have run out, run out soon or were never done (a new
 * starter's induction with its due date); and, for those who read the whole school's matrix, how
 * many people have training out of date.
 */
export const trainingAttention: AttentionSource<Actor> = async (db, actor) => {
  const items: AttentionItem[] = [];
  if (actor.personId) {
    const cover = await coverage(db, actor.schoolId, { personIds: [actor.personId] });
    const cells = cover.people[0]?.cells;
    const never: string[] = [];
    for (const course of cover.courses) {
      const cell = cells?.get(course.id);
      if (!cell || cell.status === "in_date") continue;
      if (cell.status === "never" && cell.dueOn)
        items.push({
          key: "inductionDue",
          params: { course: course.name, due: cell.dueOn },
          href: "/training",
          severity: "warning",
        });
      else if (cell.status === "never") never.push(course.name);
      else
        items.push({
          key: cell.status === "expired" ? "trainingExpired" : "trainingExpiring",
          params: { course: course.name, date: cell.expiresOn },
          href: "/training",
          severity: cell.status === "expired" ? "warning" : "info",
        });
    }
    if (never.length > 0)
      items.push({
        key: "trainingNeverDone",
        params: { count: never.length, courses: never.join(", ") },
        href: "/training",
        severity: "info",
      });
  }
  if (trainingMatrixScope(actor) === "school") {
    const cover = await coverage(db, actor.schoolId);
    const outOfDate = cover.people.filter((p) =>
      [...p.cells.values()].some((c) => c.status === "expired"),
    ).length;
    if (outOfDate > 0)
      items.push({
        key: "trainingOutOfDate",
        params: { count: outOfDate },
        href: "/training/matrix?status=expired",
        severity: "warning",
      });
  }
  return items;
};
