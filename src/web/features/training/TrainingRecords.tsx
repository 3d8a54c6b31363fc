import { Anchor, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { ReasonDialog } from "../../ui/ReasonDialog";
import { TrainingStatusBadge } from "./TrainingStatusBadge";
import { certificateHref, useWithdrawCompletion } from "./trainingApi";
import type { CompletionRecordView, PersonTrainingView } from "./types";

/** The courses a person must take, each with their standing: a list of cards, fine on a phone. */
export function RequiredCourses({ courses }: { courses: PersonTrainingView["courses"] }) {
  const { t } = useTranslation();
  if (courses.length === 0) return <Text>{t("training.mine.noneRequired")}</Text>;
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {courses.map((c) => (
        <Paper key={c.key} component="li" withBorder p="md" style={{ overflowWrap: "anywhere" }}>
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" gap="xs">
              <Text fw={700}>{c.name}</Text>
              <TrainingStatusBadge cell={c} />
            </Group>
            {c.description && (
              <Text size="sm" c="dimmed">
                {c.description}
              </Text>
            )}
            {c.completedOn && (
              <Text size="sm">{t("training.mine.lastDone", { date: formatDate(c.completedOn) })}</Text>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** Every completion on record, newest first; a mistaken one is withdrawn with a reason, never deleted. */
export function TrainingRecords({ training }: { training: PersonTrainingView }) {
  const { t } = useTranslation();
  const [withdrawing, setWithdrawing] = useState<CompletionRecordView | null>(null);
  const withdraw = useWithdrawCompletion();
  if (training.records.length === 0) return <Text>{t("training.records.empty")}</Text>;
  return (
    <>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {training.records.map((r) => (
          <Paper key={r.id} component="li" withBorder p="md" style={{ overflowWrap: "anywhere" }}>
            <Stack gap={4}>
              <Group justify="space-between" align="flex-start" gap="xs">
                <Text fw={700} td={r.withdrawn ? "line-through" : undefined}>
                  {r.courseName}
                </Text>
                {r.withdrawn && (
                  <Badge color="gray" tt="none">
                    {t("training.records.withdrawn")}
                  </Badge>
                )}
              </Group>
              <Text size="sm">
                {t("training.records.completedOn", { date: formatDate(r.completedOn) })}
                {r.expiresOn ? ` · ${t("training.records.until", { date: formatDate(r.expiresOn) })}` : ""}
              </Text>
              <Text size="sm" c="dimmed">
                {t(`training.records.source.${r.source}`, {
                  name: r.recordedBy ?? t("training.records.someone"),
                })}
              </Text>
              {r.certificate && (
                <Anchor href={certificateHref(r.certificate.id)} size="sm">
                  {t("training.records.certificate", { name: r.certificate.fileName })}
                </Anchor>
              )}
              {r.withdrawn && (
                <Text size="sm">
                  {t("training.records.withdrawnBecause", {
                    reason: r.withdrawn.reason,
                    name: r.withdrawn.by ?? t("training.records.someone"),
                  })}
                </Text>
              )}
              {r.canWithdraw && !r.withdrawn && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  style={{ alignSelf: "flex-start" }}
                  aria-label={t("training.records.withdrawFor", {
                    name: r.courseName,
                    date: formatDate(r.completedOn),
                  })}
                  onClick={() => setWithdrawing(r)}
                >
                  {t("training.records.withdraw")}
                </Button>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
      <ReasonDialog
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={t("training.records.withdrawTitle")}
        explain={t("training.records.withdrawExplain")}
        label={t("training.records.reason")}
        requiredMessage={t("training.records.reasonRequired")}
        confirm={t("training.records.withdraw")}
        pending={withdraw.isPending}
        error={withdraw.error}
        onReason={(reason) =>
          withdrawing &&
          withdraw.mutate(
            { id: withdrawing.id, reason },
            {
              onSuccess: () => {
                notifySuccess(t("training.records.withdrawnDone"));
                setWithdrawing(null);
              },
            },
          )
        }
      />
    </>
  );
}
