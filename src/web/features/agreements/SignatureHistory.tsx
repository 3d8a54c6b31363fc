import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import { ReceiptLink } from "./ReceiptLink";
import type { SignatureRecord } from "./types";

/** A person's signatures and declines, newest first, each with its reference and receipt. */
export function SignatureHistory({ signatures }: { signatures: SignatureRecord[] }) {
  const { t } = useTranslation();
  if (signatures.length === 0) return <Text c="dimmed">{t("agreements.history.none")}</Text>;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {signatures.map((s) => {
        const signed = s.kind === "signed";
        return (
          <Paper key={s.id} component="li" withBorder p="sm">
            <Stack gap={4}>
              <Group gap="xs" justify="space-between" wrap="wrap">
                <Text fw={600} style={{ overflowWrap: "anywhere" }}>
                  {t("agreements.history.item", { title: s.agreementTitle, number: s.versionNumber })}
                </Text>
                <Badge color={signed ? "green" : "orange"} size="sm">
                  {signed ? t("agreements.history.signed") : t("agreements.history.declined")}
                </Badge>
              </Group>
              <Text size="sm">{formatDateTime(s.signedAt)}</Text>
              {signed ? (
                <>
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    {t("agreements.history.reference", { reference: s.verificationReference })}
                  </Text>
                  <ReceiptLink signatureId={s.id} reference={s.verificationReference}>
                    {t("agreements.history.receipt", { title: s.agreementTitle })}
                  </ReceiptLink>
                </>
              ) : (
                s.reason && (
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    {t("agreements.history.reason", { reason: s.reason })}
                  </Text>
                )
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
