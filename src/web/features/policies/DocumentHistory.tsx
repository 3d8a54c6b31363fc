import { Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../ui/format";
import { ScrollRegion } from "../../ui/ScrollRegion";
import type { DocumentHistoryEntry } from "./types";

/** The version-control table found in an imported document, kept as the record of earlier versions. */
export function DocumentHistory({ history }: { history: DocumentHistoryEntry[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="document-history-heading">
      <Stack>
        <Title order={2} size="h3" id="document-history-heading">
          {t("policies.documentHistory.heading")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("policies.documentHistory.explain")}
        </Text>
        <ScrollRegion label={t("policies.documentHistory.heading")} minWidth={480}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("policies.versions.number")}</Table.Th>
                <Table.Th scope="col">{t("policies.versions.issueDate")}</Table.Th>
                <Table.Th scope="col">{t("policies.versions.summary")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((entry, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed table from one document
                <Table.Tr key={index}>
                  <Table.Td>{entry.number}</Table.Td>
                  <Table.Td>{entry.date ? formatDate(entry.date) : t("common.notRecorded")}</Table.Td>
                  <Table.Td>{entry.summary}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Stack>
    </Paper>
  );
}
