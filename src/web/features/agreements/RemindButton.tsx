import { Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { notifySuccess } from "../../ui/notify";
import { useBulkEmailPreview, useRemindNow } from "./agreementsApi";

/** "Remind now": emails everyone who still has to sign, after a confirmation. */
export function RemindButton({ agreementId, title }: { agreementId: string; title: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const preview = useBulkEmailPreview(agreementId, "remind", opened);
  const count = preview.data?.reminded;
  const remind = useRemindNow(agreementId);
  return (
    <ConfirmButton
      button={{ variant: "default", size: "compact-md" }}
      ariaLabel={t("agreements.remind.buttonFor", { title })}
      onOpenChange={setOpened}
      title={t("agreements.remind.title", { title })}
      body={
        <>
          <Text size="sm">{t("agreements.remind.explain")}</Text>
          {count !== undefined && (
            <Text size="sm" fw={600}>
              {t("agreements.remind.willSend", { count })}
            </Text>
          )}
        </>
      }
      confirm={t("agreements.remind.confirm")}
      pending={remind.isPending}
      error={remind.error}
      onConfirm={(close) =>
        remind.mutate(undefined, {
          onSuccess: ({ reminded, delivery }) => {
            close();
            // Honest wording: with no mail server the reminders only wait in the outbox.
            notifySuccess(
              t(delivery === "outbox" ? "agreements.remind.queued" : "agreements.remind.done", {
                count: reminded,
                title,
              }),
            );
          },
        })
      }
    >
      {t("agreements.remind.button")}
    </ConfirmButton>
  );
}
