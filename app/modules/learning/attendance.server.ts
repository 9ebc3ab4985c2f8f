/**
 * Attendance at a session, and completion of a course: a learner completes a course when they attended at least
 * the course's completion share of the run's sessions (rounded up: 75% of 3 sessions is 3, of 4 sessions is 3).
 * Completion is worked out again after every change, so a correction also takes a completion back.
 */
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { attendance, auditLog, courseRuns, courses, courseSessions, courseTrainers, helpPoints, registrations, type Translated } from "~/db/schema";
import { recordAudit } from "~/modules/auth/audit.server";
import { can, type Assignment } from "~/modules/auth/permissions";
import { registerForRun, type Actor, type RegisterOptions } from "./registration.server";

export type { Actor };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string | undefined | null): value is string => Boolean(value && UUID.test(value));

/** Sessions a learner must attend: the completion share of the sessions, rounded up (at least 1). */
export function sessionsNeeded(completionPercent: number, sessionCount: number): number {
  if (sessionCount <= 0) return 0;
  return Math.max(1, Math.ceil((completionPercent * sessionCount) / 100));
}

export interface SessionInfo {
  sessionId: string;
  runId: string;
  courseId: string;
  municipalityId: string;
  organizerId: string;
  courseTitle: Translated;
  audiences: string[];
  completionPercent: number;
  level: "starter" | "basic" | "advanced";
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  capacity: number;
  registeredCount: number;
  cancelled: boolean;
  /** 1 for the first session of the run. */
  sessionNumber: number;
  sessionCount: number;
}

/** A session with its run and course; within a municipality when one is given. */
export async function findSession(db: Db, municipalityId: string | null, sessionId: string): Promise<SessionInfo | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await db
    .select({
      sessionId: courseSessions.id,
      runId: courseRuns.id,
      courseId: courses.id,
      municipalityId: courses.municipalityId,
      organizerId: courses.organizerId,
      courseTitle: courses.title,
      audiences: courses.audiences,
      completionPercent: courses.completionPercent,
      level: courses.level,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      place: sql<string | null>`coalesce(${helpPoints.name}, ${courseRuns.venue})`,
      capacity: courseRuns.capacity,
      registeredCount: courseRuns.registeredCount,
      cancelled: courseRuns.cancelled,
      sessionNumber: sql<number>`(select count(*)::int from ${courseSessions} s2 where s2.run_id = ${courseRuns.id} and (s2.starts_at, s2.id) <= (${courseSessions.startsAt}, ${courseSessions.id}))`,
      sessionCount: sql<number>`(select count(*)::int from ${courseSessions} s3 where s3.run_id = ${courseRuns.id})`,
    })
    .from(courseSessions)
    .innerJoin(courseRuns, eq(courseRuns.id, courseSessions.runId))
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .leftJoin(helpPoints, eq(helpPoints.id, courseRuns.helpPointId))
    .where(and(eq(courseSessions.id, sessionId), municipalityId ? eq(courses.municipalityId, municipalityId) : undefined));
  if (!row) return null;
  return { ...row, sessionNumber: Number(row.sessionNumber), sessionCount: Number(row.sessionCount) };
}

export interface SheetPerson {
  registrationId: string;
  name: string;
  language: string;
  needs: string[];
  department: string | null;
  /** Marked present, marked absent, or not marked yet (null) at this session. */
  present: boolean | null;
  /** Sessions of the run this person attended. */
  attended: number;
  completedAt: Date | null;
  walkIn: boolean;
}

export interface SessionSheet extends SessionInfo {
  /** Sessions a learner must attend to complete the course. */
  needed: number;
  people: SheetPerson[];
  sessions: { id: string; startsAt: Date; endsAt: Date }[];
}

