/**
 * Short, optional feedback after a course, and the follow-up message that asks for it.
 *
 * The answers are anonymous: a course_feedback row knows the run, not the person, and its date is kept to the day.
 * The registration only remembers that feedback was given (once per registration). The follow-up message after
 * the last session carries a secret link of its own (followup_token_hash), which opens the feedback form and the
 * certificate; setting it is also what makes the message go out once.
 */
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { courseFeedback, courseRuns, courses, courseSessions, municipalities, organizations, registrations } from "~/db/schema";
import { DEFAULT_LANGUAGE, isLanguage, translated } from "~/i18n/languages";
import { enqueueMessage } from "~/modules/notifications/outbox.server";
import { appBaseUrl, newToken } from "~/modules/shared/secrets.server";
import { COMMENT_MAX } from "./feedback-form";
import { isMobileNumber } from "./registration-schema";

export { COMMENT_MAX, FEEDBACK_QUESTIONS, FEEDBACK_SCALE, type FeedbackQuestion } from "./feedback-form";

export interface FeedbackAnswers {
  liked: number | null;
  learned: number | null;
  clear: number | null;
  comment: string | null;
}

export type SaveFeedbackResult = { ok: true } | { ok: false; error: "already" | "unknown" };

const inScale = (value: number | null) => (value === null || (Number.isInteger(value) && value >= 1 && value <= 5) ? value : null);

/** Save the answers once per registration. All answers are optional; an empty form still counts as answered. */
export async function saveFeedback(db: Db, registrationId: string, answers: FeedbackAnswers): Promise<SaveFeedbackResult> {
  return db.transaction(async (tx) => {
    // Not touching updated_at: the moment of answering must not point back to the person.
    const [claimed] = await tx
      .update(registrations)
      .set({ feedbackGiven: true })
      .where(and(eq(registrations.id, registrationId), eq(registrations.feedbackGiven, false), eq(registrations.status, "registered")))
      .returning({ runId: registrations.runId });
    if (!claimed) {
      const [exists] = await tx.select({ given: registrations.feedbackGiven }).from(registrations).where(eq(registrations.id, registrationId));
      return { ok: false, error: exists?.given ? "already" : "unknown" } as const;
    }
    const comment = answers.comment?.trim().slice(0, COMMENT_MAX) || null;
    await tx.insert(courseFeedback).values({
      runId: claimed.runId,
      liked: inScale(answers.liked),
      learned: inScale(answers.learned),
      clear: inScale(answers.clear),
      comment,
      createdAt: sql`date_trunc('day', now())`,
    });
    return { ok: true } as const;
  });
}

/** The feedback form opens when the last session of the run has begun. */
export function feedbackOpen(sessions: { startsAt: Date }[], now: Date = new Date()): boolean {
  const last = sessions.reduce<Date | null>((latest, s) => (!latest || s.startsAt > latest ? s.startsAt : latest), null);
  return Boolean(last && last <= now);
}

/** Averages and comments per run, for staff (anonymous). */
export async function feedbackSummary(db: Db, runId: string) {
  const [row] = await db
    .select({
      answers: sql<number>`count(*)::int`,
      liked: sql<number | null>`round(avg(${courseFeedback.liked}), 1)::float`,
      learned: sql<number | null>`round(avg(${courseFeedback.learned}), 1)::float`,
      clear: sql<number | null>`round(avg(${courseFeedback.clear}), 1)::float`,
    })
    .from(courseFeedback)
    .where(eq(courseFeedback.runId, runId));
  const comments = await db
    .select({ comment: courseFeedback.comment })
    .from(courseFeedback)
    .where(and(eq(courseFeedback.runId, runId), sql`${courseFeedback.comment} is not null`));
  return { answers: Number(row?.answers ?? 0), liked: row?.liked ?? null, learned: row?.learned ?? null, clear: row?.clear ?? null, comments: comments.map((c) => c.comment!) };
}

/** Follow-up messages go out for runs whose last session ended at most this long ago (not for old runs). */
const FOLLOW_UP_WINDOW_DAYS = 14;

/**
 * After the last session of a run: one message per registered person with a phone number or e-mail address,
 * with a link to the feedback form (and to the certificate when they completed the course). People who were
 * marked absent at every session they were marked for get nothing. Safe to run in several instances at once.
 */
