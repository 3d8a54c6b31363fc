import { Button, type ButtonProps, Group, Modal, type ModalProps, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./ErrorAlert";
import { ownSubmit } from "./ownSubmit";

interface ConfirmButtonProps {
  /** The button on the page, and its accessible name where the words alone are ambiguous in a list. */
  children: ReactNode;
  ariaLabel?: string;
  button?: Pick<ButtonProps, "color" | "variant" | "size">;
  /** The dialog that asks first: what will happen, and anything to fill in (inside its form). */
  title: ReactNode;
  body: ReactNode;
  confirm: string;
  confirmColor?: ButtonProps["color"];
  size?: ModalProps["size"];
  pending: boolean;
  error: unknown;
  /** Do it; call `close` once it is done (a failure leaves the dialog open with the error). */
  onConfirm: (close: () => void, event: FormEvent<HTMLFormElement>) => void;
  /** Told when the dialog opens and closes, e.g. to fetch how many people it will reach. */
  onOpenChange?: (open: boolean) => void;
}

/** A button that asks in a dialog before it acts: closing a kiosk, revoking a token, sending emails. */
export function ConfirmButton(props: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false, {
    onOpen: () => props.onOpenChange?.(true),
    onClose: () => props.onOpenChange?.(false),
  });
  const submit = ownSubmit((event) => {
    event?.preventDefault();
    if (event) props.onConfirm(close, event);
  });
  return (
    <>
      <Button {...props.button} onClick={open} aria-label={props.ariaLabel}>
        {props.children}
      </Button>
      <Modal opened={opened} onClose={close} title={props.title} size={props.size}>
        <form noValidate onSubmit={submit}>
          <Stack>
            {props.body}
            <ErrorAlert error={props.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" color={props.confirmColor} loading={props.pending}>
                {props.confirm}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
