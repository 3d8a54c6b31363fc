import { List, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatChange } from "./formatChange";
import type { ImportReport } from "./importApi";
import { ShownNote } from "./ShownNote";

/** Each person the file changes, with every field's old and new value. */
export function UpdatesList({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const updates = report.preview.update;
  if (updates.length === 0) return <Text>{t("import.update.empty")}</Text>;
  return (
    <Stack gap="xs">
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {updates.map((update) => (
          <Paper key={update.id} component="li" withBorder p="sm">
            <Text fw={500}>
              {update.name}{" "}
              <Text span size="sm" c="dimmed">
                {t("import.update.row", { row: update.row })}
              </Text>
            </Text>
            <List size="sm" mt={4} style={{ overflowWrap: "anywhere" }}>
              {Object.entries(update.changes).map(([field, change]) => (
                <List.Item key={field}>{formatChange(field, change, t)}</List.Item>
              ))}
            </List>
          </Paper>
        ))}
      </Stack>
      <ShownNote shown={updates.length} total={report.updated} />
    </Stack>
  );
}
