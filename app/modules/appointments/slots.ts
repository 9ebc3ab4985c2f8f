/**
 * The bookable times of an appointment type, computed from its weekly plan. Pure functions, no database.
 *
 * A slot starts at the beginning of a plan block and every (duration + buffer) minutes after that, as long as the
 * appointment fits in the block. Capacity = the helpers of the block (blocks of the same type that start a slot at
 * the same time add up). A day the help point is closed — a Belgian public holiday or a closure of the point — has
 * no slots: the finder's opening-hours logic decides that (daySchedule with the plan as "opening hours").
 */
import { TZDate } from "@date-fns/tz";
import { addDaysTo, brusselsDate, daySchedule, TIME_ZONE, type ScheduleException, type WeeklyHours } from "~/modules/finder/opening-hours";

export interface PlanBlock {
  weekday: number;
  /** "HH:MM" or "HH:MM:SS", Brussels local time */
  startsAt: string;
  endsAt: string;
  helpers: number;
}

export interface SlotRules {
  durationMinutes: number;
  bufferMinutes: number;
  minNoticeHours: number;
  horizonDays: number;
}

export interface PlannedSlot {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  /** Brussels calendar date YYYY-MM-DD */
  date: string;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

// Zoned date arithmetic is slow next to everything else here; the same few thousand (date, minute) pairs come
// back on every page view and booking, so their instants are kept (bounded).
const instants = new Map<string, number>();

/** A Brussels wall-clock time on a date, as an instant. */
export function brusselsInstant(date: string, minutes: number): Date {
  const key = `${date}|${minutes}`;
  let time = instants.get(key);
  if (time === undefined) {
    const [y, m, d] = date.split("-").map(Number);
    time = new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, 0, TIME_ZONE).getTime();
    if (instants.size > 100_000) instants.clear();
    instants.set(key, time);
  }
  return new Date(time);
}

/** Whether the day is closed for appointments: a public holiday or a closure of the help point. */
export function closedForAppointments(date: string, blocks: readonly PlanBlock[], exceptions: readonly ScheduleException[]): boolean {
  const weekly: WeeklyHours[] = blocks.map((b) => ({ weekday: b.weekday, opens: b.startsAt, closes: b.endsAt }));
  // Extra openings of the point are not appointment hours: only its closures count here.
  const closures = exceptions.filter((e) => e.kind === "closed");
  return daySchedule(date, weekly, closures).intervals.length === 0;
}

/** The slots of one Brussels date, before notice, horizon and bookings. */
export function slotsOnDate(date: string, rules: SlotRules, blocks: readonly PlanBlock[], exceptions: readonly ScheduleException[]): PlannedSlot[] {
  if (closedForAppointments(date, blocks, exceptions)) return [];
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  const step = rules.durationMinutes + rules.bufferMinutes;
  const byStart = new Map<number, PlannedSlot>();
  for (const block of blocks) {
    if (block.weekday !== weekday) continue;
    const end = minutesOf(block.endsAt);
    for (let start = minutesOf(block.startsAt); start + rules.durationMinutes <= end; start += step) {
      const startsAt = brusselsInstant(date, start);
      const existing = byStart.get(startsAt.getTime());
      if (existing) existing.capacity += block.helpers;
      else byStart.set(startsAt.getTime(), { startsAt, endsAt: brusselsInstant(date, start + rules.durationMinutes), capacity: block.helpers, date });
    }
  }
  return [...byStart.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export interface SlotWindow {
  /** First date to look at (Brussels); default today. */
  from?: string;
  /** How many dates from `from`; always cut at the horizon. */
  days?: number;
  /** Staff booking on someone's behalf: the minimum notice does not apply (a slot must still be in the future). */
  ignoreNotice?: boolean;
}

/** The earliest start a booking may have now. */
export function earliestStart(rules: SlotRules, now: Date, ignoreNotice = false): Date {
  return ignoreNotice ? now : new Date(now.getTime() + rules.minNoticeHours * 3600_000);
}

/** The last Brussels date residents may book on. */
export function lastBookableDate(rules: SlotRules, now: Date): string {
  return addDaysTo(brusselsDate(now), rules.horizonDays);
}

/** Every bookable slot in a window: real slots of the plan, not on closed days, within notice and horizon. */
export function plannedSlots(rules: SlotRules, blocks: readonly PlanBlock[], exceptions: readonly ScheduleException[], now: Date, window: SlotWindow = {}): PlannedSlot[] {
  const today = brusselsDate(now);
  const from = window.from && window.from > today ? window.from : today;
  const last = lastBookableDate(rules, now);
  const earliest = earliestStart(rules, now, window.ignoreNotice);
  const days = window.days ?? rules.horizonDays + 1;
  const result: PlannedSlot[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDaysTo(from, i);
    if (date > last) break;
    for (const slot of slotsOnDate(date, rules, blocks, exceptions)) if (slot.startsAt >= earliest) result.push(slot);
  }
  return result;
}

export type SlotCheck = { ok: true; slot: PlannedSlot } | { ok: false; error: "past" | "not_a_slot" };

/** Whether a requested start (from a form: never trusted) is a bookable slot right now. */
export function checkSlot(rules: SlotRules, blocks: readonly PlanBlock[], exceptions: readonly ScheduleException[], startsAt: Date, now: Date, ignoreNotice = false): SlotCheck {
  if (Number.isNaN(startsAt.getTime())) return { ok: false, error: "not_a_slot" };
  if (startsAt < earliestStart(rules, now, ignoreNotice)) return { ok: false, error: "past" };
  const date = brusselsDate(startsAt);
  if (date > lastBookableDate(rules, now)) return { ok: false, error: "not_a_slot" };
  const slot = slotsOnDate(date, rules, blocks, exceptions).find((s) => s.startsAt.getTime() === startsAt.getTime());
  return slot ? { ok: true, slot } : { ok: false, error: "not_a_slot" };
}
