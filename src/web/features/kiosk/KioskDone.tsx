import { Button, Stack, Text } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ScreenTitle } from "./ScreenTitle";

const CLEAR_AFTER_MS = 10_000;

/** Thank-you and receipt reference; the screen clears itself so the next visitor sees nothing. */
export function KioskDone({
  name,
  reference,
  onFinish,
}: {
  name: string;
  /** Null while the signature waits on the tablet for the network (decision 039). */
  reference: string | null;
  onFinish: () => void;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = window.setTimeout(onFinish, CLEAR_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [onFinish]);
  return (
    <Stack align="center" ta="center" gap="lg" py="xl">
      <ScreenTitle>{t("kiosk.done.title", { name })}</ScreenTitle>
      {reference === null ? (
        <Text fz="xl" data-testid="kiosk-queued">
          {t("kiosk.done.queued")}
        </Text>
      ) : (
        <>
          <Text fz="xl">{t("kiosk.done.signed")}</Text>
          <Stack gap={4} align="center">
            <Text fz="lg">{t("kiosk.done.reference")}</Text>
            <Text
              fz={30}
              fw={700}
              ff="monospace"
              style={{ wordBreak: "break-all" }}
              data-testid="kiosk-reference"
            >
              {reference}
            </Text>
          </Stack>
        </>
      )}
      <Text fz="lg" c="dimmed">
        {t("kiosk.done.clearing", { count: CLEAR_AFTER_MS / 1000 })}
      </Text>
      <Button size="xl" onClick={onFinish}>
        {t("kiosk.done.finish")}
      </Button>
    </Stack>
  );
}
