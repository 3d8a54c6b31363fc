import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { notifySuccess } from "../../ui/notify";
import { ReasonDialog } from "../../ui/ReasonDialog";
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
      <ReasonDialog
        opened={opened}
        onClose={close}
        returnFocus={!withdrawn}
        title={t("agreements.withdraw.title", { title })}
        explain={t(`agreements.withdraw.explain.${by}`, { name: signature.fullName })}
        label={t("agreements.withdraw.reason")}
        hint={t(`agreements.withdraw.reasonHint.${by}`, { name: signature.fullName })}
        requiredMessage={t("agreements.withdraw.reasonRequired")}
        confirm={t("agreements.withdraw.confirm")}
        pending={withdraw.isPending}
        error={withdraw.error}
        onReason={(reason, form) =>
          withdraw.mutate(reason, {
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
          })
        }
      />
    </>
  );
}
