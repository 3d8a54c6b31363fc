import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { AfterPublishing } from "./AfterPublishing";
import { PolicyHealthSection } from "./PolicyHealthSection";
import { PolicyText } from "./PolicyText";
import { usePolicy, useVersion } from "./policiesApi";
import { StatementsList } from "./StatementsList";
import { UnheldApprovers } from "./UnheldApprovers";
import { VersionActions } from "./VersionActions";
import { VersionSummary } from "./VersionSummary";

export function VersionPage() {
  const { t } = useTranslation();
  const { id = "", versionId = "" } = useParams();
  const policy = usePolicy(id);
  const version = useVersion(id, versionId);
  const p = policy.data;
  const v = version.data;
  const index = p?.versions.findIndex((x) => x.id === versionId) ?? -1;
  const previous = p && index >= 0 ? p.versions[index + 1] : undefined;
  const { data: me } = useMe();
  const unheld = v?.awaiting.filter((a) => a.holders.length === 0).map((a) => a.role) ?? [];
  const showUnheld = Boolean(p?.canManage && v && ["draft", "submitted"].includes(v.status) && unheld.length);

  return (
    <Stack>
      {(policy.isPending || version.isPending) && <SectionLoader />}
      <ErrorAlert error={policy.error ?? version.error} />
      {!(p && v) && !(policy.isPending || version.isPending) && (
        <PageTitle>{t("policies.versionTitleLoading")}</PageTitle>
      )}
      {p && v && (
        <>
          <Stack gap={4}>
            <RouterLink to={`/policies/${p.id}`} size="sm">
              {t("policies.backTo", { title: p.title })}
            </RouterLink>
            <PageTitle>{t("policies.versionTitle", { title: p.title, number: v.number })}</PageTitle>
          </Stack>
          {showUnheld && <UnheldApprovers roles={unheld} />}
          <VersionActions policy={p} version={v} unheldShown={showUnheld} />
          {v.status === "published" && can(me, "agreements.manage") && (
            <AfterPublishing policyId={p.id} number={v.number} />
          )}
          <Paper withBorder p="lg" component="section" aria-labelledby="version-record-heading">
            <Stack>
              <Group justify="space-between">
                <Title order={2} size="h3" id="version-record-heading">
                  {t("policies.versionRecord")}
                </Title>
                {previous && (
                  <RouterLink to={`/policies/${p.id}/diff/${previous.id}/${v.id}`}>
                    {t("policies.diff.compareWithPrevious", { number: previous.number })}
                  </RouterLink>
                )}
              </Group>
              <VersionSummary version={v} required={p.requiredApprovers} />
            </Stack>
          </Paper>
          <PolicyHealthSection policyId={p.id} versionId={v.id} />
          <Paper withBorder p="lg" component="section" aria-labelledby="policy-text-heading">
            <Stack>
              <Title order={2} size="h3" id="policy-text-heading">
                {t("policies.text.heading")}
              </Title>
              {v.content.trim() ? (
                <PolicyText html={v.html} />
              ) : (
                <Text c="dimmed">{t("policies.text.empty")}</Text>
              )}
            </Stack>
          </Paper>
          <Paper withBorder p="lg" component="section" aria-labelledby="statements-heading">
            <Stack>
              <Title order={2} size="h3" id="statements-heading">
                {t("policies.statements.heading")}
              </Title>
              <StatementsList statements={v.statements} duties="editor" />
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}
