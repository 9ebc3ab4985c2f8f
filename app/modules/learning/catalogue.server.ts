/**
 * The course catalogue: the public search and course page, and the staff functions that create and change
 * courses, runs and sessions. Every query is scoped to one municipality; every staff change is audited in the
 * transaction that makes it.
 *
 * Words: a course has runs (a group with a capacity at one place), a run has sessions (one lesson each).
 * Registration for a run is open while the run is not cancelled and its first session is still to come.
 */
import { TZDate } from "@date-fns/tz";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { freePlaces, IS_CLASS_WORKSHOP, OFFERED_COUNT, WAITING_COUNT } from "./places.server";
import { cancelRegistrationsOfRun } from "./registration.server";
import {
  courseRuns,
  courses,
  courseSessions,
  courseTopics,
  courseTrainers,
  districts,
  helpPoints,
  organizations,
  registrations,
  roleAssignments,
  topics,
  users,
  type Translated,
} from "~/db/schema";
import { recordAudit } from "~/modules/auth/audit.server";
import { addDaysTo, TIME_ZONE } from "~/modules/finder/opening-hours";
import { InputError } from "~/modules/offer/errors";
import { InvalidReferenceError, isUuid, type Actor } from "~/modules/offer/help-points.server";
import { euroInputValue, type CatalogueQuery, type CourseFormValues, type CourseInput, type RunInput, type SessionInput } from "./course-schema";

export { InputError, InvalidReferenceError };
export type { Actor };

export const COURSES_PER_PAGE = 20;

type CourseRow = typeof courses.$inferSelect;

/** A moment from a date and a time of day in Brussels (summer and winter time handled). */
export function brusselsInstant(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [h, min] = time.split(":").map(Number);
  return new Date(new TZDate(y, m - 1, d, h, min, 0, TIME_ZONE).getTime());
}


