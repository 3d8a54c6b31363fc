import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import type { OpenedKiosk } from "./types";

/** The kiosk code, shown this once for the admin to type on the reception tablet. */
export function NewKioskCode({ kiosk, onDone }: { kiosk: OpenedKiosk; onDone: () => void }) {
  const { t } = useTranslation();
  const address = `${window.location.origin}/kiosk`;
  return (
    <Alert color="indigo" title={t("kiosks.code.title")} role="status">
      <Stack gap="sm">
        <Text>{t("kiosks.code.instructions", { address, name: kiosk.deviceName })}</Text>
        <Text
          fz={44}
          fw={700}
          ff="monospace"
          lts="0.1em"
          style={{ wordBreak: "break-all" }}
          data-testid="kiosk-code"
        >
          {kiosk.code}
        </Text>
        <Text size="sm">
          {t("kiosks.code.once", { name: kiosk.deviceName, date: formatDateTime(kiosk.expiresAt) })}
        </Text>
        <Button variant="default" onClick={onDone} style={{ alignSelf: "flex-start" }}>
          {t("kiosks.code.done")}
        </Button>
      </Stack>
    </Alert>
  );
}
