import { Badge, Box, Code, Group, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import type { AuditEvent } from "./auditApi";
import { readableDetails } from "./auditDetails";
import { auditSentence } from "./auditSentence";

// The label column is a third of a phone's card, and no wider than 12rem on a desktop.
const row = { display: "grid", gridTemplateColumns: "min(12rem, 35%) minmax(0, 1fr)", gap: 8 } as const;

/** One event: when, what kind, the sentence, its details, and the raw record behind a disclosure. */
export function AuditEntry({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const details = readableDetails(event.summary, t);
  return (
    <Paper component="li" withBorder p="sm" style={{ overflowWrap: "anywhere" }}>
      <Group justify="space-between" gap={6} wrap="wrap">
        <Text size="sm" c="dimmed">
          <time dateTime={event.at}>{formatDateTime(event.at)}</time>
        </Text>
        <Badge color="gray" size="sm">
          {t(`audit.kinds.${event.action}`, { defaultValue: event.action })}
        </Badge>
      </Group>
      <Text fw={600} mt={4}>
        {auditSentence(event, t)}
      </Text>
      {event.actorVia && (
        <Text size="sm" c="dimmed" data-testid="audit-via">
          {t(`audit.via.${event.actorVia}`, {
            actor: event.actorName ?? t("audit.system"),
            token: event.actorToken?.name ?? "",
            // Names are shown as written, never as HTML.
            interpolation: { escapeValue: false },
          })}
        </Text>
      )}
      {details.length > 0 && (
        <Box component="dl" m={0} mt={6}>
          {details.map((d) => (
            <Box key={d.key} style={row}>
              <Text component="dt" size="sm" c="dimmed">
                {d.label}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {d.value}
              </Text>
            </Box>
          ))}
        </Box>
      )}
      <Box component="details" mt={6}>
        <Text component="summary" size="sm" c="dimmed" style={{ cursor: "pointer" }}>
          {t("audit.entry.technical")}
        </Text>
        <Box component="dl" m={0} mt={4}>
          {[
            [t("audit.entry.action"), <Code key="a">{event.action}</Code>],
            [t("audit.entry.record"), [event.entityType, event.entityId].filter(Boolean).join(" ")],
            [t("audit.entry.ip"), event.ip ?? t("audit.values.none")],
            [t("audit.entry.seq"), event.seq],
          ].map(([label, value]) => (
            <Box key={String(label)} style={row}>
              <Text component="dt" size="xs" c="dimmed">
                {label}
              </Text>
              <Text component="dd" size="xs" m={0}>
                {value}
              </Text>
            </Box>
          ))}
          <Box mt={4}>
            <Text component="dt" size="xs" c="dimmed">
              {t("audit.entry.raw")}
            </Text>
            <Box component="dd" m={0}>
              <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {JSON.stringify(event.summary, null, 2)}
              </Code>
            </Box>
          </Box>
        </Box>
      </Box>
    </Paper>
  );
}