/** True for a PostgreSQL check violation (optionally of one named constraint), also when Drizzle wraps it. */
export function isCheckViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const pg = e as { code?: string; constraint?: string; constraint_name?: string; message?: string };
    if (pg.code === "23514") {
      if (!constraint) return true;
      const name = pg.constraint ?? pg.constraint_name;
      return name ? name === constraint : Boolean(pg.message?.includes(constraint));
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Public catalogue
// ---------------------------------------------------------------------------------------------

export interface RunPlace {
  helpPointId: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  district: string | null;
}

export interface RunSummary {
  id: string;
  /** The first session on or after the search date (now, or the "from" date). */
  nextStart: Date;
  firstStart: Date;
  sessionCount: number;
  place: RunPlace | null;
  venue: string | null;
  capacity: number;
  registeredCount: number;
  freePlaces: number;
  registrationOpen: boolean;
}

export interface CourseSummary {
  id: string;
  title: Translated;
  description: Translated | null;
  level: CourseRow["level"];
  audiences: string[];
  instructionLanguage: string;
  format: CourseRow["format"];
  mode: CourseRow["mode"];
  priceCents: number;
  uitpasPriceCents: number | null;
  /** The runs that match the search, soonest first. */
  runs: RunSummary[];
}

export interface CourseSearchResult {
  total: number;
  page: number;
  pages: number;
  results: CourseSummary[];
}

/**
 * Published courses with at least one run that is not cancelled and has a session still to come (or on/after the
 * "from" date). Filters: topic code, level, audience, instruction language, district of the run's help point,
 * date, free places (a run with a free place that is still open for registration). Soonest first.
 */
export async function searchCourses(
  db: Db,
  municipalityId: string,
  filters: Partial<CatalogueQuery> = {},
  now: Date = new Date(),
): Promise<CourseSearchResult> {
  const fromInstant = filters.from ? brusselsInstant(filters.from, "00:00") : null;
  const cutoff = fromInstant && fromInstant > now ? fromInstant : now;

  const nextStart = sql<Date>`(select min(s.starts_at) from ${courseSessions} s where s.run_id = ${courseRuns.id} and s.starts_at >= ${cutoff.toISOString()}::timestamptz)`;
  const firstStart = sql<Date>`(select min(s.starts_at) from ${courseSessions} s where s.run_id = ${courseRuns.id})`;
  const sessionCount = sql<number>`(select count(*) from ${courseSessions} s where s.run_id = ${courseRuns.id})::int`;

  const conditions: SQL[] = [
    eq(courses.municipalityId, municipalityId),
    eq(courses.published, true),
    eq(courseRuns.cancelled, false),
    sql`not ${IS_CLASS_WORKSHOP}`,
    sql`exists (select 1 from ${courseSessions} s where s.run_id = ${courseRuns.id} and s.starts_at >= ${cutoff.toISOString()}::timestamptz)`,
  ];
  if (filters.level) conditions.push(eq(courses.level, filters.level));
  if (filters.audience) conditions.push(sql`${filters.audience} = any(${courses.audiences})`);
  if (filters.language) conditions.push(eq(courses.instructionLanguage, filters.language));
  if (filters.topic) {
    conditions.push(sql`exists (select 1 from ${courseTopics} ct join ${topics} t on t.id = ct.topic_id
      where ct.course_id = ${courses.id} and t.code = ${filters.topic} and t.municipality_id = ${municipalityId})`);
  }
  if (filters.district) conditions.push(eq(helpPoints.districtId, filters.district));
  if (filters.free) {
    conditions.push(sql`${courseRuns.registeredCount} + ${OFFERED_COUNT} < ${courseRuns.capacity} and ${WAITING_COUNT} = 0`);
    conditions.push(sql`not exists (select 1 from ${courseSessions} s where s.run_id = ${courseRuns.id} and s.starts_at <= ${now.toISOString()}::timestamptz)`);
  }

  const rows = await db
    .select({
      run: courseRuns,
      offered: OFFERED_COUNT,
      waiting: WAITING_COUNT,
      nextStart,
      firstStart,
      sessionCount,
      point: {
        id: helpPoints.id,
        name: helpPoints.name,
        street: helpPoints.street,
        postcode: helpPoints.postcode,
        city: helpPoints.city,
      },
      district: districts.name,
    })
    .from(courseRuns)
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .leftJoin(helpPoints, eq(helpPoints.id, courseRuns.helpPointId))
    .leftJoin(districts, eq(districts.id, helpPoints.districtId))
    .where(and(...conditions))
    .orderBy(asc(nextStart), asc(courseRuns.id));

  const runsByCourse = new Map<string, RunSummary[]>();
  for (const row of rows) {
    const summary = runSummary(row, now);
    const list = runsByCourse.get(row.run.courseId);
    if (list) list.push(summary);
    else runsByCourse.set(row.run.courseId, [summary]);
  }

  const courseIds = [...runsByCourse.keys()];
  const total = courseIds.length;
  const pages = Math.max(1, Math.ceil(total / COURSES_PER_PAGE));
  const page = Math.min(filters.page ?? 1, pages);
  const pageIds = courseIds.slice((page - 1) * COURSES_PER_PAGE, page * COURSES_PER_PAGE);
  const courseRows = pageIds.length ? await db.select().from(courses).where(inArray(courses.id, pageIds)) : [];
  const byId = new Map(courseRows.map((c) => [c.id, c]));
  const results = pageIds.map((id) => {
    const c = byId.get(id)!;
    return {
      id: c.id,
      title: c.title,
      description: c.description,
      level: c.level,
      audiences: c.audiences,
      instructionLanguage: c.instructionLanguage,
      format: c.format,
      mode: c.mode,
      priceCents: c.priceCents,
      uitpasPriceCents: c.uitpasPriceCents,
      runs: runsByCourse.get(id)!,
    };
  });
  return { total, page, pages, results };
}

function toDate(value: Date | string | null): Date | null {
  if (value == null) return null;
  return value instanceof Date ? value : new Date(value);
}

function runSummary(
  row: {
    run: typeof courseRuns.$inferSelect;
    offered: number;
    waiting: number;
    nextStart: Date | string | null;
    firstStart: Date | string | null;
    sessionCount: number;
    point: { id: string | null; name: string | null; street: string | null; postcode: string | null; city: string | null } | null;
    district: string | null;
  },
  now: Date,
): RunSummary {
  const firstStart = toDate(row.firstStart)!;
  return {
    id: row.run.id,
    nextStart: toDate(row.nextStart) ?? firstStart,
    firstStart,
    sessionCount: Number(row.sessionCount),
    place: row.point?.id
      ? {
          helpPointId: row.point.id,
          name: row.point.name!,
          street: row.point.street!,
          postcode: row.point.postcode!,
          city: row.point.city!,
          district: row.district,
        }
      : null,
    venue: row.run.venue,
    capacity: row.run.capacity,
    registeredCount: row.run.registeredCount,
    freePlaces: freePlaces({ ...row.run, offered: row.offered, waiting: row.waiting }),
    registrationOpen: !row.run.cancelled && firstStart > now,
  };
}

/** Filter options that make sense for this municipality: topics, languages and districts that courses use. */
export async function catalogueOptions(db: Db, municipalityId: string) {
  const [topicRows, languageRows, districtRows] = await Promise.all([
    db
      .selectDistinct({ id: topics.id, code: topics.code, name: topics.name, icon: topics.icon, position: topics.position })
      .from(courseTopics)
      .innerJoin(topics, eq(topics.id, courseTopics.topicId))
      .innerJoin(courses, eq(courses.id, courseTopics.courseId))
      .where(and(eq(courses.municipalityId, municipalityId), eq(courses.published, true)))
      .orderBy(asc(topics.position)),
    db
      .selectDistinct({ code: courses.instructionLanguage })
      .from(courses)
      .where(and(eq(courses.municipalityId, municipalityId), eq(courses.published, true))),
    db.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.municipalityId, municipalityId)).orderBy(asc(districts.name)),
  ]);
  const order = ["nl", "fr", "en", "ar"];
  return {
    topics: topicRows,
    languages: languageRows.map((r) => r.code).sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b)),
    districts: districtRows,
  };
}

