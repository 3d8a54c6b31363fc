import { Alert, Box, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { textFlowStyle } from "./diff.css";
import { ImportReviewForm } from "./ImportReviewForm";
import { usePolicy, useVersion } from "./policiesApi";

/** Check what Accord pulled out of an imported document against the document itself. */
export function ImportReviewPage() {
  const { t } = useTranslation();
  const { id = "", versionId = "" } = useParams();
  // Straight from the upload, the page can say which words the audiences were read from.
  const audiencesFrom = (useLocation().state as { audiencesFrom?: string | null } | null)?.audiencesFrom;
  const policy = usePolicy(id);
  const version = useVersion(id, versionId);
  const p = policy.data;
  const v = version.data;
  const pending = policy.isPending || version.isPending;

  return (
    <Stack>
      <PageTitle>{t("policies.review.title")}</PageTitle>
      <Text>{t("policies.review.intro")}</Text>
      {pending && <SectionLoader />}
      <ErrorAlert error={policy.error ?? version.error} />
      {p && v && v.status !== "draft" && (
        <Alert color="orange" role="status">
          {t("policies.edit.notDraft")}
        </Alert>
      )}
      {p && v && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Paper withBorder p="lg" component="section" aria-labelledby="source-heading">
            <Stack gap="xs">
              <Title order={2} size="h3" id="source-heading">
                {t("policies.review.yourDocument")}
              </Title>
              {v.source ? (
                <>
                  {v.source.fileName && (
                    <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                      {v.source.fileName}
                    </Text>
                  )}
                  <Box
                    component="pre"
                    tabIndex={0}
                    aria-label={t("policies.review.yourDocument")}
                    mah={{ base: 360, md: 900 }}
                    style={{
                      ...textFlowStyle,
                      overflowY: "auto",
                      border: "1px solid var(--mantine-color-gray-3)",
                      borderRadius: 4,
                      padding: 12,
                    }}
                  >
                    {v.source.text}
                  </Box>
                </>
              ) : (
                <Text c="dimmed">{t("policies.review.noSource")}</Text>
              )}
            </Stack>
          </Paper>
          <Paper withBorder p="lg" component="section" aria-labelledby="found-heading">
            <Stack>
              <Title order={2} size="h3" id="found-heading">
                {t("policies.review.found")}
              </Title>
              <ImportReviewForm key={v.id} policy={p} version={v} audiencesFrom={audiencesFrom} />
            </Stack>
          </Paper>
        </SimpleGrid>
      )}
    </Stack>
  );
}
