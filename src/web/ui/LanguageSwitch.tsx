import { Button, type ButtonProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { chooseLanguage, type LanguageCode, languages } from "../i18n";

/**
 * The way to the other UI language, on every screen: "Cymraeg" while Accord shows English and
 * "English" while it shows Welsh. Each name is written, and marked up, in its own language.
 * `onChosen` tells the server too, where it keeps the choice for what it sends (decision 038): a
 * signed-in person's record, a parent's link.
 */
export function LanguageSwitch({
  variant = "default",
  color,
  size = "compact-sm",
  onChosen,
}: Pick<ButtonProps, "variant" | "color" | "size"> & { onChosen?: (code: LanguageCode) => void }) {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return languages
    .filter((l) => l.code !== current)
    .map((l) => (
      <Button
        key={l.code}
        lang={l.code}
        variant={variant}
        color={color}
        size={size}
        onClick={() => {
          chooseLanguage(l.code);
          onChosen?.(l.code);
        }}
        style={{ flexShrink: 0 }}
      >
        {l.name}
      </Button>
    ));
}
