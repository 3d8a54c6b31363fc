import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * "Skip to main content": keyboard users pass the header and menu in one step. Off screen until a
 * keyboard user reaches it, then the first thing they see: shown by CSS on :focus
 * (ui/accessibility.css), so it is on screen in the same frame as the focus, not a render later.
 */
export function SkipLink({ target }: { target: string }) {
  const { t } = useTranslation();
  return (
    <Anchor href={`#${target}`} className="accord-skip-link">
      {t("shell.skipToContent")}
    </Anchor>
  );
}
