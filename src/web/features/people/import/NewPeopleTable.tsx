import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../../ui/DataTable";
import type { ImportReport } from "./importApi";
import { ShownNote } from "./ShownNote";

type NewPerson = ImportReport["preview"]["create"][number];

export function NewPeopleTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const people = report.preview.create;
  if (people.length === 0) return <Text>{t("import.create.empty")}</Text>;
  const columns: Column<NewPerson>[] = [
    { header: t("import.table.row"), width: "6rem", cell: (person) => person.row },
    { header: t("import.table.name"), cell: (person) => person.name },
  ];
  return (
    <Stack gap="xs">
      <DataTable
        rows={people}
        columns={columns}
        rowKey={(person) => person.row}
        striped
        spacing="xs"
        // Two short columns fit any phone, and a row number reads best beside its row.
        stackBelow={false}
      />
      <ShownNote shown={people.length} total={report.created} />
    </Stack>
  );
}
