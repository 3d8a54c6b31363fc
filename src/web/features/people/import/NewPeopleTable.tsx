import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "./importApi";
import { ShownNote } from "./ShownNote";

export function NewPeopleTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const people = report.preview.create;
  if (people.length === 0) return <Text>{t("import.create.empty")}</Text>;
  return (
    <Stack gap="xs">
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="6rem">
              {t("import.table.row")}
            </Table.Th>
            <Table.Th scope="col">{t("import.table.name")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.row}>
              <Table.Td>{person.row}</Table.Td>
              <Table.Td>{person.name}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ShownNote shown={people.length} total={report.created} />
    </Stack>
  );
}
