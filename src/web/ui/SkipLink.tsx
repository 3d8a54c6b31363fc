import { Anchor, type CSSProperties } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

// Off screen until a keyboard user reaches it: then it is the first thing they see.
const hidden: CSSProperties = { position: "absolute", left: -10000, width: 1, height: 1, overflow: "hidden" };
const shown: CSSProperties = {
  position: "fixed",
  top: 8,
  left: 8,
  zIndex: 1000,
  padding: "8px 12px",
  background: "var(--mantine-color-body)",
  border: "2px solid var(--mantine-primary-color-filled)",
  borderRadius: 4,
};

/** "Skip to main content": keyboard users pass the header and menu in one step. */
export function SkipLink({ target }: { target: string }) {
  const { t } = useTranslation();
  const [focused, setFocused] = useState(false);
  return (
    <Anchor
      href={`#${target}`}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      style={focused ? shown : hidden}
    >
      {t("shell.skipToContent")}
    </Anchor>
  );
}
