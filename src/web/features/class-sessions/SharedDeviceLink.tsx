import { Button, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { classCodeUrl, sharedDeviceUrl } from "./classSessionsApi";
import { QrCode } from "./QrCode";

/**
 * Three ways to open the shared device, big enough to use from across the classroom: scan the QR
 * code, type the short code at /class, or open the link.
 */
export function SharedDeviceLink({ token, shortCode }: { token: string; shortCode?: string }) {
  const { t } = useTranslation();
  const url = sharedDeviceUrl(token);
  return (
    <Paper withBorder p="lg" bg="indigo.0">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t("classSessions.link.heading")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
          <Stack gap="xs" align="center">
            <Text fw={700}>{t("classSessions.link.scan")}</Text>
            <QrCode value={url} label={t("classSessions.link.qrLabel")} />
          </Stack>
          {shortCode && (
            <Stack gap="xs" justify="center">
              <Text fw={700}>{t("classSessions.link.typeCode", { address: classCodeUrl() })}</Text>
              <Text
                fz={48}
                fw={700}
                ff="monospace"
                lts="0.08em"
                c="indigo.9"
                style={{ wordBreak: "break-all" }}
                data-testid="class-code"
              >
                {shortCode}
              </Text>
              <Text size="sm">{t("classSessions.link.codeExpires")}</Text>
            </Stack>
          )}
        </SimpleGrid>
        <Text>{t("classSessions.link.intro")}</Text>
        <Text
          fw={700}
          ff="monospace"
          c="indigo.9"
          style={{ wordBreak: "break-all" }}
          data-testid="class-link"
        >
          {url}
        </Text>
        <Group>
          <Button component="a" href={url} target="_blank" rel="noopener noreferrer">
            {t("classSessions.link.openHere")}
          </Button>
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t("classSessions.link.copied") : t("classSessions.link.copy")}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">{t("classSessions.link.newTab")}</Text>
      </Stack>
    </Paper>
  );
}
