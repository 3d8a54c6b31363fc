import { csvLines } from "../../kernel/csv.js";
import type { Chart, DashboardView } from "./schema.js";

/**
 * A chart's table as CSV: the JSON rows' own fields as columns, in the same order, so the CSV
 * and the dashboard's JSON are the same figures (a test holds them equal). Empty for null.
 */
export function chartCsv(view: DashboardView, chart: Chart) {
  const rows = view[chart] as Record<string, string | number | boolean | null>[];
  const head = rows.length ? Object.keys(rows[0]) : [];
  return csvLines([head, ...rows.map((r) => head.map((k) => (r[k] === null ? "" : String(r[k]))))]);
}
