import { notifications } from "@mantine/notifications";
import i18n from "../i18n";
import { errorMessage } from "./errorMessage";

export function notifySuccess(message: string): void {
  notifications.show({ color: "green", message });
}

export function notifyError(error: unknown): void {
  notifications.show({ color: "red", title: i18n.t("errors.title"), message: errorMessage(error, i18n.t) });
}
