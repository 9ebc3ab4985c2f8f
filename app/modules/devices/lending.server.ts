/**
 * Reservations, loans, extensions, reminders, gifts and returns of the device bank.
 *
 * - A reservation and the loan it becomes are one row in device_loans. The database refuses two overlapping active
 *   bookings of one device (EXCLUDE device_loans_no_overlap, SQLSTATE 23P01); we map that to a plain message and
 *   offer other ready devices of the same kind.
 * - Every status change of a device goes through transitionDevice (it refuses to hand out an unwiped device).
 * - The due date is the hand-over day + the loan weeks, moved on to the next day the return point is open
 *   (weekly hours, Belgian public holidays and the point's own closures): `dueDateFor`, a pure function.
 * - Reminders (a few days before and on the due day, in the daytime) are sent once each by a job; each sent reminder is written to
 *   loan_contacts, and staff add their own calls, letters and visits to the same history.
 */
import { and, asc, desc, eq, gte, inArray, lt, lte, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "~/db/client.server";
import {
  deviceApplications,
  deviceBankSettings,
  deviceLoans,
  devices,
  helpPoints,
  loanContacts,
  municipalities,
  openingHours,
  scheduleExceptions,
  users,
} from "~/db/schema";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/languages";
import { recordAudit } from "~/modules/auth/audit.server";
import { addDaysTo, brusselsDate, daySchedule, type ScheduleException, type WeeklyHours } from "~/modules/finder/opening-hours";
import { formatLongDate } from "~/modules/learning/registration-format";
import { isMobileNumber } from "~/modules/learning/registration-schema";
import { isUuid, type Actor } from "~/modules/offer/help-points.server";
import { pgError } from "~/modules/shared/secrets.server";
import { kindsText, notifyApplicant } from "./applications.server";
import { CONTACT_CHANNELS, KIND_LABELS, LOAN_STATUS_LABELS, type Condition, type DeviceKind, type LoanStatus } from "./lending-labels";
import { transitionDevice } from "./lifecycle.server";
import { getSettings } from "./settings.server";
import { isReminderTime } from "~/modules/shared/reminders";

export type { Condition, LoanStatus } from "./lending-labels";

export { CONDITION_LABELS, CONTACT_CHANNEL_LABELS, CONTACT_CHANNELS, LOAN_STATUS_LABELS } from "./lending-labels";
export type { ContactChannel } from "./lending-labels";

export const OVERLAP_MESSAGE = "Dit toestel is in die periode al gereserveerd of uitgeleend.";

// ---------------------------------------------------------------------------------------------
// Due date (pure)
// ---------------------------------------------------------------------------------------------

/** The first day from `date` (inclusive) the point is open; `date` itself when the point has no hours at all. */
export function nextOpenDay(date: string, weekly: WeeklyHours[], exceptions: ScheduleException[], maxDays = 60): string {
  if (weekly.length === 0 && !exceptions.some((e) => e.kind === "open")) return date;
  for (let i = 0; i <= maxDays; i++) {
    const day = addDaysTo(date, i);
    if (daySchedule(day, weekly, exceptions).intervals.length > 0) return day;
  }
  return date;
}

/** Hand-over day (or the old due date) + weeks, on the next day the return point is open. */
export function dueDateFor(from: string, weeks: number, weekly: WeeklyHours[], exceptions: ScheduleException[]): string {
  return nextOpenDay(addDaysTo(from, weeks * 7), weekly, exceptions);
}

/** The due date a loan handed over on `from` would get (for the agreement printed before the hand-over). */
export async function expectedDueDate(db: Db, municipalityId: string, returnHelpPointId: string | null, from: string): Promise<string> {
  const settings = await getSettings(db, municipalityId);
  const schedule = await pointSchedule(db, returnHelpPointId);
  return dueDateFor(from, settings.loanWeeks, schedule.weekly, schedule.exceptions);
}

async function pointSchedule(db: Db, helpPointId: string | null): Promise<{ weekly: WeeklyHours[]; exceptions: ScheduleException[] }> {
  if (!helpPointId) return { weekly: [], exceptions: [] };
  const weekly = await db.select({ weekday: openingHours.weekday, opens: openingHours.opens, closes: openingHours.closes }).from(openingHours).where(eq(openingHours.helpPointId, helpPointId));
  const exceptions = await db
    .select({ date: scheduleExceptions.date, kind: scheduleExceptions.kind, opens: scheduleExceptions.opens, closes: scheduleExceptions.closes, reason: scheduleExceptions.reason })
    .from(scheduleExceptions)
    .where(eq(scheduleExceptions.helpPointId, helpPointId));
  return { weekly, exceptions };
}

// ---------------------------------------------------------------------------------------------
// Shared
// ---------------------------------------------------------------------------------------------

type Fail = { ok: false; field: string; message: string; alternatives?: { id: string; assetTag: string; label: string }[] };

/** Thrown inside a transaction to roll it back and answer with a plain message. */
class Refusal extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

async function inTx<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T | Fail> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, field: error.field, message: error.message };
    if (pgError(error).code === "23P01") return { ok: false, field: "deviceId", message: OVERLAP_MESSAGE };
    throw error;
  }
}

