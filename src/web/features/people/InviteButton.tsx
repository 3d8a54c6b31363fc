import { Alert, Button, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import { notifyError } from "../../ui/notify";
import { useInvite } from "./peopleApi";
import type { Person } from "./types";

/** Emails a single-use link to set a password: first access, or a reset for someone locked out. */
export function InviteButton({ person }: { person: Person }) {
  const { t } = useTranslation();
  const invite = useInvite(person.id);
  const label = person.account === "active" ? t("people.invite.reset") : t("people.invite.send");
  return (
    <Stack gap="xs">
      <Button
        variant="default"
        onClick={() => invite.mutate(undefined, { onError: notifyError })}
        loading={invite.isPending}
      >
        {label}
      </Button>
      {invite.data && (
        <Alert color="green" role="status">
          {t(invite.data.delivery === "outbox" ? "people.invite.queued" : "people.invite.sent", {
            date: formatDateTime(invite.data.expiresAt),
          })}
        </Alert>
      )}
    </Stack>
  );
}
