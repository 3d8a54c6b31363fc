import { Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { notifySuccess } from "../../ui/notify";
import { useBulkEmailPreview, useSendParentLinks } from "./agreementsApi";
import type { Agreement } from "./types";

/** For a parents' agreement: email each assigned parent a single-use signing link. */
export function SendLinksButton({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const preview = useBulkEmailPreview(agreement.id, "parent-links", opened);
  const count = preview.data?.sent;
  const send = useSendParentLinks(agreement.id);
  return (
    <ConfirmButton
      button={{ variant: "default", size: "compact-md" }}
      ariaLabel={t("agreements.links.buttonFor", { title: agreement.title })}
      onOpenChange={setOpened}
      title={t("agreements.links.title", { title: agreement.title })}
      body={
        <>
          <Text size="sm">
            {t(
              agreement.parentMode === "per_family"
                ? "agreements.links.explainFamily"
                : "agreements.links.explainChild",
            )}
          </Text>
          {count !== undefined && (
            <Text size="sm" fw={600}>
              {t("agreements.links.willSend", { count })}
            </Text>
          )}
        </>
      }
      confirm={t("agreements.links.confirm")}
      pending={send.isPending}
      error={send.error}
      onConfirm={(close) =>
        send.mutate(undefined, {
          onSuccess: ({ sent }) => {
            close();
            notifySuccess(t("agreements.links.done", { count: sent, title: agreement.title }));
          },
        })
      }
    >
      {t("agreements.links.button")}
    </ConfirmButton>
  );
}
