import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useEndClassSession } from "./classSessionsApi";

export function EndSessionButton({ id, regGroup }: { id: string; regGroup: string }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const end = useEndClassSession(id);
  return (
    <>
      <Button color="red" variant="outline" onClick={open}>
        {t("classSessions.end.button")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("classSessions.end.title", { regGroup })}>
        <Stack>
          <Text size="sm">{t("classSessions.end.explain")}</Text>
          <ErrorAlert error={end.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button
              color="red"
              loading={end.isPending}
              onClick={() => end.mutate(undefined, { onSuccess: close })}
            >
              {t("classSessions.end.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
