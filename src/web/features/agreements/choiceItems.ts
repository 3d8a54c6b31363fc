import type { Choice } from "./types";

/** A choice being edited; `uid` keeps React's key steady while the text changes. */
export interface ChoiceItem {
  uid: string;
  key: string;
  /** Once the person edits the reference themselves, it stops following the question. */
  keyEdited: boolean;
  label: string;
  options: string;
}

let counter = 0;

export function newChoice(): ChoiceItem {
  counter += 1;
  return { uid: `choice-${counter}`, key: "", keyEdited: false, label: "", options: "agree, disagree" };
}

/** A short lower_snake reference from the question's first words, e.g. "photo_consent". */
export function suggestKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((word) => !["i", "a", "an", "the", "to", "for", "of", "my", "be"].includes(word))
    .slice(0, 3)
    .join("_")
    .replace(/^[^a-z]+/, "")
    .slice(0, 41);
}

export const keyPattern = /^[a-z][a-z0-9_]{0,40}$/;

export function splitOptions(options: string): string[] {
  return options
    .split(",")
    .map((o) => o.trim())
    .filter((o) => o.length > 0);
}

export function toChoices(items: ChoiceItem[]): Choice[] {
  return items.map((item) => ({
    key: item.key.trim(),
    label: item.label.trim(),
    options: splitOptions(item.options),
  }));
}

/** The first problem with the choices, in words, or null. */
export function choicesProblem(items: ChoiceItem[], t: (key: string) => string): string | null {
  const keys = new Set<string>();
  for (const item of items) {
    if (item.label.trim().length < 3) return t("agreements.choices.labelRequired");
    if (!keyPattern.test(item.key.trim())) return t("agreements.choices.keyInvalid");
    if (keys.has(item.key.trim())) return t("agreements.choices.keyRepeated");
    keys.add(item.key.trim());
    const options = splitOptions(item.options);
    if (options.length < 2 || options.length > 6) return t("agreements.choices.optionsCount");
  }
  return null;
}
