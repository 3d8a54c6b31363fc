import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AttentionItem } from "./homeApi";

export function AttentionCard({ item }: { item: AttentionItem }) {
  const { t } = useTranslation();
  const params = item.params ?? {};
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
