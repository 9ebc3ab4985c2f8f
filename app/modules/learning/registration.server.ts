/**
 * Registration for a course run, without an account: a code and a secret manage link.
 *
 * Capacity: every change locks the run row (SELECT … FOR UPDATE) and keeps `course_runs.registered_count` in the
 * same transaction; the database refuses a count above the capacity, so concurrent registrations never overfill a
 * run. A place offered to someone on the waiting list is held: free places = capacity − registered − offered.
 * Waiting list: first come, first served (waiting_since, set after the lock so it follows the lock order); a freed
 * place is offered to the first person in line with a deadline (the run's offer_hours), accepted with one tap,
 * and passed on to the next person when the deadline passes (job expireOffers).
 * Every message is written to the outbox in the transaction that causes it.
 */
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "~/db/client.server";
import {
  courseRuns,
  courses,
  courseSessions,
  helpPoints,
  municipalities,
  registrationLinks,
  registrations,
  type Translated,
} from "~/db/schema";
import { DEFAULT_LANGUAGE, isLanguage, translated } from "~/i18n/languages";
import { recordAudit } from "~/modules/auth/audit.server";
import { enqueueMessage, toInternational } from "~/modules/notifications/outbox.server";
import { freePlaces, IS_CLASS_WORKSHOP, OFFERED_COUNT, WAITING_COUNT } from "./places.server";
import { formatClock, formatDateTime } from "./registration-format";
import { isMobileNumber } from "./registration-schema";
import { normaliseCode } from "~/modules/shared/codes";
import { appBaseUrl, contactKey, hashToken, isTokenFormat, newCode, newToken, pgError } from "~/modules/shared/secrets.server";
import { isReminderTime, tomorrowInBrussels } from "~/modules/shared/reminders";

export type RegistrationStatus = (typeof registrations.$inferSelect)["status"];
export type Registration = typeof registrations.$inferSelect;

export interface Actor {
  id: string;
  email: string;
}

export interface RegistrationInput {
  runId: string;
  municipalityId: string;
  name: string;
  phone?: string | null;
  email?: string | null;
  language: string;
  needs?: string[];
  uitpasNumber?: string | null;
  department?: string | null;
}

export interface RegisterOptions {
  /** The staff member who registers the person at the desk (audited when `actor` is given). */
  byUserId?: string | null;
  actor?: Actor | null;
  /** When the run is full: put the person on the waiting list instead of refusing. */
  joinWaitlistIfFull?: boolean;
  /** Staff add someone who walks in to a run that already started (attendance): no "past" refusal; the capacity holds. */
  walkIn?: boolean;
  now?: Date;
  /** scheme://host for the links in messages; see appBaseUrl(). */
  baseUrl?: string;
}

export type RegisterResult =
  | { ok: true; status: "registered" | "waiting"; registrationId: string; code: string; manageToken: string; position?: number }
  | { ok: false; error: "full" | "duplicate" | "past" | "cancelled" | "unknown" };

interface ChangeOptions {
  actor?: Actor | null;
  baseUrl?: string;
}

// ---------------------------------------------------------------------------------------------
// Codes, tokens, links
// ---------------------------------------------------------------------------------------------

export function managePath(municipalitySlug: string, lang: string, token: string): string {
  return `/${municipalitySlug}/${lang}/inschrijving/${token}`;
}

// ---------------------------------------------------------------------------------------------
// The run, locked
// ---------------------------------------------------------------------------------------------

interface LockedRun {
  id: string;
  isClassWorkshop: boolean;
  courseId: string;
  capacity: number;
  offerHours: number;
  cancelled: boolean;
  municipalityId: string;
  municipalitySlug: string;
  municipalityPhone: string;
  municipalityLanguages: string[];
  courseTitle: Translated;
  placeName: string | null;
}

type Tx = Db;

/** What the registration code needs to know about a run, with its course, place and municipality. */
const RUN_FIELDS = {
  id: courseRuns.id,
  courseId: courseRuns.courseId,
  capacity: courseRuns.capacity,
  offerHours: courseRuns.offerHours,
  cancelled: courseRuns.cancelled,
  municipalityId: courses.municipalityId,
  municipalitySlug: municipalities.slug,
  municipalityPhone: municipalities.phone,
  municipalityLanguages: municipalities.languages,
  courseTitle: courses.title,
  placeName: sql<string | null>`coalesce(${helpPoints.name}, ${courseRuns.venue})`,
  isClassWorkshop: IS_CLASS_WORKSHOP,
};

async function lockRun(tx: Tx, runId: string): Promise<LockedRun | null> {
  if (!isUuid(runId)) return null;
  const [run] = await tx
    .select(RUN_FIELDS)
    .from(courseRuns)
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .innerJoin(municipalities, eq(municipalities.id, courses.municipalityId))
    .leftJoin(helpPoints, eq(helpPoints.id, courseRuns.helpPointId))
    .where(eq(courseRuns.id, runId))
    .for("update", { of: courseRuns });
  return run ?? null;
}