export interface SessionInfo {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

export interface RunDetails {
  id: string;
  cancelled: boolean;
  capacity: number;
  registeredCount: number;
  freePlaces: number;
  offerHours: number;
  registrationOpen: boolean;
  /** The last session is over. */
  finished: boolean;
  place: RunPlace | null;
  venue: string | null;
  sessions: SessionInfo[];
}

async function loadRuns(db: Db, courseIds: string[], now: Date, options: { onlyCurrent: boolean }): Promise<Map<string, RunDetails[]>> {
  const result = new Map<string, RunDetails[]>(courseIds.map((id) => [id, []]));
  if (courseIds.length === 0) return result;
  const runRows = await db
    .select({
      run: courseRuns,
      offered: OFFERED_COUNT,
      waiting: WAITING_COUNT,
      point: { id: helpPoints.id, name: helpPoints.name, street: helpPoints.street, postcode: helpPoints.postcode, city: helpPoints.city },
      district: districts.name,
    })
    .from(courseRuns)
    .leftJoin(helpPoints, eq(helpPoints.id, courseRuns.helpPointId))
    .leftJoin(districts, eq(districts.id, helpPoints.districtId))
    .where(and(inArray(courseRuns.courseId, courseIds), options.onlyCurrent ? sql`not ${IS_CLASS_WORKSHOP}` : undefined));
  const runIds = runRows.map((r) => r.run.id);
  const sessionRows = runIds.length
    ? await db.select().from(courseSessions).where(inArray(courseSessions.runId, runIds)).orderBy(asc(courseSessions.startsAt))
    : [];
  const sessionsByRun = new Map<string, SessionInfo[]>();
  for (const s of sessionRows) {
    const list = sessionsByRun.get(s.runId) ?? [];
    list.push({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt });
    sessionsByRun.set(s.runId, list);
  }
  const runs: (RunDetails & { courseId: string; createdAt: Date })[] = runRows.map(({ run, offered, waiting, point, district }) => {
    const sessions = sessionsByRun.get(run.id) ?? [];
    const first = sessions[0]?.startsAt ?? null;
    const last = sessions.at(-1)?.endsAt ?? null;
    return {
      id: run.id,
      courseId: run.courseId,
      createdAt: run.createdAt,
      cancelled: run.cancelled,
      capacity: run.capacity,
      registeredCount: run.registeredCount,
      freePlaces: freePlaces({ ...run, offered, waiting }),
      offerHours: run.offerHours,
      registrationOpen: !run.cancelled && first != null && first > now,
      finished: last != null && last <= now,
      place: point?.id
        ? { helpPointId: point.id, name: point.name, street: point.street, postcode: point.postcode, city: point.city, district }
        : null,
      venue: run.venue,
      sessions,
    };
  });
  runs.sort(
    (a, b) =>
      (a.sessions[0]?.startsAt.getTime() ?? Infinity) - (b.sessions[0]?.startsAt.getTime() ?? Infinity) ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );
  for (const { courseId, createdAt: _createdAt, ...run } of runs) {
    if (options.onlyCurrent && (run.sessions.length === 0 || run.finished)) continue;
    result.get(courseId)!.push(run);
  }
  return result;
}

/**
 * One published course for its public page: organiser, trainers' names, topics and the runs that are not over
 * yet (a cancelled run stays visible, marked, so people who registered see it).
 */
export async function getCourseDetails(db: Db, municipalityId: string, courseId: string, now: Date = new Date()) {
  if (!isUuid(courseId)) return null;
  const [row] = await db
    .select({
      course: courses,
      organizer: { id: organizations.id, name: organizations.name, website: organizations.website, phone: organizations.phone, email: organizations.email },
    })
    .from(courses)
    .innerJoin(organizations, eq(organizations.id, courses.organizerId))
    .where(and(eq(courses.id, courseId), eq(courses.municipalityId, municipalityId), eq(courses.published, true)))
    .limit(1);
  if (!row) return null;
  const [topicRows, trainerRows, runs] = await Promise.all([
    db
      .select({ id: topics.id, code: topics.code, icon: topics.icon, name: topics.name })
      .from(courseTopics)
      .innerJoin(topics, eq(topics.id, courseTopics.topicId))
      .where(eq(courseTopics.courseId, courseId))
      .orderBy(asc(topics.position)),
    db
      .select({ name: users.name })
      .from(courseTrainers)
      .innerJoin(users, eq(users.id, courseTrainers.userId))
      .where(eq(courseTrainers.courseId, courseId))
      .orderBy(asc(users.name)),
    loadRuns(db, [courseId], now, { onlyCurrent: true }),
  ]);
  return {
    ...row.course,
    organizer: row.organizer,
    trainers: trainerRows.map((t) => t.name),
    topics: topicRows,
    runs: runs.get(courseId) ?? [],
  };
}
export type CourseDetails = NonNullable<Awaited<ReturnType<typeof getCourseDetails>>>;

// ---------------------------------------------------------------------------------------------
// Staff: lists and the edit page
// ---------------------------------------------------------------------------------------------

export interface StaffCourseListItem {
  id: string;
  title: string;
  organizerId: string;
  organizerName: string;
  level: CourseRow["level"];
  published: boolean;
  runs: RunDetails[];
}

/** All courses of the municipality (also unpublished ones) with all their runs, by title. */
export async function listCoursesForStaff(db: Db, municipalityId: string, now: Date = new Date()): Promise<StaffCourseListItem[]> {
  const rows = await db
    .select({ course: courses, organizerName: organizations.name })
    .from(courses)
    .innerJoin(organizations, eq(organizations.id, courses.organizerId))
    .where(eq(courses.municipalityId, municipalityId))
    .orderBy(sql`${courses.title} ->> 'nl'`, asc(courses.id));
  const runs = await loadRuns(
    db,
    rows.map((r) => r.course.id),
    now,
    { onlyCurrent: false },
  );
  return rows.map(({ course, organizerName }) => ({
    id: course.id,
    title: course.title.nl,
    organizerId: course.organizerId,
    organizerName,
    level: course.level,
    published: course.published,
    runs: runs.get(course.id) ?? [],
  }));
}

export type CourseForEdit = CourseRow & { organizerName: string; topicCodes: string[]; trainerIds: string[]; runs: RunDetails[] };

/** One course of this municipality for the staff page (also unpublished), or null. */
export async function getCourseForEdit(db: Db, municipalityId: string, courseId: string, now: Date = new Date()): Promise<CourseForEdit | null> {
  if (!isUuid(courseId)) return null;
  const [row] = await db
    .select({ course: courses, organizerName: organizations.name })
    .from(courses)
    .innerJoin(organizations, eq(organizations.id, courses.organizerId))
    .where(and(eq(courses.id, courseId), eq(courses.municipalityId, municipalityId)))
    .limit(1);
  if (!row) return null;
  const [topicRows, trainerRows, runs] = await Promise.all([
    db
      .select({ code: topics.code })
      .from(courseTopics)
      .innerJoin(topics, eq(topics.id, courseTopics.topicId))
      .where(eq(courseTopics.courseId, courseId))
      .orderBy(asc(topics.position)),
    db.select({ userId: courseTrainers.userId }).from(courseTrainers).where(eq(courseTrainers.courseId, courseId)),
    loadRuns(db, [courseId], now, { onlyCurrent: false }),
  ]);
  return {
    ...row.course,
    organizerName: row.organizerName,
    topicCodes: topicRows.map((t) => t.code),
    trainerIds: trainerRows.map((t) => t.userId),
    runs: runs.get(courseId) ?? [],
  };
}

/** The course as the staff form shows it. */
export function courseFormValues(course: CourseForEdit): CourseFormValues {
  const t = (value: Translated | null, lang: string) => value?.[lang] ?? "";
  return {
    titleNl: course.title.nl,
    titleFr: t(course.title, "fr"),
    titleEn: t(course.title, "en"),
    titleAr: t(course.title, "ar"),
    descriptionNl: t(course.description, "nl"),
    descriptionFr: t(course.description, "fr"),
    descriptionEn: t(course.description, "en"),
    descriptionAr: t(course.description, "ar"),
    whatToBringNl: t(course.whatToBring, "nl"),
    whatToBringFr: t(course.whatToBring, "fr"),
    whatToBringEn: t(course.whatToBring, "en"),
    whatToBringAr: t(course.whatToBring, "ar"),
    organizerId: course.organizerId,
    level: course.level,
    audiences: course.audiences,
    instructionLanguage: course.instructionLanguage,
    format: course.format,
    mode: course.mode,
    price: euroInputValue(course.priceCents),
    uitpasPrice: course.uitpasPriceCents == null ? "" : euroInputValue(course.uitpasPriceCents) || "0",
    completionPercent: String(course.completionPercent),
    topicCodes: course.topicCodes,
    digcompIds: course.digcompIds,
    trainerIds: course.trainerIds,
    published: course.published,
  };
}

/** Staff who may teach here: users with a trainer role in the municipality. */
export async function trainerOptions(db: Db, municipalityId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.municipalityId, municipalityId), eq(roleAssignments.role, "trainer")))
    .orderBy(asc(users.name), asc(users.id));
}

