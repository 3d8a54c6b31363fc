import { Blockquote, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../ui/format";
import { ReasonDialog } from "../../ui/ReasonDialog";
import {
  type DismissedFindingView,
  type HealthFindingView,
  useDismissFinding,
  useReinstateFinding,
} from "./policyHealthApi";

/** The rule's words in the reader's language (the rules carry English and Welsh), filled in. */
export function useRuleWords() {
  const { i18n } = useTranslation();
  const welsh = i18n.language === "cy" || i18n.language.startsWith("cy-");
  return (words: { en: string; cy: string }, params: Record<string, string> = {}) =>
    (welsh ? words.cy : words.en).replace(/{{(\w+)}}/g, (_, key: string) =>
      key === "due" && params.due ? formatDate(params.due) : (params[key] ?? ""),
    );
}

function FindingText({ finding }: { finding: HealthFindingView }) {
  const { t } = useTranslation();
  const words = useRuleWords();
  return (
    <>
      <Title order={3} size="h5">
        {words(finding.title)}
        {finding.subject && finding.set === "missing_policies" ? `: ${finding.subject}` : ""}
      </Title>
      {finding.sentence && (
        <Blockquote
          p="xs"
          cite={t("policyHealth.quoted")}
          styles={{ cite: { fontSize: "var(--mantine-font-size-xs)" } }}
        >
          {finding.sentence}
        </Blockquote>
      )}
      <Text size="sm">{words(finding.why, finding.params)}</Text>
    </>
  );
}

export function OpenFinding({
  policyId,
  finding,
  canDismiss,
}: {
  policyId: string;
  finding: HealthFindingView;
  canDismiss: boolean;
}) {
  const { t } = useTranslation();
  const words = useRuleWords();
  const [asking, setAsking] = useState(false);
  const dismiss = useDismissFinding(policyId);
  return (
    <Paper withBorder p="md" component="li" style={{ listStyle: "none" }}>
      <Stack gap="xs">
        <FindingText finding={finding} />
        {finding.replacement && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t("policyHealth.suggested")}
            </Text>
            <Text size="sm" bg="var(--mantine-color-green-light)" p="xs" style={{ borderRadius: 4 }}>
              {words(finding.replacement)}
            </Text>
          </Stack>
        )}
        {canDismiss && (
          <Group>
            <Button
              size="xs"
              variant="default"
              onClick={() => setAsking(true)}
              aria-label={t("policyHealth.dismissLabel", { title: words(finding.title) })}
            >
              {t("policyHealth.dismiss")}
            </Button>
          </Group>
        )}
      </Stack>
      <ReasonDialog
        opened={asking}
        onClose={() => setAsking(false)}
        title={t("policyHealth.dismissTitle")}
        explain={t("policyHealth.dismissExplain")}
        label={t("policyHealth.reason")}
        hint={t("policyHealth.reasonHint")}
        requiredMessage={t("policyHealth.reasonRequired")}
        confirm={t("policyHealth.dismiss")}
        pending={dismiss.isPending}
        error={dismiss.error}
        onReason={(reason) =>
          dismiss.mutate({ fingerprint: finding.fingerprint, reason }, { onSuccess: () => setAsking(false) })
        }
      />
    </Paper>
  );
}

export function DismissedFinding({
  policyId,
  finding,
  canDismiss,
}: {
  policyId: string;
  finding: DismissedFindingView;
  canDismiss: boolean;
}) {
  const { t } = useTranslation();
  const words = useRuleWords();
  const reinstate = useReinstateFinding(policyId);
  const d = finding.dismissal;
  return (
    <Paper
      withBorder
      p="md"
      component="li"
      style={{ listStyle: "none" }}
      bg="var(--mantine-color-gray-light)"
    >
      <Stack gap="xs">
        <FindingText finding={finding} />
        <Text size="sm">
          <strong>
            {t("policyHealth.dismissedBy", {
              name: d.byName ?? t("policyHealth.someone"),
              date: formatDateTime(d.at),
            })}
          </strong>{" "}
          {t("policyHealth.because", { reason: d.reason })}
        </Text>
        {canDismiss && (
          <Group>
            <Button
              size="xs"
              variant="default"
              loading={reinstate.isPending}
              onClick={() => reinstate.mutate(d.id)}
              aria-label={t("policyHealth.reinstateLabel", { title: words(finding.title) })}
            >
              {t("policyHealth.reinstate")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
