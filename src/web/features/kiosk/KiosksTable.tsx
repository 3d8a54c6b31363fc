import { Badge, Table, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import { ScrollRegion } from "../../ui/ScrollRegion";
import { CloseKioskButton } from "./CloseKioskButton";
import type { KioskSummary } from "./types";

function KioskStatus({ kiosk }: { kiosk: KioskSummary }) {
  const { t } = useTranslation();
  if (kiosk.closedAt)
    return <Badge color="gray">{t("kiosks.status.closed", { date: formatDateTime(kiosk.closedAt) })}</Badge>;
  if (new Date(kiosk.expiresAt).getTime() <= Date.now())
    return <Badge color="gray">{t("kiosks.status.expired")}</Badge>;
  return <Badge color="green">{t("kiosks.status.open")}</Badge>;
}

export function KiosksTable({ kiosks }: { kiosks: KioskSummary[] }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={t("kiosks.listHeading")} minWidth={720}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("kiosks.columns.agreement")}</Table.Th>
            <Table.Th scope="col">{t("kiosks.columns.opened")}</Table.Th>
            <Table.Th scope="col">{t("kiosks.columns.expires")}</Table.Th>
            <Table.Th scope="col">{t("kiosks.columns.signatures")}</Table.Th>
            <Table.Th scope="col">{t("kiosks.columns.status")}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t("kiosks.columns.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kiosks.map((kiosk) => {
            const open = !kiosk.closedAt && new Date(kiosk.expiresAt).getTime() > Date.now();
            return (
              <Table.Tr key={kiosk.id}>
                <Table.Td>{kiosk.agreementTitle}</Table.Td>
                <Table.Td>{formatDateTime(kiosk.openedAt)}</Table.Td>
                <Table.Td>{formatDateTime(kiosk.expiresAt)}</Table.Td>
                <Table.Td>{kiosk.signatures}</Table.Td>
                <Table.Td>
                  <KioskStatus kiosk={kiosk} />
                </Table.Td>
                <Table.Td>{open && <CloseKioskButton kiosk={kiosk} />}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