interface RunState {
  registeredCount: number;
  firstStart: Date | null;
  offered: number;
  waiting: number;
}

/** Read after the lock, in a statement of its own, so it sees every change committed before the lock was granted. */
async function runState(tx: Tx, runId: string): Promise<RunState> {
  const [row] = await tx
    .select({
      registeredCount: courseRuns.registeredCount,
      firstStart: FIRST_START,
      offered: OFFERED_COUNT,
      waiting: WAITING_COUNT,
    })
    .from(courseRuns)
    .where(eq(courseRuns.id, runId));
  return {
    registeredCount: row.registeredCount,
    firstStart: row.firstStart ? new Date(row.firstStart) : null,
    offered: Number(row.offered),
    waiting: Number(row.waiting),
  };
}

// Correlated subqueries on the run, written out: Drizzle leaves columns unqualified in a single-table select.
const FIRST_START = sql<string | Date | null>`(select min(s.starts_at) from course_sessions s where s.run_id = course_runs.id)`;

/** A Date as a parameter in raw SQL (postgres.js does not take Date objects there). */
const timestamp = (value: Date) => sql`${value.toISOString()}::timestamptz`;

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

interface MessageTarget {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  language: string;
  code: string;
}

async function sendMessage(
  tx: Tx,
  run: LockedRun,
  person: MessageTarget,
  template: string,
  extra: { token?: string; firstStart?: Date | null; deadline?: Date; position?: number; baseUrl: string },
): Promise<number> {
  const lang = isLanguage(person.language) ? person.language : DEFAULT_LANGUAGE;
  const linkLang = run.municipalityLanguages.includes(lang) ? lang : (run.municipalityLanguages[0] ?? DEFAULT_LANGUAGE);
  const params: Record<string, string | number> = {
    name: person.name,
    code: person.code,
    course: translated(run.courseTitle, lang),
    place: run.placeName ?? "",
    phone: run.municipalityPhone,
    date: extra.firstStart ? formatDateTime(extra.firstStart, lang) : "",
    time: extra.firstStart ? formatClock(extra.firstStart, lang) : "",
    link: extra.token ? `${extra.baseUrl}${managePath(run.municipalitySlug, linkLang, extra.token)}` : `${extra.baseUrl}/${run.municipalitySlug}/${linkLang}/cursussen`,
    findLink: `${extra.baseUrl}/${run.municipalitySlug}/${linkLang}/inschrijving`,
  };
  if (extra.deadline) params.deadline = formatDateTime(extra.deadline, lang);
  if (extra.position !== undefined) params.position = extra.position;
  return enqueueMessage(tx, {
    municipalityId: run.municipalityId,
    // An SMS only reaches a mobile number; a landline gets nothing, so the e-mail is used then.
    to: { phone: person.phone && isMobileNumber(person.phone) ? person.phone : null, email: person.email },
    language: lang,
    template,
    params,
    subjectRef: `registration:${person.id}`,
  });
}

/** A new secret link to a registration; every earlier link keeps working. */
async function addLink(tx: Tx, registrationId: string, purpose: "offer" | "reminder" | "code" | "staff" | "moved"): Promise<string> {
  const { token, hash } = newToken();
  await tx.insert(registrationLinks).values({ tokenHash: hash, registrationId, purpose });
  return token;
}

// ---------------------------------------------------------------------------------------------
// Register
// ---------------------------------------------------------------------------------------------

