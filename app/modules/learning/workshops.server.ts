/**
 * Workshops for schools: a school (an organisation of type school) asks for a workshop for a class; a coordinator
 * plans it as a run of a course at the school, with one session, or declines with a reason. The school follows
 * its request on a status page with a secret address, and gets a message at each step.
 */
import { TZDate } from "@date-fns/tz";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Db } from "~/db/client.server";
import { courseRuns, courses, courseSessions, municipalities, organizations, topics, workshopRequests, type Translated } from "~/db/schema";
import { DEFAULT_LANGUAGE, isLanguage, translated } from "~/i18n/languages";
import { recordAudit } from "~/modules/auth/audit.server";
import { enqueueMessage } from "~/modules/notifications/outbox.server";
import { isUuid } from "./attendance.server";
import { formatClock, formatLongDate } from "./registration-format";
import { type Actor } from "./registration.server";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { isMobileNumber } from "./registration-schema";
import { OTHER_TOPIC, type WorkshopPlanInput, type WorkshopRequestInput } from "./workshop-schema";

export type WorkshopStatus = (typeof workshopRequests.$inferSelect)["status"];

const TIME_ZONE = "Europe/Brussels";

/** The schools of a municipality, for the request form. */
export function listSchools(db: Db, municipalityId: string) {
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.municipalityId, municipalityId), eq(organizations.type, "school")))
    .orderBy(asc(organizations.name));
}

export function statusPath(municipalitySlug: string, lang: string, token: string): string {
  return `/${municipalitySlug}/${lang}/scholen/${token}`;
}

interface MessageContext {
  municipalityId: string;
  municipalityName: string;
  slug: string;
  languages: string[];
}

async function municipalityContext(db: Db, municipalityId: string): Promise<MessageContext | null> {
  const [row] = await db
    .select({ municipalityId: municipalities.id, municipalityName: municipalities.name, slug: municipalities.slug, languages: municipalities.languages })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row ?? null;
}

async function messageSchool(
  db: Db,
  context: MessageContext,
  request: { id: string; contactName: string; contactEmail: string | null; contactPhone: string | null; language: string; statusToken: string },
  schoolName: string,
  template: string,
  params: Record<string, string>,
  baseUrl: string,
) {
  const lang = isLanguage(request.language) ? request.language : DEFAULT_LANGUAGE;
  const linkLang = context.languages.includes(lang) ? lang : (context.languages[0] ?? DEFAULT_LANGUAGE);
  await enqueueMessage(db, {
    municipalityId: context.municipalityId,
    to: { phone: request.contactPhone && isMobileNumber(request.contactPhone) ? request.contactPhone : null, email: request.contactEmail },
    language: lang,
    template,
    params: {
      name: request.contactName,
      school: schoolName,
      municipality: context.municipalityName,
      link: `${baseUrl}${statusPath(context.slug, linkLang, request.statusToken)}`,
      ...params,
    },
    subjectRef: `workshop_request:${request.id}`,
  });
}

export type CreateWorkshopResult = { ok: true; id: string; statusToken: string } | { ok: false; errors: Record<string, string> };

/** A school asks for a workshop (public form). The school and topic must belong to the municipality. */
export async function createWorkshopRequest(
  db: Db,
  municipalityId: string,
  input: WorkshopRequestInput,
  options: { language?: string; baseUrl?: string; now?: Date } = {},
): Promise<CreateWorkshopResult> {
  const errors: Record<string, string> = {};
  const [school] = isUuid(input.schoolId)
    ? await db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(and(eq(organizations.id, input.schoolId), eq(organizations.municipalityId, municipalityId), eq(organizations.type, "school")))
    : [];
  if (!school) errors.schoolId = "courseRun.school.errors.school";
  let topicId: string | null = null;
  if (input.topic !== OTHER_TOPIC) {
    const [topic] = isUuid(input.topic)
      ? await db.select({ id: topics.id }).from(topics).where(and(eq(topics.id, input.topic), eq(topics.municipalityId, municipalityId)))
      : [];
    if (!topic) errors.topic = "courseRun.school.errors.topic";
    topicId = topic?.id ?? null;
  }
  if (!school || Object.keys(errors).length) return { ok: false, errors };
  const context = await municipalityContext(db, municipalityId);
  if (!context) return { ok: false, errors: { schoolId: "courseRun.school.errors.school" } };
  const statusToken = randomBytes(24).toString("base64url");
  const language = isLanguage(options.language) ? options.language : DEFAULT_LANGUAGE;
  const now = options.now ?? new Date();
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(workshopRequests)
      .values({
        municipalityId,
        schoolId: school.id,
        topicId,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone,
        grade: input.grade,
        pupils: input.pupils,
        preferredDates: input.preferredDates,
        needsDevices: input.needsDevices,
        note: input.note,
        language,
        statusToken,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await messageSchool(tx, context, row, school.name, "workshopReceived", {}, options.baseUrl ?? appBaseUrl());
    return row.id;
  });
  return { ok: true, id, statusToken };
}

