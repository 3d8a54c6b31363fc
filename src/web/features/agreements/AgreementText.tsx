import { Anchor, Blockquote, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { POLICY_TEXT_ID, PolicyTextPanel, policyShown } from "../../ui/PolicyTextPanel";
import type { DutiesFor } from "../policies/StatementDuties";
import { StatementsList } from "../policies/StatementsList";
import type { Agreement } from "./types";

/**
 * The exact text a signer agrees to: the policy itself, the numbered statements, then the
 * declaration, which says the policy shown above was read (the hash covers all three). A signed-in
 * signer also sees, beside a statement, the way to do what it asks (`duties`); that is not signed.
 */
export function AgreementText({ agreement, duties }: { agreement: Agreement; duties?: DutiesFor }) {
  const { t } = useTranslation();
  const policy = policyShown(agreement);
  const from = t("agreements.text.from", {
    policy: agreement.policy.title,
    number: agreement.policy.versionNumber,
  });
  return (
    <Stack>
      {policy && (
        <PolicyTextPanel html={policy.html} policyTitle={policy.title} versionNumber={policy.versionNumber} />
      )}
      <Stack component="section" aria-labelledby="agreement-text-heading">
        <Title order={2} size="h3" id="agreement-text-heading">
          {t("agreements.text.heading")}
        </Title>
        <Text size="sm" c="dimmed">
          {policy ? <Anchor href={`#${POLICY_TEXT_ID}`}>{from}</Anchor> : from}
        </Text>
        <StatementsList statements={agreement.statements} duties={duties} />
        <Blockquote color="indigo" p="md" style={{ overflowWrap: "anywhere" }}>
          {policy && (
            <Text fw={500} mb="xs">
              {t("sharedSigning.policyText.readLine", { policy: policy.title, number: policy.versionNumber })}
            </Text>
          )}
          <Text fw={500}>{agreement.declaration}</Text>
        </Blockquote>
      </Stack>
    </Stack>
  );
}
