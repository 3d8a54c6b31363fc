import { Button, Modal, Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * "Are you still there?": shown before an idle kiosk wipes a visit, so a visitor who paused to
 * read is not sent back to the start without warning. Counts down; any answer keeps the visit.
 */
export function StillThere({ seconds, onStay }: { seconds: number; onStay: () => void }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const timer = window.setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <Modal opened onClose={onStay} title={t("kiosk.stillThere.title")} centered size="md">
      <Stack>
        <Text role="status">{t("kiosk.stillThere.detail", { count: left })}</Text>
        <Button size="lg" onClick={onStay} data-autofocus>
          {t("kiosk.stillThere.stay")}
        </Button>
      </Stack>
    </Modal>
  );
}
