import { Alert, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "./importApi";
import { ShownNote } from "./ShownNote";

/** People in Accord but missing from a full export: they will be marked as leaving, never deleted. */
export function LeaversList({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const leavers = report.preview.leavers;
  if (leavers.length === 0) return <Text>{t("import.leavers.empty")}</Text>;
  return (
    <Stack gap="sm">
      <Alert color="orange">{t("import.leavers.warning")}</Alert>
      <List spacing={4}>
        {leavers.map((person) => (
          <List.Item key={person.id}>{person.name}</List.Item>
        ))}
      </List>
      <ShownNote shown={leavers.length} total={report.leavers} />
    </Stack>
  );
}