/** Active help points of the municipality for the run's place select. */
export async function placeOptions(db: Db, municipalityId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: helpPoints.id, name: helpPoints.name })
    .from(helpPoints)
    .where(and(eq(helpPoints.municipalityId, municipalityId), eq(helpPoints.active, true)))
    .orderBy(asc(helpPoints.name), asc(helpPoints.id));
}

// ---------------------------------------------------------------------------------------------
// Staff: changes
// ---------------------------------------------------------------------------------------------

function translatedOf(values: Record<"nl" | "fr" | "en" | "ar", string | null>): Translated | null {
  if (!values.nl) return null;
  const out: Translated = { nl: values.nl };
  for (const lang of ["fr", "en", "ar"] as const) if (values[lang]) out[lang] = values[lang];
  return out;
}

function courseColumns(input: CourseInput) {
  const price = input.price ?? 0;
  return {
    organizerId: input.organizerId,
    title: translatedOf({ nl: input.titleNl, fr: input.titleFr, en: input.titleEn, ar: input.titleAr })!,
    description: translatedOf({ nl: input.descriptionNl, fr: input.descriptionFr, en: input.descriptionEn, ar: input.descriptionAr }),
    whatToBring: translatedOf({ nl: input.whatToBringNl, fr: input.whatToBringFr, en: input.whatToBringEn, ar: input.whatToBringAr }),
    level: input.level,
    digcompIds: [...new Set(input.digcompIds)],
    audiences: [...new Set(input.audiences)],
    instructionLanguage: input.instructionLanguage,
    format: input.format,
    mode: input.mode,
    priceCents: price,
    uitpasPriceCents: price > 0 ? input.uitpasPrice : null,
    completionPercent: input.completionPercent,
    published: input.published,
  };
}

