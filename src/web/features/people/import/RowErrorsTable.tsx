import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportRowError } from "./importApi";
import { ShownNote } from "./ShownNote";

const SHOWN = 200;

/** Rows Accord cannot import, numbered as in a spreadsheet (the heading row is row 1). */
export function RowErrorsTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return <Text>{t("import.errors.empty")}</Text>;
  return (
    <Stack gap="xs">
      <Text size="sm">{t("import.errors.intro")}</Text>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="6rem">
              {t("import.table.row")}
            </Table.Th>
            <Table.Th scope="col">{t("import.table.problem")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.slice(0, SHOWN).map((error) => (
            <Table.Tr key={`${error.row}-${error.message}`}>
              <Table.Td>{error.row}</Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{error.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ShownNote shown={Math.min(errors.length, SHOWN)} total={errors.length} />
    </Stack>
  );
}
