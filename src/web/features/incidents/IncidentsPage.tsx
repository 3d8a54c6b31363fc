import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { useIncidents } from "./incidentsApi";
import { categoryLabel } from "./labels";
import { StatusBadge } from "./StatusBadge";
import type { IncidentListItem } from "./types";

type Shown = "open" | "closed" | "all";

/** Concerns routed to the person (or shared with them), and the reports they made themselves. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown>("open");
  // One list: a reporter's own reports show whatever their status; the filter is for handlers' work.
  const incidents = useIncidents("all");
  const all = incidents.data?.incidents ?? [];
  const forYou = all.filter((i) => i.access === "handler" && (shown === "all" || i.status === shown));
  const handles = all.some((i) => i.access === "handler");
  const mine = all.filter((i) => i.access === "reporter");

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t("incidents.list.title")}</PageTitle>
        <Button component={Link} to="/incidents/report" color="red">
          {t("nav.reportConcern")}
        </Button>
      </Group>
      <ErrorAlert error={incidents.error} />
      {incidents.isPending ? (
        <SectionLoader />
      ) : (
        <>
          {handles && (
            <Stack gap="sm" component="section" aria-labelledby="for-you">
              <Group justify="space-between" align="center">
                <Title order={2} size="h3" id="for-you">
                  {t("incidents.list.forYou")}
                </Title>
                <SegmentedControl
                  size="xs"
                  value={shown}
                  onChange={(v) => setShown(v as Shown)}
                  aria-label={t("incidents.list.show")}
                  data={(["open", "closed", "all"] as const).map((v) => ({
                    value: v,
                    label: t(`incidents.list.filter.${v}`),
                  }))}
                />
              </Group>
              {forYou.length === 0 ? (
                <Text c="dimmed">{t("incidents.list.noneForYou")}</Text>
              ) : (
                <IncidentCards items={forYou} />
              )}
            </Stack>
          )}
          <Stack gap="sm" component="section" aria-labelledby="your-reports">
            <Title order={2} size="h3" id="your-reports">
              {t("incidents.list.yours")}
            </Title>
            {mine.length === 0 ? (
              <Text c="dimmed">{t("incidents.list.noneYours")}</Text>
            ) : (
              <IncidentCards items={mine} />
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}

function IncidentCards({ items }: { items: IncidentListItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {items.map((item) => {
        const unopened = item.access === "handler" && !item.opened;
        return (
          <Paper
            key={item.id}
            component="li"
            withBorder
            p="md"
            style={unopened ? { borderLeft: "4px solid var(--mantine-color-red-7)" } : undefined}
          >
            <Stack gap={4}>
              <Group gap="xs" wrap="wrap">
                <RouterLink to={`/incidents/${item.id}`} fw={600}>
                  {t("incidents.list.itemName", {
                    category: categoryLabel(t, item.category),
                    reference: item.reference,
                  })}
                </RouterLink>
                {unopened && (
                  <Badge color="red" variant="filled" size="sm">
                    {t("incidents.list.unopened")}
                  </Badge>
                )}
                <StatusBadge status={item.status} />
              </Group>
              <Text size="sm" c="dimmed">
                {t("incidents.list.reportedAt", { at: formatDateTime(item.reportedAt) })}
              </Text>
              {item.icoDeadline && item.status === "open" && (
                <Text size="sm" c="red.9">
                  {t("incidents.list.icoBy", { at: formatDateTime(item.icoDeadline) })}
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
