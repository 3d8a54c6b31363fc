import { Title } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** The page's single h1, which also names the browser tab. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t("app.documentTitle", { page: children });
  }, [children, t]);
  return <Title order={1}>{children}</Title>;
}
