import { Anchor, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { POLICY_TEXT_ID, PolicyTextPanel, policyShown } from "../../ui/PolicyTextPanel";
import type { SignableAgreement } from "./types";

/**
 * The policy, the statements and the declaration, exactly as received (their hash is what gets
 * signed); the declaration opens by saying the policy shown above was read.
 */
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
  const policy = policyShown(agreement);
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {agreement.title}
      </Title>
      {policy && (
        <>
          <Text size="md">
            <Anchor href={`#${POLICY_TEXT_ID}`}>
              {t("agreements.text.from", { policy: policy.title, number: policy.versionNumber })}
            </Anchor>
          </Text>
          <PolicyTextPanel
            html={policy.html}
            policyTitle={policy.title}
            versionNumber={policy.versionNumber}
            fz={fz}
          />
        </>
      )}
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
        {policy && (
          <Text fz={fz} component="p" m={0} mt={4}>
            {t("sharedSigning.policyText.readLine", { policy: policy.title, number: policy.versionNumber })}
          </Text>
        )}
        <Text fz={fz} component="p" m={0} mt={4}>
          {agreement.declaration}
        </Text>
      </Paper>
    </Stack>
  );
}