export interface WorkshopRequestRow {
  id: string;
  status: WorkshopStatus;
  schoolId: string;
  schoolName: string;
  topicName: Translated | null;
  contactName: string;
  contactEmail: string | null;
  contactPhone: string | null;
  grade: string;
  pupils: number;
  preferredDates: string;
  needsDevices: boolean;
  note: string | null;
  language: string;
  declineReason: string | null;
  statusToken: string;
  createdAt: Date;
  updatedAt: Date;
  runId: string | null;
  planned: { courseId: string; courseTitle: Translated; startsAt: Date; endsAt: Date; venue: string | null; capacity: number } | null;
}

function requestQuery(db: Db) {
  return db
    .select({
      id: workshopRequests.id,
      status: workshopRequests.status,
      schoolId: workshopRequests.schoolId,
      schoolName: organizations.name,
      topicName: topics.name,
      contactName: workshopRequests.contactName,
      contactEmail: workshopRequests.contactEmail,
      contactPhone: workshopRequests.contactPhone,
      grade: workshopRequests.grade,
      pupils: workshopRequests.pupils,
      preferredDates: workshopRequests.preferredDates,
      needsDevices: workshopRequests.needsDevices,
      note: workshopRequests.note,
      language: workshopRequests.language,
      declineReason: workshopRequests.declineReason,
      statusToken: workshopRequests.statusToken,
      createdAt: workshopRequests.createdAt,
      updatedAt: workshopRequests.updatedAt,
      runId: workshopRequests.runId,
      courseId: courses.id,
      courseTitle: courses.title,
      venue: courseRuns.venue,
      capacity: courseRuns.capacity,
      startsAt: sql<Date | string | null>`(select min(${courseSessions.startsAt}) from ${courseSessions} where ${courseSessions.runId} = ${workshopRequests.runId})`,
      endsAt: sql<Date | string | null>`(select max(${courseSessions.endsAt}) from ${courseSessions} where ${courseSessions.runId} = ${workshopRequests.runId})`,
    })
    .from(workshopRequests)
    .innerJoin(organizations, eq(organizations.id, workshopRequests.schoolId))
    .leftJoin(topics, eq(topics.id, workshopRequests.topicId))
    .leftJoin(courseRuns, eq(courseRuns.id, workshopRequests.runId))
    .leftJoin(courses, eq(courses.id, courseRuns.courseId));
}

type RawRow = Awaited<ReturnType<ReturnType<typeof requestQuery>["execute"]>>[number];

function toRow(r: RawRow): WorkshopRequestRow {
  const { courseId, courseTitle, venue, capacity, startsAt, endsAt, ...rest } = r;
  return {
    ...rest,
    planned:
      courseId && courseTitle && startsAt && endsAt && capacity !== null
        ? { courseId, courseTitle, startsAt: new Date(startsAt), endsAt: new Date(endsAt), venue, capacity }
        : null,
  };
}

/** Requests of a municipality: new ones first (oldest first, so nobody waits longest), then the handled ones. */
export async function listWorkshopRequests(db: Db, municipalityId: string, options: { status?: WorkshopStatus } = {}): Promise<WorkshopRequestRow[]> {
  const rows = await requestQuery(db)
    .where(and(eq(workshopRequests.municipalityId, municipalityId), options.status ? eq(workshopRequests.status, options.status) : undefined))
    .orderBy(sql`case ${workshopRequests.status} when 'new' then 0 else 1 end`, sql`case when ${workshopRequests.status} = 'new' then ${workshopRequests.createdAt} end asc`, desc(workshopRequests.updatedAt))
    .limit(500);
  return rows.map(toRow);
}

export async function getWorkshopRequest(db: Db, municipalityId: string, requestId: string): Promise<WorkshopRequestRow | null> {
  if (!isUuid(requestId)) return null;
  const [row] = await requestQuery(db).where(and(eq(workshopRequests.id, requestId), eq(workshopRequests.municipalityId, municipalityId)));
  return row ? toRow(row) : null;
}

/** The public status page of a request, by its secret token. */
export async function getWorkshopRequestByToken(db: Db, municipalityId: string, token: string): Promise<WorkshopRequestRow | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [row] = await requestQuery(db).where(and(eq(workshopRequests.statusToken, token), eq(workshopRequests.municipalityId, municipalityId)));
  return row ? toRow(row) : null;
}

export type PlanResult =
  | { ok: true; runId: string; sessionId: string }
  | { ok: false; error: "unknown" | "handled" | "course" | "past"; message: string };

/** A wall-clock time in Belgium as an instant. */
export function brusselsInstant(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [h, min] = time.split(":").map(Number);
  return new Date(new TZDate(y, m - 1, d, h, min, TIME_ZONE).getTime());
}

/**
 * Plan a request: a new run of the course at the school (venue = the school's name) with one session, the request
 * marked planned, and a message to the school, in one transaction. Audited.
 */
