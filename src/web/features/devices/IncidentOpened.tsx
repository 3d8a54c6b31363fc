import { Alert, Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterLink } from "../../ui/RouterLink";

/** After a report: the incident it opened, for whoever reported it to follow. */
export function IncidentOpened({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" role="status" title={t("devices.report.reportedTitle")}>
      <Text size="sm">{t("devices.report.reported")}</Text>
      <Anchor component={RouterLink} to={`/incidents/${incidentId}`} fw={600}>
        {t("devices.report.incidentLink")}
      </Anchor>
    </Alert>
  );
}
