import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { ownSubmit } from "../../ui/ownSubmit";
import { useRefreshAgreements, useWithdrawSignature } from "./agreementsApi";
import type { SignatureRecord } from "./types";

/** Who is withdrawing: the signer (their own signature) or a school admin (anyone's). */
export type WithdrawnBy = "signer" | "admin";

/**
 * "Withdraw…": the signature stays on record, marked withdrawn, and no longer counts. The signer
 * withdrawing tells the school's admins; an admin withdrawing tells the signer. Both give a reason.
 */
export function WithdrawSignatureButton({
  signature,
  by,
  onWithdrawn,
  onOpenChange,
}: {
  signature: SignatureRecord;
  by: WithdrawnBy;
  onWithdrawn?: () => void;
  /** Told when the dialog opens and closes (a drawer around it must not close on its Escape). */
  onOpenChange?: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const [withdrawn, setWithdrawn] = useState(false);
  const [opened, { open, close }] = useDisclosure(false, {
    onOpen: () => onOpenChange?.(true),
    onClose: () => onOpenChange?.(false),
  });
  const withdraw = useWithdrawSignature(signature.id);
  const refresh = useRefreshAgreements();
  const title = t("agreements.history.item", {
    title: signature.agreementTitle,
    number: signature.versionNumber,
  });
  const form = useForm({
    initialValues: { reason: "" },
    validate: { reason: (v) => (v.trim().length >= 3 ? null : t("agreements.withdraw.reasonRequired")) },
  });
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const submit = form.onSubmit(
    ({ reason }) =>
      withdraw.mutate(reason.trim(), {
        onSuccess: () => {
          // This button goes once the list refreshes: the caller moves focus, not the dialog.
          setWithdrawn(true);
          close();
          notifySuccess(t(`agreements.withdraw.done.${by}`, { title }));
          onWithdrawn?.();
        },
        onError: (error) => {
          // Withdrawn or corrected meanwhile (another tab, an admin): show where it stands now.
          if (isApiError(error, 409)) void refresh();
          else applyFieldErrors(form, error);
        },
      }),
    // A missing reason: put the cursor where it is asked for.
    () => reasonRef.current?.focus(),
  );

  return (
    <>
      <Button
        variant="default"
        size="xs"
        onClick={open}
        aria-label={t("agreements.withdraw.buttonLabel", { title })}
      >
        {t("agreements.withdraw.button")}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        returnFocus={!withdrawn}
        title={t("agreements.withdraw.title", { title })}
      >
        <form noValidate onSubmit={ownSubmit(submit)}>
          <Stack>
            <Text size="sm">{t(`agreements.withdraw.explain.${by}`, { name: signature.fullName })}</Text>
            <ErrorAlert error={withdraw.error} />
            <Textarea
              label={t("agreements.withdraw.reason")}
              description={t(`agreements.withdraw.reasonHint.${by}`, { name: signature.fullName })}
              required
              autosize
              minRows={3}
              maxLength={2000}
              data-autofocus
              ref={reasonRef}
              {...form.getInputProps("reason")}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" color="red" loading={withdraw.isPending}>
                {t("agreements.withdraw.confirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
