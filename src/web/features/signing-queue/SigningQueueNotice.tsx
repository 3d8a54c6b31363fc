import { Alert, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SigningQueue } from "./useSigningQueue";

/** Says plainly what is waiting on this device, and when it has gone. */
export function SigningQueueNotice({ queue }: { queue: SigningQueue }) {
  const { t } = useTranslation();
  const count = queue.waiting.length;
  if (count === 0 && queue.sent === 0 && queue.refused === 0) return null;
  return (
    <Stack gap="xs" mb="md" role="status" aria-live="polite" data-testid="signing-queue">
      {count > 0 && (
        <Alert color="orange" variant="light">
          {t("signingQueue.waiting", { count })}
        </Alert>
      )}
      {count === 0 && queue.sent > 0 && (
        <Alert color="green" variant="light">
          {t("signingQueue.sent", { count: queue.sent })}
        </Alert>
      )}
      {queue.refused > 0 && (
        <Alert color="red" variant="light">
          {t("signingQueue.refused", { count: queue.refused })}
        </Alert>
      )}
    </Stack>
  );
}
