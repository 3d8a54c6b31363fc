import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import type { UseMutationResult } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ownSubmit } from "../../ui/ownSubmit";
import type { Agreement, Signature } from "./types";

/**
 * "Decline…": the signer says why they will not sign; the school's administrators are told.
 * `decline` sends it: as the signed-in person, or through a parent's link.
 */
export function DeclineButton({
  agreement,
  decline,
  onDeclined,
}: {
  agreement: Pick<Agreement, "title">;
  decline: UseMutationResult<Signature, Error, string>;
  onDeclined?: (s: Signature) => void;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const form = useForm({
    initialValues: { reason: "" },
    validate: { reason: (v) => (v.trim().length >= 3 ? null : t("agreements.decline.reasonRequired")) },
  });
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const submit = form.onSubmit(
    ({ reason }) =>
      decline.mutate(reason.trim(), {
        onSuccess: (signature) => {
          close();
          onDeclined?.(signature);
        },
        onError: (error) => applyFieldErrors(form, error),
      }),
    // A missing reason: put the cursor where it is asked for.
    () => reasonRef.current?.focus(),
  );

  return (
    <>
      <Button variant="default" onClick={open}>
        {t("agreements.decline.button")}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t("agreements.decline.title", { title: agreement.title })}
      >
        <form noValidate onSubmit={ownSubmit(submit)}>
          <Stack>
            <Text size="sm">{t("agreements.decline.explain")}</Text>
            <ErrorAlert error={decline.error} />
            <Textarea
              label={t("agreements.decline.reason")}
              required
              autosize
              minRows={3}
              data-autofocus
              ref={reasonRef}
              {...form.getInputProps("reason")}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" color="red" loading={decline.isPending}>
                {t("agreements.decline.confirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
