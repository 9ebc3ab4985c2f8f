/**
 * Working days for the referral flag: Monday to Friday, minus Belgian public holidays, in Brussels time.
 * Pure functions (no database), so the rule is tested on its own.
 */
import { addDaysTo, belgianPublicHolidays, brusselsDate, weekdayOf } from "~/modules/finder/opening-hours";

/** How many working days the receiving side has to pick up a referral before it is flagged. */
export const PICK_UP_WORKING_DAYS = 5;

export function isWorkingDay(date: string): boolean {
  if (weekdayOf(date) > 5) return false;
  return !belgianPublicHolidays(Number(date.slice(0, 4)), "nl").has(date);
}

/** The calendar date (yyyy-mm-dd) that is `days` working days after `date` (the day itself does not count). */
export function addWorkingDays(date: string, days: number): string {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDaysTo(current, 1);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

/**
 * A referral sent at `sentAt` and still "new" is overdue once `PICK_UP_WORKING_DAYS` full working days have passed:
 * sent on Monday, it is flagged from the next Tuesday on (Monday + 5 working days = next Monday, the deadline day).
 */
export function pickUpDeadline(sentAt: Date): string {
  return addWorkingDays(brusselsDate(sentAt), PICK_UP_WORKING_DAYS);
}

export function isOverdue(referral: { status: string; createdAt: Date }, now: Date = new Date()): boolean {
  if (referral.status !== "new") return false;
  return brusselsDate(now) > pickUpDeadline(referral.createdAt);
}
