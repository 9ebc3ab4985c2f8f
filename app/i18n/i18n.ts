import i18next, { type i18n } from "i18next";
import ar from "./locales/ar.json";
import en from "./locales/en.json";
import fr from "./locales/fr.json";
import nl from "./locales/nl.json";
import { DEFAULT_LANGUAGE, type Language } from "./languages";

const resources = { nl: { translation: nl }, fr: { translation: fr }, en: { translation: en }, ar: { translation: ar } };

// One immutable instance per language: requests never switch languages on a shared instance.
const instances = new Map<Language, i18n>();

export function i18nFor(lang: Language): i18n {
  let instance = instances.get(lang);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources,
      lng: lang,
      fallbackLng: DEFAULT_LANGUAGE,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    instances.set(lang, instance);
  }
  return instance;
}
