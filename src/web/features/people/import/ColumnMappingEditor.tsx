import { Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ColumnMapping, ImportReport } from "./importApi";

interface Props {
  columns: string[];
  fields: string[];
  mapping: ColumnMapping;
  source: ImportReport["mappingSource"];
  disabled?: boolean;
  onChange: (mapping: ColumnMapping) => void;
}

/** Which of the file's columns each field is read from; every change re-checks the file. */
export function ColumnMappingEditor({ columns, fields, mapping, source, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const options = [
    { value: "", label: t("import.columns.notInFile") },
    ...columns.map((column) => ({ value: column, label: column })),
  ];
  const choose = (field: string, column: string | null) => {
    const next = { ...mapping };
    if (column) next[field] = column;
    else delete next[field];
    onChange(next);
  };
  return (
    <Stack gap="sm">
      <Text size="sm">{t(`import.columns.${source}`)}</Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        {fields.map((field) => (
          <Select
            key={field}
            label={t([`peopleImportShapes.fields.${field}`, `import.fields.${field}`])}
            data={options}
            value={mapping[field] ?? ""}
            onChange={(column) => choose(field, column)}
            allowDeselect={false}
            disabled={disabled}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
