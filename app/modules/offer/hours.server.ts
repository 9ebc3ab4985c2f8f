import { and, asc, eq, gte } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { helpPoints, openingHours, scheduleExceptions } from "~/db/schema";
import { recordAudit } from "~/modules/auth/audit.server";
import { brusselsDate } from "~/modules/finder/opening-hours";
import { InputError } from "./errors";
import { isUuid, type Actor } from "./help-points.server";
import { WEEKDAY_LABELS } from "./labels";
import { weeklyHoursProblem, type ExceptionInput, type WeeklyInterval } from "./schema";

/** How far ahead staff may plan a closure or an extra opening. */
export const MAX_YEARS_AHEAD = 2;

async function requirePoint(db: Db, municipalityId: string, pointId: string, lock = false): Promise<{ id: string; name: string }> {
  if (!isUuid(pointId)) throw new Response("Hulppunt niet gevonden", { status: 404 });
  const query = db
    .select({ id: helpPoints.id, name: helpPoints.name })
    .from(helpPoints)
    .where(and(eq(helpPoints.id, pointId), eq(helpPoints.municipalityId, municipalityId)));
  const [point] = lock ? await query.for("update") : await query;
  if (!point) throw new Response("Hulppunt niet gevonden", { status: 404 });
  return point;
}

const hhmm = (time: string) => time.slice(0, 5);

/** The weekly hours of a help point, by weekday and opening time, as HH:MM. */
export async function getWeeklyHours(db: Db, municipalityId: string, pointId: string): Promise<WeeklyInterval[]> {
  await requirePoint(db, municipalityId, pointId);
  const rows = await db
    .select({ weekday: openingHours.weekday, opens: openingHours.opens, closes: openingHours.closes })
    .from(openingHours)
    .where(eq(openingHours.helpPointId, pointId))
    .orderBy(asc(openingHours.weekday), asc(openingHours.opens));
  return rows.map((r) => ({ weekday: r.weekday, opens: hhmm(r.opens), closes: hhmm(r.closes) }));
}

/** { maandag: "09:00–12:00, 13:00–17:00", dinsdag: "gesloten", … }: readable in the audit log. */
export function describeWeek(hours: readonly WeeklyInterval[]): Record<string, string> {
  const week: Record<string, string> = {};
  for (let weekday = 1; weekday <= 7; weekday++) {
    const day = hours
      .filter((h) => h.weekday === weekday)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((h) => `${hhmm(h.opens)}–${hhmm(h.closes)}`);
    week[WEEKDAY_LABELS[weekday]] = day.length ? day.join(", ") : "gesloten";
  }
  return week;
}

/**
 * Replace all weekly hours of a help point in one transaction: several blocks on one day make a break.
 * Bad input is refused before anything is written. Audited with the week before and after.
 */
export async function replaceWeeklyHours(
  db: Db,
  municipalityId: string,
  pointId: string,
  hours: readonly WeeklyInterval[],
  actor: Actor | null,
): Promise<void> {
  const problem = weeklyHoursProblem(hours);
  if (problem) throw new InputError({ hours: problem });
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await requirePoint(txDb, municipalityId, pointId, true);
    const before = await tx
      .select({ weekday: openingHours.weekday, opens: openingHours.opens, closes: openingHours.closes })
      .from(openingHours)
      .where(eq(openingHours.helpPointId, pointId));
    await tx.delete(openingHours).where(eq(openingHours.helpPointId, pointId));
    if (hours.length) {
      await tx.insert(openingHours).values(hours.map((h) => ({ helpPointId: pointId, weekday: h.weekday, opens: h.opens, closes: h.closes })));
    }
    await tx.update(helpPoints).set({ updatedAt: new Date() }).where(eq(helpPoints.id, pointId));
    await recordAudit(txDb, {
      actor,
      municipalityId,
      action: "update_hours",
      entityType: "help_point",
      entityId: pointId,
      before: describeWeek(before),
      after: describeWeek(hours),
    });
  });
}

export interface ExceptionItem {
  id: string;
  date: string;
  kind: "closed" | "open";
  opens: string | null;
  closes: string | null;
  reason: string | null;
}

