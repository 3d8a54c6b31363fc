import { Title } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * The h1 of one screen on a shared device. Screens change without a page load, so the heading
 * takes focus (screen readers announce it; keyboard users start from the top) and names the tab.
 */
export function ScreenTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t("app.documentTitle", { page: children });
    ref.current?.focus();
  }, [children, t]);
  return (
    <Title ref={ref} order={1} tabIndex={-1} style={{ outline: "none" }}>
      {children}
    </Title>
  );
}