export async function registerForRun(db: Db, input: RegistrationInput, options: RegisterOptions = {}): Promise<RegisterResult> {
  const now = options.now ?? new Date();
  const baseUrl = options.baseUrl ?? appBaseUrl();
  // A new code collides once in a billion: try again with another one.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const run = await lockRun(tx, input.runId);
        if (!run || run.municipalityId !== input.municipalityId) return { ok: false, error: "unknown" } as const;
        // A class workshop is for one school's pupils: only staff add people to it.
        if (run.isClassWorkshop && !options.byUserId && !options.actor) return { ok: false, error: "unknown" } as const;
        if (run.cancelled) return { ok: false, error: "cancelled" } as const;
        const state = await runState(tx, run.id);
        if (state.firstStart && state.firstStart <= now && !(options.walkIn && options.actor)) return { ok: false, error: "past" } as const;

        // Nobody jumps the queue: places that are free while people wait go to them first.
        let free = run.capacity - state.registeredCount - state.offered;
        let waitingAhead = state.waiting;
        if (free > 0 && state.waiting > 0) {
          const offers = await offerFreePlaces(tx, run, now, baseUrl);
          free -= offers;
          waitingAhead -= offers;
        }
        const status = free > 0 ? ("registered" as const) : ("waiting" as const);
        if (status === "waiting" && !options.joinWaitlistIfFull) return { ok: false, error: "full" } as const;

        const code = newCode();
        const { token, hash } = newToken();
        const phone = input.phone?.trim() || null;
        const email = input.email?.trim() || null;
        const [row] = await tx
          .insert(registrations)
          .values({
            runId: run.id,
            status,
            name: input.name.trim(),
            phone,
            email,
            contactKey: contactKey({ name: input.name, phone, email }),
            language: input.language,
            needs: input.needs ?? [],
            uitpasNumber: input.uitpasNumber || null,
            department: input.department || null,
            code,
            manageTokenHash: hash,
            // After the lock, and strictly after everyone before: the order of the waiting list is the lock order.
            waitingSince:
              status === "waiting"
                ? sql`greatest(clock_timestamp(), (select max(w.waiting_since) + interval '1 microsecond' from registrations w where w.run_id = ${run.id}))`
                : null,
            registeredByUserId: options.actor?.id ?? options.byUserId ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: registrations.id, waitingSince: registrations.waitingSince });
        if (status === "registered") {
          await tx
            .update(courseRuns)
            .set({ registeredCount: sql`${courseRuns.registeredCount} + 1` })
            .where(eq(courseRuns.id, run.id));
        }
        const position = status === "waiting" ? waitingAhead + 1 : undefined;
        await sendMessage(
          tx,
          run,
          { id: row.id, name: input.name.trim(), phone, email, language: input.language, code },
          status === "registered" ? "registration_confirmed" : "registration_waiting",
          { token, firstStart: state.firstStart, position, baseUrl },
        );
        if (options.actor) {
          await recordAudit(tx, {
            actor: options.actor,
            municipalityId: run.municipalityId,
            action: "register",
            entityType: "registration",
            entityId: row.id,
            after: { runId: run.id, status },
          });
        }
        return { ok: true, status, registrationId: row.id, code, manageToken: token, position } as const;
      });
    } catch (error) {
      const pg = pgError(error);
      if (pg.code === "23505" && pg.constraint === "registration_once_per_run") return { ok: false, error: "duplicate" };
      if (pg.code === "23505" && pg.constraint === "registration_code" && attempt < 3) continue;
      throw error;
    }
  }
}

/**
 * Offer the free places of a locked run to the first people on its waiting list. Returns how many offers were made.
 * No offers once the run has started; the deadline is the run's offer_hours, at the latest the first session.
 */
async function offerFreePlaces(tx: Tx, run: LockedRun, now: Date, baseUrl: string): Promise<number> {
  if (run.cancelled) return 0;
  const state = await runState(tx, run.id);
  if (state.firstStart && state.firstStart <= now) return 0;
  const free = run.capacity - state.registeredCount - state.offered;
  if (free <= 0 || state.waiting === 0) return 0;
  const next = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.runId, run.id), eq(registrations.status, "waiting")))
    .orderBy(asc(registrations.waitingSince), asc(registrations.id))
    .limit(free);
  let deadline = new Date(now.getTime() + run.offerHours * 3600_000);
  if (state.firstStart && state.firstStart < deadline) deadline = state.firstStart;
  for (const person of next) {
    await tx
      .update(registrations)
      .set({ status: "offered", offerExpiresAt: deadline, updatedAt: now })
      .where(eq(registrations.id, person.id));
    const token = await addLink(tx, person.id, "offer");
    await sendMessage(tx, run, person, "registration_offer", { token, firstStart: state.firstStart, deadline, baseUrl });
  }
  return next.length;
}

/** Lock the run of a registration, then the registration itself; follows a concurrent move. */
async function lockRegistration(tx: Tx, registrationId: string): Promise<{ run: LockedRun; registration: Registration } | null> {
  if (!isUuid(registrationId)) return null;
  for (let i = 0; i < 3; i++) {
    const [current] = await tx.select({ runId: registrations.runId }).from(registrations).where(eq(registrations.id, registrationId));
    if (!current) return null;
    const run = await lockRun(tx, current.runId);
    if (!run) return null;
    const [registration] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for("update");
    if (!registration) return null;
    if (registration.runId === run.id) return { run, registration };
  }
  throw new Error("registration keeps moving between runs");
}

function audit(tx: Tx, actor: Actor | null | undefined, run: LockedRun, action: string, registration: Registration, after: Record<string, unknown>) {
  if (!actor) return Promise.resolve();
  return recordAudit(tx, {
    actor,
    municipalityId: run.municipalityId,
    action,
    entityType: "registration",
    entityId: registration.id,
    before: { runId: registration.runId, status: registration.status },
    after,
  });
}

// ---------------------------------------------------------------------------------------------
// Cancel, leave the list, accept an offer
// ---------------------------------------------------------------------------------------------

export type CancelResult = { ok: true; previous: RegistrationStatus } | { ok: false; error: "unknown" | "not-active" };

