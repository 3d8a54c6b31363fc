import { Box, Container, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { LanguageCode } from "../i18n";
import { LanguageSwitch } from "./LanguageSwitch";

/** Landmarks and a calm centred column for pages used before signing in (wider for reading). */
export function PublicLayout({
  children,
  size = 460,
  onLanguageChosen,
}: {
  children: ReactNode;
  size?: number;
  /** Where the page can keep the reader's choice on the server (a parent's link). */
  onLanguageChosen?: (code: LanguageCode) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Box
        component="header"
        py="sm"
        px="md"
        style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
      >
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} size="lg" c="indigo.9">
            {t("app.name")}
          </Text>
          <LanguageSwitch onChosen={onLanguageChosen} />
        </Group>
      </Box>
      <Container component="main" size={size} py="xl">
        {children}
      </Container>
    </>
  );
}
