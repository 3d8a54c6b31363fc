import { Alert, Paper, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { useVersion } from "./policiesApi";
import { VersionForm } from "./VersionForm";

export function VersionEditPage() {
  const { t } = useTranslation();
  const { id = "", versionId = "" } = useParams();
  const { data: version, error, isPending } = useVersion(id, versionId);

  return (
    <Stack>
      {isPending && <SectionLoader />}
      <ErrorAlert error={error} />
      {!version && !isPending && <PageTitle>{t("policies.edit.titleLoading")}</PageTitle>}
      {version && (
        <>
          <Stack gap={4}>
            <RouterLink to={`/policies/${id}`} size="sm">
              {t("policies.backTo", { title: version.policy.title })}
            </RouterLink>
            <PageTitle>
              {t("policies.edit.title", { title: version.policy.title, number: version.number })}
            </PageTitle>
          </Stack>
          {version.status === "draft" ? (
            <Paper withBorder p="lg">
              <VersionForm key={version.id} version={version} />
            </Paper>
          ) : (
            <Alert color="orange" role="status">
              {t("policies.edit.notDraft")}{" "}
              <RouterLink to={`/policies/${id}/versions/${versionId}`}>
                {t("policies.edit.back", { number: version.number })}
              </RouterLink>
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