/** Check the organiser, topics and trainers belong to the municipality; topic codes become ids. */
async function resolveCourseReferences(db: Db, municipalityId: string, input: CourseInput): Promise<{ topicIds: string[]; trainerIds: string[] }> {
  const [organizer] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, input.organizerId), eq(organizations.municipalityId, municipalityId)));
  if (!organizer) throw new InvalidReferenceError("organizerId", "Kies een organisator uit de lijst.");
  const codes = [...new Set(input.topicCodes)];
  const found = codes.length
    ? await db
        .select({ id: topics.id, code: topics.code })
        .from(topics)
        .where(and(eq(topics.municipalityId, municipalityId), inArray(topics.code, codes)))
    : [];
  const unknown = codes.filter((code) => !found.some((t) => t.code === code));
  if (unknown.length) throw new InvalidReferenceError("topicCodes", `Onbekend onderwerp: ${unknown.join(", ")}.`);
  const trainerIds = [...new Set(input.trainerIds)];
  if (trainerIds.length) {
    const trainers = await trainerOptions(db, municipalityId);
    if (trainerIds.some((id) => !trainers.some((t) => t.id === id))) {
      throw new InvalidReferenceError("trainerIds", "Kies lesgevers uit de lijst: alleen mensen met de rol lesgever in deze gemeente.");
    }
  }
  return { topicIds: found.map((t) => t.id), trainerIds };
}