export async function sendFeedbackRequests(db: Db, now: Date = new Date(), options: { baseUrl?: string } = {}): Promise<{ sent: number }> {
  const baseUrl = options.baseUrl ?? appBaseUrl();
  const lastEnd = sql`(select max(${courseSessions.endsAt}) from ${courseSessions} where ${courseSessions.runId} = ${courseRuns.id})`;
  const due = await db
    .select({ id: registrations.id })
    .from(registrations)
    .innerJoin(courseRuns, eq(courseRuns.id, registrations.runId))
    .where(
      and(
        eq(registrations.status, "registered"),
        isNull(registrations.followupTokenHash),
        eq(registrations.feedbackGiven, false),
        or(sql`${registrations.phone} is not null`, sql`${registrations.email} is not null`),
        eq(courseRuns.cancelled, false),
        sql`${lastEnd} <= ${now.toISOString()}::timestamptz`,
        sql`${lastEnd} > ${new Date(now.getTime() - FOLLOW_UP_WINDOW_DAYS * 24 * 3600_000).toISOString()}::timestamptz`,
        // Not for someone who never came: no marks at all, or at least one "present".
        sql`(not exists (select 1 from attendance a where a.registration_id = ${registrations.id})
            or exists (select 1 from attendance a where a.registration_id = ${registrations.id} and a.present))`,
      ),
    )
    .limit(500);
  let sent = 0;
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      const { token, hash } = newToken();
      const [person] = await tx
        .update(registrations)
        .set({ followupTokenHash: hash })
        .where(and(eq(registrations.id, id), isNull(registrations.followupTokenHash), eq(registrations.status, "registered")))
        .returning();
      if (!person) return false;
      const [context] = await tx
        .select({
          courseTitle: courses.title,
          municipalityId: municipalities.id,
          municipalityName: municipalities.name,
          slug: municipalities.slug,
          languages: municipalities.languages,
        })
        .from(courseRuns)
        .innerJoin(courses, eq(courses.id, courseRuns.courseId))
        .innerJoin(municipalities, eq(municipalities.id, courses.municipalityId))
        .where(eq(courseRuns.id, person.runId));
      if (!context) return false;
      const lang = isLanguage(person.language) ? person.language : DEFAULT_LANGUAGE;
      const linkLang = context.languages.includes(lang) ? lang : (context.languages[0] ?? DEFAULT_LANGUAGE);
      const base = `${baseUrl}/${context.slug}/${linkLang}/inschrijving/${token}`;
      const completed = person.completedAt !== null;
      const queued = await enqueueMessage(tx, {
        municipalityId: context.municipalityId,
        to: { phone: person.phone && isMobileNumber(person.phone) ? person.phone : null, email: person.email },
        language: lang,
        template: completed ? "courseFollowupCompleted" : "courseFollowup",
        params: {
          name: person.name,
          course: translated(context.courseTitle, lang),
          municipality: context.municipalityName,
          link: `${base}/feedback`,
          certificate: `${base}/getuigschrift`,
        },
        subjectRef: `registration:${person.id}`,
      });
      return queued > 0;
    });
    if (done) sent++;
  }
  return { sent };
}

export interface LearnerCertificate {
  registrationId: string;
  runId: string;
  status: string;
  name: string;
  language: string;
  completedAt: Date | null;
  courseTitle: Parameters<typeof translated>[0];
  level: "starter" | "basic" | "advanced";
  digcompIds: string[];
  organiser: string;
  municipalityName: string;
  dates: Date[];
}

/** What a certificate says about a registration (the caller checks completion). */
export async function certificateData(db: Db, registrationId: string): Promise<LearnerCertificate | null> {
  const [row] = await db
    .select({
      registrationId: registrations.id,
      name: registrations.name,
      language: registrations.language,
      completedAt: registrations.completedAt,
      runId: registrations.runId,
      status: registrations.status,
      courseTitle: courses.title,
      level: courses.level,
      digcompIds: courses.digcompIds,
      organiser: organizations.name,
      municipalityName: municipalities.name,
    })
    .from(registrations)
    .innerJoin(courseRuns, eq(courseRuns.id, registrations.runId))
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .innerJoin(organizations, eq(organizations.id, courses.organizerId))
    .innerJoin(municipalities, eq(municipalities.id, courses.municipalityId))
    .where(eq(registrations.id, registrationId));
  if (!row) return null;
  const sessions = await db.select({ startsAt: courseSessions.startsAt }).from(courseSessions).where(eq(courseSessions.runId, row.runId));
  return {
    registrationId: row.registrationId,
    runId: row.runId,
    status: row.status,
    name: row.name,
    language: row.language,
    completedAt: row.completedAt,
    courseTitle: row.courseTitle,
    level: row.level,
    digcompIds: row.digcompIds,
    organiser: row.organiser,
    municipalityName: row.municipalityName,
    dates: sessions.map((s) => s.startsAt),
  };
}
