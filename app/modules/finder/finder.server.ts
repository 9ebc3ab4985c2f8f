import { and, asc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import {
  districts,
  helpPoints,
  helpPointTopics,
  openingHours,
  organizations,
  scheduleExceptions,
  serviceAtLocation,
  services,
  topics,
} from "~/db/schema";
import type { Municipality } from "~/modules/municipality/municipality.server";
import {
  addDaysTo,
  brusselsDate,
  brusselsTime,
  daySchedule,
  openStatus,
  scheduleFrom,
  weekdayOf,
  type OpenStatus,
  type ScheduleException,
  type WeeklyHours,
} from "./opening-hours";
import type { FinderQuery } from "./schema";

export const RESULTS_PER_PAGE = 20;
/** With "open now", the finder checks the hours of no more than this many nearest matches. */
const MAX_CANDIDATES = 400;

export interface Place {
  latitude: number;
  longitude: number;
  /** What the place is: a postcode, "your location", a district. */
  label: string;
}

/** Great-circle distance in km, in SQL, from a place to a help point. */
export function distanceSql(place: Place): SQL<number> {
  return sql<number>`(6371 * 2 * asin(sqrt(
    power(sin(radians(${helpPoints.latitude} - ${place.latitude}) / 2), 2) +
    cos(radians(${place.latitude})) * cos(radians(${helpPoints.latitude})) *
    power(sin(radians(${helpPoints.longitude} - ${place.longitude}) / 2), 2))))`;
}

/** The centre of a postcode: the average position of the help points there (in this municipality first). */
export async function postcodeCentre(db: Db, municipalityId: string, postcode: string): Promise<Place | null> {
  for (const scope of [and(eq(helpPoints.municipalityId, municipalityId), eq(helpPoints.postcode, postcode)), eq(helpPoints.postcode, postcode)]) {
    const [row] = await db
      .select({ lat: sql<number | null>`avg(${helpPoints.latitude})`, lng: sql<number | null>`avg(${helpPoints.longitude})` })
      .from(helpPoints)
      .where(scope);
    if (row?.lat != null && row.lng != null) return { latitude: Number(row.lat), longitude: Number(row.lng), label: postcode };
  }
  return null;
}

export interface LoadedSchedule {
  weekly: WeeklyHours[];
  exceptions: ScheduleException[];
}

/** Weekly hours and exceptions (from a week ago to `daysAhead` ahead) for several help points in two queries. */
export async function loadSchedules(db: Db, pointIds: string[], today: string, daysAhead = 60): Promise<Map<string, LoadedSchedule>> {
  const result = new Map<string, LoadedSchedule>(pointIds.map((id) => [id, { weekly: [], exceptions: [] }]));
  if (pointIds.length === 0) return result;
  const [hours, exceptions] = await Promise.all([
    db.select().from(openingHours).where(inArray(openingHours.helpPointId, pointIds)).orderBy(asc(openingHours.weekday), asc(openingHours.opens)),
    db
      .select()
      .from(scheduleExceptions)
      .where(
        and(
          inArray(scheduleExceptions.helpPointId, pointIds),
          gte(scheduleExceptions.date, addDaysTo(today, -7)),
          lte(scheduleExceptions.date, addDaysTo(today, daysAhead)),
        ),
      )
      .orderBy(asc(scheduleExceptions.date)),
  ]);
  for (const h of hours) result.get(h.helpPointId)!.weekly.push(h);
  for (const e of exceptions) result.get(e.helpPointId)!.exceptions.push(e);
  return result;
}

export interface PointSummary {
  id: string;
  name: string;
  type: string;
  street: string;
  postcode: string;
  city: string;
  district: string | null;
  distanceKm: number | null;
  walkIn: boolean;
  byAppointment: boolean;
  wheelchairAccessible: boolean;
  languages: string[];
  latitude: number | null;
  longitude: number | null;
  status: OpenStatus;
}

export interface SearchResult {
  total: number;
  page: number;
  pages: number;
  place: Place | null;
  /** The postcode was valid but we know no help point near it. */
  unknownPostcode: boolean;
  results: PointSummary[];
}

export async function searchHelpPoints(
  db: Db,
  municipality: Pick<Municipality, "id">,
  query: FinderQuery,
  now: Date = new Date(),
): Promise<SearchResult> {
  let place: Place | null = null;
  let unknownPostcode = false;
  if (query.lat != null && query.lng != null) {
    place = { latitude: query.lat, longitude: query.lng, label: "location" };
  } else if (query.postcode) {
    place = await postcodeCentre(db, municipality.id, query.postcode);
    unknownPostcode = !place;
  }

  const today = brusselsDate(now);
  const time = brusselsTime(now);
  const conditions: SQL[] = [eq(helpPoints.municipalityId, municipality.id), eq(helpPoints.active, true)];
  if (query.topic) {
    conditions.push(sql`exists (select 1 from ${helpPointTopics} hpt join ${topics} t on t.id = hpt.topic_id
      where hpt.help_point_id = ${helpPoints.id} and t.code = ${query.topic})`);
  }
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(${helpPoints.name} ilike ${pattern}
      or exists (select 1 from ${helpPointTopics} hpt join ${topics} t on t.id = hpt.topic_id
        where hpt.help_point_id = ${helpPoints.id} and t.name::text ilike ${pattern})
      or exists (select 1 from ${serviceAtLocation} sal join ${services} s on s.id = sal.service_id
        where sal.help_point_id = ${helpPoints.id} and s.name::text ilike ${pattern}))`);
  }
  if (query.district) conditions.push(eq(helpPoints.districtId, query.district));
  if (query.access === "walk_in") conditions.push(eq(helpPoints.walkIn, true));
  if (query.access === "appointment") conditions.push(eq(helpPoints.byAppointment, true));
  if (query.wheelchair) conditions.push(eq(helpPoints.wheelchairAccessible, true));
  if (query.language) conditions.push(sql`${query.language} = any(${helpPoints.languages})`);
  if (query.open) {
    // A cheap SQL pre-filter on the regular hours and extra openings; closures and holidays are applied below.
    const weekday = weekdayOf(today);
    conditions.push(sql`(exists (select 1 from ${openingHours} oh where oh.help_point_id = ${helpPoints.id}
        and oh.weekday = ${weekday} and oh.opens <= ${time}::time and oh.closes > ${time}::time)
      or exists (select 1 from ${scheduleExceptions} se where se.help_point_id = ${helpPoints.id}
        and se.kind = 'open' and se.date = ${today}::date and se.opens <= ${time}::time and se.closes > ${time}::time))`);
  }

  const distance = place ? distanceSql(place) : sql<null>`null`;
  const candidates = (limit: number, offset: number) =>
    db
      .select({
        id: helpPoints.id,
        name: helpPoints.name,
        type: helpPoints.type,
        street: helpPoints.street,
        postcode: helpPoints.postcode,
        city: helpPoints.city,
        district: districts.name,
        walkIn: helpPoints.walkIn,
        byAppointment: helpPoints.byAppointment,
        wheelchairAccessible: helpPoints.wheelchairAccessible,
        languages: helpPoints.languages,
        latitude: helpPoints.latitude,
        longitude: helpPoints.longitude,
        distanceKm: distance,
        total: sql<number>`count(*) over ()`,
      })
      .from(helpPoints)
      .leftJoin(districts, eq(districts.id, helpPoints.districtId))
      .where(and(...conditions))
      .orderBy(place ? sql`${distance} asc nulls last` : asc(helpPoints.name), asc(helpPoints.id))
      .limit(limit)
      .offset(offset);
  type Candidate = Awaited<ReturnType<typeof candidates>>[number];

  // Opening status costs a schedule per point: work it out for every candidate only when "open now" filters on
  // it, otherwise the database pages and only the shown points get a status.
  const withStatus = async (rows: Candidate[]): Promise<PointSummary[]> => {
    const schedules = await loadSchedules(db, rows.map((r) => r.id), today);
    return rows.map(({ total: _total, ...row }) => {
      const schedule = schedules.get(row.id)!;
      return {
        ...row,
        distanceKm: row.distanceKm == null ? null : Number(row.distanceKm),
        status: openStatus(now, schedule.weekly, schedule.exceptions),
      };
    });
  };
  const pagesFor = (total: number) => Math.max(1, Math.ceil(total / RESULTS_PER_PAGE));

  let total: number;
  let page: number;
  let results: PointSummary[];
  if (query.open) {
    const open = (await withStatus(await candidates(MAX_CANDIDATES, 0))).filter((r) => r.status.openNow);
    total = open.length;
    page = Math.min(query.page, pagesFor(total));
    results = open.slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE);
  } else {
    page = query.page;
    let rows = await candidates(RESULTS_PER_PAGE, (page - 1) * RESULTS_PER_PAGE);
    if (rows.length === 0 && page > 1) {
      // A page past the end (an old link): show the last page instead.
      const [first] = await candidates(1, 0);
      page = pagesFor(Number(first?.total ?? 0));
      rows = await candidates(RESULTS_PER_PAGE, (page - 1) * RESULTS_PER_PAGE);
    }
    total = Number(rows[0]?.total ?? 0);
    results = await withStatus(rows);
  }
  const pages = pagesFor(total);
  return { total, page, pages, place, unknownPostcode, results };
}

export async function getHelpPointDetails(db: Db, municipalityId: string, pointId: string, now: Date = new Date(), lang = "nl") {
  if (!/^[0-9a-f-]{36}$/i.test(pointId)) return null;
  const [point] = await db
    .select({ point: helpPoints, organization: { id: organizations.id, name: organizations.name, website: organizations.website }, district: districts.name })
    .from(helpPoints)
    .innerJoin(organizations, eq(organizations.id, helpPoints.organizationId))
    .leftJoin(districts, eq(districts.id, helpPoints.districtId))
    .where(and(eq(helpPoints.id, pointId), eq(helpPoints.municipalityId, municipalityId), eq(helpPoints.active, true)))
    .limit(1);
  if (!point) return null;
  const today = brusselsDate(now);
  const [pointTopics, pointServices, schedules] = await Promise.all([
    db
      .select({ code: topics.code, icon: topics.icon, name: topics.name })
      .from(helpPointTopics)
      .innerJoin(topics, eq(topics.id, helpPointTopics.topicId))
      .where(eq(helpPointTopics.helpPointId, pointId))
      .orderBy(asc(topics.position)),
    db
      .select({ id: services.id, name: services.name, description: services.description, free: services.free })
      .from(serviceAtLocation)
      .innerJoin(services, eq(services.id, serviceAtLocation.serviceId))
      .where(eq(serviceAtLocation.helpPointId, pointId)),
    loadSchedules(db, [pointId], today, 120),
  ]);
  const { weekly, exceptions } = schedules.get(pointId)!;
  const week = scheduleFrom(today, 7, weekly, exceptions, lang);
  // Pop-up points and extra sessions: the next dates with extra hours.
  const nextDates = exceptions
    .filter((e) => e.kind === "open" && e.date >= today)
    .map((e) => daySchedule(e.date, weekly, exceptions, lang))
    .filter((d, i, all) => d.intervals.length > 0 && all.findIndex((x) => x.date === d.date) === i)
    .slice(0, 6);
  return {
    ...point.point,
    organization: point.organization,
    district: point.district,
    topics: pointTopics,
    services: pointServices,
    week,
    nextDates,
    status: openStatus(now, weekly, exceptions),
  };
}
export type HelpPointDetails = NonNullable<Awaited<ReturnType<typeof getHelpPointDetails>>>;

const spokenLanguagesCache = new Map<string, { expires: number; codes: string[] }>();

/**
 * Languages the helpers speak somewhere in the municipality, for the finder's language filter. It reads every
 * help point, so it is kept for a minute: a new language shows up in the filter within that time.
 */
export async function listSpokenLanguages(db: Db, municipalityId: string, now = Date.now()): Promise<string[]> {
  const hit = spokenLanguagesCache.get(municipalityId);
  if (hit && hit.expires > now) return hit.codes;
  const rows = await db
    .selectDistinct({ code: sql<string>`unnest(${helpPoints.languages})` })
    .from(helpPoints)
    .where(and(eq(helpPoints.municipalityId, municipalityId), eq(helpPoints.active, true)));
  const order = ["nl", "fr", "en", "ar"];
  const codes = rows
    .map((r) => r.code)
    .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  spokenLanguagesCache.set(municipalityId, { expires: now + 60_000, codes });
  return codes;
}
