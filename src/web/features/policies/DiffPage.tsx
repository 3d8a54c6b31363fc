import { Alert, Paper, SegmentedControl, SimpleGrid, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { DiffLegend } from "./DiffLegend";
import { DiffText } from "./DiffText";
import { useDiff } from "./policiesApi";
import { StatementChanges } from "./StatementChanges";

type View = "inline" | "side";

export function DiffPage() {
  const { t } = useTranslation();
  const { id = "", a = "", b = "" } = useParams();
  const { data: diff, error, isPending } = useDiff(id, a, b);
  const [view, setView] = useState<View>("inline");

  return (
    <Stack>
      {isPending && <SectionLoader />}
      <ErrorAlert error={error} />
      {!diff && !isPending && <PageTitle>{t("policies.diff.titleLoading")}</PageTitle>}
      {diff && (
        <>
          <Stack gap={4}>
            <RouterLink to={`/policies/${id}/versions/${diff.to.id}`} size="sm">
              {t("policies.edit.back", { number: diff.to.number })}
            </RouterLink>
            <PageTitle>{t("policies.diff.title", { from: diff.from.number, to: diff.to.number })}</PageTitle>
          </Stack>
          {diff.identical ? (
            <Alert color="blue" role="status">
              {t("policies.diff.identical")}
            </Alert>
          ) : (
            <>
              <Paper withBorder p="lg" component="section" aria-labelledby="diff-text-heading">
                <Stack>
                  <Title order={2} size="h3" id="diff-text-heading">
                    {t("policies.diff.textHeading")}
                  </Title>
                  <SegmentedControl
                    aria-label={t("policies.diff.viewLabel")}
                    value={view}
                    onChange={(value) => setView(value as View)}
                    data={[
                      { value: "inline", label: t("policies.diff.inline") },
                      { value: "side", label: t("policies.diff.side") },
                    ]}
                    style={{ alignSelf: "flex-start" }}
                  />
                  <DiffLegend />
                  {view === "inline" ? (
                    <DiffText parts={diff.parts} show="both" />
                  ) : (
                    <SimpleGrid cols={{ base: 1, md: 2 }}>
                      <Stack gap="xs">
                        <Title order={3} size="h4">
                          {t("policies.diff.oldColumn", { number: diff.from.number })}
                        </Title>
                        <DiffText parts={diff.parts} show="old" />
                      </Stack>
                      <Stack gap="xs">
                        <Title order={3} size="h4">
                          {t("policies.diff.newColumn", { number: diff.to.number })}
                        </Title>
                        <DiffText parts={diff.parts} show="new" />
                      </Stack>
                    </SimpleGrid>
                  )}
                </Stack>
              </Paper>
              <Paper withBorder p="lg" component="section" aria-labelledby="diff-statements-heading">
                <Stack>
                  <Title order={2} size="h3" id="diff-statements-heading">
                    {t("policies.statements.heading")}
                  </Title>
                  <StatementChanges statements={diff.statements} />
                </Stack>
              </Paper>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
