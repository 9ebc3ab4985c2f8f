export const LANGUAGES = ["nl", "fr", "en", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "nl";

/** Each language named in itself, so a person finds their own. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  nl: "Nederlands",
  fr: "Français",
  en: "English",
  ar: "العربية",
};

/** Names of languages a helper may speak (ISO 639-1), shown in Dutch and in the language itself. */
export const SPOKEN_LANGUAGE_NAMES: Record<string, string> = {
  nl: "Nederlands",
  fr: "Français",
  en: "English",
  de: "Deutsch",
  ar: "العربية",
  tr: "Türkçe",
  ru: "Русский",
  uk: "Українська",
  pl: "Polski",
  ro: "Română",
  bg: "Български",
  es: "Español",
  it: "Italiano",
  pt: "Português",
  so: "Soomaali",
  ti: "ትግርኛ",
  prs: "دری",
  ps: "پښتو",
  fa: "فارسی",
  ber: "Tamaziɣt",
  sgn: "Vlaamse Gebarentaal",
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function direction(lang: Language): "ltr" | "rtl" {
  return lang === "ar" ? "rtl" : "ltr";
}

/** Translatable content field with Dutch fallback. */
export function translated(value: Partial<Record<string, string>> | null | undefined, lang: string): string {
  if (!value) return "";
  return value[lang] || value.nl || Object.values(value).find(Boolean) || "";
}
