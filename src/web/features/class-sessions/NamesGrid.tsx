import { Button, SimpleGrid, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ScreenTitle } from "../kiosk/ScreenTitle";
import type { DevicePupil } from "./types";

// Long names (Gwenllian, Maximilian…) wrap onto a second line rather than being cut off on a phone.
const nameButton = {
  size: "xl",
  h: 88,
  fz: { base: 19, xs: 22 },
  px: "sm",
  styles: { label: { whiteSpace: "normal", overflowWrap: "anywhere", textAlign: "center", lineHeight: 1.2 } },
} as const;

/** Big name buttons; those who have signed are greyed with a tick and cannot be chosen again. */
export function NamesGrid({
  pupils,
  onPick,
}: {
  pupils: DevicePupil[];
  onPick: (pupil: DevicePupil) => void;
}) {
  const { t } = useTranslation();
  const waiting = pupils.filter((p) => !p.signed).length;
  return (
    <Stack gap="lg">
      <ScreenTitle>{t("classDevice.names.title")}</ScreenTitle>
      <Text fz="xl">{waiting > 0 ? t("classDevice.names.intro") : t("classDevice.names.allDone")}</Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
        {pupils.map((pupil) =>
          pupil.signed ? (
            <Button
              key={pupil.id}
              {...nameButton}
              variant="default"
              disabled
              leftSection={<span aria-hidden="true">✓</span>}
            >
              {pupil.displayName}
              <VisuallyHidden>{t("classDevice.names.signed")}</VisuallyHidden>
            </Button>
          ) : (
            <Button key={pupil.id} {...nameButton} variant="light" onClick={() => onPick(pupil)}>
              {pupil.displayName}
            </Button>
          ),
        )}
      </SimpleGrid>
    </Stack>
  );
}