/** The attendance list of a session: everyone registered for the run, with their mark at this session. */
export async function getSessionSheet(db: Db, municipalityId: string, sessionId: string): Promise<SessionSheet | null> {
  const info = await findSession(db, municipalityId, sessionId);
  if (!info) return null;
  const [people, sessions] = await Promise.all([
    db
      .select({
        registrationId: registrations.id,
        name: registrations.name,
        language: registrations.language,
        needs: registrations.needs,
        department: registrations.department,
        present: attendance.present,
        completedAt: registrations.completedAt,
        registeredByUserId: registrations.registeredByUserId,
        attended: sql<number>`(select count(*)::int from ${attendance} a join ${courseSessions} s on s.id = a.session_id where a.registration_id = ${registrations.id} and s.run_id = ${info.runId} and a.present)`,
      })
      .from(registrations)
      .leftJoin(attendance, and(eq(attendance.registrationId, registrations.id), eq(attendance.sessionId, sessionId)))
      .where(and(eq(registrations.runId, info.runId), eq(registrations.status, "registered")))
      .orderBy(asc(sql`lower(${registrations.name})`), asc(registrations.id)),
    db
      .select({ id: courseSessions.id, startsAt: courseSessions.startsAt, endsAt: courseSessions.endsAt })
      .from(courseSessions)
      .where(eq(courseSessions.runId, info.runId))
      .orderBy(asc(courseSessions.startsAt), asc(courseSessions.id)),
  ]);
  return {
    ...info,
    needed: sessionsNeeded(info.completionPercent, info.sessionCount),
    sessions,
    people: people.map((p) => ({
      registrationId: p.registrationId,
      name: p.name,
      language: p.language,
      needs: p.needs,
      department: p.department,
      present: p.present ?? null,
      attended: Number(p.attended),
      completedAt: p.completedAt,
      walkIn: Boolean(p.registeredByUserId),
    })),
  };
}