/** Closures and extra openings from `from` (default: today in Brussels) onwards, by date. */
export async function listExceptions(db: Db, municipalityId: string, pointId: string, from: string = brusselsDate()): Promise<ExceptionItem[]> {
  await requirePoint(db, municipalityId, pointId);
  const rows = await db
    .select()
    .from(scheduleExceptions)
    .where(and(eq(scheduleExceptions.helpPointId, pointId), gte(scheduleExceptions.date, from)))
    .orderBy(asc(scheduleExceptions.date), asc(scheduleExceptions.opens));
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    kind: r.kind,
    opens: r.opens ? hhmm(r.opens) : null,
    closes: r.closes ? hhmm(r.closes) : null,
    reason: r.reason,
  }));
}

/** The last date staff may plan for: the same day two years from `today`. */
export function latestPlannableDate(today: string): string {
  return `${Number(today.slice(0, 4)) + MAX_YEARS_AHEAD}${today.slice(4)}`;
}

/**
 * Add a closure (whole day) or an extra opening. Dates in the past or more than two years ahead are refused,
 * and so is a second closure on the same day. Audited.
 */
export async function addException(
  db: Db,
  municipalityId: string,
  pointId: string,
  input: ExceptionInput,
  actor: Actor | null,
  today: string = brusselsDate(),
): Promise<string> {
  if (input.date < today) throw new InputError({ date: "Deze datum is al voorbij. Kies vandaag of een latere dag." });
  if (input.date > latestPlannableDate(today)) {
    throw new InputError({ date: `Kies een datum binnen de komende ${MAX_YEARS_AHEAD} jaar.` });
  }
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const point = await requirePoint(txDb, municipalityId, pointId, true);
    if (input.kind === "closed") {
      const [existing] = await tx
        .select({ id: scheduleExceptions.id })
        .from(scheduleExceptions)
        .where(and(eq(scheduleExceptions.helpPointId, pointId), eq(scheduleExceptions.date, input.date), eq(scheduleExceptions.kind, "closed")));
      if (existing) throw new InputError({ date: "Op deze dag staat al een sluiting." });
    }
    const values =
      input.kind === "closed"
        ? { helpPointId: pointId, date: input.date, kind: "closed" as const, opens: null, closes: null, reason: input.reason ?? null }
        : { helpPointId: pointId, date: input.date, kind: "open" as const, opens: input.opens, closes: input.closes, reason: input.reason ?? null };
    const [row] = await tx.insert(scheduleExceptions).values(values).returning({ id: scheduleExceptions.id });
    await recordAudit(txDb, {
      actor,
      municipalityId,
      action: input.kind === "closed" ? "add_closure" : "add_extra_opening",
      entityType: "schedule_exception",
      entityId: row.id,
      after: { helpPoint: point.name, date: values.date, kind: values.kind, opens: values.opens, closes: values.closes, reason: values.reason },
    });
    return row.id;
  });
}

/** Remove a closure or an extra opening of this help point. Audited. */
export async function deleteException(db: Db, municipalityId: string, pointId: string, exceptionId: string, actor: Actor | null): Promise<void> {
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const point = await requirePoint(txDb, municipalityId, pointId, true);
    const deleted = isUuid(exceptionId)
      ? await tx
          .delete(scheduleExceptions)
          .where(and(eq(scheduleExceptions.id, exceptionId), eq(scheduleExceptions.helpPointId, pointId)))
          .returning()
      : [];
    if (deleted.length === 0) throw new Response("Uitzondering niet gevonden", { status: 404 });
    const [row] = deleted;
    await recordAudit(txDb, {
      actor,
      municipalityId,
      action: row.kind === "closed" ? "delete_closure" : "delete_extra_opening",
      entityType: "schedule_exception",
      entityId: row.id,
      before: {
        helpPoint: point.name,
        date: row.date,
        kind: row.kind,
        opens: row.opens ? hhmm(row.opens) : null,
        closes: row.closes ? hhmm(row.closes) : null,
        reason: row.reason,
      },
    });
  });
}
