import { Button, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../ui/PageTitle";
import { inspectionPackHref } from "./inspectionApi";

// What the ZIP holds, in the order its README lists the files.
const CONTENTS = [
  "compliance",
  "training",
  "policies",
  "filtering",
  "incidents",
  "consent",
  "policyPdfs",
] as const;

/** Where the head (or whoever prepares for an inspection) downloads the inspector pack. */
export function InspectionPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={760}>
      <PageTitle>{t("inspection.title")}</PageTitle>
      <Text>{t("inspection.intro")}</Text>
      <Paper withBorder p="md" component="section" aria-labelledby="inspection-contents">
        <Stack gap="sm">
          <Title order={2} size="h3" id="inspection-contents">
            {t("inspection.contents.heading")}
          </Title>
          <List spacing="xs">
            {CONTENTS.map((key) => (
              <List.Item key={key}>{t(`inspection.contents.${key}`)}</List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            {t("inspection.privacy")}
          </Text>
          <div>
            <Button component="a" href={inspectionPackHref} download>
              {t("inspection.download")}
            </Button>
          </div>
          <Text size="sm" c="dimmed">
            {t("inspection.audited")}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
