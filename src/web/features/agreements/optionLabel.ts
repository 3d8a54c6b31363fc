import type { TFunction } from "i18next";

// The options Accord suggests read as sentences; anything a school typed itself is shown as typed.
const known = ["agree", "disagree", "yes", "no"];

export function optionLabel(t: TFunction, option: string): string {
  return known.includes(option) ? t(`agreements.options.${option}`) : option;
}
