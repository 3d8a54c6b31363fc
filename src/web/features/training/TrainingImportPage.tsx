import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CsvFileStep, ImportStat, RowErrors, useCheckThenApply } from "../../ui/CsvImport";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatShortDate } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { useImportTraining } from "./trainingApi";
import type { TrainingImportView } from "./types";

type NewRecord = TrainingImportView["preview"]["create"][number];

/** A training provider's export: a preview first (nothing saved), then every row or none. */
export function TrainingImportPage() {
  const { t } = useTranslation();
  const { file, check, apply, resetFileInput, choose, applyFile, startAgain } =
    useCheckThenApply(useImportTraining);
  const report = check.data;

  if (apply.data?.applied)
    return (
      <Stack maw={760}>
        <PageTitle>{t("training.import.title")}</PageTitle>
        <Alert color="green" role="status" title={t("training.import.doneTitle")}>
          {t("training.import.done", { count: apply.data.created })}
        </Alert>
        <Group>
          <Button component={RouterLink} to="/training/matrix">
            {t("training.inset.toMatrix")}
          </Button>
          <Button variant="default" onClick={startAgain}>
            {t("training.import.another")}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <Stack maw={960}>
      <PageTitle>{t("training.import.title")}</PageTitle>
      <Text>{t("training.import.intro")}</Text>
      <CsvFileStep ns="training.import" file={file} choose={choose} resetRef={resetFileInput} check={check} />
      {report && (
        <Paper withBorder p="lg">
          <Stack>
            <Title order={2} size="h3">
              {t("training.import.previewHeading")}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
              <ImportStat label={t("training.import.created")} value={report.created} />
              <ImportStat label={t("training.import.unchanged")} value={report.unchanged} />
              <ImportStat label={t("training.import.leavers")} value={report.leavers} />
              <ImportStat label={t("training.import.errors")} value={report.errors.length} />
            </SimpleGrid>
            <RowErrors ns="training.import" errors={report.errors} />
            {report.preview.create.length > 0 && (
              <>
                <Title order={3} size="h4">
                  {t("training.import.newHeading", { count: report.created })}
                </Title>
                <DataTable<NewRecord>
                  rows={report.preview.create}
                  rowKey={(c) => `${c.row}`}
                  columns={[
                    { header: t("training.import.row"), cell: (c) => c.row, width: 80 },
                    { header: t("training.matrix.person"), cell: (c) => c.name, rowHeader: true },
                    { header: t("training.record.course"), cell: (c) => c.course },
                    { header: t("training.record.date"), cell: (c) => formatShortDate(c.completedOn) },
                  ]}
                />
              </>
            )}
            <ErrorAlert error={apply.error} />
            <Group>
              <Button
                onClick={applyFile}
                loading={apply.isPending}
                disabled={report.errors.length > 0 || report.created === 0}
              >
                {t("training.import.apply", { count: report.created })}
              </Button>
              <Button variant="default" onClick={startAgain}>
                {t("training.import.startAgain")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
