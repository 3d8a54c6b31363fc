import { Anchor, Box, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useReducedMotion } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { chartCsvHref, governorsReportHref, useDashboard } from "./reportsApi";
import { TermPicker } from "./TermPicker";
import type { Chart, DashboardView } from "./types";

/**
 * Colours for bars and lines, each at least 4.5:1 against white (WCAG 1.4.11 needs 3:1 for
 * graphics), and told apart by more than hue: every chart has its table and a legend beside it.
 */
const PALETTE = ["#1c5d99", "#a34700", "#2e6b30", "#6f3596", "#a3262a", "#00646d", "#555555", "#7a5200"];
const CHART_HEIGHT = 260;

type Row<C extends Chart> = DashboardView[C][number];

/** One chart: its heading, a sentence for everyone (screen readers too), the chart, its table and CSV. */
function ChartSection({
  chart,
  term,
  summary,
  figure,
  height = CHART_HEIGHT,
  table,
}: {
  chart: Chart;
  /** The term the CSV link asks for; null where there is no CSV of these figures (a trust's view of a school). */
  term: string | null;
  summary: string;
  figure?: ReactNode;
  height?: number;
  table: ReactNode;
}) {
  const { t } = useTranslation();
  const id = `chart-${chart}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h3" id={id}>
            {t(`reports.charts.${chart}.title`)}
          </Title>
          {term !== null && (
            <Anchor href={chartCsvHref(chart, term)} download>
              {t("reports.csv", { chart: t(`reports.charts.${chart}.title`) })}
            </Anchor>
          )}
        </Group>
        <Text>{summary}</Text>
        {figure && (
          // The picture repeats the table beside it; screen readers are given the sentence above.
          <Box aria-hidden="true" style={{ width: "100%", minWidth: 0 }}>
            <ResponsiveContainer width="100%" height={height}>
              {figure as React.ReactElement}
            </ResponsiveContainer>
          </Box>
        )}
        {table}
      </Stack>
    </Paper>
  );
}

const pct = (v: number | null) => (v === null ? "–" : `${v}%`);

/** The leaders' dashboard: the school's figures as charts, each with its table and CSV (decision 025). */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // "?term=2026-autumn" shows that term and the two before it; without it, today's term.
  const term = params.get("term") ?? "";
  const dashboard = useDashboard(term);
  const data = dashboard.data;
  if (dashboard.error) return <ErrorAlert error={dashboard.error} />;
  if (!data) return <SectionLoader />;
  return (
    <DashboardBody
      data={data}
      term={term}
      title={t("reports.title")}
      controls={
        <Group align="flex-end">
          <TermPicker value={term} onChange={(next) => setParams({ term: next }, { replace: true })} />
          <Anchor href={governorsReportHref(data.terms[data.terms.length - 1].name)} download pb={8}>
            {t("reports.governors.link")}
          </Anchor>
        </Group>
      }
    />
  );
}

/**
 * A school's dashboard drawn from its figures: the school's own page, and a trust's view of one of
 * its schools (features/trust), which has no CSV or term picker (`term` null, no `controls`).
 */
export function DashboardBody({
  data,
  term,
  title,
  controls,
}: {
  data: DashboardView;
  term: string | null;
  title: string;
  controls?: ReactNode;
}) {
  const { t } = useTranslation();
  // Read at once, not after a first render: a chart must not start animating for someone who asked not to.
  const animate = !useReducedMotion(false, { getInitialValueInEffect: false });
  const termName = (name: string) => {
    const [year, season] = name.split("-");
    return t(`reports.terms.${season}`, { year });
  };
  const kindName = (k: string) => t(`people.kinds.${k}`);
  const categoryName = (c: string) => t(`incidents.categories.${c}.label`);
  const anim = { isAnimationActive: animate };
  const axes = (key: string, percent = true) => (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#c8c8c8" />
      <XAxis
        dataKey={key}
        interval={0}
        tick={{ fontSize: 12, fill: "#333" }}
        height={40}
        padding={{ left: 24, right: 24 }}
      />
      <YAxis
        domain={percent ? [0, 100] : [0, "auto"]}
        allowDecimals={false}
        width={40}
        tick={{ fontSize: 12, fill: "#333" }}
        unit={percent ? "%" : undefined}
      />
      <Tooltip />
    </>
  );
  const percentColumns = <
    R extends { required: number; done: number; percent: number | null },
  >(): Column<R>[] => [
    { header: t("reports.columns.required"), cell: (r) => r.required },
    { header: t("reports.columns.done"), cell: (r) => r.done },
    { header: t("reports.columns.percent"), cell: (r) => pct(r.percent) },
  ];

  const agreements = data.agreements.map((r) => ({ ...r, label: r.agreement }));
  const byKind = data.agreementsByKind.map((r) => ({ ...r, label: kindName(r.kind) }));
  const byDepartment = data.agreementsByDepartment.map((r) => ({
    ...r,
    label: r.department ?? t("reports.noDepartment"),
  }));
  const byTerm = data.agreementsByTerm.map((r) => ({ ...r, label: termName(r.term) }));

  // Consent: one bar per purpose for each class.
  const purposes = [...new Set(data.consent.map((r) => r.purpose))];
  const classes = [...new Set(data.consent.map((r) => r.class ?? t("reports.noClass")))];
  const consentBars = classes.map((c) => ({
    label: c,
    ...Object.fromEntries(
      data.consent
        .filter((r) => (r.class ?? t("reports.noClass")) === c)
        .map((r) => [r.purpose, r.percent ?? 0]),
    ),
  }));
  // Incidents: one bar per term for each category reported.
  const categories = [...new Set(data.incidents.map((r) => r.category))];
  const incidentBars = categories.map((c) => ({
    label: categoryName(c),
    ...Object.fromEntries(
      data.incidents.filter((r) => r.category === c).map((r) => [termName(r.term), r.count]),
    ),
  }));
  const totalIncidents = data.incidents.reduce((n, r) => n + r.count, 0);
  const policies = data.policies.map((r) => ({ ...r, label: t(`reports.reviewStatus.${r.status}`) }));
  const training = data.training.map((r) => ({ ...r, label: r.course }));
  const filtering = data.filtering[0];
  const lowest = <R extends { label: string; percent: number | null }>(rows: R[]) =>
    rows.filter((r) => r.percent !== null).sort((x, y) => (x.percent ?? 0) - (y.percent ?? 0))[0];
  const percentSummary = <R extends { label: string; percent: number | null }>(rows: R[]) => {
    const low = lowest(rows);
    return low
      ? t("reports.summary.lowest", { count: rows.length, label: low.label, percent: low.percent })
      : t("reports.summary.none");
  };
  // Bars run across, one row per name: long names (courses, categories) stay readable on a phone.
  const across = (percent: boolean) => (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#c8c8c8" />
      <XAxis
        type="number"
        domain={percent ? [0, 100] : [0, "auto"]}
        allowDecimals={false}
        unit={percent ? "%" : undefined}
        tick={{ fontSize: 12, fill: "#333" }}
      />
      <YAxis type="category" dataKey="label" width={120} interval={0} tick={{ fontSize: 12, fill: "#333" }} />
      <Tooltip />
    </>
  );
  const percentBar = (rows: { label: string; percent: number | null }[]) => (
    <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ right: 16 }}>
      {across(true)}
      <Bar dataKey="percent" name={t("reports.columns.percent")} fill={PALETTE[0]} {...anim} />
    </BarChart>
  );
  const barsHeight = (n: number) => Math.max(120, 40 * n + 50);
  const labelColumn = <R extends { label: string }>(header: string): Column<R> => ({
    header,
    cell: (r) => r.label,
    rowHeader: true,
  });

  return (
    <Stack>
      <PageTitle>{title}</PageTitle>
      <Text>
        {t(term === null ? "reports.introNoCsv" : "reports.intro", {
          from: termName(data.terms[0].name),
          to: termName(data.terms[data.terms.length - 1].name),
        })}
      </Text>
      {controls}
      <Stack gap="lg">
        <ChartSection
          chart="agreements"
          term={term}
          summary={percentSummary(agreements)}
          figure={agreements.length ? percentBar(agreements) : undefined}
          height={barsHeight(agreements.length)}
          table={
            <DataTable
              rows={agreements}
              rowKey={(r) => r.agreement}
              empty={<Text c="dimmed">{t("reports.empty")}</Text>}
              columns={[
                labelColumn(t("reports.columns.agreement")),
                ...percentColumns<(typeof agreements)[number]>(),
              ]}
            />
          }
        />
        <ChartSection
          chart="agreementsByTerm"
          term={term}
          summary={
            byTerm.length
              ? t("reports.summary.byTerm", {
                  term: byTerm[byTerm.length - 1].label,
                  percent: pct(byTerm[byTerm.length - 1].percent),
                })
              : t("reports.summary.none")
          }
          figure={
            <LineChart data={byTerm} accessibilityLayer={false} margin={{ left: 8, right: 40 }}>
              {axes("label")}
              <Line
                type="monotone"
                dataKey="percent"
                name={t("reports.columns.percent")}
                stroke={PALETTE[0]}
                strokeWidth={3}
                {...anim}
              />
            </LineChart>
          }
          table={
            <DataTable
              rows={byTerm}
              rowKey={(r) => r.term}
              columns={[labelColumn(t("reports.columns.term")), ...percentColumns<(typeof byTerm)[number]>()]}
            />
          }
        />
        <ChartSection
          chart="agreementsByKind"
          term={term}
          summary={percentSummary(byKind)}
          figure={byKind.length ? percentBar(byKind) : undefined}
          height={barsHeight(byKind.length)}
          table={
            <DataTable
              rows={byKind}
              rowKey={(r) => r.kind}
              empty={<Text c="dimmed">{t("reports.empty")}</Text>}
              columns={[labelColumn(t("reports.columns.kind")), ...percentColumns<(typeof byKind)[number]>()]}
            />
          }
        />
        <ChartSection
          chart="agreementsByDepartment"
          term={term}
          summary={percentSummary(byDepartment)}
          figure={byDepartment.length ? percentBar(byDepartment) : undefined}
          height={barsHeight(byDepartment.length)}
          table={
            <DataTable
              rows={byDepartment}
              rowKey={(r) => r.label}
              empty={<Text c="dimmed">{t("reports.empty")}</Text>}
              columns={[
                labelColumn(t("reports.columns.department")),
                ...percentColumns<(typeof byDepartment)[number]>(),
              ]}
            />
          }
        />
        <ChartSection
          chart="consent"
          term={term}
          summary={
            data.consent.length
              ? t("reports.summary.consent", { classes: classes.length, purposes: purposes.length })
              : t("reports.summary.none")
          }
          height={barsHeight(classes.length * Math.max(1, purposes.length / 2)) + 40}
          figure={
            data.consent.length ? (
              <BarChart
                data={consentBars}
                layout="vertical"
                accessibilityLayer={false}
                margin={{ right: 16 }}
              >
                {across(true)}
                <Legend itemSorter={null} />
                {purposes.map((p, i) => (
                  <Bar key={p} dataKey={p} name={p} fill={PALETTE[i % PALETTE.length]} {...anim} />
                ))}
              </BarChart>
            ) : undefined
          }
          table={
            <DataTable
              rows={data.consent}
              rowKey={(r) => `${r.class} ${r.purpose}`}
              columns={[
                {
                  header: t("reports.columns.class"),
                  cell: (r) => r.class ?? t("reports.noClass"),
                  rowHeader: true,
                },
                { header: t("reports.columns.purpose"), cell: (r) => r.purpose },
                { header: t("reports.columns.pupils"), cell: (r) => r.pupils },
                { header: t("reports.columns.given"), cell: (r) => r.given },
                { header: t("reports.columns.percent"), cell: (r) => pct(r.percent) },
              ]}
            />
          }
        />
        <ChartSection
          chart="incidents"
          term={term}
          summary={t("reports.summary.incidents", { count: totalIncidents, categories: categories.length })}
          height={barsHeight(categories.length * Math.max(1, data.terms.length / 2)) + 40}
          figure={
            incidentBars.length ? (
              <BarChart
                data={incidentBars}
                layout="vertical"
                accessibilityLayer={false}
                margin={{ right: 16 }}
              >
                {across(false)}
                <Legend itemSorter={null} />
                {data.terms.map((tm, i) => (
                  <Bar
                    key={tm.name}
                    dataKey={termName(tm.name)}
                    name={termName(tm.name)}
                    fill={PALETTE[i % PALETTE.length]}
                    {...anim}
                  />
                ))}
              </BarChart>
            ) : undefined
          }
          table={
            <DataTable
              rows={data.incidents}
              rowKey={(r: Row<"incidents">) => `${r.category} ${r.term}`}
              empty={<Text c="dimmed">{t("reports.noIncidents")}</Text>}
              columns={[
                {
                  header: t("reports.columns.category"),
                  cell: (r) => categoryName(r.category),
                  rowHeader: true,
                },
                { header: t("reports.columns.term"), cell: (r) => termName(r.term) },
                { header: t("reports.columns.count"), cell: (r) => r.count },
              ]}
            />
          }
        />
        <ChartSection
          chart="policies"
          term={term}
          summary={t("reports.summary.policies", {
            overdue: data.policies.find((r) => r.status === "overdue")?.count ?? 0,
            soon: data.policies.find((r) => r.status === "due_soon")?.count ?? 0,
            days: data.dueSoonDays,
          })}
          height={barsHeight(policies.length)}
          figure={
            <BarChart data={policies} layout="vertical" accessibilityLayer={false} margin={{ right: 16 }}>
              {across(false)}
              <Bar dataKey="count" name={t("reports.columns.count")} fill={PALETTE[0]} {...anim} />
            </BarChart>
          }
          table={
            <DataTable
              rows={policies}
              rowKey={(r) => r.status}
              stackBelow={false}
              columns={[
                labelColumn(t("reports.columns.reviewStatus")),
                { header: t("reports.columns.count"), cell: (r) => r.count },
              ]}
            />
          }
        />
        <ChartSection
          chart="training"
          term={term}
          summary={percentSummary(training)}
          figure={training.length ? percentBar(training) : undefined}
          height={barsHeight(training.length)}
          table={
            <DataTable
              rows={training}
              rowKey={(r) => r.course}
              empty={<Text c="dimmed">{t("reports.empty")}</Text>}
              columns={[
                labelColumn(t("reports.columns.course")),
                { header: t("reports.columns.required"), cell: (r) => r.required },
                { header: t("reports.columns.inDate"), cell: (r) => r.inDate },
                { header: t("reports.columns.expiring"), cell: (r) => r.expiring },
                { header: t("reports.columns.expired"), cell: (r) => r.expired },
                { header: t("reports.columns.never"), cell: (r) => r.never },
                { header: t("reports.columns.percent"), cell: (r) => pct(r.percent) },
              ]}
            />
          }
        />
        <ChartSection
          chart="filtering"
          term={term}
          summary={
            filtering.lastReviewedOn
              ? t(filtering.overdue ? "reports.summary.filteringOverdue" : "reports.summary.filtering", {
                  last: filtering.lastReviewedOn,
                  next: filtering.nextDueOn,
                })
              : t("reports.summary.filteringNever")
          }
          table={
            <DataTable
              rows={data.filtering}
              rowKey={() => "filtering"}
              columns={[
                { header: t("reports.columns.lastReviewedOn"), cell: (r) => r.lastReviewedOn ?? "–" },
                { header: t("reports.columns.nextDueOn"), cell: (r) => r.nextDueOn ?? "–" },
                { header: t("reports.columns.openActions"), cell: (r) => r.openActions },
                { header: t("reports.columns.overdueActions"), cell: (r) => r.overdueActions },
              ]}
            />
          }
        />
      </Stack>
    </Stack>
  );
}
