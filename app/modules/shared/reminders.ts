/**
 * When the reminder jobs (appointments, courses, device loans) may text or e-mail residents. A job runs every few
 * minutes, day and night; a reminder is never urgent, so it waits for the daytime instead of waking someone at
 * 00:05, when "tomorrow" begins.
 */
import { TZDate } from "@date-fns/tz";
import { brusselsTime, TIME_ZONE } from "~/modules/finder/opening-hours";


/** Reminders go out between 9:00 and 20:00 Brussels time. */
export function isReminderTime(now: Date): boolean {
  const time = brusselsTime(now);
  return time >= "09:00" && time < "20:00";
}

/** Midnight in Brussels at the start of the day after `now`, and the midnight after that. */
export function tomorrowInBrussels(now: Date): { from: Date; to: Date } {
  const local = new TZDate(now, TIME_ZONE);
  const from = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, 0, TIME_ZONE);
  const to = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 2, 0, 0, 0, TIME_ZONE);
  return { from: new Date(from.getTime()), to: new Date(to.getTime()) };
}
