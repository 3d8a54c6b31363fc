import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { languageStorageKey, pickLanguage } from "./detect";
import cy from "./locales/cy.json";
import enGB from "./locales/en-GB.json";

// Every UI language Accord ships, each named in its own language for the language switch.
// Adding one is: create locales/<code>.json with the same keys (locales.test.ts checks them),
// import it here and add it to this list.
export const languages = [
  { code: "en-GB", name: "English", resources: enGB },
  { code: "cy", name: "Cymraeg", resources: cy },
] as const;

export type LanguageCode = (typeof languages)[number]["code"];

export const defaultLanguage: LanguageCode = "en-GB";

const codes: readonly string[] = languages.map((l) => l.code);

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(languageStorageKey);
  } catch {
    return null; // storage blocked: fall back to the browser's language
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === "undefined") return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(languages.map((l) => [l.code, { translation: l.resources }])),
  lng: pickLanguage(storedLanguage(), browserLanguages(), codes, defaultLanguage),
  fallbackLng: defaultLanguage,
  supportedLngs: codes,
  interpolation: { escapeValue: false },
  returnNull: false,
});

// The resources are bundled, so the language is settled by now; say so to the page straight away.
document.documentElement.lang = i18n.language;

/** Switch the UI to a language the person chose, and remember it in this browser. */
export function chooseLanguage(code: LanguageCode) {
  try {
    localStorage.setItem(languageStorageKey, code);
  } catch {
    // storage blocked: the choice lasts until the page is reloaded
  }
  void i18n.changeLanguage(code);
}

export default i18n;
