import { Button, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ScreenTitle } from "./ScreenTitle";

/** The blank screen every visitor finds: nothing about anyone who came before. */
export function KioskWelcome({
  schoolName,
  busy,
  onStart,
}: {
  schoolName: string;
  busy: boolean;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" radius="lg">
      <Stack align="center" ta="center" gap="xl" py="lg">
        <ScreenTitle>{t("kiosk.welcome.title", { school: schoolName })}</ScreenTitle>
        <Text fz="xl">{t("kiosk.welcome.intro")}</Text>
        <Button size="xl" h={72} px={48} fz={24} loading={busy} onClick={onStart}>
          {t("kiosk.welcome.start")}
        </Button>
        <Text fz="md" c="dimmed">
          {t("kiosk.welcome.privacy")}
        </Text>
      </Stack>
    </Paper>
  );
}
