import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { languageStorageKey, pickLanguage } from "./detect";

// Every UI language Accord ships, each named in its own language for the language switch.
// Adding one is: create locales/<code>.json with the same keys (locales.test.ts checks them)
// and add it to this list. A page downloads only the language it shows, in two parts split out by
// vite.config.ts: `core` (the app's frame and the pages before signing in) and `features`.
export const languages = [
  {
    code: "en-GB",
    name: "English",
    core: () => import("./locales/en-GB.json?part=core"),
    features: () => import("./locales/en-GB.json?part=features"),
  },
  {
    code: "cy",
    name: "Cymraeg",
    core: () => import("./locales/cy.json?part=core"),
    features: () => import("./locales/cy.json?part=features"),
  },
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

const firstLanguage = pickLanguage(
  storedLanguage(),
  browserLanguages(),
  codes,
  defaultLanguage,
) as LanguageCode;

void i18n.use(initReactI18next).init({
  resources: {},
  // Languages are added as they are needed (loadLanguage); locales.test.ts keeps their keys the same,
  // so the fallback is never reached for a missing string.
  partialBundledLanguages: true,
  lng: firstLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: codes,
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;

type StringsPart = "core" | "features";

const partsWanted = new Set<StringsPart>(["core"]);
const partsIn = new Map<string, Promise<void>>();
let shownLanguage = firstLanguage;

function loadPart(code: LanguageCode, part: StringsPart): Promise<void> {
  const key = `${code}:${part}`;
  let loading = partsIn.get(key);
  if (!loading) {
    loading = languages
      .find((l) => l.code === code)!
      [part]()
      .then((strings) => void i18n.addResourceBundle(code, "translation", strings.default, true, false));
    partsIn.set(key, loading);
  }
  return loading;
}

const loadLanguage = async (code: LanguageCode) => {
  await Promise.all([...partsWanted].map((part) => loadPart(code, part)));
};

/** Settles once the first language's core strings are in: the app renders after this. */
export const languageReady: Promise<unknown> = loadLanguage(firstLanguage).then(() =>
  // Again, now that its strings are in, so i18next settles resolvedLanguage on it.
  i18n.changeLanguage(firstLanguage),
);

/** Every feature's strings, in the language shown: a feature page renders after this (routes.tsx). */
export function featureStrings(): Promise<void> {
  partsWanted.add("features");
  return loadPart(shownLanguage, "features");
}

/** Switch the UI to a language the person chose, and remember it in this browser. */
export function chooseLanguage(code: LanguageCode) {
  try {
    localStorage.setItem(languageStorageKey, code);
  } catch {
    // storage blocked: the choice lasts until the page is reloaded
  }
  shownLanguage = code;
  void loadLanguage(code).then(() => i18n.changeLanguage(code));
}

export default i18n;
