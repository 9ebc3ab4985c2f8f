/** Dates of a registration in the person's language, Brussels time (messages and pages). */
import { CLOCK, dateFormat, numberFormat } from "~/i18n/format";
import type { Language } from "~/i18n/languages";

const TIME_ZONE = "Europe/Brussels";

/** "dinsdag 12 november 2026" */
export function formatLongDate(value: Date | string, lang: Language | string): string {
  return dateFormat(lang, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE }).format(new Date(value));
}

/** "09:00" in the locale's style, on a 24-hour clock */
export function formatClock(value: Date | string, lang: Language | string): string {
  return dateFormat(lang, { ...CLOCK, timeZone: TIME_ZONE }).format(new Date(value));
}

/** "dinsdag 12 november 2026, 09:00" */
export function formatDateTime(value: Date | string, lang: Language | string): string {
  return `${formatLongDate(value, lang)}${lang === "ar" ? "،" : ","} ${formatClock(value, lang)}`;
}

/** "dinsdag 12 november 2026, 09:00 – 11:00" */
export function formatSession(startsAt: Date | string, endsAt: Date | string, lang: Language | string): string {
  return `${formatDateTime(startsAt, lang)} – ${formatClock(endsAt, lang)}`;
}

/** "€ 20,00" */
export function formatEuro(cents: number, lang: Language | string): string {
  return numberFormat(lang, { style: "currency", currency: "EUR" }).format(cents / 100);
}
