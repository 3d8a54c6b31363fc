import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { formatDateTime } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { useCloseKiosk } from "./kioskApi";
import type { KioskSummary } from "./types";

export function CloseKioskButton({ kiosk }: { kiosk: KioskSummary }) {
  const { t } = useTranslation();
  const closeKiosk = useCloseKiosk(kiosk.id);
  const name =
    kiosk.deviceName ??
    t("kiosks.named", { title: kiosk.agreementTitle, date: formatDateTime(kiosk.openedAt) });
  return (
    <ConfirmButton
      button={{ color: "red", variant: "outline", size: "xs" }}
      ariaLabel={t("kiosks.closeNamed", { name })}
      title={t("kiosks.closeTitle")}
      body={<Text size="sm">{t("kiosks.closeExplain", { name })}</Text>}
      confirm={t("kiosks.closeConfirm")}
      confirmColor="red"
      pending={closeKiosk.isPending}
      error={closeKiosk.error}
      onConfirm={(close) =>
        closeKiosk.mutate(undefined, {
          onSuccess: () => {
            notifySuccess(t("kiosks.closed"));
            close();
          },
        })
      }
    >
      {t("kiosks.close")}
    </ConfirmButton>
  );
}
