import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../ui/format";
import type { AttentionItem } from "./homeApi";

export function AttentionCard({ item }: { item: AttentionItem }) {
  const { t } = useTranslation();
  // A date travels as YYYY-MM-DD and a moment as ISO 8601 (a breach's 72-hour deadline); people
  // read them in their language and London time ("1 September 2026", "4 December 2026, 09:00").
  const params = Object.fromEntries(
    Object.entries(item.params ?? {}).map(([k, v]) =>
      typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? [k, formatDate(v)]
        : typeof v === "string" && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v)
          ? [k, formatDateTime(v)]
          : [k, v],
    ),
  );
  const href = item.href;
  const warning = item.severity === "warning";
  return (
    <Paper
      withBorder
      p="md"
      style={{ borderLeft: `4px solid var(--mantine-color-${warning ? "orange-7" : "indigo-7"})` }}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4">
            {t(`home.attention.${item.key}.title`, params)}
          </Title>
          <Badge color={warning ? "orange" : "indigo"} style={{ flexShrink: 0 }}>
            {t(`home.severity.${item.severity}`)}
          </Badge>
        </Group>
        <Text>{t(`home.attention.${item.key}.detail`, params)}</Text>
        {href && (
          <Button component={Link} to={href} variant="light" style={{ alignSelf: "flex-start" }}>
            {t(`home.attention.${item.key}.action`, { ...params, defaultValue: t("home.open") })}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
