import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../ui/format";
import { RouterLink } from "../../ui/RouterLink";
import { ScrollRegion } from "../../ui/ScrollRegion";
import { ApprovalsText } from "./ApprovalsText";
import type { Version } from "./types";
import { VersionStatusBadge } from "./VersionStatusBadge";

export function VersionHistoryTable({ policyId, versions }: { policyId: string; versions: Version[] }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={t("policies.versions.heading")} minWidth={640}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("policies.versions.number")}</Table.Th>
            <Table.Th scope="col">{t("policies.versions.status")}</Table.Th>
            <Table.Th scope="col">{t("policies.versions.issueDate")}</Table.Th>
            <Table.Th scope="col">{t("policies.versions.summary")}</Table.Th>
            <Table.Th scope="col">{t("policies.versions.approvals")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => (
            <Table.Tr key={version.id}>
              <Table.Td>
                <RouterLink to={`/policies/${policyId}/versions/${version.id}`} fw={500}>
                  {t("policies.versionNumber", { number: version.number })}
                </RouterLink>
              </Table.Td>
              <Table.Td>
                <VersionStatusBadge status={version.status} />
              </Table.Td>
              <Table.Td>
                {version.issueDate ? formatDate(version.issueDate) : t("common.notRecorded")}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {version.noChanges ? t("policies.versions.noChanges") : version.summary || ""}
                </Text>
              </Table.Td>
              <Table.Td>
                <ApprovalsText approvals={version.approvals} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
