import { Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RemindButton } from "../agreements/RemindButton";
import type { ComplianceAgreement } from "./types";

/** Per agreement: how many have signed of those required, as a number and a bar. */
export function ComplianceStats({
  agreements,
  mayRemind,
}: {
  agreements: ComplianceAgreement[];
  mayRemind: boolean;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {agreements.map((a) => {
        const percent = a.percentSigned;
        const outstanding = a.pending + a.overdue + a.signed_older;
        return (
          <Paper key={a.id} component="li" withBorder p="md">
            <Stack gap="xs">
              <Title order={3} size="h5" style={{ overflowWrap: "anywhere" }}>
                {t("compliance.stat.title", { title: a.title, number: a.versionNumber })}
              </Title>
              <Text size="xl" fw={700}>
                {percent !== null
                  ? t("compliance.stat.percent", { percent })
                  : a.audience === "visitors"
                    ? t("compliance.stat.visitors")
                    : t("compliance.stat.noneRequired")}
              </Text>
              <Progress
                value={percent ?? 0}
                color={percent === 100 ? "green" : "indigo"}
                size="lg"
                aria-label={t("compliance.stat.barLabel", { title: a.title })}
              />
              <Text size="sm">
                {t("compliance.stat.signedOf", { signed: a.signed, required: a.required })}
              </Text>
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
