import { Button, CopyButton, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { sharedDeviceUrl } from "./classSessionsApi";

/** The shared device's address, big enough to read from across the classroom. */
export function SharedDeviceLink({ token }: { token: string }) {
  const { t } = useTranslation();
  const url = sharedDeviceUrl(token);
  return (
    <Paper withBorder p="lg" bg="indigo.0">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t("classSessions.link.heading")}
        </Title>
        <Text>{t("classSessions.link.intro")}</Text>
        <Text
          fz={24}
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
