import { Paper, Spoiler, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PolicyText } from "../features/policies/PolicyText";

/** The anchor "From <policy>, version <n>" links to, on every signing page. */
export const POLICY_TEXT_ID = "policy-text";

/**
 * The policy's full text, above what the signer agrees to: every way to sign shows it (signed in,
 * parent link, kiosk, class), and new agreements' hashes cover it. The first screenful is always
 * visible; "Read the whole policy" opens the rest in place, so nobody needs an account or a second
 * page to read what they sign.
 */
export function PolicyTextPanel({
  html,
  policyTitle,
  versionNumber,
  fz,
}: {
  html: string;
  policyTitle: string;
  versionNumber: string;
  fz?: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      component="section"
      id={POLICY_TEXT_ID}
      aria-labelledby={`${POLICY_TEXT_ID}-heading`}
      withBorder
      p="md"
      tabIndex={-1}
      style={{ scrollMarginTop: 80 }}
    >
      <Title order={2} size="h4" id={`${POLICY_TEXT_ID}-heading`} mb="xs">
        {t("sharedSigning.policyText.heading", { policy: policyTitle, number: versionNumber })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("sharedSigning.policyText.intro")}
      </Text>
      <Spoiler
        maxHeight={320}
        showLabel={t("sharedSigning.policyText.show")}
        hideLabel={t("sharedSigning.policyText.hide")}
        fz={fz}
      >
        <PolicyText html={html} />
      </Spoiler>
    </Paper>
  );
}

/** What a signing page needs to show the policy, read from any subject (an agreement carries it). */
export function policyShown(subject: object): { html: string; title: string; versionNumber: string } | null {
  const s = subject as {
    policyTextHtml?: string | null;
    policy?: { title?: string; versionNumber?: string };
  };
  if (!s.policyTextHtml || !s.policy?.title) return null;
  return { html: s.policyTextHtml, title: s.policy.title, versionNumber: s.policy.versionNumber ?? "" };
}
