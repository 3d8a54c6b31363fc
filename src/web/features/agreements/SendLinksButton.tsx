import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { useBulkEmailPreview, useSendParentLinks } from "./agreementsApi";
import type { Agreement } from "./types";

/** For a parents' agreement: email each assigned parent a single-use signing link. */
export function SendLinksButton({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const preview = useBulkEmailPreview(agreement.id, "parent-links", opened);
  const count = preview.data?.sent;
  const send = useSendParentLinks(agreement.id);
  const confirm = () =>
    send.mutate(undefined, {
      onSuccess: ({ sent }) => {
        close();
        notifySuccess(t("agreements.links.done", { count: sent, title: agreement.title }));
      },
    });
  return (
    <>
      <Button
        variant="default"
        size="compact-md"
        onClick={open}
        aria-label={t("agreements.links.buttonFor", { title: agreement.title })}
      >
        {t("agreements.links.button")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("agreements.links.title", { title: agreement.title })}>
        <Stack>
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
          <ErrorAlert error={send.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button onClick={confirm} loading={send.isPending}>
              {t("agreements.links.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
