import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../ui/DataTable";
import { formatDate } from "../../ui/format";
import { ApprovalsText } from "./ApprovalsText";
import type { Version } from "./types";
import { VersionStatusBadge } from "./VersionStatusBadge";

export function VersionHistoryTable({ policyId, versions }: { policyId: string; versions: Version[] }) {
  const { t } = useTranslation();
  const columns: Column<Version>[] = [
    {
      header: t("policies.versions.number"),
      link: (version) => `/policies/${policyId}/versions/${version.id}`,
      cell: (version) => t("policies.versionNumber", { number: version.number }),
    },
    {
      header: t("policies.versions.status"),
      cell: (version) => <VersionStatusBadge status={version.status} />,
    },
    {
      header: t("policies.versions.issueDate"),
      cell: (version) => (version.issueDate ? formatDate(version.issueDate) : t("common.notRecorded")),
    },
    {
      header: t("policies.versions.summary"),
      cell: (version) => (
        <Text size="sm">{version.noChanges ? t("policies.versions.noChanges") : version.summary || ""}</Text>
      ),
    },
    {
      header: t("policies.versions.approvals"),
      cell: (version) => <ApprovalsText approvals={version.approvals} />,
    },
  ];
  return (
    <DataTable
      rows={versions}
      columns={columns}
      scroll={{ label: t("policies.versions.heading"), minWidth: 640 }}
      empty={<Text>{t("policies.versions.none")}</Text>}
    />
  );
}