/**
 * Cancel a registration (the place goes to the first person waiting, in the same transaction) or leave the
 * waiting list (an offered person who leaves passes the offer on).
 */
export async function cancelRegistration(db: Db, registrationId: string, now: Date = new Date(), options: ChangeOptions = {}): Promise<CancelResult> {
  const baseUrl = options.baseUrl ?? appBaseUrl();
  return db.transaction(async (tx) => {
    const locked = await lockRegistration(tx, registrationId);
    if (!locked) return { ok: false, error: "unknown" } as const;
    const { run, registration } = locked;
    const previous = registration.status;
    if (previous !== "registered" && previous !== "waiting" && previous !== "offered") return { ok: false, error: "not-active" } as const;
    await tx
      .update(registrations)
      .set({ status: "cancelled", offerExpiresAt: null, updatedAt: now })
      .where(eq(registrations.id, registration.id));
    if (previous === "registered") {
      await tx
        .update(courseRuns)
        .set({ registeredCount: sql`${courseRuns.registeredCount} - 1` })
        .where(eq(courseRuns.id, run.id));
    }
    await sendMessage(tx, run, registration, previous === "registered" ? "registration_cancelled" : "waitlist_left", { baseUrl });
    if (previous !== "waiting") await offerFreePlaces(tx, run, now, baseUrl);
    await audit(tx, options.actor, run, "cancel", registration, { runId: run.id, status: "cancelled" });
    return { ok: true, previous } as const;
  });
}

const ACTIVE_STATUSES: RegistrationStatus[] = ["registered", "offered", "waiting"];

/**
 * Staff cancel a whole run (catalogue cancelRun calls this inside its transaction, before it marks the run
 * cancelled): every active registration is cancelled, the count goes back to 0, and each person gets a message
 * (SMS to a mobile number, else e-mail). Locks the run first, like every registration change, so a registration
 * made at the same moment is either cancelled here or refused as cancelled. Null when the run is already cancelled.
 */
export async function cancelRegistrationsOfRun(
  tx: Tx,
  runId: string,
  now: Date = new Date(),
  baseUrl: string = appBaseUrl(),
): Promise<{ cancelled: number; notified: number } | null> {
  const run = await lockRun(tx, runId);
  if (!run || run.cancelled) return null;
  const { firstStart } = await runState(tx, runId);
  const cancelled = await tx
    .update(registrations)
    .set({ status: "cancelled", offerExpiresAt: null, updatedAt: now })
    .where(and(eq(registrations.runId, runId), inArray(registrations.status, ACTIVE_STATUSES)))
    .returning();
  await tx.update(courseRuns).set({ registeredCount: 0 }).where(eq(courseRuns.id, runId));
  let notified = 0;
  for (const registration of cancelled) notified += await sendMessage(tx, run, registration, "runCancelled", { firstStart, baseUrl });
  return { cancelled: cancelled.length, notified };
}

/** Per run: how many active registrations there are, and how many of those have no mobile number and no e-mail. */
export async function activeContactCounts(db: Db, runIds: string[]): Promise<Map<string, { active: number; unreachable: number }>> {
  const counts = new Map<string, { active: number; unreachable: number }>();
  if (runIds.length === 0) return counts;
  const rows = await db
    .select({ runId: registrations.runId, phone: registrations.phone, email: registrations.email })
    .from(registrations)
    .where(and(inArray(registrations.runId, runIds), inArray(registrations.status, ACTIVE_STATUSES)));
  for (const row of rows) {
    const count = counts.get(row.runId) ?? { active: 0, unreachable: 0 };
    count.active++;
    if (!(row.phone && isMobileNumber(row.phone)) && !row.email) count.unreachable++;
    counts.set(row.runId, count);
  }
  return counts;
}

export type AcceptResult = { ok: true } | { ok: false; error: "unknown" | "not-offered" | "expired" | "full" };

