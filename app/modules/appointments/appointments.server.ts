/**
 * Appointments at a help point, booked by a resident without an account or by staff on their behalf.
 *
 * Capacity: a slot row (appointment_slots) is materialised with INSERT … ON CONFLICT DO NOTHING and claimed with a
 * conditional UPDATE … SET booked_count = booked_count + 1 WHERE booked_count < capacity RETURNING, in the booking
 * transaction; the CHECK on booked_count is the last line. Cancelling or moving gives the place back in the same
 * transaction. The server recomputes that a requested time is a real slot of the plan (not on a closed day, within
 * notice and horizon): the form is never trusted.
 * Every message is written to the outbox in the transaction that causes it; every change sets last_activity_at
 * (the retention job erases personal data after it).
 */
import { and, asc, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import {
  appointmentLinks,
  appointmentPlanBlocks,
  appointments,
  appointmentSlots,
  appointmentTypes,
  helpPoints,
  municipalities,
  scheduleExceptions,
  topics,
  type Translated,
} from "~/db/schema";
import { DEFAULT_LANGUAGE, isLanguage, translated } from "~/i18n/languages";
import { recordAudit } from "~/modules/auth/audit.server";
import { addDaysTo, brusselsDate, type ScheduleException } from "~/modules/finder/opening-hours";
import { formatDateTime } from "~/modules/learning/registration-format";
import { isMobileNumber } from "~/modules/learning/registration-schema";
import { enqueueMessage, toInternational } from "~/modules/notifications/outbox.server";
import { isUuid } from "~/modules/offer/help-points.server";
import { normaliseCode } from "~/modules/shared/codes";
import { appBaseUrl, hashToken, isTokenFormat, newCode, newToken, pgError } from "~/modules/shared/secrets.server";
import { brusselsInstant, checkSlot, plannedSlots, type PlanBlock, type PlannedSlot, type SlotRules, type SlotWindow } from "./slots";
import { isReminderTime, tomorrowInBrussels } from "~/modules/shared/reminders";

export type Appointment = typeof appointments.$inferSelect;
export type AppointmentStatus = Appointment["status"];
export type AppointmentChannel = Appointment["channel"];

export interface Actor {
  id: string;
  email: string;
}

type Tx = Db;

// ---------------------------------------------------------------------------------------------
// An appointment type with its plan, its help point and the point's closures
// ---------------------------------------------------------------------------------------------

export interface TypeContext {
  id: string;
  municipalityId: string;
  municipalitySlug: string;
  municipalityPhone: string;
  municipalityLanguages: string[];
  helpPointId: string;
  organizationId: string;
  pointName: string;
  pointAddress: string;
  pointPhone: string | null;
  name: Translated;
  topicId: string | null;
  active: boolean;
  pointActive: boolean;
  rules: SlotRules;
  cancelCutoffHours: number;
  blocks: PlanBlock[];
  exceptions: ScheduleException[];
}

export async function loadTypeContext(db: Db, typeId: string, now: Date = new Date()): Promise<TypeContext | null> {
  if (!isUuid(typeId)) return null;
  const [row] = await db
    .select({
      type: appointmentTypes,
      municipalitySlug: municipalities.slug,
      municipalityPhone: municipalities.phone,
      municipalityLanguages: municipalities.languages,
      organizationId: helpPoints.organizationId,
      pointName: helpPoints.name,
      street: helpPoints.street,
      postcode: helpPoints.postcode,
      city: helpPoints.city,
      pointPhone: helpPoints.phone,
      pointActive: helpPoints.active,
    })
    .from(appointmentTypes)
    .innerJoin(helpPoints, eq(helpPoints.id, appointmentTypes.helpPointId))
    .innerJoin(municipalities, eq(municipalities.id, appointmentTypes.municipalityId))
    .where(eq(appointmentTypes.id, typeId));
  if (!row) return null;
  const today = brusselsDate(now);
  const t = row.type;
  const [blocks, exceptions] = await Promise.all([
    db
      .select({ weekday: appointmentPlanBlocks.weekday, startsAt: appointmentPlanBlocks.startsAt, endsAt: appointmentPlanBlocks.endsAt, helpers: appointmentPlanBlocks.helpers })
      .from(appointmentPlanBlocks)
      .where(eq(appointmentPlanBlocks.appointmentTypeId, typeId)),
    db
      .select({ date: scheduleExceptions.date, kind: scheduleExceptions.kind, reason: scheduleExceptions.reason })
      .from(scheduleExceptions)
      .where(
        and(
          eq(scheduleExceptions.helpPointId, t.helpPointId),
          eq(scheduleExceptions.kind, "closed"),
          gte(scheduleExceptions.date, addDaysTo(today, -1)),
          sql`${scheduleExceptions.date} <= ${addDaysTo(today, t.horizonDays + 1)}`,
        ),
      ),
  ]);
  return {
    id: t.id,
    municipalityId: t.municipalityId,
    municipalitySlug: row.municipalitySlug,
    municipalityPhone: row.municipalityPhone,
    municipalityLanguages: row.municipalityLanguages,
    helpPointId: t.helpPointId,
    organizationId: row.organizationId,
    pointName: row.pointName,
    pointAddress: `${row.street}, ${row.postcode} ${row.city}`,
    pointPhone: row.pointPhone,
    name: t.name,
    topicId: t.topicId,
    active: t.active,
    pointActive: row.pointActive,
    rules: { durationMinutes: t.durationMinutes, bufferMinutes: t.bufferMinutes, minNoticeHours: t.minNoticeHours, horizonDays: t.horizonDays },
    cancelCutoffHours: t.cancelCutoffHours,
    blocks,
    exceptions,
  };
}

export interface FreeSlot {
  startsAt: Date;
  endsAt: Date;
  date: string;
  capacity: number;
  free: number;
}

/** Slots of the plan in a window with their free places (full ones left out unless `includeFull`). */
export async function freeSlots(db: Db, ctx: TypeContext, now: Date = new Date(), window: SlotWindow & { includeFull?: boolean } = {}): Promise<FreeSlot[]> {
  const planned = plannedSlots(ctx.rules, ctx.blocks, ctx.exceptions, now, window);
  if (planned.length === 0) return [];
  const booked = await db
    .select({ startsAt: appointmentSlots.startsAt, bookedCount: appointmentSlots.bookedCount, capacity: appointmentSlots.capacity })
    .from(appointmentSlots)
    .where(
      and(
        eq(appointmentSlots.appointmentTypeId, ctx.id),
        gte(appointmentSlots.startsAt, planned[0].startsAt),
        sql`${appointmentSlots.startsAt} <= ${planned[planned.length - 1].startsAt.toISOString()}::timestamptz`,
      ),
    );
  const byStart = new Map(booked.map((b) => [new Date(b.startsAt).getTime(), b]));
  return planned
    .map((p) => {
      const row = byStart.get(p.startsAt.getTime());
      // A materialised slot keeps the capacity it was made with.
      const capacity = row ? row.capacity : p.capacity;
      return { startsAt: p.startsAt, endsAt: p.endsAt, date: p.date, capacity, free: Math.max(0, capacity - (row?.bookedCount ?? 0)) };
    })
    .filter((s) => window.includeFull || s.free > 0);
}

/** The next few free times, for "this time was just taken: these are free". */
export async function nextFreeSlots(db: Db, ctx: TypeContext, after: Date, now: Date = new Date(), count = 5, ignoreNotice = false): Promise<FreeSlot[]> {
  const from = brusselsDate(after > now ? after : now);
  // Usually the same or the next day has room: look two days ahead first, then two weeks.
  for (const days of [2, 14]) {
    const slots = (await freeSlots(db, ctx, now, { from, days, ignoreNotice })).filter((s) => s.startsAt.getTime() !== after.getTime());
    if (slots.length >= count || days === 14) return slots.slice(0, count);
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Claiming and releasing a place in a slot (inside a transaction)
// ---------------------------------------------------------------------------------------------

/** Materialise the slot row and take one place; null when the slot is full. */
async function claimSlot(tx: Tx, typeId: string, slot: PlannedSlot): Promise<{ id: string; startsAt: Date; endsAt: Date } | null> {
  await tx
    .insert(appointmentSlots)
    .values({ appointmentTypeId: typeId, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: slot.capacity, bookedCount: 0 })
    .onConflictDoNothing({ target: [appointmentSlots.appointmentTypeId, appointmentSlots.startsAt] });
  const [claimed] = await tx
    .update(appointmentSlots)
    .set({ bookedCount: sql`${appointmentSlots.bookedCount} + 1` })
    .where(
      and(
        eq(appointmentSlots.appointmentTypeId, typeId),
        eq(appointmentSlots.startsAt, slot.startsAt),
        lt(appointmentSlots.bookedCount, appointmentSlots.capacity),
      ),
    )
    .returning({ id: appointmentSlots.id, startsAt: appointmentSlots.startsAt, endsAt: appointmentSlots.endsAt });
  return claimed ?? null;
}

async function releaseSlot(tx: Tx, slotId: string | null): Promise<void> {
  if (!slotId) return;
  await tx
    .update(appointmentSlots)
    .set({ bookedCount: sql`${appointmentSlots.bookedCount} - 1` })
    .where(and(eq(appointmentSlots.id, slotId), sql`${appointmentSlots.bookedCount} > 0`));
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

export function appointmentPath(municipalitySlug: string, lang: string, token: string): string {
  return `/${municipalitySlug}/${lang}/afspraak/${token}`;
}

export type LinkPurpose = "reminder" | "moved" | "staff";

/**
 * A new secret link to an appointment, for a message; every earlier link (and the one made at booking) keeps
 * working. Only the hash is stored, so each message gets its own fresh link.
 */
async function addLink(tx: Tx, appointmentId: string, purpose: LinkPurpose): Promise<string> {
  const { token, hash } = newToken();
  await tx.insert(appointmentLinks).values({ tokenHash: hash, appointmentId, purpose });
  return token;
}

async function sendMessage(
  tx: Tx,
  ctx: TypeContext,
  person: { id: string; name: string | null; phone: string | null; email: string | null; language: string; code: string; startsAt: Date },
  template: string,
  extra: { token?: string; baseUrl: string },
): Promise<number> {
  if (!person.phone && !person.email) return 0;
  const lang = isLanguage(person.language) ? person.language : DEFAULT_LANGUAGE;
  const linkLang = ctx.municipalityLanguages.includes(lang) ? lang : (ctx.municipalityLanguages[0] ?? DEFAULT_LANGUAGE);
  const findLink = `${extra.baseUrl}/${ctx.municipalitySlug}/${linkLang}/afspraak/zoeken`;
  return enqueueMessage(tx, {
    municipalityId: ctx.municipalityId,
    // An SMS only reaches a mobile number; a landline gets nothing, so the e-mail is used then.
    to: { phone: person.phone && isMobileNumber(person.phone) ? person.phone : null, email: person.email },
    language: lang,
    template,
    params: {
      name: person.name ?? "",
      code: person.code,
      what: translated(ctx.name, lang),
      place: `${ctx.pointName}, ${ctx.pointAddress}`,
      date: formatDateTime(person.startsAt, lang),
      phone: ctx.pointPhone ?? ctx.municipalityPhone,
      link: extra.token ? `${extra.baseUrl}${appointmentPath(ctx.municipalitySlug, linkLang, extra.token)}` : findLink,
      findLink,
    },
    subjectRef: `appointment:${person.id}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Book
// ---------------------------------------------------------------------------------------------

export interface BookingInput {
  municipalityId: string;
  appointmentTypeId: string;
  startsAt: Date;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  language: string;
  note?: string | null;
  /** online for a resident; phone or desk when staff book on someone's behalf. */
  channel: "online" | "phone" | "desk";
}

export interface BookOptions {
  actor?: Actor | null;
  now?: Date;
  baseUrl?: string;
}

export type BookError = "unknown" | "past" | "not_a_slot" | "full" | "already_booked";

/** The person already has an online booking at that time (a form sent twice, or a double tap). */
const isAlreadyBooked = (pg: { code?: string; constraint?: string }) => pg.code === "23505" && pg.constraint === "appointment_once_per_person";
export type BookResult =
  | { ok: true; appointmentId: string; code: string; manageToken: string; startsAt: Date }
  | { ok: false; error: BookError; nextFree: FreeSlot[] };

function contactKeyOf(phone: string | null, email: string | null): string | null {
  return phone ? toInternational(phone) : email ? email.trim().toLowerCase() : null;
}

export async function bookAppointment(db: Db, input: BookingInput, options: BookOptions = {}): Promise<BookResult> {
  const now = options.now ?? new Date();
  const baseUrl = options.baseUrl ?? appBaseUrl();
  const byStaff = input.channel !== "online";
  const ctx = await loadTypeContext(db, input.appointmentTypeId, now);
  if (!ctx || ctx.municipalityId !== input.municipalityId || !ctx.active || !ctx.pointActive) return { ok: false, error: "unknown", nextFree: [] };
  const check = checkSlot(ctx.rules, ctx.blocks, ctx.exceptions, input.startsAt, now, byStaff);
  if (!check.ok) return { ok: false, error: check.error, nextFree: await nextFreeSlots(db, ctx, input.startsAt, now, 5, byStaff) };
  const phone = input.phone?.trim() || null;
  const email = input.email?.trim() || null;
  const name = input.name?.trim() || null;
  const note = input.note?.trim() || null;
  const contactKey = contactKeyOf(phone, email);
  // No place left. When the place was taken by this same person a moment ago (the form sent twice, and the slot
  // had one place), say so: "someone else took it" would be wrong.
  const fullOrAlreadyBooked = async (): Promise<BookResult> => {
    if (!byStaff && contactKey) {
      const [mine] = await db
        .select({ id: appointments.id })
        .from(appointments)
        .where(
          and(
            eq(appointments.appointmentTypeId, ctx.id),
            eq(appointments.startsAt, check.slot.startsAt),
            eq(appointments.contactKey, contactKey),
            eq(appointments.channel, "online"),
            inArray(appointments.status, ["booked", "checked_in"]),
            isNull(appointments.erasedAt),
          ),
        )
        .limit(1);
      if (mine) return { ok: false, error: "already_booked", nextFree: [] };
    }
    return { ok: false, error: "full", nextFree: await nextFreeSlots(db, ctx, input.startsAt, now, 5, byStaff) };
  };
  // A new code collides once in a billion: try again with another one.
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await db.transaction(async (tx) => {
        const slot = await claimSlot(tx, ctx.id, check.slot);
        if (!slot) return null;
        const code = newCode();
        const { token, hash } = newToken();
        const [row] = await tx
          .insert(appointments)
          .values({
            municipalityId: ctx.municipalityId,
            helpPointId: ctx.helpPointId,
            appointmentTypeId: ctx.id,
            slotId: slot.id,
            startsAt: check.slot.startsAt,
            endsAt: check.slot.endsAt,
            topicId: ctx.topicId,
            status: "booked",
            channel: input.channel,
            name,
            phone,
            email,
            contactKey,
            note,
            language: input.language,
            code,
            manageTokenHash: hash,
            bookedByUserId: options.actor?.id ?? null,
            lastActivityAt: now,
            createdAt: now,
          })
          .returning({ id: appointments.id });
        // Booked by staff: the message gets a link of its own, apart from the one on the staff confirmation page.
        const messageToken = byStaff && (phone || email) ? await addLink(tx, row.id, "staff") : token;
        await sendMessage(tx, ctx, { id: row.id, name, phone, email, language: input.language, code, startsAt: check.slot.startsAt }, "appointment_confirmed", { token: messageToken, baseUrl });
        if (options.actor) {
          await recordAudit(tx, {
            actor: options.actor,
            municipalityId: ctx.municipalityId,
            action: "appointment.book",
            entityType: "appointment",
            entityId: row.id,
            after: { helpPointId: ctx.helpPointId, typeId: ctx.id, startsAt: check.slot.startsAt.toISOString(), channel: input.channel },
          });
        }
        return { ok: true as const, appointmentId: row.id, code, manageToken: token, startsAt: check.slot.startsAt };
      });
      if (result) return result;
      return await fullOrAlreadyBooked();
    } catch (error) {
      const pg = pgError(error);
      if (pg.code === "23505" && pg.constraint === "appointment_code" && attempt < 3) continue;
      if (isAlreadyBooked(pg)) return { ok: false, error: "already_booked", nextFree: [] };
      // The CHECK on booked_count: another booking took the last place between our statements.
      if (pg.code === "23514" && pg.constraint === "slot_not_overbooked") return await fullOrAlreadyBooked();
      throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Cancel, move (resident or staff)
// ---------------------------------------------------------------------------------------------

export interface ChangeOptions {
  actor?: Actor | null;
  now?: Date;
  baseUrl?: string;
  /** A resident changing it online: not after the cut-off of the appointment type. */
  resident?: boolean;
  /** Staff at a desk: only appointments of this help point. */
  helpPointId?: string;
}

export type ChangeError = "not_active" | "cutoff" | "unknown";

async function lockAppointment(tx: Tx, id: string): Promise<Appointment | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx.select().from(appointments).where(eq(appointments.id, id)).for("update");
  return row ?? null;
}

/** Residents may change an appointment online until cancel_cutoff_hours before it starts. */
export function beforeCutoff(startsAt: Date, cutoffHours: number, now: Date): boolean {
  return startsAt.getTime() - now.getTime() >= cutoffHours * 3600_000;
}

export async function cancelAppointment(db: Db, appointmentId: string, options: ChangeOptions = {}): Promise<{ ok: true } | { ok: false; error: ChangeError }> {
  const now = options.now ?? new Date();
  const baseUrl = options.baseUrl ?? appBaseUrl();
  return db.transaction(async (tx) => {
    const a = await lockAppointment(tx, appointmentId);
    if (!a || a.erasedAt || (options.helpPointId && a.helpPointId !== options.helpPointId)) return { ok: false, error: "unknown" } as const;
    if (a.status !== "booked") return { ok: false, error: "not_active" } as const;
    const ctx = a.appointmentTypeId ? await loadTypeContext(tx, a.appointmentTypeId, now) : null;
    if (options.resident && (!a.startsAt || !beforeCutoff(a.startsAt, ctx?.cancelCutoffHours ?? 0, now))) return { ok: false, error: "cutoff" } as const;
    await tx.update(appointments).set({ status: "cancelled", cancelledAt: now, lastActivityAt: now }).where(eq(appointments.id, a.id));
    await releaseSlot(tx, a.slotId);
    if (ctx) await sendMessage(tx, ctx, a, "appointment_cancelled", { baseUrl });
    if (options.actor) {
      await recordAudit(tx, { actor: options.actor, municipalityId: a.municipalityId, action: "appointment.cancel", entityType: "appointment", entityId: a.id, before: { status: a.status } });
    }
    return { ok: true } as const;
  });
}

export type MoveResult = { ok: true; startsAt: Date } | { ok: false; error: ChangeError | BookError; nextFree: FreeSlot[] };

/** Move to another time of the same appointment type: the new place is claimed before the old one is given back. */
export async function moveAppointment(db: Db, appointmentId: string, startsAt: Date, options: ChangeOptions = {}): Promise<MoveResult> {
  const now = options.now ?? new Date();
  const baseUrl = options.baseUrl ?? appBaseUrl();
  const [current] = isUuid(appointmentId) ? await db.select().from(appointments).where(eq(appointments.id, appointmentId)) : [];
  const ctx = current?.appointmentTypeId ? await loadTypeContext(db, current.appointmentTypeId, now) : null;
  if (!current || !ctx || current.erasedAt) return { ok: false, error: "unknown", nextFree: [] };
  const byStaff = !options.resident;
  const check = checkSlot(ctx.rules, ctx.blocks, ctx.exceptions, startsAt, now, byStaff);
  if (!check.ok) return { ok: false, error: check.error, nextFree: await nextFreeSlots(db, ctx, startsAt, now, 5, byStaff) };
  // Two moves in opposite directions lock the same two slots in opposite order: PostgreSQL breaks the deadlock by
  // failing one of them, which then simply runs again.
  for (let attempt = 0; ; attempt++) {
    try {
      return await moveOnce(db, ctx, appointmentId, check.slot, startsAt, now, options, baseUrl, byStaff);
    } catch (error) {
      if (pgError(error).code === "40P01" && attempt < 3) continue;
      throw error;
    }
  }
}

async function moveOnce(
  db: Db,
  ctx: TypeContext,
  appointmentId: string,
  target: PlannedSlot,
  startsAt: Date,
  now: Date,
  options: ChangeOptions,
  baseUrl: string,
  byStaff: boolean,
): Promise<MoveResult> {
  const check = { slot: target };
  try {
    const result = await db.transaction(async (tx) => {
      const a = await lockAppointment(tx, appointmentId);
      if (!a) return { ok: false, error: "unknown" } as const;
      if (a.status !== "booked") return { ok: false, error: "not_active" } as const;
      if (options.resident && !beforeCutoff(a.startsAt, ctx.cancelCutoffHours, now)) return { ok: false, error: "cutoff" } as const;
      if (a.startsAt.getTime() === check.slot.startsAt.getTime()) return { ok: true, startsAt: a.startsAt } as const;
      const slot = await claimSlot(tx, ctx.id, check.slot);
      if (!slot) return { ok: false, error: "full" } as const;
      await releaseSlot(tx, a.slotId);
      await tx
        .update(appointments)
        .set({ slotId: slot.id, startsAt: check.slot.startsAt, endsAt: check.slot.endsAt, reminderSentAt: null, lastActivityAt: now })
        .where(eq(appointments.id, a.id));
      const token = a.phone || a.email ? await addLink(tx, a.id, "moved") : undefined;
      await sendMessage(tx, ctx, { ...a, startsAt: check.slot.startsAt }, "appointment_moved", { token, baseUrl });
      if (options.actor) {
        await recordAudit(tx, {
          actor: options.actor,
          municipalityId: a.municipalityId,
          action: "appointment.move",
          entityType: "appointment",
          entityId: a.id,
          before: { startsAt: a.startsAt.toISOString() },
          after: { startsAt: check.slot.startsAt.toISOString() },
        });
      }
      return { ok: true, startsAt: check.slot.startsAt } as const;
    });
    if (result.ok) return result;
    return { ...result, nextFree: result.error === "full" ? await nextFreeSlots(db, ctx, startsAt, now, 5, byStaff) : [] };
  } catch (error) {
    const pg = pgError(error);
    if (pg.code === "23514" && pg.constraint === "slot_not_overbooked") return { ok: false, error: "full", nextFree: await nextFreeSlots(db, ctx, startsAt, now, 5, byStaff) };
    if (isAlreadyBooked(pg)) return { ok: false, error: "already_booked", nextFree: await nextFreeSlots(db, ctx, startsAt, now, 5, byStaff) };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Finding an appointment (secret link, or code plus phone number / e-mail)
// ---------------------------------------------------------------------------------------------

export interface AppointmentDetails {
  appointment: Appointment;
  type: TypeContext | null;
  pointName: string;
  pointAddress: string;
  pointPhone: string | null;
  /** The resident may still cancel or move it online. */
  changeable: boolean;
}

async function details(db: Db, municipalityId: string, a: Appointment | undefined, now: Date): Promise<AppointmentDetails | null> {
  if (!a || a.municipalityId !== municipalityId || a.erasedAt) return null;
  const type = a.appointmentTypeId ? await loadTypeContext(db, a.appointmentTypeId, now) : null;
  const [point] = await db
    .select({ name: helpPoints.name, street: helpPoints.street, postcode: helpPoints.postcode, city: helpPoints.city, phone: helpPoints.phone })
    .from(helpPoints)
    .where(eq(helpPoints.id, a.helpPointId));
  return {
    appointment: a,
    type,
    pointName: point?.name ?? "",
    pointAddress: point ? `${point.street}, ${point.postcode} ${point.city}` : "",
    pointPhone: point?.phone ?? null,
    changeable: a.status === "booked" && type !== null && beforeCutoff(a.startsAt, type.cancelCutoffHours, now),
  };
}

/** By the link made at booking or any link sent later (reminder, moved, staff); null for an unknown or erased one. */
export async function findAppointmentByToken(db: Db, municipalityId: string, token: string, now: Date = new Date()): Promise<AppointmentDetails | null> {
  if (!isTokenFormat(token)) return null;
  const hash = hashToken(token);
  let [a] = await db.select().from(appointments).where(eq(appointments.manageTokenHash, hash)).limit(1);
  if (!a) {
    const [link] = await db.select({ id: appointmentLinks.appointmentId }).from(appointmentLinks).where(eq(appointmentLinks.tokenHash, hash));
    if (link) [a] = await db.select().from(appointments).where(eq(appointments.id, link.id));
  }
  return details(db, municipalityId, a, now);
}

/** By code and the phone number or e-mail it was booked with; null when either does not match, without telling which. */
export async function findAppointmentByCode(db: Db, municipalityId: string, code: string, phoneOrEmail: string, now: Date = new Date()): Promise<AppointmentDetails | null> {
  const normalised = normaliseCode(code);
  const contact = phoneOrEmail.trim();
  if (!/^[A-Z0-9]{6}$/.test(normalised) || !contact) return null;
  const [a] = await db.select().from(appointments).where(eq(appointments.code, normalised)).limit(1);
  if (!a) return null;
  const matches = contact.includes("@")
    ? a.email?.trim().toLowerCase() === contact.toLowerCase()
    : Boolean(a.phone) && /\d/.test(contact) && toInternational(a.phone!) === toInternational(contact);
  if (!matches) return null;
  return details(db, municipalityId, a, now);
}

// ---------------------------------------------------------------------------------------------
// Staff at the desk: agenda, check-in, no-show, walk-in
// ---------------------------------------------------------------------------------------------

export interface AgendaRow {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  channel: AppointmentChannel;
  typeName: Translated | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
  language: string;
  code: string;
}

/** The appointments of one help point on one Brussels date; the view is audit-logged (names and phone numbers). */
export async function dayAgenda(db: Db, actor: Actor, municipalityId: string, helpPointId: string, date: string): Promise<AgendaRow[]> {
  const from = brusselsInstant(date, 0);
  const to = brusselsInstant(addDaysTo(date, 1), 0);
  const rows = await db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      channel: appointments.channel,
      typeName: appointmentTypes.name,
      name: appointments.name,
      phone: appointments.phone,
      email: appointments.email,
      note: appointments.note,
      language: appointments.language,
      code: appointments.code,
    })
    .from(appointments)
    .leftJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .where(
      and(
        eq(appointments.municipalityId, municipalityId),
        eq(appointments.helpPointId, helpPointId),
        gte(appointments.startsAt, from),
        lt(appointments.startsAt, to),
        isNull(appointments.erasedAt),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.createdAt));
  await recordAudit(db, { actor, municipalityId, action: "appointment.view_agenda", entityType: "help_point", entityId: helpPointId, after: { date, count: rows.length } });
  return rows;
}

export type DeskError = "unknown" | "not_active";

/** Check someone in, or mark them as not come. Only from "booked"; conditional UPDATE, so twice is harmless. */
export async function setAttendance(
  db: Db,
  municipalityId: string,
  helpPointId: string,
  appointmentId: string,
  status: "checked_in" | "no_show",
  actor: Actor,
  now: Date = new Date(),
): Promise<{ ok: true } | { ok: false; error: DeskError }> {
  if (!isUuid(appointmentId)) return { ok: false, error: "unknown" };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(appointments)
      .set({ status, checkedInAt: status === "checked_in" ? now : null, lastActivityAt: now })
      .where(
        and(
          eq(appointments.id, appointmentId),
          eq(appointments.municipalityId, municipalityId),
          eq(appointments.helpPointId, helpPointId),
          eq(appointments.status, "booked"),
          isNull(appointments.erasedAt),
        ),
      )
      .returning({ id: appointments.id });
    if (!row) {
      const [exists] = await tx.select({ id: appointments.id }).from(appointments).where(and(eq(appointments.id, appointmentId), eq(appointments.helpPointId, helpPointId)));
      return { ok: false, error: exists ? "not_active" : "unknown" } as const;
    }
    await recordAudit(tx, { actor, municipalityId, action: status === "checked_in" ? "appointment.check_in" : "appointment.no_show", entityType: "appointment", entityId: row.id });
    return { ok: true } as const;
  });
}

export interface WalkInInput {
  municipalityId: string;
  helpPointId: string;
  appointmentTypeId?: string | null;
  name?: string | null;
  note?: string | null;
  language: string;
}

/** Someone walks in without an appointment: checked in at once, no slot. */
export async function addWalkIn(db: Db, input: WalkInInput, actor: Actor, now: Date = new Date()): Promise<{ ok: true; appointmentId: string } | { ok: false; error: "unknown" }> {
  let type: { id: string; topicId: string | null; durationMinutes: number } | undefined;
  if (input.appointmentTypeId) {
    [type] = await db
      .select({ id: appointmentTypes.id, topicId: appointmentTypes.topicId, durationMinutes: appointmentTypes.durationMinutes })
      .from(appointmentTypes)
      .where(and(eq(appointmentTypes.id, input.appointmentTypeId), eq(appointmentTypes.helpPointId, input.helpPointId)));
    if (!type) return { ok: false, error: "unknown" };
  }
  const [point] = await db
    .select({ id: helpPoints.id })
    .from(helpPoints)
    .where(and(eq(helpPoints.id, input.helpPointId), eq(helpPoints.municipalityId, input.municipalityId)));
  if (!point) return { ok: false, error: "unknown" };
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(appointments)
          .values({
            municipalityId: input.municipalityId,
            helpPointId: input.helpPointId,
            appointmentTypeId: type?.id ?? null,
            slotId: null,
            startsAt: now,
            endsAt: new Date(now.getTime() + (type?.durationMinutes ?? 30) * 60_000),
            topicId: type?.topicId ?? null,
            status: "checked_in",
            channel: "walk_in",
            name: input.name?.trim() || null,
            note: input.note?.trim() || null,
            language: input.language,
            code: newCode(),
            manageTokenHash: newToken().hash,
            bookedByUserId: actor.id,
            checkedInAt: now,
            lastActivityAt: now,
            createdAt: now,
          })
          .returning({ id: appointments.id });
        await recordAudit(tx, { actor, municipalityId: input.municipalityId, action: "appointment.walk_in", entityType: "appointment", entityId: row.id, after: { helpPointId: input.helpPointId } });
        return { ok: true as const, appointmentId: row.id };
      });
    } catch (error) {
      const pg = pgError(error);
      if (pg.code === "23505" && pg.constraint === "appointment_code" && attempt < 3) continue;
      throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reminder the day before (job)
// ---------------------------------------------------------------------------------------------


/**
 * Every minute: a reminder to everyone with a booked appointment tomorrow (Brussels time), once:
 * reminder_sent_at is set by a conditional UPDATE … RETURNING in the transaction that writes the message.
 */
export async function sendAppointmentReminders(db: Db, now: Date = new Date(), options: { baseUrl?: string } = {}) {
  const baseUrl = options.baseUrl ?? appBaseUrl();
  if (!isReminderTime(now)) return { sent: 0 };
  const { from, to } = tomorrowInBrussels(now);
  const due = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.status, "booked"),
        isNull(appointments.reminderSentAt),
        isNull(appointments.erasedAt),
        gte(appointments.startsAt, from),
        lt(appointments.startsAt, to),
        or(sql`${appointments.phone} IS NOT NULL`, sql`${appointments.email} IS NOT NULL`),
      ),
    );
  let sent = 0;
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      const [a] = await tx
        .update(appointments)
        .set({ reminderSentAt: now })
        .where(and(eq(appointments.id, id), eq(appointments.status, "booked"), isNull(appointments.reminderSentAt)))
        .returning();
      if (!a || !a.appointmentTypeId) return false;
      const ctx = await loadTypeContext(tx, a.appointmentTypeId, now);
      if (!ctx) return false;
      await sendMessage(tx, ctx, a, "appointment_reminder", { token: await addLink(tx, a.id, "reminder"), baseUrl });
      return true;
    });
    if (done) sent++;
  }
  return { sent };
}

// ---------------------------------------------------------------------------------------------
// Reading for the public booking steps
// ---------------------------------------------------------------------------------------------

export interface BookableType {
  id: string;
  name: Translated;
  durationMinutes: number;
  topicId: string | null;
  helpPointId: string;
  pointName: string;
  pointAddress: string;
}

/** Active appointment types (with a plan) at active help points of a municipality; optionally one topic or point. */
export async function listBookableTypes(db: Db, municipalityId: string, filter: { topicId?: string | null; helpPointId?: string } = {}): Promise<BookableType[]> {
  const rows = await db
    .select({
      id: appointmentTypes.id,
      name: appointmentTypes.name,
      durationMinutes: appointmentTypes.durationMinutes,
      topicId: appointmentTypes.topicId,
      helpPointId: helpPoints.id,
      pointName: helpPoints.name,
      street: helpPoints.street,
      postcode: helpPoints.postcode,
      city: helpPoints.city,
    })
    .from(appointmentTypes)
    .innerJoin(helpPoints, eq(helpPoints.id, appointmentTypes.helpPointId))
    .where(
      and(
        eq(appointmentTypes.municipalityId, municipalityId),
        eq(appointmentTypes.active, true),
        eq(helpPoints.active, true),
        sql`exists (select 1 from appointment_plan_blocks b where b.appointment_type_id = ${appointmentTypes.id})`,
        filter.topicId === null ? isNull(appointmentTypes.topicId) : filter.topicId ? eq(appointmentTypes.topicId, filter.topicId) : undefined,
        filter.helpPointId ? eq(helpPoints.id, filter.helpPointId) : undefined,
      ),
    )
    .orderBy(asc(helpPoints.name), asc(sql`${appointmentTypes.name}->>'nl'`));
  return rows.map((r) => ({ ...r, pointAddress: `${r.street}, ${r.postcode} ${r.city}` }));
}

/** Topics that have at least one bookable type, in the municipality's order; `other` when a type has no topic. */
export async function listBookableTopics(db: Db, municipalityId: string): Promise<{ topics: { id: string; name: Translated; icon: string }[]; other: boolean }> {
  const types = await listBookableTypes(db, municipalityId);
  const ids = [...new Set(types.map((t) => t.topicId).filter((id): id is string => id !== null))];
  const rows = ids.length
    ? await db.select({ id: topics.id, name: topics.name, icon: topics.icon }).from(topics).where(inArray(topics.id, ids)).orderBy(asc(topics.position))
    : [];
  return { topics: rows, other: types.some((t) => t.topicId === null) };
}

/** Whether a help point has active appointment types (the "make an appointment" link on its page). */
export async function pointTakesAppointments(db: Db, municipalityId: string, helpPointId: string): Promise<boolean> {
  if (!isUuid(helpPointId)) return false;
  return (await listBookableTypes(db, municipalityId, { helpPointId })).length > 0;
}
