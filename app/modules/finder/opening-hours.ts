import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import Holidays from "date-holidays";

export const TIME_ZONE = "Europe/Brussels";

export interface WeeklyHours {
  weekday: number; // 1 = Monday … 7 = Sunday
  opens: string; // "HH:MM" or "HH:MM:SS"
  closes: string;
}

export interface ScheduleException {
  date: string; // YYYY-MM-DD
  kind: "closed" | "open";
  opens?: string | null;
  closes?: string | null;
  reason?: string | null;
}

export interface Interval {
  opens: string; // HH:MM
  closes: string; // HH:MM
}

export interface DaySchedule {
  date: string;
  weekday: number;
  intervals: Interval[];
  /** Why the point is closed on a day it normally opens: a public holiday or its own closure. */
  closedReason: string | null;
  /** True when the day has extra hours (a pop-up date). */
  extra: boolean;
}

const holidayCache = new Map<string, Map<string, string>>();

/** Belgian public holidays (official days off only), named in the given language. */
export function belgianPublicHolidays(year: number, lang: string): Map<string, string> {
  const holidayLang = ["nl", "fr", "en", "de"].includes(lang) ? lang : "nl";
  const key = `${year}:${holidayLang}`;
  let days = holidayCache.get(key);
  if (!days) {
    const calendar = new Holidays("BE", { languages: [holidayLang], timezone: TIME_ZONE });
    days = new Map(
      calendar
        .getHolidays(year, holidayLang)
        .filter((h) => h.type === "public")
        .map((h) => [h.date.slice(0, 10), h.name]),
    );
    holidayCache.set(key, days);
  }
  return days;
}

const hhmm = (time: string) => time.slice(0, 5);

/** Today's date in Brussels as YYYY-MM-DD. */
export function brusselsDate(now: Date = new Date()): string {
  return format(new TZDate(now, TIME_ZONE), "yyyy-MM-dd");
}

export function brusselsTime(now: Date = new Date()): string {
  return format(new TZDate(now, TIME_ZONE), "HH:mm");
}

// A calendar date has no time zone: plain UTC arithmetic on it is exact, and much cheaper than zoned dates.
const utcDate = (date: string) => new Date(`${date}T00:00:00Z`);

export function addDaysTo(date: string, days: number): string {
  const value = utcDate(date);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return utcDate(date).getUTCDay() || 7;
}

export function daySchedule(
  date: string,
  weekly: WeeklyHours[],
  exceptions: ScheduleException[],
  lang = "nl",
): DaySchedule {
  const weekday = weekdayOf(date);
  const regular = weekly
    .filter((h) => h.weekday === weekday)
    .map((h) => ({ opens: hhmm(h.opens), closes: hhmm(h.closes) }));
  const todays = exceptions.filter((e) => e.date === date);
  const closure = todays.find((e) => e.kind === "closed");
  const extras = todays
    .filter((e) => e.kind === "open" && e.opens && e.closes)
    .map((e) => ({ opens: hhmm(e.opens!), closes: hhmm(e.closes!) }));
  const holiday = belgianPublicHolidays(Number(date.slice(0, 4)), lang).get(date) ?? null;

  if (closure) {
    return { date, weekday, intervals: [], closedReason: closure.reason || holiday || "", extra: false };
  }
  // On a public holiday the regular hours do not apply; an explicit extra opening still does.
  const base = holiday ? [] : regular;
  const intervals = [...base, ...extras].sort((a, b) => a.opens.localeCompare(b.opens));
  const closedReason = holiday && regular.length > 0 && extras.length === 0 ? holiday : null;
  return { date, weekday, intervals, closedReason, extra: extras.length > 0 };
}

/** The next `days` days from `from` (inclusive). */
export function scheduleFrom(
  from: string,
  days: number,
  weekly: WeeklyHours[],
  exceptions: ScheduleException[],
  lang = "nl",
): DaySchedule[] {
  return Array.from({ length: days }, (_, i) => daySchedule(addDaysTo(from, i), weekly, exceptions, lang));
}

export interface OpenStatus {
  openNow: boolean;
  /** HH:MM when it closes today, if open now. */
  closesAt: string | null;
  /** The next moment it opens, if it is closed now (searched up to 60 days ahead). */
  nextOpening: { date: string; time: string } | null;
}

export function openStatus(now: Date, weekly: WeeklyHours[], exceptions: ScheduleException[]): OpenStatus {
  const today = brusselsDate(now);
  const time = brusselsTime(now);
  const todaySchedule = daySchedule(today, weekly, exceptions);
  const current = todaySchedule.intervals.find((i) => i.opens <= time && time < i.closes);
  if (current) return { openNow: true, closesAt: current.closes, nextOpening: null };
  const laterToday = todaySchedule.intervals.find((i) => i.opens > time);
  if (laterToday) return { openNow: false, closesAt: null, nextOpening: { date: today, time: laterToday.opens } };
  for (let i = 1; i <= 60; i++) {
    const day = daySchedule(addDaysTo(today, i), weekly, exceptions);
    if (day.intervals.length > 0) {
      return { openNow: false, closesAt: null, nextOpening: { date: day.date, time: day.intervals[0].opens } };
    }
  }
  return { openNow: false, closesAt: null, nextOpening: null };
}
