import { Alert, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NO_ATTACHMENTS } from "../../../modules/incidents/schema";
import { formatDateTime } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { AttachmentUpload } from "./Attachments";
import { ImagesWarning } from "./ImagesWarning";
import { categoryLabel, routedToWords } from "./labels";
import type { Category, Reported } from "./types";

/** After sending: the reference, who it went to in words, and for a data breach the regulator's deadline. */
export function ReportSent({
  reported,
  category,
  onAnother,
}: {
  reported: Reported;
  category: Category;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const recipients = routedToWords(t, reported.routedTo);
  return (
    <Stack maw={720} gap="lg">
      <PageTitle>{t("incidents.sent.title")}</PageTitle>
      <Alert color="green" variant="light" role="status">
        <Stack gap="xs">
          <Text fw={600}>{t("incidents.sent.reference", { reference: reported.reference })}</Text>
          <Text size="sm">{t("incidents.sent.category", { category: categoryLabel(t, category) })}</Text>
        </Stack>
      </Alert>
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t("incidents.sent.wentTo")}
        </Title>
        <List>
          {recipients.map((who) => (
            <List.Item key={who}>{who}</List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed">
          {t("incidents.sent.nextSteps")}
        </Text>
      </Stack>
      {reported.icoDeadline && (
        <Alert color="orange" variant="light" title={t("incidents.sent.icoTitle")}>
          {t("incidents.sent.icoDeadline", { deadline: formatDateTime(reported.icoDeadline) })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("incidents.attachments.title")}
          </Title>
          {NO_ATTACHMENTS.includes(category) ? (
            <ImagesWarning instead />
          ) : (
            <AttachmentUpload incidentId={reported.id} />
          )}
        </Stack>
      </Paper>
      <Group>
        <Button component={Link} to={`/incidents/${reported.id}`} variant="default">
          {t("incidents.sent.view")}
        </Button>
        <Button variant="subtle" onClick={onAnother}>
          {t("incidents.sent.another")}
        </Button>
      </Group>
    </Stack>
  );
}
