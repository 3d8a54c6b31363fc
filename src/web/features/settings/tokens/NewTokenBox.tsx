import { Alert, Button, Code, CopyButton, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The new token's secret, shown this once: the server keeps only its hash. */
export function NewTokenBox({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t("tokens.created.title", { name })} role="status">
      <Stack gap="sm">
        <Text size="sm">{t("tokens.created.warning")}</Text>
        <Code block style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }} data-testid="new-api-token">
          {token}
        </Code>
        <CopyButton value={token}>
          {({ copied, copy }) => (
            <Button onClick={copy} variant={copied ? "light" : "filled"} style={{ alignSelf: "flex-start" }}>
              {copied ? t("tokens.created.copied") : t("tokens.created.copy")}
            </Button>
          )}
        </CopyButton>
        <Button variant="subtle" onClick={onDone} style={{ alignSelf: "flex-start" }}>
          {t("tokens.created.done")}
        </Button>
      </Stack>
    </Alert>
  );
}
