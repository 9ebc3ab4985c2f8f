/**
 * The resident's own appointment page, reached by the secret link or by the code plus phone number: what the page
 * shows, and what cancelling or moving does. Both routes share this, so they behave the same.
 */
import type { Db } from "~/db/client.server";
import { translated, type Language } from "~/i18n/languages";
import { formatClock, formatLongDate } from "~/modules/learning/registration-format";
import { cancelAppointment, freeSlots, moveAppointment, type AppointmentDetails } from "./appointments.server";

/**
 * "donderdag 26 november 2026, 11:00 – 11:30": the day, then the time from – to. Arabic takes its own comma
 * (the day from Intl already has one: "الخميس، 26 نوفمبر 2026، 11:00 ص").
 */
export function formatSlotWhen(startsAt: Date, endsAt: Date, lang: Language): string {
  return `${formatLongDate(startsAt, lang)}${lang === "ar" ? "، " : ", "}${formatClock(startsAt, lang)} – ${formatClock(endsAt, lang)}`;
}

export interface ManageView {
  status: "booked" | "checked_in" | "no_show" | "cancelled";
  code: string;
  name: string | null;
  hasContact: boolean;
  what: string;
  typeId: string | null;
  pointId: string;
  pointName: string;
  pointAddress: string;
  /** Where to call: the help point, else the city. */
  phone: string | null;
  when: string;
  past: boolean;
  changeable: boolean;
  cutoffHours: number;
}

export function manageView(found: AppointmentDetails, lang: Language, now: Date = new Date()): ManageView {
  const a = found.appointment;
  return {
    status: a.status,
    code: a.code,
    name: a.name,
    hasContact: Boolean(a.phone || a.email),
    what: found.type ? translated(found.type.name, lang) : "",
    typeId: found.type?.id ?? null,
    pointId: a.helpPointId,
    pointName: found.pointName,
    pointAddress: found.pointAddress,
    phone: found.pointPhone,
    when: formatSlotWhen(a.startsAt, a.endsAt, lang),
    past: a.startsAt <= now,
    changeable: found.changeable,
    cutoffHours: found.type?.cancelCutoffHours ?? 0,
  };
}

export interface MoveDay {
  date: string;
  label: string;
  times: { startsAt: string; label: string }[];
}

/** Free times to move to: the next 14 days with room, at most 40 times (the page stays short on a phone). */
export async function moveOptions(db: Db, found: AppointmentDetails, lang: Language, now: Date = new Date()): Promise<MoveDay[]> {
  if (!found.type) return [];
  const slots = (await freeSlots(db, found.type, now, { days: 14 })).filter((s) => s.startsAt.getTime() !== found.appointment.startsAt.getTime()).slice(0, 40);
  const days = new Map<string, MoveDay>();
  for (const s of slots) {
    const day = days.get(s.date) ?? { date: s.date, label: formatLongDate(s.startsAt, lang), times: [] };
    day.times.push({ startsAt: s.startsAt.toISOString(), label: formatClock(s.startsAt, lang) });
    days.set(s.date, day);
  }
  return [...days.values()];
}

export type ManageOutcome =
  | { kind: "confirm-cancel" }
  | { kind: "move"; days: MoveDay[] }
  | { kind: "done"; done: "cancelled" | "moved" }
  | { kind: "error"; error: string; days?: MoveDay[] };

/** The resident's intents: confirm-cancel, cancel, show-move, move. Nothing changes on any error. */
export async function handleManageIntent(db: Db, found: AppointmentDetails, form: FormData, lang: Language, baseUrl: string): Promise<ManageOutcome | null> {
  const now = new Date();
  const intent = String(form.get("intent") ?? "");
  const notChangeable = () => ({ kind: "error" as const, error: found.appointment.status === "booked" ? "cutoff" : "not_active" });
  switch (intent) {
    case "confirm-cancel":
      return found.changeable ? { kind: "confirm-cancel" } : notChangeable();
    case "cancel": {
      const result = await cancelAppointment(db, found.appointment.id, { now, resident: true, baseUrl });
      return result.ok ? { kind: "done", done: "cancelled" } : { kind: "error", error: result.error };
    }
    case "show-move":
      return found.changeable ? { kind: "move", days: await moveOptions(db, found, lang, now) } : notChangeable();
    case "move": {
      if (!found.changeable) return notChangeable();
      const raw = String(form.get("startsAt") ?? "");
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(raw)) return { kind: "error", error: "chooseTime", days: await moveOptions(db, found, lang, now) };
      const result = await moveAppointment(db, found.appointment.id, new Date(raw), { now, resident: true, baseUrl });
      if (result.ok) return { kind: "done", done: "moved" };
      return { kind: "error", error: result.error, days: await moveOptions(db, found, lang, now) };
    }
    default:
      return null;
  }
}
