import { Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ScreenTitle } from "./ScreenTitle";

/** Offline longer than the school allows, or the queue is full: no new visitor until it is back. */
export function KioskOffline() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" radius="lg" data-testid="kiosk-offline">
      <Stack align="center" ta="center" gap="xl" py="lg">
        <ScreenTitle>{t("kiosk.offline.title")}</ScreenTitle>
        <Text fz="xl">{t("kiosk.offline.body")}</Text>
      </Stack>
    </Paper>
  );
}