export class AttendanceError extends Error {
  constructor(
    readonly reason: "unknown-session" | "unknown-registration" | "cancelled",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Work out completion again for one registration: completed_at is set when the person attended enough sessions
 * (kept at its first value while that stays true) and cleared when a correction drops them below.
 */
export async function recomputeCompletion(db: Db, registrationId: string, now: Date = new Date()): Promise<{ attended: number; needed: number; completedAt: Date | null }> {
  const [row] = await db
    .select({
      runId: registrations.runId,
      completedAt: registrations.completedAt,
      completionPercent: courses.completionPercent,
      sessionCount: sql<number>`(select count(*)::int from ${courseSessions} s where s.run_id = ${registrations.runId})`,
      attended: sql<number>`(select count(*)::int from ${attendance} a join ${courseSessions} s on s.id = a.session_id where a.registration_id = ${registrations.id} and s.run_id = ${registrations.runId} and a.present)`,
    })
    .from(registrations)
    .innerJoin(courseRuns, eq(courseRuns.id, registrations.runId))
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .where(eq(registrations.id, registrationId));
  if (!row) throw new AttendanceError("unknown-registration", "Deze inschrijving bestaat niet.");
  const attended = Number(row.attended);
  const needed = sessionsNeeded(row.completionPercent, Number(row.sessionCount));
  const completedAt = needed > 0 && attended >= needed ? (row.completedAt ?? now) : null;
  if ((completedAt?.getTime() ?? null) !== (row.completedAt?.getTime() ?? null)) {
    await db.update(registrations).set({ completedAt }).where(eq(registrations.id, registrationId));
  }
  return { attended, needed, completedAt };
}

export interface MarkResult {
  present: boolean;
  attended: number;
  needed: number;
  completed: boolean;
  /** Completion changed with this mark. */
  completionChanged: boolean;
}

/** Mark a registered person present or absent at a session (a second mark replaces the first). Audited. */
export async function markAttendance(
  db: Db,
  sessionId: string,
  registrationId: string,
  present: boolean,
  actor: Actor,
  now: Date = new Date(),
): Promise<MarkResult> {
  if (!isUuid(registrationId)) throw new AttendanceError("unknown-registration", "Deze persoon staat niet op de lijst van deze reeks.");
  return db.transaction(async (tx) => {
    const info = await findSession(tx, null, sessionId);
    if (!info) throw new AttendanceError("unknown-session", "Deze sessie bestaat niet.");
    if (info.cancelled) throw new AttendanceError("cancelled", "Deze reeks is geannuleerd.");
    const [registration] = await tx
      .select({ id: registrations.id, completedAt: registrations.completedAt })
      .from(registrations)
      .where(and(eq(registrations.id, registrationId), eq(registrations.runId, info.runId), eq(registrations.status, "registered")))
      .for("update");
    if (!registration) throw new AttendanceError("unknown-registration", "Deze persoon staat niet op de lijst van deze reeks.");
    const [previous] = await tx
      .select({ present: attendance.present })
      .from(attendance)
      .where(and(eq(attendance.sessionId, sessionId), eq(attendance.registrationId, registrationId)));
    await tx
      .insert(attendance)
      .values({ sessionId, registrationId, present, markedAt: now, markedByUserId: actor.id })
      .onConflictDoUpdate({
        target: [attendance.sessionId, attendance.registrationId],
        set: { present, markedAt: now, markedByUserId: actor.id },
      });
    const completion = await recomputeCompletion(tx, registrationId, now);
    const completed = completion.completedAt !== null;
    const wasCompleted = registration.completedAt !== null;
    await recordAudit(tx, {
      actor,
      municipalityId: info.municipalityId,
      action: "attendance",
      entityType: "registration",
      entityId: registrationId,
      before: { sessionId, present: previous?.present ?? null, completed: wasCompleted },
      after: { sessionId, present, completed },
    });
    return { present, attended: completion.attended, needed: completion.needed, completed, completionChanged: completed !== wasCompleted };
  });
}

export interface WalkInInput {
  name: string;
  phone?: string | null;
  email?: string | null;
  language: string;
  department?: string | null;
}

export type WalkInResult =
  | { ok: true; registrationId: string; code: string }
  | { ok: false; error: "full" | "duplicate" | "past" | "cancelled" | "unknown"; message: string };

const WALK_IN_MESSAGES: Record<"full" | "duplicate" | "past" | "cancelled" | "unknown", string> = {
  full: "Deze reeks is volzet: er is geen vrije plaats meer. Vraag een coördinator om het aantal plaatsen te verhogen, of schrijf de persoon in voor een andere reeks.",
  duplicate: "Deze persoon staat al op de lijst van deze reeks (zelfde naam en telefoonnummer of e-mailadres).",
  past: "Deze reeks is al voorbij: u kunt niemand meer toevoegen.",
  cancelled: "Deze reeks is geannuleerd: u kunt niemand toevoegen.",
  unknown: "Deze sessie bestaat niet.",
};

/**
 * Someone who walks in without registering: register them for the run (through the normal registration, so the
 * capacity holds) and mark them present at this session. A full run refuses.
 */
export async function addWalkIn(db: Db, sessionId: string, input: WalkInInput, actor: Actor, options: { now?: Date; baseUrl?: string } = {}): Promise<WalkInResult> {
  const now = options.now ?? new Date();
  const info = await findSession(db, null, sessionId);
  if (!info) return { ok: false, error: "unknown", message: WALK_IN_MESSAGES.unknown };
  const last = await db
    .select({ endsAt: sql<Date | string>`max(${courseSessions.endsAt})` })
    .from(courseSessions)
    .where(eq(courseSessions.runId, info.runId));
  if (last[0]?.endsAt && new Date(last[0].endsAt) <= new Date(now.getTime() - 24 * 3600_000)) {
    // A day after the last session the list is closed for new people (attendance itself can still be corrected).
    return { ok: false, error: "past", message: WALK_IN_MESSAGES.past };
  }
  // `walkIn`: staff add someone to a run that has already started (registration itself is closed by then).
  const registerOptions: RegisterOptions = {
    byUserId: actor.id,
    actor,
    joinWaitlistIfFull: false,
    now,
    baseUrl: options.baseUrl,
    walkIn: true,
  };
  const result = await registerForRun(
    db,
    {
      runId: info.runId,
      municipalityId: info.municipalityId,
      name: input.name,
      phone: input.phone ?? null,
      email: input.email ?? null,
      language: input.language,
      department: input.department ?? null,
    },
    registerOptions,
  );
  if (!result.ok) return { ok: false, error: result.error, message: WALK_IN_MESSAGES[result.error] };
  if (result.status !== "registered") return { ok: false, error: "full", message: WALK_IN_MESSAGES.full };
  await markAttendance(db, sessionId, result.registrationId, true, actor, now);
  return { ok: true, registrationId: result.registrationId, code: result.code };
}

/**
 * May this staff member take attendance at sessions of this course? Coordinators (and whoever manages the
 * organiser's courses) may; a trainer only for the courses they teach.
 */
export async function mayTeach(db: Db, assignments: readonly Assignment[], userId: string, course: { id: string; municipalityId: string; organizerId: string }): Promise<boolean> {
  if (can(assignments, "learning.manage", { municipalityId: course.municipalityId, organizationId: course.organizerId })) return true;
  if (!can(assignments, "learning.teach", { municipalityId: course.municipalityId })) return false;
  const [row] = await db
    .select({ userId: courseTrainers.userId })
    .from(courseTrainers)
    .where(and(eq(courseTrainers.courseId, course.id), eq(courseTrainers.userId, userId)))
    .limit(1);
  return Boolean(row);
}

/**
 * Staff opened an attendance list (names: personal data). Recorded in the audit log, once per person and session
 * within half an hour, so reloading the page after each mark does not flood the log.
 */
export async function recordSheetView(db: Db, actor: Actor, municipalityId: string, sessionId: string, now: Date = new Date()): Promise<void> {
  const [recent] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.userId, actor.id),
        eq(auditLog.action, "view"),
        eq(auditLog.entityType, "course_session"),
        eq(auditLog.entityId, sessionId),
        gte(auditLog.at, new Date(now.getTime() - 30 * 60_000)),
      ),
    )
    .limit(1);
  if (recent) return;
  await recordAudit(db, { actor, municipalityId, action: "view", entityType: "course_session", entityId: sessionId });
}

