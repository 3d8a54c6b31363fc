import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/**
 * Once a version is in force, the next step is asking people to sign it: one tap to a new
 * agreement with this policy (and so its version in force) already chosen.
 */
export function AfterPublishing({ policyId, number }: { policyId: string; number: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="after-publishing-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="after-publishing-heading">
          {t("policies.afterPublish.title", { number })}
        </Title>
        <Text>{t("policies.afterPublish.body")}</Text>
        <Button
          component={Link}
          to={`/agreements/new?policy=${policyId}`}
          style={{ alignSelf: "flex-start" }}
        >
          {t("policies.afterPublish.makeAgreement")}
        </Button>
      </Stack>
    </Paper>
  );
}
