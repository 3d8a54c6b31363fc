import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../../ui/DataTable";
import { formatDateTime, formatShortDate } from "../../../ui/format";
import { RevokeTokenButton } from "./RevokeTokenButton";
import type { ApiToken } from "./tokensApi";

function TokenStatus({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  switch (token.status) {
    case "active":
      return <Badge color="green">{t("tokens.active")}</Badge>;
    case "expired":
      return <Badge color="gray">{t("tokens.expiredOn", { date: formatShortDate(token.expiresAt) })}</Badge>;
    case "creator_left":
      return <Badge color="gray">{t("tokens.creatorLeft", { name: token.createdByName })}</Badge>;
    default:
      return (
        <Badge color="gray" style={{ whiteSpace: "normal", height: "auto" }}>
          {t(
            token.revokedReason === "password_changed"
              ? "tokens.revokedPasswordChanged"
              : token.revokedReason === "access_reset"
                ? "tokens.revokedAccessReset"
                : "tokens.revokedOn",
            { date: formatDateTime(token.revokedAt) },
          )}
        </Badge>
      );
  }
}

export function TokensTable({ tokens }: { tokens: ApiToken[] }) {
  const { t } = useTranslation();
  const columns: Column<ApiToken>[] = [
    { header: t("tokens.columns.name"), cell: (token) => token.name },
    {
      header: t("tokens.columns.scopes"),
      cell: (token) => (
        <Group gap={4}>
          {token.scopes.map((scope) => (
            <Badge key={scope} variant="light" color={scope === "full" ? "orange" : "blue"}>
              {t(`tokens.scope.${scope}`)}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      header: t("tokens.columns.created"),
      cell: (token) =>
        token.createdByName
          ? t("tokens.createdBy", { date: formatDateTime(token.createdAt), name: token.createdByName })
          : formatDateTime(token.createdAt),
    },
    { header: t("tokens.columns.expires"), cell: (token) => formatShortDate(token.expiresAt) },
    {
      header: t("tokens.columns.lastUsed"),
      cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t("tokens.neverUsed")),
    },
    { header: t("tokens.columns.status"), cell: (token) => <TokenStatus token={token} /> },
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
      scroll={{ label: t("tokens.listHeading"), minWidth: 900 }}
      empty={<Text>{t("tokens.empty")}</Text>}
    />
  );
}
