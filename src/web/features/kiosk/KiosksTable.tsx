import { Badge, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../ui/DataTable";
import { formatDateTime } from "../../ui/format";
import { CloseKioskButton } from "./CloseKioskButton";
import type { KioskSummary } from "./types";

const isOpen = (kiosk: KioskSummary) => !kiosk.closedAt && new Date(kiosk.expiresAt).getTime() > Date.now();

function KioskStatus({ kiosk }: { kiosk: KioskSummary }) {
  const { t } = useTranslation();
  if (kiosk.closedAt)
    return <Badge color="gray">{t("kiosks.status.closed", { date: formatDateTime(kiosk.closedAt) })}</Badge>;
  if (!isOpen(kiosk)) return <Badge color="gray">{t("kiosks.status.expired")}</Badge>;
  return <Badge color="green">{t("kiosks.status.open")}</Badge>;
}

export function KiosksTable({ kiosks }: { kiosks: KioskSummary[] }) {
  const { t } = useTranslation();
  const columns: Column<KioskSummary>[] = [
    {
      header: t("kiosks.columns.device"),
      cell: (kiosk) => <Text fw={500}>{kiosk.deviceName ?? t("kiosks.unnamed")}</Text>,
    },
    { header: t("kiosks.columns.agreement"), cell: (kiosk) => kiosk.agreementTitle },
    { header: t("kiosks.columns.opened"), cell: (kiosk) => formatDateTime(kiosk.openedAt) },
    { header: t("kiosks.columns.expires"), cell: (kiosk) => formatDateTime(kiosk.expiresAt) },
    { header: t("kiosks.columns.signatures"), cell: (kiosk) => kiosk.signatures },
    { header: t("kiosks.columns.status"), cell: (kiosk) => <KioskStatus kiosk={kiosk} /> },
    {
      header: t("kiosks.columns.actions"),
      headerHidden: true,
      cell: (kiosk) => isOpen(kiosk) && <CloseKioskButton kiosk={kiosk} />,
    },
  ];
  return (
    <DataTable
      rows={kiosks}
      columns={columns}
      scroll={{ label: t("kiosks.listHeading"), minWidth: 840 }}
      empty={<Text>{t("kiosks.empty")}</Text>}
    />
  );
}
