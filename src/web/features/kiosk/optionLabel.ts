import type { TFunction } from "i18next";

const known = new Set(["agree", "disagree", "yes", "no"]);

/** A choice's option as a signer reads it: "agree" becomes "I agree"; the school's own words stay. */
export function optionLabel(t: TFunction, option: string): string {
  return known.has(option) ? t(`sharedSigning.options.${option}`) : option;
}
