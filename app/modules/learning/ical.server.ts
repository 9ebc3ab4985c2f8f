/**
 * iCalendar (RFC 5545) for course sessions: a feed per municipality and per course, and `sessionsToIcs` for any
 * list of sessions (a registration's own calendar file uses it too). Times are written in UTC, UIDs are stable
 * (the session id), so a calendar that subscribes to a feed updates events instead of duplicating them.
 */
import { and, eq } from "drizzle-orm";
import { createEvents, type EventAttributes } from "ics";
import type { Db } from "~/db/client.server";
import { courses } from "~/db/schema";
import { translated } from "~/i18n/languages";
import type { Municipality } from "~/modules/municipality/municipality.server";
import { isUuid } from "~/modules/offer/help-points.server";
import { feedSessions, type FeedSession } from "./catalogue.server";

export const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8";

export interface IcsSession {
  /** Session id: the event's UID becomes "<id>@digibrug". */
  id: string;
  title: string;
  description?: string;
  startsAt: Date;
  endsAt: Date;
  /** The address (or the venue text). */
  location?: string;
  /** The course page. */
  url?: string;
  geo?: { lat: number; lon: number } | null;
  cancelled?: boolean;
}

export interface IcsOptions {
  /** Calendar name shown when someone subscribes (X-WR-CALNAME). */
  calendarName?: string;
}

const PRODUCT_ID = "-//Digibrug//Cursussen//NL";

/** Escape a TEXT value (RFC 5545 §3.3.11) for the hand-written empty calendar. */
function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
}

/** An iCalendar document with one VEVENT per session. Throws when a session cannot be written. */
export function sessionsToIcs(sessions: readonly IcsSession[], options: IcsOptions = {}): string {
  if (sessions.length === 0) {
    // The ics package writes its own PRODID for an empty calendar; an empty feed is still a valid calendar.
    return [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "CALSCALE:GREGORIAN",
      `PRODID:${PRODUCT_ID}`,
      "METHOD:PUBLISH",
      ...(options.calendarName ? [`X-WR-CALNAME:${escapeText(options.calendarName)}`] : []),
      "END:VCALENDAR",
      "",
    ].join("\r\n");
  }
  const events: EventAttributes[] = sessions.map((s) => ({
    uid: `${s.id}@digibrug`,
    start: s.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: s.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: s.title,
    ...(s.description ? { description: s.description } : {}),
    ...(s.location ? { location: s.location } : {}),
    ...(s.url ? { url: s.url } : {}),
    ...(s.geo ? { geo: s.geo } : {}),
    status: s.cancelled ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
  }));
  const { error, value } = createEvents(events, {
    productId: PRODUCT_ID,
    method: "PUBLISH",
    ...(options.calendarName ? { calName: options.calendarName } : {}),
  });
  if (error || !value) throw error ?? new Error("Could not write the calendar");
  return value;
}

/** "Digipunt Kiel, Sint-Bernardsesteenweg 1, 2020 Antwerpen", or the venue text. */
export function sessionLocation(session: Pick<FeedSession, "place" | "venue">): string | undefined {
  if (session.place) return `${session.place.name}, ${session.place.street}, ${session.place.postcode} ${session.place.city}`;
  return session.venue ?? undefined;
}

const LESSON: Record<string, (n: number, of: number) => string> = {
  nl: (n, of) => `les ${n} van ${of}`,
  fr: (n, of) => `séance ${n} sur ${of}`,
  en: (n, of) => `lesson ${n} of ${of}`,
  ar: (n, of) => `الدرس ${n} من ${of}`,
};

/** The public course page of a course, absolute. */
export function coursePageUrl(origin: string, slug: string, lang: string, courseId: string): string {
  return `${origin}/${slug}/${lang}/cursussen/${courseId}`;
}

/** Feed sessions as calendar events in one language. */
export function feedSessionsToIcs(
  sessions: readonly FeedSession[],
  context: { origin: string; municipality: Pick<Municipality, "slug" | "name">; lang: string; calendarName: string },
): string {
  const lesson = LESSON[context.lang] ?? LESSON.nl;
  return sessionsToIcs(
    sessions.map((s) => {
      const title = translated(s.title, context.lang);
      const url = coursePageUrl(context.origin, context.municipality.slug, context.lang, s.courseId);
      const description = [translated(s.description, context.lang), url].filter(Boolean).join("\n\n");
      return {
        id: s.id,
        title: s.of > 1 ? `${title} (${lesson(s.number, s.of)})` : title,
        description,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        location: sessionLocation(s),
        url,
        geo: s.place?.latitude != null && s.place.longitude != null ? { lat: s.place.latitude, lon: s.place.longitude } : null,
      };
    }),
    { calendarName: context.calendarName },
  );
}

const CALENDAR_NAME: Record<string, (city: string, course?: string) => string> = {
  nl: (city, course) => (course ? `${course} — ${city}` : `Cursussen ${city}`),
  fr: (city, course) => (course ? `${course} — ${city}` : `Formations ${city}`),
  en: (city, course) => (course ? `${course} — ${city}` : `Courses ${city}`),
  ar: (city, course) => (course ? `${course} — ${city}` : `دورات ${city}`),
};

/** The municipality's feed (courseId undefined) or one course's feed, or null for an unknown course. */
export async function courseCalendar(
  db: Db,
  municipality: Pick<Municipality, "id" | "slug" | "name" | "languages" | "defaultLanguage">,
  options: { origin: string; lang?: string | null; courseId?: string; now?: Date },
): Promise<string | null> {
  const lang = options.lang && municipality.languages.includes(options.lang) ? options.lang : municipality.defaultLanguage;
  let courseTitle: string | undefined;
  if (options.courseId) {
    const [course] = isUuid(options.courseId)
      ? await db
          .select({ title: courses.title })
          .from(courses)
          .where(and(eq(courses.id, options.courseId), eq(courses.municipalityId, municipality.id), eq(courses.published, true)))
      : [];
    if (!course) return null;
    courseTitle = translated(course.title, lang);
  }
  const sessions = await feedSessions(db, municipality.id, { courseId: options.courseId, now: options.now });
  const name = (CALENDAR_NAME[lang] ?? CALENDAR_NAME.nl)(municipality.name, courseTitle);
  return feedSessionsToIcs(sessions, { origin: options.origin, municipality, lang, calendarName: name });
}
