/** Display-ready values for the public course pages, computed in the loaders (Brussels time, page language). */
import { formatDay, formatEuro, formatTime } from "~/i18n/format";
import type { Language } from "~/i18n/languages";
import { brusselsDate, brusselsTime } from "~/modules/finder/opening-hours";

export type PriceParts = { free: true } | { free: false; price: string; uitpas: string | null };

/** "Gratis", "€ 10", or "€ 10, met UiTPAS € 2" (the words are added in the page). */
export function priceParts(priceCents: number, uitpasPriceCents: number | null, lang: Language): PriceParts {
  if (priceCents === 0) return { free: true };
  return { free: false, price: formatEuro(priceCents, lang), uitpas: uitpasPriceCents == null ? null : formatEuro(uitpasPriceCents, lang) };
}

/** Day and times of a session in Brussels: { day: "maandag 12 januari", from: "9:30", to: "11:30" }. */
export function sessionWhen(startsAt: Date, endsAt: Date, lang: Language) {
  return { day: formatDay(brusselsDate(startsAt), lang), from: formatTime(brusselsTime(startsAt), lang), to: formatTime(brusselsTime(endsAt), lang) };
}

/** The day and start time of a moment in Brussels. */
export function dayAndTime(at: Date, lang: Language) {
  return { day: formatDay(brusselsDate(at), lang), time: formatTime(brusselsTime(at), lang) };
}
