import { useQuery } from "@tanstack/react-query";
import { api, withQuery } from "../../api";
import type { Chart, DashboardView } from "./types";

export const dashboardKey = (term: string) => ["reports", "dashboard", term] as const;

/** The leaders' dashboard: every chart's rows in one answer. "" asks for today's term. */
export const useDashboard = (term: string) =>
  useQuery({
    queryKey: dashboardKey(term),
    queryFn: () => api.get<DashboardView>("/reports/dashboard", { term }),
  });

/** The same rows as CSV: a link, so the browser downloads it with the session cookie. */
export const chartCsvHref = (chart: Chart, term: string) =>
  withQuery(`/api/v1/reports/dashboard/${chart}.csv`, { term });

/** The termly report to governors as a PDF: a link, so the browser downloads it with the session cookie. */
export const governorsReportHref = (term: string) => withQuery("/api/v1/reports/governors.pdf", { term });
