import { List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { addedStyle, removedStyle } from "./diff.css";
import type { VersionDiff } from "./types";

function Changes({ heading, items, kind }: { heading: string; items: string[]; kind: "added" | "removed" }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {heading}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("policies.diff.noneHere")}
        </Text>
      ) : (
        <List spacing="xs" size="sm">
          {items.map((item) => (
            <List.Item key={item}>
              {kind === "added" ? (
                <ins style={addedStyle}>{item}</ins>
              ) : (
                <del style={removedStyle}>{item}</del>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

export function StatementChanges({ statements }: { statements: VersionDiff["statements"] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Changes heading={t("policies.diff.statementsAdded")} items={statements.added} kind="added" />
      <Changes heading={t("policies.diff.statementsRemoved")} items={statements.removed} kind="removed" />
    </SimpleGrid>
  );
}