/** Take the offered place: one tap, before the deadline. After the deadline nothing changes. */
export async function acceptOffer(db: Db, registrationId: string, now: Date = new Date(), options: ChangeOptions = {}): Promise<AcceptResult> {
  const baseUrl = options.baseUrl ?? appBaseUrl();
  try {
    return await db.transaction(async (tx) => {
      const locked = await lockRegistration(tx, registrationId);
      if (!locked) return { ok: false, error: "unknown" } as const;
      const { run, registration } = locked;
      if (registration.status !== "offered") return { ok: false, error: registration.status === "expired" ? "expired" : "not-offered" } as const;
      if (!registration.offerExpiresAt || registration.offerExpiresAt <= now) return { ok: false, error: "expired" } as const;
      await tx
        .update(registrations)
        .set({ status: "registered", offerExpiresAt: null, updatedAt: now })
        .where(eq(registrations.id, registration.id));
      await tx
        .update(courseRuns)
        .set({ registeredCount: sql`${courseRuns.registeredCount} + 1` })
        .where(eq(courseRuns.id, run.id));
      const state = await runState(tx, run.id);
      await sendMessage(tx, run, registration, "registration_accepted", { firstStart: state.firstStart, baseUrl });
      return { ok: true } as const;
    });
  } catch (error) {
    // The capacity was lowered below the places already given: the database refuses, nothing changes.
    if (pgError(error).code === "23514") return { ok: false, error: "full" };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Staff: move between runs
// ---------------------------------------------------------------------------------------------

export type MoveResult =
  | { ok: true }
  | { ok: false; error: "unknown" | "not-active" | "same-run" | "other-course" | "full" | "past" | "cancelled" | "duplicate" };

/**
 * Move a person (registered, waiting or offered) to a place in another run of the same course. The place they
 * leave goes to the first person waiting there. Both runs are locked in a fixed order, so two moves cannot deadlock.
 */
export async function moveRegistration(
  db: Db,
  registrationId: string,
  toRunId: string,
  actor: Actor | null,
  options: { now?: Date; baseUrl?: string } = {},
): Promise<MoveResult> {
  const now = options.now ?? new Date();
  const baseUrl = options.baseUrl ?? appBaseUrl();
  if (!isUuid(registrationId) || !isUuid(toRunId)) return { ok: false, error: "unknown" };
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select({ runId: registrations.runId }).from(registrations).where(eq(registrations.id, registrationId));
      if (!current) return { ok: false, error: "unknown" } as const;
      if (current.runId === toRunId) return { ok: false, error: "same-run" } as const;
      const [firstId, secondId] = [current.runId, toRunId].sort();
      const first = await lockRun(tx, firstId);
      const second = await lockRun(tx, secondId);
      const from = first?.id === current.runId ? first : second;
      const to = first?.id === toRunId ? first : second;
      if (!from || !to) return { ok: false, error: "unknown" } as const;
      const [registration] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for("update");
      if (!registration || registration.runId !== from.id) return { ok: false, error: "unknown" } as const;
      if (to.courseId !== from.courseId) return { ok: false, error: "other-course" } as const;
      if (!["registered", "waiting", "offered"].includes(registration.status)) return { ok: false, error: "not-active" } as const;
      if (to.cancelled) return { ok: false, error: "cancelled" } as const;
      const target = await runState(tx, to.id);
      if (target.firstStart && target.firstStart <= now) return { ok: false, error: "past" } as const;
      if (to.capacity - target.registeredCount - target.offered <= 0 || target.waiting > 0) return { ok: false, error: "full" } as const;

      await tx
        .update(registrations)
        .set({ runId: to.id, status: "registered", offerExpiresAt: null, reminderSentAt: null, updatedAt: now })
        .where(eq(registrations.id, registration.id));
      await tx
        .update(courseRuns)
        .set({ registeredCount: sql`${courseRuns.registeredCount} + 1` })
        .where(eq(courseRuns.id, to.id));
      if (registration.status === "registered") {
        await tx
          .update(courseRuns)
          .set({ registeredCount: sql`${courseRuns.registeredCount} - 1` })
          .where(eq(courseRuns.id, from.id));
      }
      if (registration.status !== "waiting") await offerFreePlaces(tx, from, now, baseUrl);
      const token = await addLink(tx, registration.id, "moved");
      await sendMessage(tx, to, registration, "registration_moved", { token, firstStart: target.firstStart, baseUrl });
      await audit(tx, actor, from, "move", registration, { runId: to.id, status: "registered" });
      return { ok: true } as const;
    });
  } catch (error) {
    const pg = pgError(error);
    if (pg.code === "23505" && pg.constraint === "registration_once_per_run") return { ok: false, error: "duplicate" };
    if (pg.code === "23514") return { ok: false, error: "full" };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Jobs
// ---------------------------------------------------------------------------------------------

/**
 * Every minute: offers past their deadline expire and pass to the next person; free places with people waiting
 * (after a capacity change) are offered; the waiting list of a run that started is closed with a message.
 * Safe in several app instances at once: each run is handled under its row lock and re-read there.
 */
export async function expireOffers(db: Db, now: Date = new Date(), options: { baseUrl?: string } = {}) {
  const baseUrl = options.baseUrl ?? appBaseUrl();
  const candidates = await db
    .selectDistinct({ runId: registrations.runId })
    .from(registrations)
    .innerJoin(courseRuns, eq(courseRuns.id, registrations.runId))
    .where(
      or(
        and(eq(registrations.status, "offered"), lte(registrations.offerExpiresAt, now)),
        and(
          eq(registrations.status, "waiting"),
          eq(courseRuns.cancelled, false),
          or(
            sql`${FIRST_START} <= ${timestamp(now)}`,
            sql`course_runs.capacity > course_runs.registered_count + ${OFFERED_COUNT}`,
          ),
        ),
      ),
    );
  let expired = 0;
  let offered = 0;
  let closed = 0;
  for (const { runId } of candidates) {
    const result = await db.transaction(async (tx) => {
      const run = await lockRun(tx, runId);
      if (!run) return { expired: 0, offered: 0, closed: 0 };
      const late = await tx
        .update(registrations)
        .set({ status: "expired", offerExpiresAt: null, updatedAt: now })
        .where(and(eq(registrations.runId, runId), eq(registrations.status, "offered"), lte(registrations.offerExpiresAt, now)))
        .returning();
      for (const person of late) await sendMessage(tx, run, person, "registration_offer_expired", { baseUrl });
      const made = await offerFreePlaces(tx, run, now, baseUrl);
      const state = await runState(tx, runId);
      let shut: Registration[] = [];
      if (state.firstStart && state.firstStart <= now) {
        shut = await tx
          .update(registrations)
          .set({ status: "expired", updatedAt: now })
          .where(and(eq(registrations.runId, runId), eq(registrations.status, "waiting")))
          .returning();
        for (const person of shut) await sendMessage(tx, run, person, "waitlist_closed", { baseUrl });
      }
      return { expired: late.length, offered: made, closed: shut.length };
    });
    expired += result.expired;
    offered += result.offered;
    closed += result.closed;
  }
  return { expired, offered, closed };
}


/**
 * Every minute: a reminder to everyone registered for a run whose first session is tomorrow (Brussels time),
 * once: reminder_sent_at is set in the same transaction, and only where it was still empty.
 */
export async function sendCourseReminders(db: Db, now: Date = new Date(), options: { baseUrl?: string } = {}) {
  const baseUrl = options.baseUrl ?? appBaseUrl();
  if (!isReminderTime(now)) return { sent: 0 };
  const { from, to } = tomorrowInBrussels(now);
  const due = await db
    .select({ id: registrations.id, runId: registrations.runId })
    .from(registrations)
    .innerJoin(courseRuns, eq(courseRuns.id, registrations.runId))
    .where(
      and(
        eq(registrations.status, "registered"),
        isNull(registrations.reminderSentAt),
        eq(courseRuns.cancelled, false),
        sql`${FIRST_START} >= ${timestamp(from)} and ${FIRST_START} < ${timestamp(to)}`,
      ),
    );
  let sent = 0;
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      const [person] = await tx
        .update(registrations)
        .set({ reminderSentAt: now })
        .where(and(eq(registrations.id, id), eq(registrations.status, "registered"), isNull(registrations.reminderSentAt)))
        .returning();
      if (!person) return false;
      const run = await runContext(tx, person.runId);
      if (!run) return false;
      const state = await runState(tx, run.id);
      const token = await addLink(tx, person.id, "reminder");
      await sendMessage(tx, run, person, "course_reminder", { token, firstStart: state.firstStart, baseUrl });
      return true;
    });
    if (done) sent++;
  }
  return { sent };
}