/** Create a course with its topics and trainers; audited. */
export async function createCourse(db: Db, municipalityId: string, input: CourseInput, actor: Actor | null): Promise<string> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const { topicIds, trainerIds } = await resolveCourseReferences(txDb, municipalityId, input);
    const [row] = await tx
      .insert(courses)
      .values({ municipalityId, ...courseColumns(input) })
      .returning({ id: courses.id });
    if (topicIds.length) await tx.insert(courseTopics).values(topicIds.map((topicId) => ({ courseId: row.id, topicId })));
    if (trainerIds.length) await tx.insert(courseTrainers).values(trainerIds.map((userId) => ({ courseId: row.id, userId })));
    await recordAudit(txDb, { actor, municipalityId, action: "create", entityType: "course", entityId: row.id, after: { ...input } });
    return row.id;
  });
}

/** Update a course and replace its topics and trainers; the audit entry keeps before and after. */
export async function updateCourse(db: Db, municipalityId: string, courseId: string, input: CourseInput, actor: Actor | null): Promise<void> {
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const [before] = await tx
      .select()
      .from(courses)
      .where(and(eq(courses.id, courseId), eq(courses.municipalityId, municipalityId)))
      .for("update");
    if (!before) throw new Response("Cursus niet gevonden", { status: 404 });
    const [beforeTopics, beforeTrainers] = await Promise.all([
      tx
        .select({ code: topics.code })
        .from(courseTopics)
        .innerJoin(topics, eq(topics.id, courseTopics.topicId))
        .where(eq(courseTopics.courseId, courseId)),
      tx.select({ userId: courseTrainers.userId }).from(courseTrainers).where(eq(courseTrainers.courseId, courseId)),
    ]);
    const { topicIds, trainerIds } = await resolveCourseReferences(txDb, municipalityId, input);
    await tx
      .update(courses)
      .set({ ...courseColumns(input), updatedAt: new Date() })
      .where(eq(courses.id, courseId));
    await tx.delete(courseTopics).where(eq(courseTopics.courseId, courseId));
    if (topicIds.length) await tx.insert(courseTopics).values(topicIds.map((topicId) => ({ courseId, topicId })));
    await tx.delete(courseTrainers).where(eq(courseTrainers.courseId, courseId));
    if (trainerIds.length) await tx.insert(courseTrainers).values(trainerIds.map((userId) => ({ courseId, userId })));
    await recordAudit(txDb, {
      actor,
      municipalityId,
      action: "update",
      entityType: "course",
      entityId: courseId,
      before: { ...before, topicCodes: beforeTopics.map((t) => t.code), trainerIds: beforeTrainers.map((t) => t.userId) },
      after: { ...input },
    });
  });
}

async function requireCourse(db: Db, municipalityId: string, courseId: string) {
  const [course] = isUuid(courseId)
    ? await db
        .select({ id: courses.id })
        .from(courses)
        .where(and(eq(courses.id, courseId), eq(courses.municipalityId, municipalityId)))
    : [];
  if (!course) throw new Response("Cursus niet gevonden", { status: 404 });
}

/** A run of a course of this municipality, locked for the change, or a 404. */
async function requireRun(db: Db, municipalityId: string, courseId: string, runId: string) {
  const [row] =
    isUuid(runId) && isUuid(courseId)
      ? await db
          .select({ run: courseRuns })
          .from(courseRuns)
          .innerJoin(courses, eq(courses.id, courseRuns.courseId))
          .where(and(eq(courseRuns.id, runId), eq(courseRuns.courseId, courseId), eq(courses.municipalityId, municipalityId)))
          .for("update", { of: courseRuns })
      : [];
  if (!row) throw new Response("Reeks niet gevonden", { status: 404 });
  return row.run;
}

async function checkPlace(db: Db, municipalityId: string, helpPointId: string | null | undefined) {
  if (!helpPointId) return;
  const [point] = await db
    .select({ id: helpPoints.id })
    .from(helpPoints)
    .where(and(eq(helpPoints.id, helpPointId), eq(helpPoints.municipalityId, municipalityId)));
  if (!point) throw new InvalidReferenceError("helpPointId", "Kies een hulppunt uit de lijst.");
}

function runColumns(input: RunInput) {
  return { helpPointId: input.helpPointId ?? null, venue: input.venue ?? null, capacity: input.capacity, offerHours: input.offerHours };
}

