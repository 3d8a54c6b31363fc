import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import enGB from "./locales/en-GB.json";

// Every UI language Accord ships. Adding Welsh is: create locales/cy.json with the same keys,
// import it here and add `{ code: "cy", resources: cy }` to this list.
export const languages = [{ code: "en-GB", resources: enGB }] as const;

export const defaultLanguage = "en-GB";

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(languages.map((l) => [l.code, { translation: l.resources }])),
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: languages.map((l) => l.code),
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
});

export default i18n;