/** The run's details for a message, without a lock. */
async function runContext(db: Db, runId: string): Promise<LockedRun | null> {
  const [run] = await db
    .select(RUN_FIELDS)
    .from(courseRuns)
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .innerJoin(municipalities, eq(municipalities.id, courses.municipalityId))
    .leftJoin(helpPoints, eq(helpPoints.id, courseRuns.helpPointId))
    .where(eq(courseRuns.id, runId));
  return run ?? null;
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** 1 for the first person in line; null when the person is not waiting. */
export async function waitingPosition(db: Db, registrationId: string): Promise<number | null> {
  if (!isUuid(registrationId)) return null;
  // Compared in SQL: waiting_since has microseconds, a JavaScript Date only milliseconds.
  const me = alias(registrations, "me");
  const [row] = await db
    .select({
      status: me.status,
      ahead: sql<number>`(select count(*)::int from registrations r where r.run_id = me.run_id and r.status = 'waiting' and (r.waiting_since, r.id) < (me.waiting_since, me.id))`,
    })
    .from(me)
    .where(eq(me.id, registrationId));
  if (!row || row.status !== "waiting") return null;
  return Number(row.ahead) + 1;
}

export interface RunPlace {
  helpPointId: string | null;
  name: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  venue: string | null;
}

export interface RunOverview {
  course: {
    id: string;
    municipalityId: string;
    title: Translated;
    description: Translated | null;
    priceCents: number;
    uitpasPriceCents: number | null;
    audiences: string[];
    mode: "in_person" | "online";
    published: boolean;
  };
  run: { id: string; capacity: number; registeredCount: number; offerHours: number; cancelled: boolean };
  place: RunPlace;
  sessions: { id: string; startsAt: Date; endsAt: Date }[];
  /** Places a new person can take now (capacity − registered − offered; 0 while people wait). */
  freePlaces: number;
  waiting: number;
  offered: number;
  /** The first session has begun: registration is closed. */
  started: boolean;
  /** The last session has ended. */
  finished: boolean;
}

/** A run of a course in a municipality, for the registration page and the staff list; null when it is not there. */
export async function getRunOverview(db: Db, municipalityId: string, courseId: string, runId: string, now: Date = new Date()): Promise<RunOverview | null> {
  if (!isUuid(courseId) || !isUuid(runId)) return null;
  const [row] = await db
    .select({
      course: {
        id: courses.id,
        municipalityId: courses.municipalityId,
        title: courses.title,
        description: courses.description,
        priceCents: courses.priceCents,
        uitpasPriceCents: courses.uitpasPriceCents,
        audiences: courses.audiences,
        mode: courses.mode,
        published: courses.published,
      },
      run: {
        id: courseRuns.id,
        capacity: courseRuns.capacity,
        registeredCount: courseRuns.registeredCount,
        offerHours: courseRuns.offerHours,
        cancelled: courseRuns.cancelled,
      },
      place: {
        helpPointId: helpPoints.id,
        name: helpPoints.name,
        street: helpPoints.street,
        postcode: helpPoints.postcode,
        city: helpPoints.city,
        venue: courseRuns.venue,
      },
      offered: OFFERED_COUNT,
      waiting: WAITING_COUNT,
    })
    .from(courseRuns)
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .leftJoin(helpPoints, eq(helpPoints.id, courseRuns.helpPointId))
    .where(and(eq(courseRuns.id, runId), eq(courseRuns.courseId, courseId), eq(courses.municipalityId, municipalityId)));
  if (!row) return null;
  const sessions = await db
    .select({ id: courseSessions.id, startsAt: courseSessions.startsAt, endsAt: courseSessions.endsAt })
    .from(courseSessions)
    .where(eq(courseSessions.runId, runId))
    .orderBy(asc(courseSessions.startsAt));
  const offered = Number(row.offered);
  const waiting = Number(row.waiting);
  const started = sessions.length > 0 && sessions[0].startsAt <= now;
  return {
    course: row.course,
    run: row.run,
    place: row.place,
    sessions,
    offered,
    waiting,
    freePlaces: freePlaces({ ...row.run, offered, waiting }),
    started,
    finished: sessions.length > 0 && sessions[sessions.length - 1].endsAt <= now,
  };
}

export interface RegistrationDetails extends RunOverview {
  registration: Registration;
  /** Place on the waiting list (1 = next), when waiting. */
  position: number | null;
  municipalityId: string;
}

async function details(db: Db, municipalityId: string, registration: Registration | undefined): Promise<RegistrationDetails | null> {
  if (!registration) return null;
  const [run] = await db.select({ courseId: courseRuns.courseId }).from(courseRuns).where(eq(courseRuns.id, registration.runId));
  if (!run) return null;
  const overview = await getRunOverview(db, municipalityId, run.courseId, registration.runId);
  if (!overview) return null;
  return { ...overview, registration, position: await waitingPosition(db, registration.id), municipalityId };
}

/**
 * A registration by any secret link it was given (the link at registration, an offer, a reminder, the
 * follow-up after the course), within a municipality; null for an unknown token.
 */
export async function findRegistrationByToken(db: Db, municipalityId: string, token: string): Promise<RegistrationDetails | null> {
  if (!isTokenFormat(token)) return null;
  const hash = hashToken(token);
  let [registration] = await db
    .select()
    .from(registrations)
    .where(or(eq(registrations.manageTokenHash, hash), eq(registrations.followupTokenHash, hash)))
    .limit(1);
  if (!registration) {
    const [link] = await db.select({ id: registrationLinks.registrationId }).from(registrationLinks).where(eq(registrationLinks.tokenHash, hash));
    if (link) [registration] = await db.select().from(registrations).where(eq(registrations.id, link.id));
  }
  return details(db, municipalityId, registration);
}

/**
 * A registration by its code and the phone number or e-mail it was made with. Null when either does not match,
 * without telling which.
 */
export async function findRegistrationByCode(db: Db, municipalityId: string, code: string, phoneOrEmail: string): Promise<RegistrationDetails | null> {
  const normalised = normaliseCode(code);
  const contact = phoneOrEmail.trim();
  if (!/^[A-Z0-9]{6}$/.test(normalised) || !contact) return null;
  const [registration] = await db.select().from(registrations).where(eq(registrations.code, normalised)).limit(1);
  if (!registration) return null;
  const matches = contact.includes("@")
    ? registration.email?.trim().toLowerCase() === contact.toLowerCase()
    : Boolean(registration.phone) && /\d/.test(contact) && toInternational(registration.phone!) === toInternational(contact);
  if (!matches) return null;
  return details(db, municipalityId, registration);
}

/** A fresh secret link to a registration (after finding it by code, or opened by staff); earlier links keep working. */
/** A fresh secret link to a registration; null when its personal data was erased (there is nothing to show). */
export async function issueManageLink(db: Db, registrationId: string, purpose: "code" | "staff", actor?: Actor | null): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ erasedAt: registrations.erasedAt }).from(registrations).where(eq(registrations.id, registrationId));
    if (!current || current.erasedAt) return null;
    const token = await addLink(tx, registrationId, purpose);
    if (actor) {
      const run = await tx
        .select({ municipalityId: courses.municipalityId })
        .from(registrations)
        .innerJoin(courseRuns, eq(courseRuns.id, registrations.runId))
        .innerJoin(courses, eq(courses.id, courseRuns.courseId))
        .where(eq(registrations.id, registrationId));
      await recordAudit(tx, {
        actor,
        municipalityId: run[0]?.municipalityId ?? null,
        action: "open_link",
        entityType: "registration",
        entityId: registrationId,
      });
    }
    return token;
  });
}

