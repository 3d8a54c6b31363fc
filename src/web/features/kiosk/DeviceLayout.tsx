import { Box, Container, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../ui/LanguageSwitch";

/**
 * Full-screen frame for a shared device (reception kiosk, class signing): no app shell, the
 * school's name in a plain header and one wide, calm column.
 */
export function DeviceLayout({
  schoolName,
  label,
  children,
}: {
  schoolName?: string;
  label: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="gray.0">
      <Box component="header" px="lg" py="md" bg="indigo.9" c="white">
        <Group justify="space-between" gap="xs">
          <Text fw={700} fz="xl" c="white">
            {schoolName || t("app.name")}
          </Text>
          <Group gap="md" wrap="nowrap">
            <Text fz="lg" c="white">
              {label}
            </Text>
            <LanguageSwitch variant="white" />
          </Group>
        </Group>
      </Box>
      <Container component="main" size={780} py="xl" px="md">
        {children}
      </Container>
    </Box>
  );
}
