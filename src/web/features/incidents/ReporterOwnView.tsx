import { Alert, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DetailList } from "../../ui/DetailList";
import { formatDateTime } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { BackToList } from "./IncidentPage";
import { categoryLabel } from "./labels";
import { StatusBadge } from "./StatusBadge";
import type { ReporterView } from "./types";

/** The reporter's own report: what they wrote and where it stands; the handlers' work is not theirs to read. */
export function ReporterOwnView({ incident }: { incident: ReporterView }) {
  const { t } = useTranslation();
  return (
    <Stack maw={720} gap="lg">
      <BackToList />
      <PageTitle>
        {t("incidents.view.title", {
          category: categoryLabel(t, incident.category),
          reference: incident.reference,
        })}
      </PageTitle>
      <Group gap="xs">
        <Text fw={600}>{t("incidents.view.status")}</Text>
        <StatusBadge status={incident.status} />
      </Group>
      <Alert color="gray" variant="light">
        {incident.status === "open" ? t("incidents.reporter.open") : t("incidents.reporter.closed")}
      </Alert>
      <DetailList
        items={[
          { label: t("incidents.view.occurredAt"), value: formatDateTime(incident.occurredAt) },
          { label: t("incidents.view.awareAt"), value: formatDateTime(incident.awareAt) },
          { label: t("incidents.view.reportedAt"), value: formatDateTime(incident.reportedAt) },
          { label: t("incidents.view.location"), value: incident.location || t("common.notRecorded") },
        ]}
      />
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t("incidents.view.summary")}
          </Title>
          <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{incident.summary}</Text>
          {incident.actionsTaken && (
            <>
              <Title order={2} size="h4" mt="sm">
                {t("incidents.view.actionsTaken")}
              </Title>
              <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {incident.actionsTaken}
              </Text>
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
