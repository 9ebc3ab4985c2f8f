import i18next, { type i18n } from "i18next";
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from "./languages";

// One catalogue per language and module: locales/<lang>.json holds the core texts, locales/<module>/<lang>.json a
// module's own texts (so modules can grow without editing one shared file). Top-level keys must not collide.
const files = import.meta.glob<{ default: Record<string, unknown> }>("./locales/**/*.json", { eager: true });

function catalogue(lang: Language): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [path, module] of Object.entries(files)) {
    if (!path.endsWith(`/${lang}.json`)) continue;
    for (const [section, value] of Object.entries(module.default)) {
      const existing = merged[section];
      merged[section] =
        existing && typeof existing === "object" && value && typeof value === "object" ? { ...existing, ...value } : value;
    }
  }
  return merged;
}

const resources = Object.fromEntries(LANGUAGES.map((lang) => [lang, { translation: catalogue(lang) }]));

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