export interface RunRegistrationRow {
  id: string;
  status: RegistrationStatus;
  name: string;
  phone: string | null;
  email: string | null;
  language: string;
  needs: string[];
  uitpasNumber: string | null;
  department: string | null;
  code: string;
  waitingSince: Date | null;
  offerExpiresAt: Date | null;
  registeredByUserId: string | null;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** 1 = next in line (waiting only). */
  position: number | null;
}

/** Everyone on a run: registered, offered, waiting (in order), then cancelled and expired. */
export async function listRunRegistrations(db: Db, runId: string): Promise<RunRegistrationRow[]> {
  if (!isUuid(runId)) return [];
  const rows = await db
    .select({
      id: registrations.id,
      status: registrations.status,
      name: registrations.name,
      phone: registrations.phone,
      email: registrations.email,
      language: registrations.language,
      needs: registrations.needs,
      uitpasNumber: registrations.uitpasNumber,
      department: registrations.department,
      code: registrations.code,
      waitingSince: registrations.waitingSince,
      offerExpiresAt: registrations.offerExpiresAt,
      registeredByUserId: registrations.registeredByUserId,
      completedAt: registrations.completedAt,
      createdAt: registrations.createdAt,
      updatedAt: registrations.updatedAt,
    })
    .from(registrations)
    .where(eq(registrations.runId, runId))
    .orderBy(
      sql`case ${registrations.status} when 'registered' then 0 when 'offered' then 1 when 'waiting' then 2 else 3 end`,
      asc(registrations.waitingSince),
      asc(registrations.createdAt),
      asc(registrations.id),
    );
  let position = 0;
  return rows.map((r) => ({ ...r, position: r.status === "waiting" ? ++position : null }));
}

