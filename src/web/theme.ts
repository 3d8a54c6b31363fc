import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  type VariantColorsResolver,
} from "@mantine/core";
import type { TFunction } from "i18next";

// Mantine's light variants put shade-6 text on a pale tint, which falls short of WCAG AA
// contrast for several colours. Darken the text so badges and alerts stay readable.
const variantColorResolver: VariantColorsResolver = (input) => {
  const defaults = defaultVariantColorsResolver(input);
  const color = input.color ?? input.theme.primaryColor;
  const palette = input.theme.colors[color];
  if (input.variant === "light" && palette) {
    return { ...defaults, color: darken(palette[9], 0.3), hoverColor: darken(palette[9], 0.3) };
  }
  return defaults;
};

/** The theme carries translated labels for controls Mantine draws itself (close buttons etc.). */
export function buildTheme(t: TFunction) {
  return createTheme({
    primaryColor: "indigo",
    primaryShade: { light: 8, dark: 4 },
    defaultRadius: "md",
    focusRing: "auto",
    // People who ask their device for less motion get toasts and dialogs without fades.
    respectReducedMotion: true,
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    variantColorResolver,
    components: {
      Badge: {
        defaultProps: { variant: "light" },
        // A status must be read whole ("Awaiting approval", never "AWAITING APPRO…"): a badge in a
        // narrow cell or card wraps onto a second line instead of cutting its words off.
        styles: {
          root: { height: "auto", minHeight: "var(--badge-height)", maxWidth: "100%", paddingBlock: 2 },
          label: { whiteSpace: "normal", overflow: "visible", textOverflow: "clip", lineHeight: 1.3 },
        },
      },
      // Filled (white on indigo-8) keeps the current page's link readable when hovered as well.
      NavLink: { defaultProps: { variant: "filled" } },
      Alert: { defaultProps: { variant: "light", closeButtonLabel: t("common.close") } },
      Modal: { defaultProps: { closeButtonProps: { "aria-label": t("common.close") } } },
      Notification: {
        defaultProps: { closeButtonProps: { "aria-label": t("common.closeMessage") } },
        // Mantine's dimmed description falls below 4.5:1 on white.
        styles: { description: { color: "var(--mantine-color-gray-8)" } },
      },
      PasswordInput: {
        // Not "… password": that would make getByLabel("Password") ambiguous for assistive tech users too.
        defaultProps: { visibilityToggleButtonProps: { "aria-label": t("common.showTyped") } },
      },
    },
  });
}

// Defaults for dimmed, error and link text are below 4.5:1 on white; use darker shades.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-anchor": "var(--mantine-color-indigo-9)",
    // Placeholders are read too (WCAG 1.4.3): gray-6 is 3.3:1 on white; this is 5.2:1 (4.8:1 on gray-0).
    "--mantine-color-placeholder": "#666d75",
  },
  dark: {},
});
