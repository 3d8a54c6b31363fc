import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./ErrorAlert";
import { ownSubmit } from "./ownSubmit";

/**
 * A dialog that asks why (declining an agreement, withdrawing a signature): an explanation, a
 * required reason, Cancel and a red confirm button. A missing reason puts the cursor in the box.
 */
export function ReasonDialog({
  opened,
  onClose,
  title,
  explain,
  label,
  hint,
  requiredMessage,
  confirm,
  pending,
  error,
  onReason,
  returnFocus,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  explain: string;
  label: string;
  hint?: string;
  requiredMessage: string;
  confirm: string;
  pending: boolean;
  error: unknown;
  /** The trimmed reason; `form` lets the caller show the server's field errors. */
  onReason: (reason: string, form: UseFormReturnType<{ reason: string }>) => void;
  returnFocus?: boolean;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { reason: "" },
    validate: { reason: (v) => (v.trim().length >= 3 ? null : requiredMessage) },
  });
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const submit = form.onSubmit(
    ({ reason }) => onReason(reason.trim(), form),
    () => reasonRef.current?.focus(),
  );
  return (
    <Modal opened={opened} onClose={onClose} returnFocus={returnFocus} title={title}>
      <form noValidate onSubmit={ownSubmit(submit)}>
        <Stack>
          <Text size="sm">{explain}</Text>
          <ErrorAlert error={error} />
          <Textarea
            label={label}
            description={hint}
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            ref={reasonRef}
            {...form.getInputProps("reason")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="red" loading={pending}>
              {confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
