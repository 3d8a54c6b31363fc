import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CsvFileStep, ImportStat, RowErrors, useCheckThenApply } from "../../ui/CsvImport";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { useImportDevices } from "./devicesApi";
import type { DeviceImportReport } from "./types";

type Update = DeviceImportReport["preview"]["update"][number];

/** Devices from a spreadsheet: a preview first (nothing saved), then all the rows or none. */
export function DeviceImportPage() {
  const { t } = useTranslation();
  const { file, check, apply, resetFileInput, choose, applyFile, startAgain } =
    useCheckThenApply(useImportDevices);
  const report = check.data;

  if (apply.data?.applied)
    return (
      <Stack>
        <PageTitle>{t("devices.import.title")}</PageTitle>
        <Alert color="green" role="status" title={t("devices.import.doneTitle")}>
          {t("devices.import.done", {
            created: apply.data.created,
            updated: apply.data.updated,
            unchanged: apply.data.unchanged,
          })}
        </Alert>
        <Group>
          <Button component={RouterLink} to="/devices">
            {t("devices.import.toRegister")}
          </Button>
          <Button variant="default" onClick={startAgain}>
            {t("devices.import.another")}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <Stack>
      <RouterLink to="/devices" size="sm">
        {t("devices.device.back")}
      </RouterLink>
      <PageTitle>{t("devices.import.title")}</PageTitle>
      <Text>{t("devices.import.intro")}</Text>
      <CsvFileStep ns="devices.import" file={file} choose={choose} resetRef={resetFileInput} check={check} />
      {report && (
        <Paper withBorder p="lg">
          <Stack>
            <Title order={2} size="h3">
              {t("devices.import.previewHeading")}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
              {(["created", "updated", "unchanged"] as const).map((k) => (
                <ImportStat key={k} label={t(`devices.import.${k}`)} value={report[k]} />
              ))}
              <ImportStat label={t("devices.import.errors")} value={report.errors.length} />
            </SimpleGrid>
            <RowErrors ns="devices.import" errors={report.errors} />
            {report.preview.create.length > 0 && (
              <>
                <Title order={3} size="h4">
                  {t("devices.import.newHeading", { count: report.preview.create.length })}
                </Title>
                <Text style={{ overflowWrap: "anywhere" }}>
                  {report.preview.create.map((c) => c.name).join(", ")}
                </Text>
              </>
            )}
            {report.preview.update.length > 0 && (
              <>
                <Title order={3} size="h4">
                  {t("devices.import.updatesHeading", { count: report.preview.update.length })}
                </Title>
                <DataTable<Update>
                  rows={report.preview.update}
                  rowKey={(u) => u.id}
                  columns={changeColumns(t)}
                />
              </>
            )}
            {apply.data && !apply.data.applied && <Alert color="red">{t("devices.import.notApplied")}</Alert>}
            <ErrorAlert error={apply.error} />
            <Group>
              <Button
                onClick={applyFile}
                loading={apply.isPending}
                disabled={report.errors.length > 0 || report.created + report.updated === 0}
              >
                {t("devices.import.apply", { count: report.created + report.updated })}
              </Button>
              <Button variant="default" onClick={startAgain}>
                {t("devices.import.startAgain")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function changeColumns(t: (key: string) => string): Column<Update>[] {
  return [
    { header: t("devices.import.row"), cell: (u) => u.row, width: 80 },
    { header: t("devices.fields.assetTag"), cell: (u) => u.name, rowHeader: true },
    {
      header: t("devices.import.changes"),
      cell: (u) =>
        Object.entries(u.changes)
          .map(([field, to]) => `${t(`devices.fields.${field}`)}: ${formatValue(t, to)}`)
          .join("; "),
    },
  ];
}

function formatValue(t: (key: string) => string, value: unknown): string {
  if (value && typeof value === "object" && "to" in value)
    return formatValue(t, (value as { to: unknown }).to);
  if (typeof value === "boolean") return t(value ? "devices.yes" : "devices.no");
  return value === null || value === undefined ? "—" : String(value);
}
