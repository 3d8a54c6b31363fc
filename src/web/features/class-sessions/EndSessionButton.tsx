import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { useEndClassSession } from "./classSessionsApi";

export function EndSessionButton({ id, regGroup }: { id: string; regGroup: string }) {
  const { t } = useTranslation();
  const end = useEndClassSession(id);
  return (
    <ConfirmButton
      button={{ color: "red", variant: "outline" }}
      title={t("classSessions.end.title", { regGroup })}
      body={<Text size="sm">{t("classSessions.end.explain")}</Text>}
      confirm={t("classSessions.end.confirm")}
      confirmColor="red"
      pending={end.isPending}
      error={end.error}
      onConfirm={(close) => end.mutate(undefined, { onSuccess: close })}
    >
      {t("classSessions.end.button")}
    </ConfirmButton>
  );
}
