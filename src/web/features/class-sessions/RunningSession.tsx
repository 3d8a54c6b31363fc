import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { SectionLoader } from "../../ui/SectionLoader";
import { useClassSession } from "./classSessionsApi";
import { EndSessionButton } from "./EndSessionButton";
import { PupilProgressList } from "./PupilProgressList";
import { SharedDeviceLink } from "./SharedDeviceLink";
import type { OpenedClassSession } from "./types";

export function RunningSession({ session, onLeave }: { session: OpenedClassSession; onLeave: () => void }) {
  const { t } = useTranslation();
  const status = useClassSession(session.id);
  const ended = status.data?.ended ?? false;

  // A session this browser remembers but the server no longer knows: start afresh.
  useEffect(() => {
    if (isApiError(status.error, 404) || isApiError(status.error, 403)) onLeave();
  }, [status.error, onLeave]);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{t("classSessions.running.heading", { regGroup: session.regGroup })}</Title>
          <Text>{session.agreementTitle}</Text>
          {!ended && (
            <Text size="sm" c="dimmed">
              {t("classSessions.running.expires", { date: formatDateTime(session.expiresAt) })}
            </Text>
          )}
        </Stack>
        {status.data && !ended && <EndSessionButton id={session.id} regGroup={session.regGroup} />}
      </Group>
      {ended ? (
        <Alert color="gray" role="status" title={t("classSessions.ended.title")}>
          <Stack gap="sm">
            <Text size="sm">{t("classSessions.ended.body")}</Text>
            <Button onClick={onLeave} style={{ alignSelf: "flex-start" }}>
              {t("classSessions.ended.another")}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <SharedDeviceLink token={session.token} shortCode={session.shortCode} />
      )}
      {status.isPending && <SectionLoader />}
      <ErrorAlert error={status.error} />
      {status.data && <PupilProgressList status={status.data} />}
    </Stack>
  );
}
