import { Alert, FileInput, Paper, Stack, Text } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { type RefObject, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "./DataTable";
import { ErrorAlert } from "./ErrorAlert";

/**
 * The parts every "import from a spreadsheet" page shares (devices, training records): choose a
 * file and it is checked at once (a dry run, nothing saved), its row errors listed, then applied
 * whole or not at all. Each page words them under its own strings, `<ns>.file`, `<ns>.checking`…,
 * and shows its own preview.
 */
type ImportMutation<R> = UseMutationResult<R, Error, { file: File; dryRun: boolean }>;

/** Two runs of the same import call: `check` (dry run on choosing) and `apply`. */
export function useCheckThenApply<R>(useImport: () => ImportMutation<R>) {
  const [file, setFile] = useState<File | null>(null);
  const check = useImport();
  const apply = useImport();
  const resetFileInput = useRef<() => void>(null);
  const choose = (next: File | null) => {
    setFile(next);
    check.reset();
    apply.reset();
    if (next) check.mutate({ file: next, dryRun: true });
  };
  return {
    file,
    check,
    apply,
    resetFileInput,
    choose,
    applyFile: () => file && apply.mutate({ file, dryRun: false }),
    startAgain: () => {
      resetFileInput.current?.();
      choose(null);
    },
  };
}

/** The file chooser, and what the check says about it as it runs. */
export function CsvFileStep({
  ns,
  file,
  choose,
  resetRef,
  check,
}: {
  ns: string;
  file: File | null;
  choose: (file: File | null) => void;
  resetRef: RefObject<(() => void) | null>;
  check: { isPending: boolean; error: Error | null; data?: { rows: number } };
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg">
      <Stack>
        <FileInput
          label={t(`${ns}.file`)}
          description={t(`${ns}.fileHint`)}
          placeholder={t(`${ns}.filePlaceholder`)}
          accept=".csv,.txt"
          value={file}
          onChange={choose}
          resetRef={resetRef}
        />
        <Text role="status" size="sm">
          {check.isPending
            ? t(`${ns}.checking`)
            : check.data
              ? t(`${ns}.checked`, { count: check.data.rows })
              : ""}
        </Text>
        <ErrorAlert error={check.error} />
      </Stack>
    </Paper>
  );
}

/** The rows that stop the import, each with what is wrong; nothing when there are none. */
export function RowErrors({ ns, errors }: { ns: string; errors: { row: number; message: string }[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <>
      <Alert color="red" title={t(`${ns}.errorsTitle`)}>
        {t(`${ns}.errorsHint`)}
      </Alert>
      <DataTable<{ row: number; message: string }>
        rows={errors}
        rowKey={(e, i) => `${e.row}-${i}`}
        columns={[
          { header: t(`${ns}.row`), cell: (e) => e.row, rowHeader: true, width: 80 },
          { header: t(`${ns}.problem`), cell: (e) => e.message },
        ]}
        stackBelow={false}
      />
    </>
  );
}

/** One figure of the preview: how many rows will be added, changed, left alone or refused. */
export function ImportStat({ label, value }: { label: string; value: number }) {
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
