import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { useBulkEmailPreview, useRemindNow } from "./agreementsApi";

/** "Remind now": emails everyone who still has to sign, after a confirmation. */
export function RemindButton({ agreementId, title }: { agreementId: string; title: string }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const preview = useBulkEmailPreview(agreementId, "remind", opened);
  const count = preview.data?.reminded;
  const remind = useRemindNow(agreementId);
  const confirm = () =>
    remind.mutate(undefined, {
      onSuccess: ({ reminded }) => {
        close();
        notifySuccess(t("agreements.remind.done", { count: reminded, title }));
      },
    });
  return (
    <>
      <Button
        variant="default"
        size="compact-md"
        onClick={open}
        aria-label={t("agreements.remind.buttonFor", { title })}
      >
        {t("agreements.remind.button")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("agreements.remind.title", { title })}>
        <Stack>
          <Text size="sm">{t("agreements.remind.explain")}</Text>
          {count !== undefined && (
            <Text size="sm" fw={600}>
              {t("agreements.remind.willSend", { count })}
            </Text>
          )}
          <ErrorAlert error={remind.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button onClick={confirm} loading={remind.isPending}>
              {t("agreements.remind.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
