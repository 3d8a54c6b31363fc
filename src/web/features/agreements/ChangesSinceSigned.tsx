import { List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterLink } from "../../ui/RouterLink";
import { addedStyle, removedStyle } from "../policies/diff.css";
import { statementChanges } from "./statementChanges";

interface Props {
  before: string[];
  after: string[];
  /** The version the person signed, when known. */
  versionNumber: string | null;
  /** The policy now in force, and its own note of what changed, with a link to read it whole. */
  policy: { id: string; title: string; versionNumber: string; changeSummary: string | null };
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
export function ChangesSinceSigned({ before, after, versionNumber, policy }: Props) {
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
        {policy.changeSummary && (
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t("agreements.changes.policyNote", { title: policy.title, number: policy.versionNumber })}
            </Title>
            <Text size="sm" style={{ whiteSpace: "pre-line", overflowWrap: "anywhere" }}>
              {policy.changeSummary}
            </Text>
          </Stack>
        )}
        <RouterLink to={`/policies/${policy.id}`}>
          {t("agreements.changes.readPolicy", { title: policy.title })}
        </RouterLink>
      </Stack>
    </Paper>
  );
}