/** Staff saw the names on a run's list: personal data, so the view is in the audit log. */
export async function recordRegistrationListView(db: Db, actor: Actor, municipalityId: string, runId: string): Promise<void> {
  await recordAudit(db, { actor, municipalityId, action: "view", entityType: "course_run_registrations", entityId: runId });
}

/** Other runs of the same course a person can be moved to (not cancelled, not started), with their free places. */
export async function listMoveTargets(db: Db, courseId: string, exceptRunId: string, now: Date = new Date()) {
  const rows = await db
    .select({
      id: courseRuns.id,
      capacity: courseRuns.capacity,
      registeredCount: courseRuns.registeredCount,
      venue: courseRuns.venue,
      placeName: helpPoints.name,
      firstStart: FIRST_START,
      offered: OFFERED_COUNT,
      waiting: WAITING_COUNT,
    })
    .from(courseRuns)
    .leftJoin(helpPoints, eq(helpPoints.id, courseRuns.helpPointId))
    .where(and(eq(courseRuns.courseId, courseId), eq(courseRuns.cancelled, false), sql`${courseRuns.id} <> ${exceptRunId}`));
  return rows
    .map((r) => ({
      id: r.id,
      place: r.placeName ?? r.venue ?? "",
      firstStart: r.firstStart ? new Date(r.firstStart) : null,
      freePlaces: freePlaces(r),
    }))
    .filter((r) => !r.firstStart || r.firstStart > now)
    .sort((a, b) => (a.firstStart?.getTime() ?? Infinity) - (b.firstStart?.getTime() ?? Infinity));
}

/** For the registration's own pages: the ids of registrations of a run in a status (tests, bench). */
export async function registrationIdsByStatus(db: Db, runId: string, statuses: RegistrationStatus[]) {
  return db
    .select({ id: registrations.id, status: registrations.status, name: registrations.name, waitingSince: registrations.waitingSince })
    .from(registrations)
    .where(and(eq(registrations.runId, runId), inArray(registrations.status, statuses)))
    .orderBy(asc(registrations.waitingSince), asc(registrations.createdAt));
}
