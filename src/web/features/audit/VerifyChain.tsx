import { Alert, Button, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useVerifyAuditChain } from "./auditApi";

/** Recomputes the hash chain on the server and says whether any event was altered. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>
        {t("audit.verify.button")}
      </Button>
      <ErrorAlert error={verify.error} />
      {result?.ok === true && (
        // The head's hash is 64 characters with nowhere to break: let it wrap on a phone.
        <Alert
          color="green"
          role="status"
          title={t("audit.verify.okTitle")}
          maw="100%"
          style={{ overflowWrap: "anywhere" }}
        >
          {t("audit.verify.ok", { count: result.events })}{" "}
          {t("audit.verify.head", { hash: result.head.hash })}
        </Alert>
      )}
      {result?.ok === false && (
        <Alert
          color="red"
          role="alert"
          title={t("audit.verify.brokenTitle")}
          maw="100%"
          style={{ overflowWrap: "anywhere" }}
        >
          {result.record
            ? t("audit.verify.recordChanged", {
                record: t(`audit.verify.records.${result.record.type}`),
                id: result.record.id,
              })
            : result.firstBrokenId
              ? t("audit.verify.broken", { id: result.firstBrokenId })
              : t("audit.verify.tailMissing")}
        </Alert>
      )}
    </Stack>
  );
}
