import { Badge, Group, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ComplianceAgreement } from "../compliance/types";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { AssignButton } from "./AssignButton";
import { PaperFormsButton } from "./PaperFormsButton";
import { RemindButton } from "./RemindButton";
import { SendLinksButton } from "./SendLinksButton";
import type { Agreement } from "./types";

/** One active agreement for the people who run it: what it is, how far signing has got, actions. */
export function AgreementAdminCard({
  agreement,
  totals,
}: {
  agreement: Agreement;
  totals?: ComplianceAgreement;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const percent = totals?.percentSigned ?? null;
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4" style={{ overflowWrap: "anywhere" }}>
            {agreement.title}
          </Title>
          <Badge color="gray">{t(`agreements.audiences.${agreement.audience}`)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t("agreements.text.from", {
            policy: agreement.policy.title,
            number: agreement.policy.versionNumber,
          })}
        </Text>
        {totals?.visitors ? (
          // Nobody is asked in advance: count the visitors who signed at the kiosk.
          <Text size="sm">
            {t("compliance.stat.visitorsThisTerm", { count: totals.visitors.thisTerm })} ·{" "}
            {t("compliance.stat.visitorsAllTime", { count: totals.visitors.allTime })}
          </Text>
        ) : totals && totals.required > 0 ? (
          <>
            <Text size="sm">
              {totals.children
                ? t("compliance.stat.childrenCovered", {
                    covered: totals.children.covered,
                    required: totals.children.required,
                  })
                : t("agreements.manage.counts", {
                    signed: totals.signed,
                    required: totals.required,
                    percent,
                  })}
            </Text>
            <Progress
              value={percent ?? 0}
              color={percent === 100 ? "green" : "indigo"}
              aria-label={t("compliance.stat.barLabel", { title: agreement.title })}
            />
          </>
        ) : (
          <Text size="sm">{t("agreements.manage.notAssigned")}</Text>
        )}
        <Group gap="sm" wrap="wrap">
          <AssignButton agreement={agreement} />
          {totals && totals.required > totals.signed && (
            <RemindButton agreementId={agreement.id} title={agreement.title} />
          )}
          {agreement.audience === "parents" && <SendLinksButton agreement={agreement} />}
          {agreement.audience === "parents" && can(me, "agreements.recordPaper") && (
            <PaperFormsButton agreement={agreement} />
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
