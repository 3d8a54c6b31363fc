import { Badge, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../../ui/DataTable";
import { formatDateTime } from "../../../ui/format";
import { RevokeTokenButton } from "./RevokeTokenButton";
import type { ApiToken } from "./tokensApi";

export function TokensTable({ tokens }: { tokens: ApiToken[] }) {
  const { t } = useTranslation();
  const columns: Column<ApiToken>[] = [
    { header: t("tokens.columns.name"), cell: (token) => token.name },
    {
      header: t("tokens.columns.created"),
      cell: (token) =>
        token.createdByName
          ? t("tokens.createdBy", { date: formatDateTime(token.createdAt), name: token.createdByName })
          : formatDateTime(token.createdAt),
    },
    {
      header: t("tokens.columns.lastUsed"),
      cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t("tokens.neverUsed")),
    },
    {
      header: t("tokens.columns.status"),
      cell: (token) =>
        token.revokedAt ? (
          <Badge color="gray">{t("tokens.revokedOn", { date: formatDateTime(token.revokedAt) })}</Badge>
        ) : (
          <Badge color="green">{t("tokens.active")}</Badge>
        ),
    },
    {
      header: t("tokens.columns.actions"),
      headerHidden: true,
      cell: (token) => !token.revokedAt && <RevokeTokenButton token={token} />,
    },
  ];
  return (
    <DataTable
      rows={tokens}
      columns={columns}
      scroll={{ label: t("tokens.listHeading"), minWidth: 640 }}
      empty={<Text>{t("tokens.empty")}</Text>}
    />
  );
}
