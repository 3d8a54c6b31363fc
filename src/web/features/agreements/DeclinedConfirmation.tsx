import { Alert, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import { RouterLink } from "../../ui/RouterLink";
import type { Signature } from "./types";

export function DeclinedConfirmation({ signature, title }: { signature: Signature; title: string }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <Alert color="orange" variant="light" p="lg" role="status">
      <Stack gap="sm">
        <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
          {t("agreements.declined.heading")}
        </Title>
        <Text>{t("agreements.declined.detail", { title, when: formatDateTime(signature.signedAt) })}</Text>
        <RouterLink to="/agreements/sign">{t("agreements.signed.back")}</RouterLink>
      </Stack>
    </Alert>
  );
}
