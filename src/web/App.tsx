import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter } from "react-router";
import { SessionExpiryWatcher } from "./features/session/SessionExpiryWatcher";
import { createQueryClient } from "./queryClient";
import { AppRoutes } from "./routes";
import { buildTheme, cssVariablesResolver } from "./theme";
import { Toasts } from "./ui/Toasts";

export function App() {
  const [queryClient] = useState(createQueryClient);
  const { t } = useTranslation();
  const theme = useMemo(() => buildTheme(t), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Toasts />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionExpiryWatcher />
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
