import { Alert, Button, FileInput, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { useImportDevices } from "./devicesApi";
import type { DeviceImportReport } from "./types";

type Update = DeviceImportReport["preview"]["update"][number];
type RowError = DeviceImportReport["errors"][number];

/** Devices from a spreadsheet: a preview first (nothing saved), then all the rows or none. */
export function DeviceImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const check = useImportDevices();
  const apply = useImportDevices();
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
      <Paper withBorder p="lg">
        <Stack>
          <FileInput
            label={t("devices.import.file")}
            description={t("devices.import.fileHint")}
            placeholder={t("devices.import.filePlaceholder")}
            accept=".csv,.txt"
            value={file}
            onChange={choose}
            resetRef={resetFileInput}
          />
          <Text role="status" size="sm">
            {check.isPending
              ? t("devices.import.checking")
              : report
                ? t("devices.import.checked", { count: report.rows })
                : ""}
          </Text>
          <ErrorAlert error={check.error} />
        </Stack>
      </Paper>
      {report && (
        <Paper withBorder p="lg">
          <Stack>
            <Title order={2} size="h3">
              {t("devices.import.previewHeading")}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
              {(["created", "updated", "unchanged"] as const).map((k) => (
                <Stat key={k} label={t(`devices.import.${k}`)} value={report[k]} />
              ))}
              <Stat label={t("devices.import.errors")} value={report.errors.length} />
            </SimpleGrid>
            {report.errors.length > 0 && (
              <>
                <Alert color="red" title={t("devices.import.errorsTitle")}>
                  {t("devices.import.errorsHint")}
                </Alert>
                <DataTable<RowError>
                  rows={report.errors}
                  rowKey={(e, i) => `${e.row}-${i}`}
                  columns={[
                    { header: t("devices.import.row"), cell: (e) => e.row, rowHeader: true, width: 80 },
                    { header: t("devices.import.problem"), cell: (e) => e.message },
                  ]}
                  stackBelow={false}
                />
              </>
            )}
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
                onClick={() => file && apply.mutate({ file, dryRun: false })}
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
