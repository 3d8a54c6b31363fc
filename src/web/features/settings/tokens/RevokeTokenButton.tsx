import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../../api";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { notifySuccess } from "../../../ui/notify";
import { type ApiToken, tokensQueryKey } from "./tokensApi";

export function RevokeTokenButton({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api.delete<void>(`/api-tokens/${encodeURIComponent(token.id)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tokensQueryKey });
      notifySuccess(t("tokens.revoked", { name: token.name }));
      close();
    },
  });
  return (
    <>
      <Button
        color="red"
        variant="outline"
        size="xs"
        onClick={open}
        aria-label={t("tokens.revokeNamed", { name: token.name })}
      >
        {t("tokens.revoke")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("tokens.revokeTitle", { name: token.name })}>
        <Stack>
          <Text size="sm">{t("tokens.revokeExplain")}</Text>
          <ErrorAlert error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>
              {t("tokens.revokeConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