/** Add a run (without sessions yet) to a course; audited. */
export async function addRun(db: Db, municipalityId: string, courseId: string, input: RunInput, actor: Actor | null): Promise<string> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await requireCourse(txDb, municipalityId, courseId);
    await checkPlace(txDb, municipalityId, input.helpPointId);
    const [row] = await tx
      .insert(courseRuns)
      .values({ courseId, ...runColumns(input) })
      .returning({ id: courseRuns.id });
    await recordAudit(txDb, { actor, municipalityId, action: "create", entityType: "course_run", entityId: row.id, after: { courseId, ...input } });
    return row.id;
  });
}

/**
 * Change a run's place, capacity and offer time. The capacity may not go below the people already registered:
 * the database refuses it (also against a registration that lands at the same moment); we say so at the field.
 */
export async function updateRun(db: Db, municipalityId: string, courseId: string, runId: string, input: RunInput, actor: Actor | null): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      const txDb = tx as unknown as Db;
      const before = await requireRun(txDb, municipalityId, courseId, runId);
      await checkPlace(txDb, municipalityId, input.helpPointId);
      await tx.update(courseRuns).set(runColumns(input)).where(eq(courseRuns.id, runId));
      await recordAudit(txDb, { actor, municipalityId, action: "update", entityType: "course_run", entityId: runId, before, after: { ...input } });
    });
  } catch (error) {
    if (!isCheckViolation(error, "course_run_not_overfilled")) throw error;
    const [run] = await db.select({ registeredCount: courseRuns.registeredCount }).from(courseRuns).where(eq(courseRuns.id, runId));
    const n = run?.registeredCount ?? 0;
    throw new InputError({
      capacity: `Er ${n === 1 ? "is al 1 persoon" : `zijn al ${n} mensen`} ingeschreven. Het aantal plaatsen kan niet lager zijn dan ${n}.`,
    });
  }
}

/**
 * Cancel a run: it stays visible as cancelled, registration closes. Everyone registered, offered or waiting is
 * cancelled and told by SMS or e-mail (outbox, same transaction). Audited.
 */
export async function cancelRun(
  db: Db,
  municipalityId: string,
  courseId: string,
  runId: string,
  actor: Actor | null,
  options: { now?: Date; baseUrl?: string } = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const run = await requireRun(txDb, municipalityId, courseId, runId);
    if (run.cancelled) return;
    // Locks the run; null when a concurrent cancel got there first.
    if (!(await cancelRegistrationsOfRun(txDb, runId, options.now, options.baseUrl))) return;
    await tx.update(courseRuns).set({ cancelled: true }).where(eq(courseRuns.id, runId));
    await recordAudit(txDb, {
      actor,
      municipalityId,
      action: "cancel",
      entityType: "course_run",
      entityId: runId,
      before: { cancelled: false, registeredCount: run.registeredCount },
      after: { cancelled: true },
    });
  });
}

/**
 * Add a session (or the same session `weeks` weeks in a row) to a run. Dates and times are in Brussels; no session
 * may start in the past, and a cancelled run gets no new sessions.
 */
export async function addSessions(
  db: Db,
  municipalityId: string,
  courseId: string,
  runId: string,
  input: SessionInput,
  actor: Actor | null,
  now: Date = new Date(),
): Promise<string[]> {
  const rows = Array.from({ length: input.weeks }, (_, i) => {
    const date = addDaysTo(input.date, 7 * i);
    return { runId, startsAt: brusselsInstant(date, input.startTime), endsAt: brusselsInstant(date, input.endTime) };
  });
  if (rows[0].startsAt <= now) throw new InputError({ date: "Deze les zou in het verleden liggen. Kies een datum en uur die nog moeten komen." });
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const run = await requireRun(txDb, municipalityId, courseId, runId);
    if (run.cancelled) throw new InputError({ date: "Deze reeks is geannuleerd. Voeg geen lessen meer toe." });
    const inserted = await tx.insert(courseSessions).values(rows).returning({ id: courseSessions.id });
    await recordAudit(txDb, {
      actor,
      municipalityId,
      action: "create",
      entityType: "course_session",
      entityId: inserted[0].id,
      after: { runId, sessions: rows.map((r) => ({ startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString() })) },
    });
    return inserted.map((r) => r.id);
  });
}

