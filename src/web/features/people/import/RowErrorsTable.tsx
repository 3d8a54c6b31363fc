import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../../ui/DataTable";
import type { ImportRowError } from "./importApi";
import { ShownNote } from "./ShownNote";

const SHOWN = 200;

/** Rows Accord cannot import, numbered as in a spreadsheet (the heading row is row 1). */
export function RowErrorsTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return <Text>{t("import.errors.empty")}</Text>;
  const columns: Column<ImportRowError>[] = [
    { header: t("import.table.row"), width: "6rem", cell: (error) => error.row },
    {
      header: t("import.table.problem"),
      cellStyle: { overflowWrap: "anywhere" },
      cell: (error) => error.message,
    },
  ];
  return (
    <Stack gap="xs">
      <Text size="sm">{t("import.errors.intro")}</Text>
      <DataTable
        rows={errors.slice(0, SHOWN)}
        columns={columns}
        rowKey={(error) => `${error.row}-${error.message}`}
        striped
        spacing="xs"
        // Two short columns fit any phone, and a row number reads best beside its row.
        stackBelow={false}
      />
      <ShownNote shown={Math.min(errors.length, SHOWN)} total={errors.length} />
    </Stack>
  );
}
