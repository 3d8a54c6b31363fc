import { Alert, Box, List, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BulkInvitationInput } from "../../../modules/auth/schema";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { formatDateTime } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { useBulkInvite, useBulkInvitePreview } from "./peopleApi";
import type { PeopleFilters } from "./usePeopleSearchParams";

/**
 * Invite, in one go, everyone in the directory's current list who could sign in and has no
 * account yet (all staff without one, when nothing is filtered). The dialog counts them first,
 * names anyone without an email address, and says plainly when mail only waits in the outbox.
 */
export function BulkInviteButton({ filters }: { filters: PeopleFilters }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const filter: BulkInvitationInput = {
    ...(filters.kind ? { kind: filters.kind as BulkInvitationInput["kind"] } : {}),
    ...(filters.role ? { role: filters.role as BulkInvitationInput["role"] } : {}),
    ...(filters.department ? { department: filters.department } : {}),
    ...(filters.q ? { q: filters.q } : {}),
  };
  const filtered = Object.keys(filter).length > 0;
  const preview = useBulkInvitePreview(filter, opened);
  const invite = useBulkInvite();
  const data = preview.data;
  return (
    <ConfirmButton
      button={{ variant: "default" }}
      onOpenChange={setOpened}
      title={t(filtered ? "people.bulkInvite.titleFiltered" : "people.bulkInvite.title")}
      body={
        <>
          <Text size="sm">{t("people.bulkInvite.explain")}</Text>
          {data && (
            <Text size="sm" fw={600} role="status">
              {t("people.bulkInvite.willInvite", { count: data.invited })}
            </Text>
          )}
          {data?.delivery === "outbox" && (
            <Alert color="yellow" p="xs">
              <Text size="sm">{t("people.bulkInvite.outbox")}</Text>
            </Alert>
          )}
          {data && data.withoutEmail.length > 0 && (
            <Box>
              <Text size="sm">
                {t("people.bulkInvite.withoutEmail", { count: data.withoutEmail.length })}
              </Text>
              <Box
                role="region"
                aria-label={t("people.bulkInvite.withoutEmail", { count: data.withoutEmail.length })}
                tabIndex={0}
                mah={160}
                style={{ overflowY: "auto" }}
                mt={4}
              >
                <List size="sm" spacing={2}>
                  {data.withoutEmail.map((p) => (
                    <List.Item key={p.id}>{p.name}</List.Item>
                  ))}
                </List>
              </Box>
            </Box>
          )}
        </>
      }
      confirm={t("people.bulkInvite.confirm")}
      pending={invite.isPending}
      error={invite.error ?? preview.error}
      onConfirm={(close) =>
        invite.mutate(filter, {
          onSuccess: ({ invited, delivery, expiresAt }) => {
            close();
            notifySuccess(
              t(delivery === "outbox" ? "people.bulkInvite.queued" : "people.bulkInvite.sent", {
                count: invited,
                date: formatDateTime(expiresAt),
              }),
            );
          },
        })
      }
    >
      {t(filtered ? "people.bulkInvite.buttonFiltered" : "people.bulkInvite.button")}
    </ConfirmButton>
  );
}