export async function planWorkshop(
  db: Db,
  requestId: string,
  plan: WorkshopPlanInput,
  actor: Actor,
  options: { baseUrl?: string; now?: Date } = {},
): Promise<PlanResult> {
  const now = options.now ?? new Date();
  if (!isUuid(requestId)) return { ok: false, error: "unknown", message: "Deze aanvraag bestaat niet." };
  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(workshopRequests).where(eq(workshopRequests.id, requestId)).for("update");
    if (!request) return { ok: false, error: "unknown", message: "Deze aanvraag bestaat niet." } as const;
    if (request.status !== "new") return { ok: false, error: "handled", message: "Deze aanvraag is al behandeld." } as const;
    const [course] = isUuid(plan.courseId)
      ? await tx
          .select({ id: courses.id, title: courses.title })
          .from(courses)
          .where(and(eq(courses.id, plan.courseId), eq(courses.municipalityId, request.municipalityId)))
      : [];
    if (!course) return { ok: false, error: "course", message: "Kies een cursus uit de lijst." } as const;
    const startsAt = brusselsInstant(plan.date, plan.from);
    const endsAt = brusselsInstant(plan.date, plan.to);
    if (startsAt <= now) return { ok: false, error: "past", message: "Kies een datum en uur in de toekomst." } as const;
    const [school] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, request.schoolId));
    const [run] = await tx.insert(courseRuns).values({ courseId: course.id, venue: school.name, capacity: plan.capacity }).returning({ id: courseRuns.id });
    const [session] = await tx.insert(courseSessions).values({ runId: run.id, startsAt, endsAt }).returning({ id: courseSessions.id });
    await tx
      .update(workshopRequests)
      .set({ status: "planned", runId: run.id, declineReason: null, updatedAt: now })
      .where(eq(workshopRequests.id, request.id));
    await recordAudit(tx, {
      actor,
      municipalityId: request.municipalityId,
      action: "plan",
      entityType: "workshop_request",
      entityId: request.id,
      before: { status: request.status },
      after: { status: "planned", runId: run.id, courseId: course.id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity: plan.capacity },
    });
    const context = await municipalityContext(tx, request.municipalityId);
    if (context) {
      const lang = isLanguage(request.language) ? request.language : DEFAULT_LANGUAGE;
      await messageSchool(
        tx,
        context,
        request,
        school.name,
        "workshopPlanned",
        {
          course: translated(course.title, lang),
          date: formatLongDate(startsAt, lang),
          from: formatClock(startsAt, lang),
          to: formatClock(endsAt, lang),
          venue: school.name,
        },
        options.baseUrl ?? appBaseUrl(),
      );
    }
    return { ok: true, runId: run.id, sessionId: session.id } as const;
  });
}

export type DeclineResult = { ok: true } | { ok: false; error: "unknown" | "handled" | "reason"; message: string };

/** Decline a request with a reason the school reads; a message goes to the school. Audited. */
export async function declineWorkshop(
  db: Db,
  requestId: string,
  reason: string,
  actor: Actor,
  options: { baseUrl?: string; now?: Date } = {},
): Promise<DeclineResult> {
  const now = options.now ?? new Date();
  const text = reason.trim();
  if (!text) return { ok: false, error: "reason", message: "Schrijf waarom u de aanvraag weigert. De school krijgt deze uitleg." };
  if (!isUuid(requestId)) return { ok: false, error: "unknown", message: "Deze aanvraag bestaat niet." };
  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(workshopRequests).where(eq(workshopRequests.id, requestId)).for("update");
    if (!request) return { ok: false, error: "unknown", message: "Deze aanvraag bestaat niet." } as const;
    if (request.status !== "new") return { ok: false, error: "handled", message: "Deze aanvraag is al behandeld." } as const;
    await tx.update(workshopRequests).set({ status: "declined", declineReason: text, updatedAt: now }).where(eq(workshopRequests.id, request.id));
    await recordAudit(tx, {
      actor,
      municipalityId: request.municipalityId,
      action: "decline",
      entityType: "workshop_request",
      entityId: request.id,
      before: { status: request.status },
      after: { status: "declined", reason: text },
    });
    const [school] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, request.schoolId));
    const context = await municipalityContext(tx, request.municipalityId);
    if (context) await messageSchool(tx, context, request, school.name, "workshopDeclined", { reason: text }, options.baseUrl ?? appBaseUrl());
    return { ok: true } as const;
  });
}

/** Courses a coordinator can plan a workshop with: the municipality's courses, for children and youth first. */
export async function workshopCourseOptions(db: Db, municipalityId: string) {
  const rows = await db
    .select({ id: courses.id, title: courses.title, audiences: courses.audiences, published: courses.published })
    .from(courses)
    .where(eq(courses.municipalityId, municipalityId));
  const forSchools = (a: string[]) => a.includes("children") || a.includes("youth");
  return rows
    .map((r) => ({ id: r.id, title: translated(r.title, "nl"), forSchools: forSchools(r.audiences), published: r.published }))
    .sort((a, b) => Number(b.forSchools) - Number(a.forSchools) || a.title.localeCompare(b.title, "nl"));
}