/** Delete a session that has not started yet (a past session keeps its attendance). Audited. */
export async function deleteSession(
  db: Db,
  municipalityId: string,
  courseId: string,
  sessionId: string,
  actor: Actor | null,
  now: Date = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const [row] = isUuid(sessionId)
      ? await tx
          .select({ session: courseSessions, runId: courseRuns.id })
          .from(courseSessions)
          .innerJoin(courseRuns, eq(courseRuns.id, courseSessions.runId))
          .innerJoin(courses, eq(courses.id, courseRuns.courseId))
          .where(and(eq(courseSessions.id, sessionId), eq(courses.id, courseId), eq(courses.municipalityId, municipalityId)))
      : [];
    if (!row) throw new Response("Les niet gevonden", { status: 404 });
    if (row.session.startsAt <= now) throw new InputError({ session: "Deze les is al begonnen of voorbij. U kunt ze niet meer verwijderen." });
    await tx.delete(courseSessions).where(eq(courseSessions.id, sessionId));
    await recordAudit(txDb, {
      actor,
      municipalityId,
      action: "delete",
      entityType: "course_session",
      entityId: sessionId,
      before: { runId: row.runId, startsAt: row.session.startsAt.toISOString(), endsAt: row.session.endsAt.toISOString() },
    });
  });
}

/** How many people wait per run (for the staff list). */
export async function waitingCounts(db: Db, runIds: string[]): Promise<Map<string, number>> {
  if (runIds.length === 0) return new Map();
  const rows = await db
    .select({ runId: registrations.runId, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(inArray(registrations.runId, runIds), inArray(registrations.status, ["waiting", "offered"])))
    .groupBy(registrations.runId);
  return new Map(rows.map((r) => [r.runId, Number(r.n)]));
}

// ---------------------------------------------------------------------------------------------
// Sessions for feeds (iCalendar, HSDS)
// ---------------------------------------------------------------------------------------------

export interface FeedSession {
  id: string;
  runId: string;
  courseId: string;
  title: Translated;
  description: Translated | null;
  startsAt: Date;
  endsAt: Date;
  /** Position of the session in its run (1-based) and the run's number of sessions. */
  number: number;
  of: number;
  mode: CourseRow["mode"];
  place: { helpPointId: string; name: string; street: string; postcode: string; city: string; latitude: number | null; longitude: number | null } | null;
  venue: string | null;
}

/**
 * Sessions of published courses in runs that are not cancelled, ending after `now`; optionally of one course.
 * Ordered by start.
 */
export async function feedSessions(db: Db, municipalityId: string, options: { courseId?: string; now?: Date } = {}): Promise<FeedSession[]> {
  const now = options.now ?? new Date();
  const conditions: SQL[] = [
    eq(courses.municipalityId, municipalityId),
    eq(courses.published, true),
    eq(courseRuns.cancelled, false),
  ];
  if (options.courseId) conditions.push(eq(courses.id, options.courseId));
  const runRows = await db
    .select({
      runId: courseRuns.id,
      courseId: courses.id,
      title: courses.title,
      description: courses.description,
      mode: courses.mode,
      venue: courseRuns.venue,
      point: {
        id: helpPoints.id,
        name: helpPoints.name,
        street: helpPoints.street,
        postcode: helpPoints.postcode,
        city: helpPoints.city,
        latitude: helpPoints.latitude,
        longitude: helpPoints.longitude,
      },
    })
    .from(courseRuns)
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .leftJoin(helpPoints, eq(helpPoints.id, courseRuns.helpPointId))
    .where(and(...conditions, sql`exists (select 1 from ${courseSessions} s where s.run_id = ${courseRuns.id} and s.ends_at > ${now.toISOString()}::timestamptz)`));
  if (runRows.length === 0) return [];
  const sessions = await db
    .select()
    .from(courseSessions)
    .where(inArray(courseSessions.runId, runRows.map((r) => r.runId)))
    .orderBy(asc(courseSessions.startsAt), asc(courseSessions.id));
  const runs = new Map(runRows.map((r) => [r.runId, r]));
  const counts = new Map<string, number>();
  for (const s of sessions) counts.set(s.runId, (counts.get(s.runId) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out: FeedSession[] = [];
  for (const s of sessions) {
    const number = (seen.get(s.runId) ?? 0) + 1;
    seen.set(s.runId, number);
    if (s.endsAt <= now) continue;
    const run = runs.get(s.runId)!;
    out.push({
      id: s.id,
      runId: s.runId,
      courseId: run.courseId,
      title: run.title,
      description: run.description,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      number,
      of: counts.get(s.runId)!,
      mode: run.mode,
      place: run.point?.id
        ? {
            helpPointId: run.point.id,
            name: run.point.name,
            street: run.point.street,
            postcode: run.point.postcode,
            city: run.point.city,
            latitude: run.point.latitude,
            longitude: run.point.longitude,
          }
        : null,
      venue: run.venue,
    });
  }
  return out;
}