async function municipalityPhone(db: Db, municipalityId: string): Promise<string> {
  const [m] = await db.select({ phone: municipalities.phone }).from(municipalities).where(eq(municipalities.id, municipalityId));
  return m?.phone ?? "";
}

const pointAddress = (p: { street: string | null; postcode: string | null; city: string | null } | null | undefined) =>
  p ? [p.street, [p.postcode, p.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") : "";

/** Ready devices of a kind with no active booking that overlaps the range (for a choice, or after a clash). */
export async function availableDevices(db: Db, municipalityId: string, kind: DeviceKind | null, startsOn: string, endsOn: string, excludeId?: string) {
  const rows = await db
    .select({ id: devices.id, assetTag: devices.assetTag, kind: devices.kind, make: devices.make, model: devices.model, keyboardLayout: devices.keyboardLayout, status: devices.status })
    .from(devices)
    .where(
      and(
        eq(devices.municipalityId, municipalityId),
        kind ? eq(devices.kind, kind) : undefined,
        inArray(devices.status, ["ready", "reserved"]),
        excludeId ? ne(devices.id, excludeId) : undefined,
        sql`not exists (select 1 from device_loans l where l.device_id = ${devices.id} and l.status in ('reserved', 'on_loan')
          and daterange(l.starts_on, l.ends_on, '[]') && daterange(${startsOn}::date, ${endsOn}::date, '[]'))`,
      ),
    )
    .orderBy(asc(devices.assetTag))
    .limit(50);
  return rows.map((d) => ({
    id: d.id,
    assetTag: d.assetTag,
    kind: d.kind,
    label: `${d.assetTag} · ${KIND_LABELS[d.kind]}${d.make || d.model ? ` · ${[d.make, d.model].filter(Boolean).join(" ")}` : ""}${d.keyboardLayout ? ` · ${d.keyboardLayout.toUpperCase()}` : ""}${d.status === "reserved" ? " (later nog gereserveerd)" : ""}`,
  }));
}

/** The loan, locked, with what the messages and checks need. */
async function lockLoan(tx: Db, municipalityId: string, loanId: string) {
  if (!isUuid(loanId)) return null;
  const [loan] = await tx
    .select()
    .from(deviceLoans)
    .where(and(eq(deviceLoans.id, loanId), eq(deviceLoans.municipalityId, municipalityId)))
    .for("update");
  return loan ?? null;
}

async function loanMessageData(tx: Db, loanId: string) {
  const [row] = await tx
    .select({ application: deviceApplications, assetTag: devices.assetTag, kind: devices.kind, accessories: devices.accessories, place: helpPoints.name, street: helpPoints.street, postcode: helpPoints.postcode, city: helpPoints.city })
    .from(deviceLoans)
    .innerJoin(deviceApplications, eq(deviceApplications.id, deviceLoans.applicationId))
    .innerJoin(devices, eq(devices.id, deviceLoans.deviceId))
    .leftJoin(helpPoints, eq(helpPoints.id, deviceLoans.returnHelpPointId))
    .where(eq(deviceLoans.id, loanId));
  return row;
}

/** A message about a loan to the resident; returns the channel it went by ("none" without contact details). */
async function notifyLoan(tx: Db, municipalityId: string, loanId: string, template: string, date: string, extra: Record<string, string> = {}): Promise<string> {
  const data = await loanMessageData(tx, loanId);
  const app = data.application;
  const lang = isLanguage(app.language) ? app.language : DEFAULT_LANGUAGE;
  await notifyApplicant(
    tx,
    { municipalityId, municipalityPhone: await municipalityPhone(tx, municipalityId) },
    { ...app, referrerContact: null },
    template,
    { device: kindsText([data.kind], lang), tag: data.assetTag, date: formatLongDate(date, lang), place: data.place ?? "", address: pointAddress(data), ...extra },
  );
  return app.phone && isMobileNumber(app.phone) ? "sms" : app.email ? "email" : "none";
}

// ---------------------------------------------------------------------------------------------
// Reserve
// ---------------------------------------------------------------------------------------------

export interface ReserveInput {
  applicationId: string;
  deviceId: string;
  startsOn: string;
  endsOn: string;
}

export type ReserveResult = { ok: true; loanId: string } | Fail;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function reserveDevice(db: Db, municipalityId: string, input: ReserveInput, actor: Actor, now: Date = new Date()): Promise<ReserveResult> {
  const today = brusselsDate(now);
  if (!isUuid(input.deviceId)) return { ok: false, field: "deviceId", message: "Kies een toestel uit de lijst." };
  if (!DATE.test(input.startsOn)) return { ok: false, field: "startsOn", message: "Vul de eerste dag in waarop de bewoner het toestel kan ophalen." };
  if (!DATE.test(input.endsOn)) return { ok: false, field: "endsOn", message: "Vul de laatste dag in waarop de bewoner het toestel kan ophalen." };
  if (input.startsOn < today) return { ok: false, field: "startsOn", message: "Deze dag is al voorbij. Kies vandaag of later." };
  if (input.endsOn < input.startsOn) return { ok: false, field: "endsOn", message: "De laatste dag moet op of na de eerste dag liggen." };
  if (input.endsOn > addDaysTo(input.startsOn, 31)) return { ok: false, field: "endsOn", message: "Houd een toestel hoogstens een maand klaar. Kies een kortere periode." };

  const result = await inTx(db, async (tx) => {
    const [app] = await tx
      .select()
      .from(deviceApplications)
      .where(and(eq(deviceApplications.id, input.applicationId), eq(deviceApplications.municipalityId, municipalityId)))
      .for("update");
    if (!app) throw new Refusal("deviceId", "Deze aanvraag bestaat niet.");
    if (app.status !== "approved") throw new Refusal("deviceId", "Alleen voor een goedgekeurde aanvraag kunt u een toestel reserveren.");
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(deviceLoans)
      .where(and(eq(deviceLoans.applicationId, app.id), ne(deviceLoans.status, "cancelled")));
    if (Number(n) >= app.kinds.length) throw new Refusal("deviceId", "Voor deze aanvraag is al een toestel gereserveerd of meegegeven.");
    const [device] = await tx
      .select({ id: devices.id, status: devices.status, kind: devices.kind, homeHelpPointId: devices.homeHelpPointId })
      .from(devices)
      .where(and(eq(devices.id, input.deviceId), eq(devices.municipalityId, municipalityId)))
      .for("update");
    if (!device) throw new Refusal("deviceId", "Kies een toestel uit de lijst.");
    // A device already reserved for another period may get a second, later reservation: the EXCLUDE checks the dates.
    if (device.status !== "reserved") {
      const step = await transitionDevice(tx, device.id, "reserved", actor, { note: `Gereserveerd voor aanvraag ${app.code}` }, now);
      if (!step.ok) throw new Refusal("deviceId", step.message);
    }
    const settings = await getSettings(tx, municipalityId);
    const returnHelpPointId = settings.returnHelpPointId ?? device.homeHelpPointId ?? app.helpPointId;
    const [loan] = await tx
      .insert(deviceLoans)
      .values({ municipalityId, deviceId: device.id, applicationId: app.id, status: "reserved", startsOn: input.startsOn, endsOn: input.endsOn, returnHelpPointId, createdByUserId: actor.id, createdAt: now })
      .returning({ id: deviceLoans.id });
    await tx.update(deviceApplications).set({ lastActivityAt: now }).where(eq(deviceApplications.id, app.id));
    const lang = isLanguage(app.language) ? app.language : DEFAULT_LANGUAGE;
    const pickUp = device.homeHelpPointId ?? returnHelpPointId;
    const [point] = pickUp ? await tx.select().from(helpPoints).where(eq(helpPoints.id, pickUp)) : [];
    const params = { device: kindsText([device.kind], lang), from: formatLongDate(input.startsOn, lang), to: formatLongDate(input.endsOn, lang), place: point?.name ?? "", address: pointAddress(point) };
    await notifyApplicant(tx, { municipalityId, municipalityPhone: await municipalityPhone(tx, municipalityId) }, app, "device_ready", params, "ready");
    await recordAudit(tx, { actor, municipalityId, action: "device-loan.reserve", entityType: "device_loan", entityId: loan.id, after: { deviceId: device.id, applicationId: app.id, startsOn: input.startsOn, endsOn: input.endsOn } });
    return { ok: true as const, loanId: loan.id };
  });
  if (!result.ok && result.message === OVERLAP_MESSAGE) {
    const [device] = await db.select({ kind: devices.kind }).from(devices).where(eq(devices.id, input.deviceId));
    return { ...result, alternatives: await availableDevices(db, municipalityId, device?.kind ?? null, input.startsOn, input.endsOn, input.deviceId) };
  }
  return result;
}

/** Cancel a reservation that was not handed over; the device is ready again unless it has another reservation. */
export async function cancelReservation(db: Db, municipalityId: string, loanId: string, actor: Actor, now: Date = new Date()): Promise<{ ok: true } | Fail> {
  return inTx(db, async (tx) => {
    const loan = await lockLoan(tx, municipalityId, loanId);
    if (!loan) throw new Refusal("cancel", "Deze reservering bestaat niet.");
    if (loan.status !== "reserved") throw new Refusal("cancel", "Alleen een reservering die nog niet meegegeven is, kunt u annuleren.");
    await tx.update(deviceLoans).set({ status: "cancelled" }).where(eq(deviceLoans.id, loan.id));
    const [other] = await tx.select({ id: deviceLoans.id }).from(deviceLoans).where(and(eq(deviceLoans.deviceId, loan.deviceId), eq(deviceLoans.status, "reserved")));
    if (!other) {
      const step = await transitionDevice(tx, loan.deviceId, "ready", actor, { note: "Reservering geannuleerd" }, now);
      if (!step.ok) throw new Refusal("cancel", step.message);
    }
    await recordAudit(tx, { actor, municipalityId, action: "device-loan.cancel", entityType: "device_loan", entityId: loan.id, before: { status: "reserved" }, after: { status: "cancelled" } });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Hand over
// ---------------------------------------------------------------------------------------------

export type HandOverResult = { ok: true; dueOn: string } | Fail;

export async function handOver(db: Db, municipalityId: string, loanId: string, signature: "paper" | "screen", actor: Actor, now: Date = new Date()): Promise<HandOverResult> {
  return inTx(db, async (tx) => {
    const loan = await lockLoan(tx, municipalityId, loanId);
    if (!loan) throw new Refusal("handover", "Deze reservering bestaat niet.");
    if (loan.status !== "reserved") throw new Refusal("handover", `Dit toestel kan niet meegegeven worden: ${LOAN_STATUS_LABELS[loan.status].toLowerCase()}.`);
    const step = await transitionDevice(tx, loan.deviceId, "on_loan", actor, { note: "Meegegeven aan de bewoner" }, now);
    if (!step.ok) throw new Refusal("handover", step.message);
    const settings = await getSettings(tx, municipalityId);
    const schedule = await pointSchedule(tx, loan.returnHelpPointId);
    const today = brusselsDate(now);
    const dueOn = dueDateFor(today, settings.loanWeeks, schedule.weekly, schedule.exceptions);
    const [clash] = await tx
      .select({ startsOn: deviceLoans.startsOn })
      .from(deviceLoans)
      .where(and(eq(deviceLoans.deviceId, loan.deviceId), eq(deviceLoans.status, "reserved"), ne(deviceLoans.id, loan.id), lte(deviceLoans.startsOn, dueOn), gte(deviceLoans.endsOn, today)))
      .orderBy(asc(deviceLoans.startsOn))
      .limit(1);
    if (clash) throw new Refusal("handover", `${OVERLAP_MESSAGE} Het is vanaf ${formatLongDate(clash.startsOn, "nl")} gereserveerd voor iemand anders. Reserveer een ander toestel.`);
    await tx
      .update(deviceLoans)
      .set({ status: "on_loan", startsOn: today, endsOn: dueOn, handedOverAt: now, handedOverByUserId: actor.id, agreementSignature: signature })
      .where(eq(deviceLoans.id, loan.id));
    // The application is fulfilled when every device it asked for was handed over.
    await tx.execute(sql`update device_applications a set status = 'fulfilled', last_activity_at = ${now.toISOString()}::timestamptz
      where a.id = ${loan.applicationId} and a.status = 'approved'
      and (select count(*) from device_loans l where l.application_id = a.id and l.status in ('on_loan', 'returned', 'gifted')) >= cardinality(a.kinds)`);
    await recordAudit(tx, { actor, municipalityId, action: "device-loan.hand-over", entityType: "device_loan", entityId: loan.id, before: { status: "reserved" }, after: { status: "on_loan", dueOn, signature } });
    return { ok: true as const, dueOn };
  });
}

// ---------------------------------------------------------------------------------------------
// Extend
// ---------------------------------------------------------------------------------------------

export type ExtendResult = { ok: true; dueOn: string } | Fail;

export async function extendLoan(db: Db, municipalityId: string, loanId: string, actor: Actor, now: Date = new Date()): Promise<ExtendResult> {
  return inTx(db, async (tx) => {
    const loan = await lockLoan(tx, municipalityId, loanId);
    if (!loan) throw new Refusal("extend", "Deze uitlening bestaat niet.");
    if (loan.status !== "on_loan") throw new Refusal("extend", "Alleen een toestel dat uitgeleend is, kan langer blijven.");
    const settings = await getSettings(tx, municipalityId);
    if (loan.extensions >= settings.maxExtensions) {
      throw new Refusal(
        "extend",
        settings.maxExtensions === 0
          ? "Verlengen kan niet: in deze gemeente kan een uitlening niet verlengd worden."
          : `Verlengen kan niet meer: deze uitlening is al ${loan.extensions} keer verlengd, en dat is het maximum.`,
      );
    }
    const schedule = await pointSchedule(tx, loan.returnHelpPointId);
    const dueOn = dueDateFor(loan.endsOn, settings.extensionWeeks, schedule.weekly, schedule.exceptions);
    const [next] = await tx
      .select({ startsOn: deviceLoans.startsOn })
      .from(deviceLoans)
      .where(and(eq(deviceLoans.deviceId, loan.deviceId), eq(deviceLoans.status, "reserved"), ne(deviceLoans.id, loan.id), lte(deviceLoans.startsOn, dueOn), gte(deviceLoans.endsOn, loan.endsOn)))
      .orderBy(asc(deviceLoans.startsOn))
      .limit(1);
    if (next) throw new Refusal("extend", `Verlengen kan niet: dit toestel is vanaf ${formatLongDate(next.startsOn, "nl")} gereserveerd voor iemand anders.`);
    await tx
      .update(deviceLoans)
      .set({ endsOn: dueOn, extensions: loan.extensions + 1, reminderBeforeSentAt: null, reminderDueSentAt: null })
      .where(eq(deviceLoans.id, loan.id));
    const channel = await notifyLoan(tx, municipalityId, loan.id, "device_loan_extended", dueOn);
    await tx.insert(loanContacts).values({ loanId: loan.id, channel, note: `Verlengd tot ${formatLongDate(dueOn, "nl")}`, userId: actor.id, at: now });
    await recordAudit(tx, { actor, municipalityId, action: "device-loan.extend", entityType: "device_loan", entityId: loan.id, before: { endsOn: loan.endsOn, extensions: loan.extensions }, after: { endsOn: dueOn, extensions: loan.extensions + 1 } });
    return { ok: true as const, dueOn };
  });
}

// ---------------------------------------------------------------------------------------------
// Return and gift
// ---------------------------------------------------------------------------------------------

export interface ReturnInput {
  condition: Condition;
  missingAccessories?: string | null;
  damageNote?: string | null;
}

export type ReturnResult = { ok: true; loanId: string; assetTag: string } | Fail;

/** Take a device back (by loan or by the number on its label): condition, missing accessories, damage; then wiping. */
export async function returnDevice(db: Db, municipalityId: string, by: { loanId: string } | { assetTag: string }, input: ReturnInput, actor: Actor, now: Date = new Date()): Promise<ReturnResult> {
  return inTx(db, async (tx) => {
    let loan: typeof deviceLoans.$inferSelect | null;
    let assetTag: string;
    if ("assetTag" in by) {
      assetTag = by.assetTag.trim().toUpperCase();
      const [device] = await tx.select({ id: devices.id, status: devices.status }).from(devices).where(and(eq(devices.municipalityId, municipalityId), eq(devices.assetTag, assetTag)));
      if (!device) throw new Refusal("assetTag", `Er is geen toestel met nummer ${assetTag}. Kijk het nummer op het etiket na.`);
      const [active] = await tx.select({ id: deviceLoans.id }).from(deviceLoans).where(and(eq(deviceLoans.deviceId, device.id), eq(deviceLoans.status, "on_loan")));
      loan = active ? await lockLoan(tx, municipalityId, active.id) : null;
      if (!loan) throw new Refusal("assetTag", `Toestel ${assetTag} is niet uitgeleend, dus het kan niet teruggebracht worden. Kijk het nummer na.`);
    } else {
      loan = await lockLoan(tx, municipalityId, by.loanId);
      if (!loan) throw new Refusal("return", "Deze uitlening bestaat niet.");
      const [device] = await tx.select({ assetTag: devices.assetTag }).from(devices).where(eq(devices.id, loan.deviceId));
      assetTag = device.assetTag;
    }
    if (loan.status !== "on_loan") throw new Refusal("return", `Toestel ${assetTag} is niet uitgeleend (${LOAN_STATUS_LABELS[loan.status].toLowerCase()}), dus het kan niet teruggebracht worden.`);
    const missing = input.missingAccessories?.trim() || null;
    const damage = input.damageNote?.trim() || null;
    const step = await transitionDevice(tx, loan.deviceId, "returned", actor, { note: [damage, missing ? `Ontbreekt: ${missing}` : null].filter(Boolean).join(" · ") || null }, now);
    if (!step.ok) throw new Refusal("return", step.message);
    await tx.update(devices).set({ condition: input.condition }).where(eq(devices.id, loan.deviceId));
    await tx
      .update(deviceLoans)
      .set({ status: "returned", returnedAt: now, returnCondition: input.condition, missingAccessories: missing, damageNote: damage })
      .where(eq(deviceLoans.id, loan.id));
    await recordAudit(tx, { actor, municipalityId, action: "device-loan.return", entityType: "device_loan", entityId: loan.id, before: { status: "on_loan" }, after: { status: "returned", condition: input.condition, missing, damage } });
    return { ok: true as const, loanId: loan.id, assetTag };
  });
}

/** The resident keeps the device (for example after completing a course): loan and device become gifted. */
export async function giftLoan(db: Db, municipalityId: string, loanId: string, reason: string, actor: Actor, now: Date = new Date()): Promise<{ ok: true } | Fail> {
  const why = reason.trim();
  if (why.length < 3) return { ok: false, field: "giftReason", message: "Schrijf kort waarom de bewoner het toestel mag houden." };
  return inTx(db, async (tx) => {
    const loan = await lockLoan(tx, municipalityId, loanId);
    if (!loan) throw new Refusal("giftReason", "Deze uitlening bestaat niet.");
    if (loan.status !== "on_loan") throw new Refusal("giftReason", "Alleen een toestel dat uitgeleend is, kan geschonken worden.");
    const step = await transitionDevice(tx, loan.deviceId, "gifted", actor, { note: why }, now);
    if (!step.ok) throw new Refusal("giftReason", step.message);
    await tx.update(deviceLoans).set({ status: "gifted", giftedAt: now, giftReason: why }).where(eq(deviceLoans.id, loan.id));
    await recordAudit(tx, { actor, municipalityId, action: "device-loan.gift", entityType: "device_loan", entityId: loan.id, before: { status: "on_loan" }, after: { status: "gifted", reason: why } });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Reminders and contact history
// ---------------------------------------------------------------------------------------------

/**
 * Job: a reminder `reminder_days_before` days before the due date, and one on the due day (or the first run after
 * it). Each is sent once: the loan rows are claimed with SKIP LOCKED and the "sent" time is set in the same
 * transaction as the message and the contact-history line, so several app instances never send one twice.
 */
export async function sendLoanReminders(db: Db, now: Date = new Date()): Promise<{ sent: number }> {
  if (!isReminderTime(now)) return { sent: 0 };
  const today = brusselsDate(now);
  return db.transaction(async (tx) => {
    const settings = alias(deviceBankSettings, "s");
    const due = await tx
      .select({ id: deviceLoans.id, municipalityId: deviceLoans.municipalityId, endsOn: deviceLoans.endsOn, before: deviceLoans.reminderBeforeSentAt, onDay: deviceLoans.reminderDueSentAt })
      .from(deviceLoans)
      .leftJoin(settings, eq(settings.municipalityId, deviceLoans.municipalityId))
      .where(
        and(
          eq(deviceLoans.status, "on_loan"),
          sql`(
            (${deviceLoans.reminderDueSentAt} is null and ${deviceLoans.endsOn} <= ${today}::date)
            or (${deviceLoans.reminderBeforeSentAt} is null and ${deviceLoans.reminderDueSentAt} is null and ${deviceLoans.endsOn} > ${today}::date
                and ${deviceLoans.endsOn} - coalesce(${settings.reminderDaysBefore}, 3) <= ${today}::date)
          )`,
        ),
      )
      .orderBy(asc(deviceLoans.endsOn))
      .limit(100)
      .for("update", { of: deviceLoans, skipLocked: true });
    let sent = 0;
    for (const loan of due) {
      const onDay = loan.endsOn <= today;
      // A loan more than a week overdue (the job was down, or the loan was entered late) gets no automatic message: staff call.
      if (onDay && loan.endsOn < addDaysTo(today, -7)) {
        await tx.update(deviceLoans).set({ reminderDueSentAt: now }).where(eq(deviceLoans.id, loan.id));
        continue;
      }
      await tx
        .update(deviceLoans)
        .set(onDay ? { reminderDueSentAt: now } : { reminderBeforeSentAt: now })
        .where(eq(deviceLoans.id, loan.id));
      const channel = await notifyLoan(tx, loan.municipalityId, loan.id, onDay ? "device_reminder_due" : "device_reminder_before", loan.endsOn);
      await tx.insert(loanContacts).values({ loanId: loan.id, channel, note: onDay ? "Automatische herinnering: vandaag terugbrengen" : "Automatische herinnering: binnenkort terugbrengen", userId: null, at: now });
      sent++;
    }
    return { sent };
  });
}

/** Staff send a reminder now (before, on or after the due day); it is written to the contact history. */
export async function sendReminderNow(db: Db, municipalityId: string, loanId: string, actor: Actor, now: Date = new Date()): Promise<{ ok: true; channel: string } | Fail> {
  return inTx(db, async (tx) => {
    const loan = await lockLoan(tx, municipalityId, loanId);
    if (!loan) throw new Refusal("remind", "Deze uitlening bestaat niet.");
    if (loan.status !== "on_loan") throw new Refusal("remind", "Alleen voor een toestel dat uitgeleend is, kunt u een herinnering sturen.");
    const today = brusselsDate(now);
    const template = loan.endsOn < today ? "device_overdue" : loan.endsOn === today ? "device_reminder_due" : "device_reminder_before";
    const channel = await notifyLoan(tx, municipalityId, loan.id, template, loan.endsOn);
    if (channel === "none") throw new Refusal("remind", "Er is geen gsm-nummer of e-mailadres van de bewoner. Bel of schrijf een brief, en noteer dat hieronder.");
    await tx.insert(loanContacts).values({ loanId: loan.id, channel, note: loan.endsOn < today ? "Herinnering verstuurd: te laat" : "Herinnering verstuurd", userId: actor.id, at: now });
    await recordAudit(tx, { actor, municipalityId, action: "device-loan.remind", entityType: "device_loan", entityId: loan.id, after: { template, channel } });
    return { ok: true as const, channel };
  });
}

export async function addContactNote(db: Db, municipalityId: string, loanId: string, input: { channel: string; note: string }, actor: Actor, now: Date = new Date()): Promise<{ ok: true } | Fail> {
  if (!(CONTACT_CHANNELS as readonly string[]).includes(input.channel)) return { ok: false, field: "channel", message: "Kies hoe u contact had." };
  const note = input.note.trim();
  if (note.length < 2) return { ok: false, field: "note", message: "Schrijf kort wat er gezegd of afgesproken is." };
  if (note.length > 1000) return { ok: false, field: "note", message: "Houd de notitie korter: hoogstens 1000 tekens." };
  return inTx(db, async (tx) => {
    const loan = await lockLoan(tx, municipalityId, loanId);
    if (!loan) throw new Refusal("note", "Deze uitlening bestaat niet.");
    await tx.insert(loanContacts).values({ loanId: loan.id, channel: input.channel, note, userId: actor.id, at: now });
    await recordAudit(tx, { actor, municipalityId, action: "device-loan.contact", entityType: "device_loan", entityId: loan.id, after: { channel: input.channel } });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Read
// ---------------------------------------------------------------------------------------------

const LOAN_LIST_FIELDS = {
  id: deviceLoans.id,
  status: deviceLoans.status,
  startsOn: deviceLoans.startsOn,
  endsOn: deviceLoans.endsOn,
  extensions: deviceLoans.extensions,
  assetTag: devices.assetTag,
  kind: devices.kind,
  name: deviceApplications.applicantName,
  code: deviceApplications.code,
  phone: deviceApplications.phone,
  lastContactAt: sql<string | null>`(select max(c.at) from loan_contacts c where c.loan_id = ${deviceLoans.id})`,
  contacts: sql<number>`(select count(*)::int from loan_contacts c where c.loan_id = ${deviceLoans.id})`,
};

export type LoanFilter = "active" | "reserved" | "on_loan" | "ended";

export async function listLoans(db: Db, municipalityId: string, filter: LoanFilter = "active") {
  const statuses: LoanStatus[] =
    filter === "active" ? ["reserved", "on_loan"] : filter === "reserved" ? ["reserved"] : filter === "on_loan" ? ["on_loan"] : ["returned", "gifted", "cancelled"];
  return db
    .select(LOAN_LIST_FIELDS)
    .from(deviceLoans)
    .innerJoin(devices, eq(devices.id, deviceLoans.deviceId))
    .innerJoin(deviceApplications, eq(deviceApplications.id, deviceLoans.applicationId))
    .where(and(eq(deviceLoans.municipalityId, municipalityId), inArray(deviceLoans.status, statuses)))
    .orderBy(filter === "ended" ? desc(deviceLoans.createdAt) : asc(deviceLoans.endsOn))
    .limit(300);
}

export async function listOverdue(db: Db, municipalityId: string, now: Date = new Date()) {
  return db
    .select(LOAN_LIST_FIELDS)
    .from(deviceLoans)
    .innerJoin(devices, eq(devices.id, deviceLoans.deviceId))
    .innerJoin(deviceApplications, eq(deviceApplications.id, deviceLoans.applicationId))
    .where(and(eq(deviceLoans.municipalityId, municipalityId), eq(deviceLoans.status, "on_loan"), lt(deviceLoans.endsOn, brusselsDate(now))))
    .orderBy(asc(deviceLoans.endsOn))
    .limit(300);
}

export async function getLoan(db: Db, municipalityId: string, loanId: string) {
  if (!isUuid(loanId)) return null;
  const [row] = await db
    .select({ loan: deviceLoans, device: devices, application: deviceApplications, returnPoint: helpPoints })
    .from(deviceLoans)
    .innerJoin(devices, eq(devices.id, deviceLoans.deviceId))
    .innerJoin(deviceApplications, eq(deviceApplications.id, deviceLoans.applicationId))
    .leftJoin(helpPoints, eq(helpPoints.id, deviceLoans.returnHelpPointId))
    .where(and(eq(deviceLoans.id, loanId), eq(deviceLoans.municipalityId, municipalityId)));
  if (!row) return null;
  const contacts = await db
    .select({ id: loanContacts.id, channel: loanContacts.channel, note: loanContacts.note, at: loanContacts.at, by: users.name })
    .from(loanContacts)
    .leftJoin(users, eq(users.id, loanContacts.userId))
    .where(eq(loanContacts.loanId, loanId))
    .orderBy(desc(loanContacts.at));
  return { ...row, returnAddress: pointAddress(row.returnPoint), contacts };
}
