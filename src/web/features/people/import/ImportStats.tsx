import { Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "./importApi";

const stats = [
  { key: "created", color: "indigo-7" },
  { key: "updated", color: "indigo-7" },
  { key: "unchanged", color: "gray-5" },
  { key: "leavers", color: "orange-7" },
  { key: "errors", color: "red-8" },
] as const;

/** The preview's counts as a row of cards: a description list, one term per card. */
export function ImportStats({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const value = (key: (typeof stats)[number]["key"]) =>
    key === "errors" ? report.errors.length : report[key];
  return (
    <Stack gap="xs">
      <SimpleGrid component="dl" cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" m={0}>
        {stats.map(({ key, color }) => (
          <Paper
            key={key}
            withBorder
            p="sm"
            style={{
              borderLeft: `4px solid var(--mantine-color-${value(key) > 0 ? color : "gray-3"})`,
            }}
          >
            <Text component="dt" size="sm" c="dimmed">
              {t(`import.stats.${key}`)}
            </Text>
            <Text component="dd" m={0} fz="xl" fw={700}>
              {value(key)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {report.leftOut > 0 && (
        <Text size="sm">{t(`peopleImportShapes.leftOut.${report.kind}`, { count: report.leftOut })}</Text>
      )}
    </Stack>
  );
}
