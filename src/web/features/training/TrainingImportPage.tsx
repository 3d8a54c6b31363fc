import { Alert, Button, FileInput, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatShortDate } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { useImportTraining } from "./trainingApi";
import type { TrainingImportView } from "./types";

type RowError = TrainingImportView["errors"][number];
type NewRecord = TrainingImportView["preview"]["create"][number];

/** A training provider's export: a preview first (nothing saved), then every row or none. */
export function TrainingImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const check = useImportTraining();
  const apply = useImportTraining();
  const resetFileInput = useRef<() => void>(null);
  const report = check.data;

  const choose = (next: File | null) => {
    setFile(next);
    check.reset();
    apply.reset();
    if (next) check.mutate({ file: next, dryRun: true });
  };
  const startAgain = () => {
    resetFileInput.current?.();
    choose(null);
  };

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
      <Paper withBorder p="lg">
        <Stack>
          <FileInput
            label={t("training.import.file")}
            description={t("training.import.fileHint")}
            placeholder={t("training.import.filePlaceholder")}
            accept=".csv,.txt"
            value={file}
            onChange={choose}
            resetRef={resetFileInput}
          />
          <Text role="status" size="sm">
            {check.isPending
              ? t("training.import.checking")
              : report
                ? t("training.import.checked", { count: report.rows })
                : ""}
          </Text>
          <ErrorAlert error={check.error} />
        </Stack>
      </Paper>
      {report && (
        <Paper withBorder p="lg">
          <Stack>
            <Title order={2} size="h3">
              {t("training.import.previewHeading")}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
              <Stat label={t("training.import.created")} value={report.created} />
              <Stat label={t("training.import.unchanged")} value={report.unchanged} />
              <Stat label={t("training.import.leavers")} value={report.leavers} />
              <Stat label={t("training.import.errors")} value={report.errors.length} />
            </SimpleGrid>
            {report.errors.length > 0 && (
              <>
                <Alert color="red" title={t("training.import.errorsTitle")}>
                  {t("training.import.errorsHint")}
                </Alert>
                <DataTable<RowError>
                  rows={report.errors}
                  rowKey={(e, i) => `${e.row}-${i}`}
                  columns={[
                    { header: t("training.import.row"), cell: (e) => e.row, rowHeader: true, width: 80 },
                    { header: t("training.import.problem"), cell: (e) => e.message },
                  ]}
                  stackBelow={false}
                />
              </>
            )}
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
                onClick={() => file && apply.mutate({ file, dryRun: false })}
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

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={700} size="xl">
        {value}
      </Text>
    </div>
  );
}
