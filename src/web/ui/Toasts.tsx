import { useNotifications } from "@mantine/notifications";
import { lazy, Suspense, useState } from "react";

// Toasts come after something has been done, never on the first paint, so their code (and the
// transitions it brings) is fetched with the first toast: notify.ts puts it in the store, and the
// container, once loaded, shows what the store holds.
const ToastsContainer = lazy(async () => ({ default: (await import("./ToastsContainer")).ToastsContainer }));

export function Toasts() {
  const { notifications } = useNotifications();
  const [needed, setNeeded] = useState(false);
  if (!needed && notifications.length > 0) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <ToastsContainer />
    </Suspense>
  );
}
