import { Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { HandlerView } from "./HandlerView";
import { useIncident } from "./incidentsApi";
import { ReporterOwnView } from "./ReporterOwnView";

/** One incident: everything for its handlers, what they wrote and its status for the reporter. */
export function IncidentPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const incident = useIncident(id);
  if (incident.isPending) return <SectionLoader />;
  // Anyone it was not routed to, shared with or reported by gets the same answer as for no incident.
  if (isApiError(incident.error, 404) || isApiError(incident.error, 400))
    return (
      <Stack align="flex-start">
        <PageTitle>{t("incidents.notFound.title")}</PageTitle>
        <Text>{t("incidents.notFound.body")}</Text>
        <Button component={Link} to="/incidents">
          {t("incidents.notFound.back")}
        </Button>
      </Stack>
    );
  if (!incident.data) return <ErrorAlert error={incident.error} />;
  return incident.data.access === "handler" ? (
    <HandlerView incident={incident.data} />
  ) : (
    <ReporterOwnView incident={incident.data} />
  );
}

export function BackToList() {
  const { t } = useTranslation();
  return (
    <Group>
      <Button component={Link} to="/incidents" variant="subtle" size="compact-sm" px={0}>
        {t("incidents.backToList")}
      </Button>
    </Group>
  );
}
