import { Button, Group, Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { DocumentHistory } from "./DocumentHistory";
import { PolicyDetails } from "./PolicyDetails";
import { PolicyHeader } from "./PolicyHeader";
import { PolicyHealthSection } from "./PolicyHealthSection";
import { usePolicy } from "./policiesApi";
import { StartVersionMenu } from "./StartVersionMenu";
import { VersionHistoryTable } from "./VersionHistoryTable";

const OPEN = ["draft", "submitted", "approved"];

export function PolicyPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data: policy, error, isPending } = usePolicy(id);
  const open = policy?.versions.find((v) => OPEN.includes(v.status));

  return (
    <Stack>
      {isPending && <SectionLoader />}
      <ErrorAlert error={error} />
      {!policy && !isPending && <PageTitle>{t("policies.policyTitle")}</PageTitle>}
      {policy && (
        <>
          <PolicyHeader policy={policy} />
          {policy.canManage && (
            <Group align="flex-start">
              <Button component={Link} to={`/policies/${policy.id}/edit`}>
                {t("policies.editDetails")}
              </Button>
              <StartVersionMenu policyId={policy.id} openNumber={open?.number ?? null} />
            </Group>
          )}
          <Paper withBorder p="lg" component="section" aria-labelledby="policy-details-heading">
            <Stack>
              <Title order={2} size="h3" id="policy-details-heading">
                {t("policies.detailsHeading")}
              </Title>
              <PolicyDetails policy={policy} />
            </Stack>
          </Paper>
          <PolicyHealthSection policyId={policy.id} />
          <Paper withBorder p="lg" component="section" aria-labelledby="version-history-heading">
            <Stack>
              <Title order={2} size="h3" id="version-history-heading">
                {t("policies.versions.heading")}
              </Title>
              <VersionHistoryTable policyId={policy.id} versions={policy.versions} />
            </Stack>
          </Paper>
          <DocumentHistory history={policy.history} />
        </>
      )}
    </Stack>
  );
}
