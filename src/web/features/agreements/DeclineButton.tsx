import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { UseMutationResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ReasonDialog } from "../../ui/ReasonDialog";
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
  return (
    <>
      <Button variant="default" onClick={open}>
        {t("agreements.decline.button")}
      </Button>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t("agreements.decline.title", { title: agreement.title })}
        explain={t("agreements.decline.explain")}
        label={t("agreements.decline.reason")}
        requiredMessage={t("agreements.decline.reasonRequired")}
        confirm={t("agreements.decline.confirm")}
        pending={decline.isPending}
        error={decline.error}
        onReason={(reason, form) =>
          decline.mutate(reason, {
            onSuccess: (signature) => {
              close();
              onDeclined?.(signature);
            },
            onError: (error) => applyFieldErrors(form, error),
          })
        }
      />
    </>
  );
}
