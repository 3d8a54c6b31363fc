import { Notifications } from "@mantine/notifications";

/** Mantine's toast container, in a module of its own so that Toasts can load it lazily. */
export function ToastsContainer() {
  return <Notifications position="top-right" />;
}
