import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ENTRY_KINDS } from "../../../modules/incidents/schema";
import { formatDateTime } from "../../ui/format";
import type { Entry } from "./types";

const correctable = new Set<string>(ENTRY_KINDS);

/**
 * The incident's timeline, oldest first. Entries are never changed: a correction is a later entry
 * that points at the one it corrects, and is shown beside it so a reader sees both.
 */
export function Timeline({ entries, onCorrect }: { entries: Entry[]; onCorrect?: (entry: Entry) => void }) {
  const { t } = useTranslation();
  const corrections = new Map<string, Entry[]>();
  for (const e of entries)
    if (e.correctsId) corrections.set(e.correctsId, [...(corrections.get(e.correctsId) ?? []), e]);
  const known = new Set(entries.map((e) => e.id));
  const top = entries.filter((e) => !e.correctsId || !known.has(e.correctsId));

  const render = (entry: Entry, depth: number) => {
    const corrected = corrections.get(entry.id) ?? [];
    return (
      <Stack key={entry.id} gap="xs" component="li">
        <Paper
          withBorder
          p="sm"
          style={{
            borderLeft: `4px solid var(--mantine-color-${entry.kind === "referral" ? "grape" : depth ? "orange" : "indigo"}-6)`,
            opacity: corrected.length ? 0.85 : undefined,
          }}
        >
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <Badge variant="light" color={entry.correctsId ? "orange" : "indigo"}>
                {entry.correctsId
                  ? t("incidents.timeline.correction")
                  : t(`incidents.entryKinds.${entry.kind}`, { defaultValue: entry.kind })}
              </Badge>
              {corrected.length > 0 && (
                <Badge variant="outline" color="dark">
                  {t("incidents.timeline.corrected")}
                </Badge>
              )}
              <Text size="sm" c="dimmed">
                {t("incidents.timeline.byAt", {
                  name: entry.authorName ?? t("incidents.timeline.system"),
                  at: formatDateTime(entry.at),
                })}
              </Text>
            </Group>
            <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{entry.text}</Text>
            {entry.agency && (
              <Text size="sm">
                <strong>{t("incidents.timeline.agency")}</strong>{" "}
                {t(`incidents.agencies.${entry.agency}`, { defaultValue: entry.agency })}
              </Text>
            )}
            {entry.reference && (
              <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                <strong>{t("incidents.timeline.reference")}</strong> {entry.reference}
              </Text>
            )}
            {entry.outcome && (
              <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                <strong>{t("incidents.timeline.outcome")}</strong> {entry.outcome}
              </Text>
            )}
            {onCorrect && correctable.has(entry.kind) && (
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => onCorrect(entry)}
                  aria-label={t("incidents.timeline.correctLabel", { at: formatDateTime(entry.at) })}
                >
                  {t("incidents.timeline.correct")}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
        {corrected.length > 0 && (
          <Stack
            gap="xs"
            component="ul"
            pl="md"
            m={0}
            style={{ listStyle: "none" }}
            aria-label={t("incidents.timeline.correctionsOf")}
          >
            {corrected.map((c) => render(c, depth + 1))}
          </Stack>
        )}
      </Stack>
    );
  };

  if (entries.length === 0) return <Text c="dimmed">{t("incidents.timeline.empty")}</Text>;
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
      {top.map((e) => render(e, 0))}
    </Stack>
  );
}
