import { Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterLink } from "../../ui/RouterLink";
import { RemindButton } from "../agreements/RemindButton";
import type { ComplianceAgreement } from "./types";

/**
 * Per agreement: how many have signed of those required, as a number and a bar. A parents'
 * agreement counts children covered (one carer's signature is enough); a visitors' agreement
 * counts the visitors who signed, since nobody is asked in advance.
 */
export function ComplianceStats({
  agreements,
  mayRemind,
  mayReadVisitors,
}: {
  agreements: ComplianceAgreement[];
  mayRemind: boolean;
  mayReadVisitors: boolean;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {agreements.map((a) => {
        const percent = a.percentSigned;
        const outstanding = a.pending + a.overdue + a.signed_older;
        if (a.visitors)
          return (
            <Paper key={a.id} component="li" withBorder p="md">
              <Stack gap="xs">
                <Title order={3} size="h5" style={{ overflowWrap: "anywhere" }}>
                  {t("compliance.stat.title", { title: a.title, number: a.versionNumber })}
                </Title>
                <Text size="xl" fw={700}>
                  {t("compliance.stat.visitorsThisTerm", { count: a.visitors.thisTerm })}
                </Text>
                <Text size="sm">{t("compliance.stat.visitorsAllTime", { count: a.visitors.allTime })}</Text>
                <Text size="sm" c="dimmed">
                  {t("compliance.stat.visitors")}
                </Text>
                {mayReadVisitors && (
                  <RouterLink to="/compliance/visitors">{t("compliance.visitors.open")}</RouterLink>
                )}
              </Stack>
            </Paper>
          );
        return (
          <Paper key={a.id} component="li" withBorder p="md">
            <Stack gap="xs">
              <Title order={3} size="h5" style={{ overflowWrap: "anywhere" }}>
                {t("compliance.stat.title", { title: a.title, number: a.versionNumber })}
              </Title>
              <Text size="xl" fw={700}>
                {percent === null
                  ? t("compliance.stat.noneRequired")
                  : a.children
                    ? t("compliance.stat.percentCovered", { percent })
                    : t("compliance.stat.percent", { percent })}
              </Text>
              <Progress
                value={percent ?? 0}
                color={percent === 100 ? "green" : "indigo"}
                size="lg"
                aria-label={t("compliance.stat.barLabel", { title: a.title })}
              />
              <Text size="sm">
                {a.children
                  ? t("compliance.stat.childrenCovered", {
                      covered: a.children.covered,
                      required: a.children.required,
                    })
                  : t("compliance.stat.signedOf", { signed: a.signed, required: a.required })}
              </Text>
              {a.children && (
                <Text size="sm">
                  {t("compliance.stat.parents", {
                    signed: a.signed,
                    covered: a.covered,
                    required: a.required,
                  })}
                </Text>
              )}
              <Text size="sm" c="dimmed">
                {t("compliance.stat.breakdown", {
                  pending: a.pending,
                  overdue: a.overdue,
                  older: a.signed_older,
                  declined: a.declined,
                })}
              </Text>
              {mayRemind && outstanding > 0 && (
                <Group>
                  <RemindButton agreementId={a.id} title={a.title} />
                </Group>
              )}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
