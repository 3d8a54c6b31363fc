import { Alert, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import { RouterLink } from "../../ui/RouterLink";
import { ReceiptLink } from "./ReceiptLink";
import { ReferenceText } from "./ReferenceText";
import type { Signature } from "./types";

/** After signing: what was recorded, the reference to check it by and the receipt to keep. */
export function SignedConfirmation({ signature, title }: { signature: Signature; title: string }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form has gone: take keyboard and screen-reader users to the outcome.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <Alert color="green" variant="light" p="lg" role="status">
      <Stack gap="sm">
        <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
          {t("agreements.signed.heading")}
        </Title>
        <Text>{t("agreements.signed.detail", { title, when: formatDateTime(signature.signedAt) })}</Text>
        <div>
          <Text size="sm" c="dimmed">
            {t("agreements.signed.reference")}
          </Text>
          <ReferenceText reference={signature.verificationReference} />
        </div>
        <ReceiptLink signatureId={signature.id} reference={signature.verificationReference}>
          {t("agreements.signed.receipt")}
        </ReceiptLink>
        <RouterLink to="/agreements/sign">{t("agreements.signed.back")}</RouterLink>
      </Stack>
    </Alert>
  );
}
