import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDate } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { useMarkDone } from "./filteringApi";
import type { ActionView } from "./types";

/** One action from a review: what, whose, by when, and "Mark done" for its owner or an admin. */
export function ActionItem({ action, children }: { action: ActionView; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const markDone = useMarkDone();
  return (
    <Paper component="li" withBorder p="md" style={{ overflowWrap: "anywhere" }}>
      <Stack gap={4}>
        <Text fw={700}>{action.text}</Text>
        <Text size="sm">{t("filtering.action.owner", { name: action.owner.name })}</Text>
        {action.doneOn ? (
          <Text size="sm" c="green.9">
            {t("filtering.action.done", { date: formatDate(action.doneOn), name: action.doneBy?.name ?? "" })}
          </Text>
        ) : (
          <Text size="sm" fw={action.overdue ? 700 : undefined} c={action.overdue ? "red.9" : undefined}>
            {t(action.overdue ? "filtering.action.overdue" : "filtering.action.due", {
              date: formatDate(action.dueOn),
            })}
          </Text>
        )}
        {children}
        <ErrorAlert error={markDone.error} />
        {action.canMarkDone && (
          <Group>
            <Button
              size="sm"
              variant="light"
              loading={markDone.isPending}
              aria-label={t("filtering.action.markDoneLabel", { text: action.text })}
              onClick={() =>
                markDone.mutate(action, { onSuccess: () => notifySuccess(t("filtering.action.markedDone")) })
              }
            >
              {t("filtering.action.markDone")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
