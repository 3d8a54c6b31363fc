import type { FastifyInstance } from "fastify";
import { todayInLondon } from "../../kernel/dates.js";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { file, problems } from "../../kernel/responses.js";
import { chartCsv } from "./csv.js";
import { dashboardFigures } from "./figures.js";
import { downloadGovernorsReport } from "./governors.js";
import { type Chart, ChartParams, DashboardQuery, DashboardView, GovernorsQuery } from "./schema.js";
import { termNamed, termOf, termsEndingWith } from "./terms.js";

/** A school year's worth: the term asked for and the two before it. */
const TERMS_SHOWN = 3;

function termsFor(term: string | undefined, today: string) {
  return termsEndingWith(term ? termNamed(term) : termOf(today), TERMS_SHOWN);
}

export async function reportRoutes(app: FastifyInstance, { database }: Deps) {
  const api = typed(app);
  const db = database.db;
  const action = "reports.dashboard" as const;

  api.get(
    "/api/v1/reports/dashboard",
    {
      config: { action },
      schema: { querystring: DashboardQuery, response: { 200: DashboardView, ...problems(400) } },
    },
    async (request) => {
      const today = todayInLondon();
      return dashboardFigures(db, actorOf(request).schoolId, termsFor(request.query.term, today), today);
    },
  );

  api.get(
    "/api/v1/reports/dashboard/:chart",
    {
      config: { action },
      schema: {
        params: ChartParams,
        querystring: DashboardQuery,
        response: {
          200: file("text/csv", "One chart's table as CSV: the same rows as the dashboard's JSON"),
          ...problems(400),
        },
      },
    },
    async (request, reply) => {
      const today = todayInLondon();
      const chart = request.params.chart.replace(/\.csv$/, "") as Chart;
      const view = await dashboardFigures(
        db,
        actorOf(request).schoolId,
        termsFor(request.query.term, today),
        today,
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${chart}.csv"`)
        .send(chartCsv(view, chart));
    },
  );

  api.get(
    "/api/v1/reports/governors.pdf",
    {
      config: { action: "reports.governors" },
      schema: {
        querystring: GovernorsQuery,
        response: {
          200: file("application/pdf", "The termly report to governors: the term against the term before"),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      // Who may (governors and the dashboard's readers): the access plugin asks access/reports.ts.
      const actor = actorOf(request);
      const term = request.query.term ?? termOf(todayInLondon()).name;
      const report = await downloadGovernorsReport(db, actor, term);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${report.fileName}"`)
        .header("cache-control", "no-store")
        .send(report.pdf);
    },
  );
}
