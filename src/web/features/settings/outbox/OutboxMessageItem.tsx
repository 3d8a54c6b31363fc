import { Accordion, Alert, Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../ui/format";
import { LinkifiedText } from "../../../ui/LinkifiedText";
import type { OutboxMessage } from "./outboxApi";

const statusColours = { pending: "orange", sent: "green", failed: "red" } as const;

/** One email: subject and recipient at a glance; open it to read the body and its links. */
export function OutboxMessageItem({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  return (
    <Accordion.Item value={message.id}>
      <Accordion.Control>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={500}>{message.subject}</Text>
            <Text size="sm" c="dimmed" style={{ wordBreak: "break-all" }}>
              {t("outbox.toLine", { to: message.to, date: formatDateTime(message.createdAt) })}
            </Text>
          </Stack>
          <Badge color={statusColours[message.status]}>{t(`outbox.status.${message.status}`)}</Badge>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          <Text size="sm">
            {message.sentAt
              ? t("outbox.sentAt", { date: formatDateTime(message.sentAt) })
              : t("outbox.attempts", { count: message.attempts })}
          </Text>
          {message.lastError && (
            <Alert color="red" title={t("outbox.lastError")}>
              {message.lastError}
            </Alert>
          )}
          <LinkifiedText text={message.body} />
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
