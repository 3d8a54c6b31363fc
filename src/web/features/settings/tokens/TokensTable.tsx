import { Badge, Table, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../ui/format";
import { ScrollRegion } from "../../../ui/ScrollRegion";
import { RevokeTokenButton } from "./RevokeTokenButton";
import type { ApiToken } from "./tokensApi";

export function TokensTable({ tokens }: { tokens: ApiToken[] }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={t("tokens.listHeading")} minWidth={640}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("tokens.columns.name")}</Table.Th>
            <Table.Th scope="col">{t("tokens.columns.created")}</Table.Th>
            <Table.Th scope="col">{t("tokens.columns.lastUsed")}</Table.Th>
            <Table.Th scope="col">{t("tokens.columns.status")}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t("tokens.columns.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>
                {token.createdByName
                  ? t("tokens.createdBy", {
                      date: formatDateTime(token.createdAt),
                      name: token.createdByName,
                    })
                  : formatDateTime(token.createdAt)}
              </Table.Td>
              <Table.Td>
                {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t("tokens.neverUsed")}
              </Table.Td>
              <Table.Td>
                {token.revokedAt ? (
                  <Badge color="gray">
                    {t("tokens.revokedOn", { date: formatDateTime(token.revokedAt) })}
                  </Badge>
                ) : (
                  <Badge color="green">{t("tokens.active")}</Badge>
                )}
              </Table.Td>
              <Table.Td>{!token.revokedAt && <RevokeTokenButton token={token} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
