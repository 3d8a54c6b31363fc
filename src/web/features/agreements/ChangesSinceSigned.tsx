import { List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { addedStyle, removedStyle } from "../policies/diff.css";
import { statementChanges } from "./statementChanges";

interface Props {
  before: string[];
  after: string[];
  /** The version the person signed, when known. */
  versionNumber: string | null;
}

function Changes({ heading, items, kind }: { heading: string; items: string[]; kind: "added" | "removed" }) {
  const { t } = useTranslation();
  const Mark = kind === "added" ? "ins" : "del";
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {heading}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("agreements.changes.none")}
        </Text>
      ) : (
        <List spacing="xs" size="sm">
          {items.map((item) => (
            <List.Item key={item}>
              <Mark style={kind === "added" ? addedStyle : removedStyle}>{item}</Mark>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** For a re-sign: what is different from the statements the person agreed to last time. */
export function ChangesSinceSigned({ before, after, versionNumber }: Props) {
  const { t } = useTranslation();
  const { added, removed } = statementChanges(before, after);
  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      aria-labelledby="changes-heading"
      style={{ borderLeft: "4px solid var(--mantine-color-orange-7)" }}
    >
      <Stack>
        <Title order={2} size="h3" id="changes-heading">
          {versionNumber
            ? t("agreements.changes.heading", { number: versionNumber })
            : t("agreements.changes.headingUnknown")}
        </Title>
        <Text>
          {added.length + removed.length === 0
            ? t("agreements.changes.wordingOnly")
            : t("agreements.changes.intro")}
        </Text>
        {added.length + removed.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Changes heading={t("agreements.changes.added")} items={added} kind="added" />
            <Changes heading={t("agreements.changes.removed")} items={removed} kind="removed" />
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
