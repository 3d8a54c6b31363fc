import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DetailList } from "../../ui/DetailList";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { breachesCsvUrl, useBreaches } from "./incidentsApi";
import { StatusBadge } from "./StatusBadge";

/** The data breach register (UK GDPR art. 33(5)): every breach, reported to the ICO or not, and why. */
export function BreachesPage() {
  const { t } = useTranslation();
  const breaches = useBreaches();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t("incidents.breaches.title")}</PageTitle>
        <Button component="a" href={breachesCsvUrl} variant="default" download>
          {t("incidents.breaches.csv")}
        </Button>
      </Group>
      <Text>{t("incidents.breaches.intro")}</Text>
      <ErrorAlert error={breaches.error} />
      {breaches.isPending ? (
        <SectionLoader />
      ) : breaches.data?.breaches.length === 0 ? (
        <Text c="dimmed">{t("incidents.breaches.none")}</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {breaches.data?.breaches.map((b) => (
            <Paper key={b.id} component="li" withBorder p="md">
              <Stack gap="sm">
                <Group gap="xs" wrap="wrap">
                  <RouterLink to={`/incidents/${b.id}`} fw={600}>
                    {b.reference}
                  </RouterLink>
                  <StatusBadge status={b.status} />
                  <Badge color={b.reportedToIco ? "grape" : "gray"} variant="light">
                    {b.reportedToIco
                      ? t("incidents.breaches.reported")
                      : b.notReportedReason
                        ? t("incidents.breaches.notReported")
                        : t("incidents.breaches.undecided")}
                  </Badge>
                </Group>
                <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} lineClamp={4}>
                  {b.summary}
                </Text>
                <DetailList
                  items={[
                    { label: t("incidents.view.occurredAt"), value: formatDateTime(b.occurredAt) },
                    { label: t("incidents.view.awareAt"), value: formatDateTime(b.awareAt) },
                    { label: t("incidents.breaches.deadline"), value: formatDateTime(b.icoDeadline) },
                    ...(b.reportedToIco
                      ? [
                          {
                            label: t("incidents.breaches.reportedOn"),
                            value: formatDateTime(b.reportedOn) || t("common.notRecorded"),
                          },
                          {
                            label: t("incidents.breaches.icoReference"),
                            value: b.icoReference || t("common.notRecorded"),
                          },
                        ]
                      : b.notReportedReason
                        ? [{ label: t("incidents.breaches.why"), value: b.notReportedReason }]
                        : []),
                    ...(b.outcome ? [{ label: t("incidents.timeline.outcome"), value: b.outcome }] : []),
                  ]}
                />
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
