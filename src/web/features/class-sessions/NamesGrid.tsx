import { Button, SimpleGrid, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ScreenTitle } from "../kiosk/ScreenTitle";
import type { DevicePupil } from "./types";

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
              size="xl"
              h={88}
              fz={22}
              variant="default"
              disabled
              leftSection={<span aria-hidden="true">✓</span>}
            >
              {pupil.displayName}
              <VisuallyHidden>{t("classDevice.names.signed")}</VisuallyHidden>
            </Button>
          ) : (
            <Button key={pupil.id} size="xl" h={88} fz={22} variant="light" onClick={() => onPick(pupil)}>
              {pupil.displayName}
            </Button>
          ),
        )}
      </SimpleGrid>
    </Stack>
  );
}
