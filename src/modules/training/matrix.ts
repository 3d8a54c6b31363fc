/**
 * The training matrix: people × the courses each must take, with filters, counts and a CSV for
 * an inspector. Line managers without a wider role see their own team's rows (access/training).
 */
import type { Db } from "../../db/client.js";
import { csvLines } from "../../kernel/csv.js";
import { forbidden } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { trainingMatrixScope } from "../access/training.js";
import { coverage } from "./coverage.js";
import type { CellView, MatrixQuery, MatrixView, TrainingStatus } from "./schema.js";

export async function trainingMatrix(db: Db, actor: Actor, filters: Omit<MatrixQuery, "format">) {
  const scope = trainingMatrixScope(actor);
  if (!scope) throw forbidden();
  const cover = await coverage(
    db,
    actor.schoolId,
    scope === "team" ? { lineManagerId: actor.personId ?? "00000000-0000-0000-0000-000000000000" } : {},
  );
  const courses = cover.courses.filter((c) => !filters.course || c.key === filters.course);
  const counts: Record<TrainingStatus, number> = { in_date: 0, expiring: 0, expired: 0, never: 0 };
  const departments = [...new Set(cover.people.map((p) => p.department).filter(Boolean) as string[])].sort();
  const rows: MatrixView["people"] = [];
  for (const p of cover.people) {
    if (filters.department && p.department !== filters.department) continue;
    const cells: Record<string, CellView> = {};
    for (const c of courses) {
      const cell = p.cells.get(c.id);
      if (cell) cells[c.key] = cell;
    }
    const shown = Object.values(cells);
    if (shown.length === 0) continue;
    if (filters.status && !shown.some((cell) => cell.status === filters.status)) continue;
    for (const cell of shown) counts[cell.status]++;
    rows.push({ id: p.id, name: p.name, department: p.department, jobTitle: p.jobTitle, cells });
  }
  return {
    scope,
    courses: courses.map((c) => ({ key: c.key, name: c.name, validityMonths: c.validityMonths })),
    people: rows,
    counts,
    departments,
  } satisfies MatrixView;
}

const LABEL: Record<TrainingStatus, string> = {
  in_date: "In date",
  expiring: "Expiring",
  expired: "Expired",
  never: "Never done",
};

function cellInWords(cell: CellView | undefined) {
  if (!cell) return "Not required";
  if (cell.status === "never") return cell.dueOn ? `${LABEL.never} (due ${cell.dueOn})` : LABEL.never;
  const until = cell.expiresOn ? `, until ${cell.expiresOn}` : "";
  return `${LABEL[cell.status]} (completed ${cell.completedOn}${until})`;
}

/** One row per person, one column per course: status and dates in words. */
export function matrixCsv(m: MatrixView) {
  return csvLines([
    ["Name", "Department", "Job title", ...m.courses.map((c) => c.name)],
    ...m.people.map((p) => [
      p.name,
      p.department,
      p.jobTitle,
      ...m.courses.map((c) => cellInWords(p.cells[c.key])),
    ]),
  ]);
}
