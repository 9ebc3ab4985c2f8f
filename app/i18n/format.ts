import { isLanguage, type Language } from "./languages";

// Latin digits in Arabic too: addresses, phone numbers and times on signs in Belgium use them.
// A language from the database may be anything: unknown ones fall back to Dutch.
const locale = (lang: string) => (lang === "ar" ? "ar-u-nu-latn" : `${isLanguage(lang) ? lang : "nl"}-BE`);

const noon = (date: string) => new Date(`${date}T12:00:00Z`);

// Building an Intl formatter costs 20-100 µs and a results page formats about 60 times: keep one per language and
// options (a handful in all) instead of building one per call.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

export function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d${lang}${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale(lang), options)));
  return f;
}

export function numberFormat(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n${lang}${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale(lang), options)));
  return f;
}

/**
 * Hours and minutes on a 24-hour clock in every language: Belgian signs, tickets and our SMS use it, and Arabic
 * would otherwise say "2:30 م" on the page while the SMS says 14:30.
 */
export const CLOCK: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

/** "donderdag 12 november" */
export function formatDay(date: string, lang: Language): string {
  return dateFormat(lang, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(noon(date));
}

/** "12 november 2026" */
export function formatDate(date: string | Date, lang: Language): string {
  const value = typeof date === "string" ? noon(date) : date;
  return dateFormat(lang, { day: "numeric", month: "long", year: "numeric", timeZone: typeof date === "string" ? "UTC" : "Europe/Brussels" }).format(value);
}

/** An opening-hours time "09:00" in the language's style, on a 24-hour clock. */
export function formatTime(time: string, lang: Language): string {
  const [h, m] = time.split(":").map(Number);
  return dateFormat(lang, { ...CLOCK, timeZone: "UTC" }).format(new Date(Date.UTC(2026, 0, 1, h, m)));
}

export function formatDistance(km: number, lang: Language): string {
  if (km < 1) return `${numberFormat(lang, { maximumFractionDigits: 0 }).format(Math.round(km * 1000 / 50) * 50)} m`;
  return `${numberFormat(lang, { maximumFractionDigits: 1 }).format(km)} km`;
}

/** An amount in euro cents as a price: "€ 10" or "€ 12,50" in Dutch, "10 €" in French. */
export function formatEuro(cents: number, lang: Language): string {
  return numberFormat(lang, {
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
