import { Blockquote, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { StatementsList } from "../policies/StatementsList";
import type { Agreement } from "./types";

/** The exact text a signer agrees to: the numbered statements, then the declaration. */
export function AgreementText({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  return (
    <Stack component="section" aria-labelledby="agreement-text-heading">
      <Title order={2} size="h3" id="agreement-text-heading">
        {t("agreements.text.heading")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("agreements.text.from", {
          policy: agreement.policy.title,
          number: agreement.policy.versionNumber,
        })}
      </Text>
      <StatementsList statements={agreement.statements} />
      <Blockquote color="indigo" p="md" style={{ overflowWrap: "anywhere" }}>
        <Text fw={500}>{agreement.declaration}</Text>
      </Blockquote>
    </Stack>
  );
}
