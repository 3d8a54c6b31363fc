import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { BackToList } from "./IncidentPage";
import { useChronology } from "./incidentsApi";
import { categoryLabel } from "./labels";

/** A child's chronology for the DSL: every incident they were involved in and what was done, oldest first. */
export function ChronologyPage() {
  const { personId = "" } = useParams();
  const { t } = useTranslation();
  const chronology = useChronology(personId);
  if (chronology.isPending) return <SectionLoader />;
  if (!chronology.data)
    return isApiError(chronology.error, 404) ? (
      <Stack>
        <PageTitle>{t("incidents.chronology.notFound")}</PageTitle>
        <BackToList />
      </Stack>
    ) : (
      <ErrorAlert error={chronology.error} />
    );
  const { person, items } = chronology.data;
  return (
    <Stack maw={860} gap="lg">
      <BackToList />
      <PageTitle>{t("incidents.chronology.title", { name: person.name })}</PageTitle>
      {person.regGroup && (
        <Text c="dimmed">{t("incidents.chronology.class", { regGroup: person.regGroup })}</Text>
      )}
      <Text size="sm">{t("incidents.chronology.intro")}</Text>
      {items.length === 0 ? (
        <Text c="dimmed">{t("incidents.chronology.empty")}</Text>
      ) : (
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
          {items.map((item) => (
            <Paper key={`${item.incidentId}-${item.at}-${item.kind}`} component="li" withBorder p="sm">
              <Stack gap={4}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {formatDateTime(item.at)}
                  </Text>
                  <Badge variant="light">
                    {t(`incidents.entryKinds.${item.kind}`, { defaultValue: item.kind })}
                  </Badge>
                  <RouterLink to={`/incidents/${item.incidentId}`} size="sm">
                    {t("incidents.list.itemName", {
                      category: categoryLabel(t, item.category),
                      reference: item.reference,
                    })}
                  </RouterLink>
                </Group>
                <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{item.what}</Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
