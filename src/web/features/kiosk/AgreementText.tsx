import { List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SignableAgreement } from "./types";

/** The statements and the declaration, exactly as received (their hash is what gets signed). */
export function AgreementText({
  agreement,
  fz = "lg",
  declarationLabel,
}: {
  agreement: SignableAgreement;
  fz?: string;
  /** Simpler words where the signer is a child ("My promise"). */
  declarationLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {agreement.title}
      </Title>
      {agreement.statements.length > 0 && (
        <List type="ordered" spacing="sm" fz={fz}>
          {agreement.statements.map((statement, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: statements may repeat; order is the identity
            <List.Item key={index}>{statement}</List.Item>
          ))}
        </List>
      )}
      <Paper withBorder p="md" bg="indigo.0">
        <Text fw={700} fz={fz} component="p" m={0}>
          {declarationLabel ?? t("sharedSigning.declaration")}
        </Text>
        <Text fz={fz} component="p" m={0} mt={4}>
          {agreement.declaration}
        </Text>
      </Paper>
    </Stack>
  );
}
