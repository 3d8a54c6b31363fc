import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../../ui/ConfirmButton";
import { notifySuccess } from "../../../ui/notify";
import { type ApiToken, useRevokeToken } from "./tokensApi";

export function RevokeTokenButton({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const revoke = useRevokeToken(token.id);
  return (
    <ConfirmButton
      button={{ color: "red", variant: "outline", size: "xs" }}
      ariaLabel={t("tokens.revokeNamed", { name: token.name })}
      title={t("tokens.revokeTitle", { name: token.name })}
      body={<Text size="sm">{t("tokens.revokeExplain")}</Text>}
      confirm={t("tokens.revokeConfirm")}
      confirmColor="red"
      pending={revoke.isPending}
      error={revoke.error}
      onConfirm={(close) =>
        revoke.mutate(undefined, {
          onSuccess: () => {
            notifySuccess(t("tokens.revoked", { name: token.name }));
            close();
          },
        })
      }
    >
      {t("tokens.revoke")}
    </ConfirmButton>
  );
}
