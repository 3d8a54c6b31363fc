import { Button, Stack, Text } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ScreenTitle } from "../kiosk/ScreenTitle";

const BACK_AFTER_MS = 5_000;

function Star() {
  return (
    <svg width="140" height="140" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"
        fill="#fab005"
        stroke="#e67700"
        strokeWidth="1"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** A star and a well done, then back to the names for the next child. */
export function WellDone({ name, queued, onDone }: { name: string; queued: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = window.setTimeout(onDone, BACK_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [onDone]);
  return (
    <Stack align="center" ta="center" gap="lg" py="xl">
      <Star />
      <ScreenTitle>{t("classDevice.done.title", { name })}</ScreenTitle>
      <Text fz={24} data-testid={queued ? "class-queued" : undefined}>
        {queued ? t("classDevice.done.queued") : t("classDevice.done.body")}
      </Text>
      <Button size="xl" variant="default" onClick={onDone}>
        {t("classDevice.done.next")}
      </Button>
    </Stack>
  );
}
