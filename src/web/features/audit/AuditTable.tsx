import { Code, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../ui/DataTable";
import { formatDateTime } from "../../ui/format";
import { AuditSummary } from "./AuditSummary";
import type { AuditEvent } from "./auditApi";

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const columns: Column<AuditEvent>[] = [
    { header: t("audit.columns.seq"), cell: (event) => event.seq },
    {
      header: t("audit.columns.at"),
      cellStyle: { whiteSpace: "nowrap" },
      cell: (event) => formatDateTime(event.at),
    },
    { header: t("audit.columns.actor"), cell: (event) => event.actorName ?? t("audit.system") },
    { header: t("audit.columns.action"), cell: (event) => <Code>{event.action}</Code> },
    {
      header: t("audit.columns.entity"),
      cell: (event) => (
        <>
          <Text size="sm">{event.entityType}</Text>
          {event.entityId && (
            <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
              {event.entityId}
            </Text>
          )}
        </>
      ),
    },
    {
      header: t("audit.columns.summary"),
      cell: (event) => <AuditSummary summary={event.summary} />,
    },
    { header: t("audit.columns.ip"), cell: (event) => event.ip },
  ];
  return (
    <DataTable
      rows={events}
      columns={columns}
      striped
      spacing="xs"
      scroll={{ label: t("audit.title"), minWidth: 720 }}
    />
  );
}
