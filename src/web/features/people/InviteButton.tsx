import { Alert, Button, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { formatDateTime } from "../../ui/format";
import { notifyError } from "../../ui/notify";
import { peopleKeys } from "./peopleApi";
import type { Person } from "./types";

/** Emails a single-use link to set a password: first access, or a reset for someone locked out. */
export function InviteButton({ person }: { person: Person }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const invite = useMutation({
    mutationFn: () => api.post<{ expiresAt: string }>(`/people/${encodeURIComponent(person.id)}/invite`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
    onError: notifyError,
  });
  const label = person.account === "active" ? t("people.invite.reset") : t("people.invite.send");
  return (
    <Stack gap="xs">
      <Button variant="default" onClick={() => invite.mutate()} loading={invite.isPending}>
        {label}
      </Button>
      {invite.data && (
        <Alert color="green" role="status">
          {t("people.invite.sent", { date: formatDateTime(invite.data.expiresAt) })}
        </Alert>
      )}
    </Stack>
  );
}
