/** Where a person's own choice of language is remembered in this browser. */
export const languageStorageKey = "accord.language";

/**
 * The language to start in: the person's own earlier choice if Accord still offers it; on a first
 * visit Welsh if the browser's language is Welsh (cy, cy-GB…); otherwise the default, English.
 */
export function pickLanguage(
  stored: string | null | undefined,
  browserLanguages: readonly string[],
  supported: readonly string[],
  fallback: string,
): string {
  if (stored && supported.includes(stored)) return stored;
  const browser = browserLanguages[0]?.toLowerCase() ?? "";
  if ((browser === "cy" || browser.startsWith("cy-")) && supported.includes("cy")) return "cy";
  return fallback;
}
