import { Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ScreenTitle } from "./ScreenTitle";

export function KioskClosed({ onNewCode }: { onNewCode: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack align="center" ta="center" gap="xl" py="xl">
      <ScreenTitle>{t("kiosk.closed.title")}</ScreenTitle>
      <Text fz="xl">{t("kiosk.closed.body")}</Text>
      <Button size="xl" variant="default" onClick={onNewCode}>
        {t("kiosk.closed.newCode")}
      </Button>
    </Stack>
  );
}
