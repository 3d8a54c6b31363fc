import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { useCloseKiosk } from "./kioskApi";
import type { KioskSummary } from "./types";

export function CloseKioskButton({ kiosk }: { kiosk: KioskSummary }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const closeKiosk = useCloseKiosk(kiosk.id);
  const name = t("kiosks.named", { title: kiosk.agreementTitle, date: formatDateTime(kiosk.openedAt) });
  return (
    <>
      <Button
        color="red"
        variant="outline"
        size="xs"
        onClick={open}
        aria-label={t("kiosks.closeNamed", { name })}
      >
        {t("kiosks.close")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("kiosks.closeTitle")}>
        <Stack>
          <Text size="sm">{t("kiosks.closeExplain", { name })}</Text>
          <ErrorAlert error={closeKiosk.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button
              color="red"
              loading={closeKiosk.isPending}
              onClick={() =>
                closeKiosk.mutate(undefined, {
                  onSuccess: () => {
                    notifySuccess(t("kiosks.closed"));
                    close();
                  },
                })
              }
            >
              {t("kiosks.closeConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
