import { Button, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageTitle } from "../../ui/PageTitle";
import { governorsReportHref } from "./reportsApi";
import { TermPicker, useTermName } from "./TermPicker";
import { recentTerms } from "./terms";

/**
 * The termly report to governors (decision 036): a PDF of the term against the term before. Every
 * governor may read it, as may the leaders who read the dashboard; it names nobody.
 */
export function GovernorsReportPage() {
  const { t } = useTranslation();
  const termName = useTermName();
  const [params, setParams] = useSearchParams();
  // The emailed link names the term that has just ended; otherwise today's.
  const term = params.get("term") || recentTerms(1)[0];
  return (
    <Stack maw={720}>
      <PageTitle>{t("reports.governors.title")}</PageTitle>
      <Text>{t("reports.governors.intro")}</Text>
      <Paper withBorder p="md">
        <Stack align="flex-start">
          <TermPicker value={term} onChange={(next) => setParams({ term: next }, { replace: true })} />
          <Text size="sm" c="dimmed">
            {t("reports.governors.compared", { term: termName(term) })}
          </Text>
          <Button component="a" href={governorsReportHref(term)} download>
            {t("reports.governors.download", { term: termName(term) })}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
