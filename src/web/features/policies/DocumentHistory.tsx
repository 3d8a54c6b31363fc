import { Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../ui/DataTable";
import { formatDate } from "../../ui/format";
import type { DocumentHistoryEntry } from "./types";

/** The version-control table found in an imported document, kept as the record of earlier versions. */
export function DocumentHistory({ history }: { history: DocumentHistoryEntry[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return null;
  const columns: Column<DocumentHistoryEntry>[] = [
    { header: t("policies.versions.number"), cell: (entry) => entry.number },
    {
      header: t("policies.versions.issueDate"),
      cell: (entry) => (entry.date ? formatDate(entry.date) : t("common.notRecorded")),
    },
    { header: t("policies.versions.summary"), cell: (entry) => entry.summary },
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="document-history-heading">
      <Stack>
        <Title order={2} size="h3" id="document-history-heading">
          {t("policies.documentHistory.heading")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("policies.documentHistory.explain")}
        </Text>
        <DataTable
          rows={history}
          columns={columns}
          // A fixed table from one document: its place in the document is its identity.
          rowKey={(_, index) => index}
          spacing="xs"
          scroll={{ label: t("policies.documentHistory.heading"), minWidth: 480 }}
        />
      </Stack>
    </Paper>
  );
}
