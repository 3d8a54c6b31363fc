import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useRouteState } from "../features/session/flash";

/** The message the previous page left for this one (e.g. "School created — sign in"). */
export function FlashMessage() {
  const { t } = useTranslation();
  const { flash } = useRouteState();
  if (!flash) return null;
  const warning = flash === "sessionEnded";
  return (
    <Alert color={warning ? "orange" : "green"} role="status">
      {t(`flash.${flash}`)}
    </Alert>
  );
}
