import { Code, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import { ScrollRegion } from "../../ui/ScrollRegion";
import { AuditSummary } from "./AuditSummary";
import type { AuditEvent } from "./auditApi";

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={t("audit.title")} minWidth={720}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("audit.columns.seq")}</Table.Th>
            <Table.Th scope="col">{t("audit.columns.at")}</Table.Th>
            <Table.Th scope="col">{t("audit.columns.actor")}</Table.Th>
            <Table.Th scope="col">{t("audit.columns.action")}</Table.Th>
            <Table.Th scope="col">{t("audit.columns.entity")}</Table.Th>
            <Table.Th scope="col">{t("audit.columns.summary")}</Table.Th>
            <Table.Th scope="col">{t("audit.columns.ip")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td>{event.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(event.at)}</Table.Td>
              <Table.Td>{event.actorName ?? t("audit.system")}</Table.Td>
              <Table.Td>
                <Code>{event.action}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{event.entityType}</Text>
                {event.entityId && (
                  <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
                    {event.entityId}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <AuditSummary summary={event.summary} />
              </Table.Td>
              <Table.Td>{event.ip}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
