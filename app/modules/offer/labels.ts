import type { EQUIPMENT, HELP_POINT_TYPES, ORGANIZATION_TYPES } from "./schema";

/** Plain Dutch words for the staff pages (the staff area is Dutch only). */
export const HELP_POINT_TYPE_LABELS: Record<(typeof HELP_POINT_TYPES)[number], string> = {
  digipunt: "Digipunt",
  ocr: "Openbare computerruimte",
  library: "Bibliotheek",
  service_centre: "Lokaal dienstencentrum",
  popup: "Pop-up digipunt",
  wifi_spot: "Gratis wifi",
};

export const ORGANIZATION_TYPE_LABELS: Record<(typeof ORGANIZATION_TYPES)[number], string> = {
  city_department: "Stadsdienst",
  service_centre: "Lokaal dienstencentrum",
  library: "Bibliotheek",
  ocmw: "OCMW",
  ngo: "Vereniging of vzw",
  school: "School",
  company: "Bedrijf",
};

export const EQUIPMENT_LABELS: Record<(typeof EQUIPMENT)[number], string> = {
  computers: "Computers",
  printer: "Printer",
  scanner: "Scanner",
  wifi: "Gratis wifi",
};

/** Languages a helper may speak, named in Dutch for the staff form. */
export const SPOKEN_LANGUAGE_LABELS: Record<string, string> = {
  nl: "Nederlands",
  fr: "Frans",
  en: "Engels",
  de: "Duits",
  ar: "Arabisch",
  tr: "Turks",
  ru: "Russisch",
  uk: "Oekraïens",
  pl: "Pools",
  ro: "Roemeens",
  bg: "Bulgaars",
  es: "Spaans",
  it: "Italiaans",
  pt: "Portugees",
  so: "Somalisch",
  ti: "Tigrinya",
  prs: "Dari",
  ps: "Pasjtoe",
  fa: "Perzisch",
  ber: "Berbers (Tamazight)",
  sgn: "Vlaamse Gebarentaal",
};

export const WEEKDAY_LABELS: Record<number, string> = {
  1: "maandag",
  2: "dinsdag",
  3: "woensdag",
  4: "donderdag",
  5: "vrijdag",
  6: "zaterdag",
  7: "zondag",
};

/** 12 november 2026 (Brussels time for a moment, the date itself for YYYY-MM-DD). */
export function dutchDate(value: string | Date | null | undefined): string {
  if (!value) return "";
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat("nl-BE", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? "UTC" : "Europe/Brussels",
  }).format(date);
}

/** donderdag 12 november 2026 */
export function dutchDay(date: string): string {
  return new Intl.DateTimeFormat("nl-BE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** 12 november 2026 om 14.05 */
export function dutchDateTime(value: string | Date): string {
  return new Intl.DateTimeFormat("nl-BE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Brussels" }).format(new Date(value));
}
