import type { Language } from "./languages";

// Latin digits in Arabic too: addresses, phone numbers and times on signs in Belgium use them.
const locale = (lang: Language) => (lang === "ar" ? "ar-u-nu-latn" : `${lang}-BE`);

const noon = (date: string) => new Date(`${date}T12:00:00Z`);

/** "donderdag 12 november" */
export function formatDay(date: string, lang: Language): string {
  return new Intl.DateTimeFormat(locale(lang), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(noon(date));
}

/** "12 november 2026" */
export function formatDate(date: string | Date, lang: Language): string {
  const value = typeof date === "string" ? noon(date) : date;
  return new Intl.DateTimeFormat(locale(lang), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: typeof date === "string" ? "UTC" : "Europe/Brussels",
  }).format(value);
}

/** "09:00" → "9.00" in Dutch, "9 h 00" style is left to the locale. */
export function formatTime(time: string, lang: Language): string {
  const [h, m] = time.split(":").map(Number);
  return new Intl.DateTimeFormat(locale(lang), { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(
    new Date(Date.UTC(2026, 0, 1, h, m)),
  );
}

export function formatDistance(km: number, lang: Language): string {
  if (km < 1) return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(Math.round(km * 1000 / 50) * 50)} m`;
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(km)} km`;
}

/** An amount in euro cents as a price: "€ 10" or "€ 12,50" in Dutch, "10 €" in French. */
export function formatEuro(cents: number, lang: Language): string {
  return new Intl.NumberFormat(locale(lang), {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** "Senioren en volwassenen", "Seniors et adultes", "كبار السن والبالغون". */
export function formatList(items: readonly string[], lang: Language): string {
  return new Intl.ListFormat(locale(lang), { type: "conjunction" }).format(items);
}