export interface SessionListItem {
  sessionId: string;
  courseTitle: Translated;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  registeredCount: number;
  sessionNumber: number;
  sessionCount: number;
}

/**
 * Sessions from a week ago to two weeks ahead: for a trainer those of the courses they teach, for someone who
 * manages courses all of them.
 */
export async function listTeachableSessions(
  db: Db,
  municipalityId: string,
  options: { trainerId?: string | null; now?: Date } = {},
): Promise<SessionListItem[]> {
  const now = options.now ?? new Date();
  const from = new Date(now.getTime() - 7 * 24 * 3600_000);
  const to = new Date(now.getTime() + 14 * 24 * 3600_000);
  const rows = await db
    .select({
      sessionId: courseSessions.id,
      courseTitle: courses.title,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      place: sql<string | null>`coalesce(${helpPoints.name}, ${courseRuns.venue})`,
      registeredCount: courseRuns.registeredCount,
      sessionNumber: sql<number>`(select count(*)::int from ${courseSessions} s2 where s2.run_id = ${courseRuns.id} and (s2.starts_at, s2.id) <= (${courseSessions.startsAt}, ${courseSessions.id}))`,
      sessionCount: sql<number>`(select count(*)::int from ${courseSessions} s3 where s3.run_id = ${courseRuns.id})`,
    })
    .from(courseSessions)
    .innerJoin(courseRuns, eq(courseRuns.id, courseSessions.runId))
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .leftJoin(helpPoints, eq(helpPoints.id, courseRuns.helpPointId))
    .where(
      and(
        eq(courses.municipalityId, municipalityId),
        eq(courseRuns.cancelled, false),
        gte(courseSessions.endsAt, from),
        lt(courseSessions.startsAt, to),
        options.trainerId
          ? sql`exists (select 1 from ${courseTrainers} ct where ct.course_id = ${courses.id} and ct.user_id = ${options.trainerId})`
          : undefined,
      ),
    )
    .orderBy(asc(courseSessions.startsAt))
    .limit(200);
  return rows.map((r) => ({ ...r, sessionNumber: Number(r.sessionNumber), sessionCount: Number(r.sessionCount) }));
}
