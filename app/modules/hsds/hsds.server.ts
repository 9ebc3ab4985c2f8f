/**
 * Open Referral HSDS 3.0: the read-only, open API of one municipality (/api/hsds/{municipality}/...).
 *
 * Mapping: organizations → organization; active help_points → location (with address, phones, languages,
 * accessibility, weekly schedules and upcoming exceptions); services → service; service_at_location →
 * service_at_location; topics → taxonomy_term (one taxonomy per municipality, id = municipality id).
 * Published courses with sessions to come → service too (runs at help points → service_at_location with the run's id,
 * sessions → one-day schedules); see "Courses as services" below.
 * Every query is scoped to the municipality. List endpoints batch-load related rows (no N+1).
 *
 * Every function returns a plain result, { status: 200, body } or { status: 400 | 404, body: { error } };
 * the resource routes turn it into a Response.
 */
import { postcodeCentre } from "~/modules/finder/finder.server";
import { createHash } from "node:crypto";
import { and, asc, count, eq, exists, gte, ilike, inArray, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { TZDate } from "@date-fns/tz";
import {
  courseRuns,
  courses,
  courseSessions,
  courseTopics,
  helpPoints,
  helpPointTopics,
  openingHours,
  organizations,
  scheduleExceptions,
  serviceAtLocation,
  services,
  topics,
  type HelpPointRow,
  type Translated,
} from "~/db/schema";
import { formatEuro } from "~/i18n/format";
import { isLanguage, SPOKEN_LANGUAGE_NAMES, translated } from "~/i18n/languages";
import { brusselsDate, brusselsTime, TIME_ZONE } from "~/modules/finder/opening-hours";
import { findMunicipality, type Municipality } from "~/modules/municipality/municipality.server";

export const HSDS_VERSION = "3.0";
export const HSDS_PROFILE = "https://openreferral.org/specification/3.0";
export const HSDS_OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json";
export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 200;
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LATITUDE = 111.32;

// ---------------------------------------------------------------------------------------------
// Results and HSDS object types
// ---------------------------------------------------------------------------------------------

export interface HsdsError {
  error: string;
}

export type HsdsResult<T> = { status: 200; body: T } | { status: 400 | 404; body: HsdsError };

export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export interface HsdsRoot {
  version: string;
  profile: string;
  openapi_url: string;
}

/** An HSDS object: only keys that have a value are present (the schemas do not allow null). */
type HsdsObject = Record<string, unknown> & { id: string };

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  version: string;
}

export interface HsdsTaxonomyTerm extends HsdsObject {
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  language: string;
}

export interface HsdsOrganization extends HsdsObject {
  name: string;
  description: string;
}

export interface HsdsService extends HsdsObject {
  name: string;
  status: "active";
}

export interface HsdsLocation extends HsdsObject {
  location_type: "physical";
}

export interface HsdsServiceAtLocation extends HsdsObject {
  service_id: string;
  location_id: string;
}

const ok = <T>(body: T): HsdsResult<T> => ({ status: 200, body });
const badRequest = (error: string): HsdsResult<never> => ({ status: 400, body: { error } });
const notFound = (error: string): HsdsResult<never> => ({ status: 404, body: { error } });
const unknownMunicipality = () => notFound("Unknown municipality");

// ---------------------------------------------------------------------------------------------
// Query parameters
// ---------------------------------------------------------------------------------------------

/** Anything with get(name): URLSearchParams, or a plain object in tests. */
export type QueryInput = URLSearchParams | Record<string, string | undefined>;

function queryObject(input: QueryInput): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input);
  for (const [key, value] of entries) {
    // The first value wins; an empty value counts as absent (?search= is no filter).
    if (typeof value === "string" && value.trim() !== "" && !(key in out)) out[key] = value.trim();
  }
  return out;
}

const positiveInteger = (name: string, max: number, maxMessage: string) =>
  z
    .string()
    .regex(/^[0-9]{1,9}$/, `${name} must be a positive integer`)
    .transform(Number)
    .pipe(z.number().int().min(1, `${name} must be a positive integer`).max(max, maxMessage));

const uuidParam = (name: string) => z.guid(`${name} must be a UUID`).transform((v) => v.toLowerCase());

const booleanParam = (name: string) =>
  z.enum(["true", "false"], `${name} must be true or false`).transform((v) => v === "true");

const commonParams = {
  page: positiveInteger("page", 1_000_000, "page is too large").default(1),
  per_page: positiveInteger("per_page", MAX_PER_PAGE, `per_page must be at most ${MAX_PER_PAGE}`).default(
    DEFAULT_PER_PAGE,
  ),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/, "lang must be a language code such as nl, fr, en or ar")
    .default("nl"),
  search: z.string().max(100, "search must be at most 100 characters").optional(),
};

const serviceListParams = z.object({
  ...commonParams,
  taxonomy_term_id: uuidParam("taxonomy_term_id").optional(),
  organization_id: uuidParam("organization_id").optional(),
});

const serviceAtLocationListParams = z
  .object({
    ...commonParams,
    taxonomy_term_id: uuidParam("taxonomy_term_id").optional(),
    organization_id: uuidParam("organization_id").optional(),
    postcode: z
      .string()
      .regex(/^[0-9]{4}$/, "postcode must be 4 digits")
      .optional(),
    proximity: z
      .string()
      .regex(/^[0-9]+(\.[0-9]+)?$/, "proximity must be a number of metres")
      .transform(Number)
      .pipe(
        z.number().positive("proximity must be greater than 0").max(1_000_000, "proximity must be at most 1000000 metres"),
      )
      // The specification counts in metres; distances are computed in kilometres.
      .transform((metres) => metres / 1000)
      .optional(),
    full: booleanParam("full").default(false),
  })
  .refine((p) => p.proximity === undefined || p.postcode !== undefined, {
    message: "proximity needs a postcode",
    path: ["proximity"],
  });

const organizationListParams = z.object({ ...commonParams });
const taxonomyListParams = z.object({ ...commonParams });
const taxonomyTermListParams = z.object({ ...commonParams, taxonomy_id: uuidParam("taxonomy_id").optional() });
const detailParams = z.object({ lang: commonParams.lang });

type ParseResult<T> = { ok: true; data: T } | { ok: false; result: HsdsResult<never> };

function parseParams<S extends z.ZodType>(schema: S, input: QueryInput): ParseResult<z.output<S>> {
  const parsed = schema.safeParse(queryObject(input));
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, result: badRequest(issue?.message ?? "Invalid query parameters") };
}

const isGuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** Drops null, undefined and empty strings: HSDS fields are typed (string, number) and not nullable. */
function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined && v !== "")) as T;
}

const NAMESPACE = Buffer.from("6f0f1d8e4a3b4c7d9e2f0a1b2c3d4e5f", "hex");

/** A stable UUID (version 5 layout) for HSDS rows that have no row of their own (address, phone, attribute...). */
export function derivedId(...parts: string[]): string {
  const hash = createHash("sha1").update(NAMESPACE).update(parts.join("\u001f")).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Matches the search text in any translation of a jsonb Translated column. */
function translatedMatches(column: AnyColumn, pattern: string): SQL {
  return sql`exists (select 1 from jsonb_each_text(${column}) as tr(lang, value) where tr.value ilike ${pattern})`;
}

/** The language actually used for a Translated value. */
function languageOf(value: Translated | null | undefined, lang: string): string {
  return value && value[lang] ? lang : "nl";
}

function hhmm(time: string): string {
  return time.slice(0, 5);
}

function isEmail(value: string | null | undefined): value is string {
  return !!value && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

function normalizeUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

function page<T>(contents: T[], total: number, pageNumber: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const offsetOf = (p: { page: number; per_page: number }) => (p.page - 1) * p.per_page;

type Phrase = Record<"nl", string> & Partial<Record<string, string>>;
const PHRASES = {
  wheelchair: {
    nl: "Rolstoeltoegankelijk",
    fr: "Accessible en fauteuil roulant",
    en: "Wheelchair accessible",
    ar: "يمكن الوصول إليه بكرسي متحرك",
  },
  notWheelchair: {
    nl: "Niet rolstoeltoegankelijk",
    fr: "Pas accessible en fauteuil roulant",
    en: "Not wheelchair accessible",
    ar: "لا يمكن الوصول إليه بكرسي متحرك",
  },
  walkIn: { nl: "Vrij binnenlopen", fr: "Sans rendez-vous", en: "Walk in", ar: "بدون موعد" },
  byAppointment: { nl: "Op afspraak", fr: "Sur rendez-vous", en: "By appointment", ar: "بموعد" },
  free: { nl: "Gratis", fr: "Gratuit", en: "Free", ar: "مجاني" },
  closed: { nl: "Gesloten", fr: "Fermé", en: "Closed", ar: "مغلق" },
  extraOpening: { nl: "Extra opening", fr: "Ouverture supplémentaire", en: "Extra opening", ar: "فتح إضافي" },
  localTime: {
    nl: "Uren in lokale tijd (Europe/Brussels).",
    fr: "Heures en heure locale (Europe/Brussels).",
    en: "Times in local time (Europe/Brussels).",
    ar: "الأوقات بالتوقيت المحلي (Europe/Brussels).",
  },
  course: { nl: "Cursus", fr: "Formation", en: "Course", ar: "دورة" },
  inPerson: { nl: "Ter plaatse", fr: "Sur place", en: "In person", ar: "حضوريًا" },
  online: { nl: "Online", fr: "En ligne", en: "Online", ar: "عبر الإنترنت" },
  standardPrice: { nl: "Gewone prijs", fr: "Prix normal", en: "Standard price", ar: "السعر العادي" },
  uitpasPrice: {
    nl: "Met UiTPAS-kansentarief",
    fr: "Avec UiTPAS au tarif réduit",
    en: "With UiTPAS reduced rate",
    ar: "مع UiTPAS بالسعر المخفّض",
  },
  registration: {
    nl: "Inschrijven is nodig: op de cursuspagina van Digibrug, of bel de stad.",
    fr: "L'inscription est nécessaire : sur la page de la formation sur Digibrug, ou appelez la ville.",
    en: "Registration is needed: on the course page on Digibrug, or call the city.",
    ar: "التسجيل ضروري: في صفحة الدورة على Digibrug، أو اتصل بالمدينة.",
  },
  publicHolidays: {
    nl: "Gesloten op Belgische wettelijke feestdagen.",
    fr: "Fermé les jours fériés légaux belges.",
    en: "Closed on Belgian public holidays.",
    ar: "مغلق في أيام العطل الرسمية البلجيكية.",
  },
} satisfies Record<string, Phrase>;

const phrase = (key: keyof typeof PHRASES, lang: string): string => translated(PHRASES[key], lang);

const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

/** Belgian province (state_province) and region from the postcode. */
export function belgianProvince(postcode: string): { province: string; region: string } {
  const n = Number(postcode);
  if (n < 1300) return { province: "Brussels Hoofdstedelijk Gewest", region: "Brussel" };
  if (n < 1500) return { province: "Waals-Brabant", region: "Wallonië" };
  if (n < 2000) return { province: "Vlaams-Brabant", region: "Vlaanderen" };
  if (n < 3000) return { province: "Antwerpen", region: "Vlaanderen" };
  if (n < 3500) return { province: "Vlaams-Brabant", region: "Vlaanderen" };
  if (n < 4000) return { province: "Limburg", region: "Vlaanderen" };
  if (n < 5000) return { province: "Luik", region: "Wallonië" };
  if (n < 6000) return { province: "Namen", region: "Wallonië" };
  if (n < 6600) return { province: "Henegouwen", region: "Wallonië" };
  if (n < 7000) return { province: "Luxemburg", region: "Wallonië" };
  if (n < 8000) return { province: "Henegouwen", region: "Wallonië" };
  if (n < 9000) return { province: "West-Vlaanderen", region: "Vlaanderen" };
  return { province: "Oost-Vlaanderen", region: "Vlaanderen" };
}

// ---------------------------------------------------------------------------------------------
// Mappers (rows → HSDS objects)
// ---------------------------------------------------------------------------------------------

type OrganizationRow = typeof organizations.$inferSelect;
type ServiceRow = typeof services.$inferSelect;
type TopicRow = typeof topics.$inferSelect;

const TAXONOMY_LABEL = "Digibrug help topics";

function taxonomyOf(municipality: Municipality): HsdsTaxonomy {
  return {
    id: municipality.id,
    name: `${TAXONOMY_LABEL} ${municipality.name}`,
    description: `The help topics that Digibrug ${municipality.name} uses to classify its digital help points.`,
    version: "1",
  };
}

function taxonomyTermOf(topic: TopicRow, municipality: Municipality, lang: string): HsdsTaxonomyTerm {
  const name = translated(topic.name, lang);
  return {
    id: topic.id,
    code: topic.code,
    name,
    description: name,
    taxonomy: `${TAXONOMY_LABEL} ${municipality.name}`,
    taxonomy_id: municipality.id,
    language: languageOf(topic.name, lang),
  };
}

function attributeOf(
  linkEntity: "service" | "location",
  linkId: string,
  topic: TopicRow,
  municipality: Municipality,
  lang: string,
): HsdsObject {
  return {
    id: derivedId("attribute", linkEntity, linkId, topic.id),
    link_id: linkId,
    link_type: "help_topic",
    link_entity: linkEntity,
    taxonomy_term_id: topic.id,
    taxonomy_term: taxonomyTermOf(topic, municipality, lang),
  };
}

function languageEntry(code: string, owner: { location_id: string } | { service_id: string }): HsdsObject {
  const ownerId = "location_id" in owner ? owner.location_id : owner.service_id;
  return compact({
    id: derivedId("language", ownerId, code),
    ...owner,
    name: SPOKEN_LANGUAGE_NAMES[code] ?? code,
    code,
  });
}

/** One-to-one organization fields (organization_list). */
function organizationOf(row: OrganizationRow, lang: string): HsdsOrganization {
  return compact({
    id: row.id,
    name: row.name,
    description: translated(row.description, lang),
    email: isEmail(row.email) ? row.email : undefined,
    website: normalizeUrl(row.website),
  }) as HsdsOrganization;
}

function organizationPhones(row: OrganizationRow): HsdsObject[] {
  return row.phone
    ? [{ id: derivedId("phone", "organization", row.id), organization_id: row.id, number: row.phone, type: "voice" }]
    : [];
}

/** A complete organization: description is required by HSDS, so it stays even when empty. */
function organizationFull(row: OrganizationRow, lang: string): HsdsOrganization {
  return {
    ...organizationOf(row, lang),
    description: translated(row.description, lang),
    phones: organizationPhones(row),
  };
}

/** One-to-one service fields (service_list), optionally with its organization. */
function serviceOf(row: ServiceRow, lang: string, organization?: OrganizationRow): HsdsService {
  return compact({
    id: row.id,
    organization_id: row.organizationId,
    name: translated(row.name, lang),
    description: translated(row.description, lang),
    status: "active",
    fees_description: row.free ? phrase("free", lang) : undefined,
    last_modified: row.updatedAt.toISOString(),
    organization: organization
      ? { ...organizationOf(organization, lang), description: translated(organization.description, lang) }
      : undefined,
  }) as HsdsService;
}

type LocationFields = Pick<HelpPointRow, "id" | "organizationId" | "name" | "description" | "latitude" | "longitude">;

/** One-to-one location fields (the location in service_at_location_list). */
function locationOf(row: LocationFields, lang: string): HsdsLocation {
  return compact({
    id: row.id,
    location_type: "physical",
    organization_id: row.organizationId,
    name: row.name,
    description: translated(row.description, lang),
    latitude: row.latitude,
    longitude: row.longitude,
  }) as HsdsLocation;
}

function serviceAtLocationDescription(point: Pick<HelpPointRow, "walkIn" | "byAppointment">, lang: string) {
  const parts = [
    point.walkIn ? phrase("walkIn", lang) : null,
    point.byAppointment ? phrase("byAppointment", lang) : null,
  ];
  return parts.filter(Boolean).join(", ");
}

interface LocationRelations {
  hours: (typeof openingHours.$inferSelect)[];
  exceptions: (typeof scheduleExceptions.$inferSelect)[];
  topics: TopicRow[];
}

function schedulesOf(pointId: string, relations: LocationRelations, lang: string): HsdsObject[] {
  const weekly = relations.hours.map((h) =>
    compact({
      id: h.id,
      location_id: pointId,
      freq: "WEEKLY",
      interval: 1,
      wkst: "MO",
      byday: BYDAY[h.weekday - 1],
      opens_at: hhmm(h.opens),
      closes_at: hhmm(h.closes),
      description: `${phrase("localTime", lang)} ${phrase("publicHolidays", lang)}`,
    }),
  );
  const exceptions = relations.exceptions.map((e) =>
    compact({
      id: e.id,
      location_id: pointId,
      valid_from: e.date,
      valid_to: e.date,
      dtstart: e.date,
      until: e.date,
      opens_at: e.kind === "open" && e.opens ? hhmm(e.opens) : undefined,
      closes_at: e.kind === "open" && e.closes ? hhmm(e.closes) : undefined,
      description: e.kind === "closed" ? phrase("closed", lang) : phrase("extraOpening", lang),
      notes: e.reason,
    }),
  );
  return [...weekly, ...exceptions];
}

/** A complete location: address, phones, languages, accessibility, schedules and topics. */
function locationFull(
  point: HelpPointRow,
  relations: LocationRelations,
  municipality: Municipality,
  lang: string,
): HsdsLocation {
  const { province, region } = belgianProvince(point.postcode);
  const accessibilityDetails = translated(point.accessibilityNotes, lang);
  return {
    ...locationOf(point, lang),
    addresses: [
      compact({
        id: derivedId("address", point.id),
        location_id: point.id,
        address_1: point.street,
        city: point.city,
        region,
        state_province: province,
        postal_code: point.postcode,
        country: "BE",
        address_type: "physical",
      }),
    ],
    phones: point.phone
      ? [{ id: derivedId("phone", "location", point.id), location_id: point.id, number: point.phone, type: "voice" }]
      : [],
    languages: point.languages.map((code) => languageEntry(code, { location_id: point.id })),
    accessibility: [
      compact({
        id: derivedId("accessibility", point.id),
        location_id: point.id,
        description: phrase(point.wheelchairAccessible ? "wheelchair" : "notWheelchair", lang),
        details: accessibilityDetails,
      }),
    ],
    schedules: schedulesOf(point.id, relations, lang),
    attributes: relations.topics.map((t) => attributeOf("location", point.id, t, municipality, lang)),
  };
}

// ---------------------------------------------------------------------------------------------
// Batch loaders
// ---------------------------------------------------------------------------------------------

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

async function loadOrganizations(db: Db, municipalityId: string, ids: string[]): Promise<Map<string, OrganizationRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.municipalityId, municipalityId), inArray(organizations.id, unique)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Complete locations for the given active help points of the municipality, in four queries. */
async function loadLocations(
  db: Db,
  municipality: Municipality,
  ids: string[],
  lang: string,
): Promise<Map<string, HsdsLocation>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const today = brusselsDate();
  const [points, hours, exceptions, pointTopics] = await Promise.all([
    db
      .select()
      .from(helpPoints)
      .where(
        and(
          eq(helpPoints.municipalityId, municipality.id),
          eq(helpPoints.active, true),
          inArray(helpPoints.id, unique),
        ),
      ),
    db
      .select()
      .from(openingHours)
      .where(inArray(openingHours.helpPointId, unique))
      .orderBy(asc(openingHours.weekday), asc(openingHours.opens)),
    db
      .select()
      .from(scheduleExceptions)
      .where(and(inArray(scheduleExceptions.helpPointId, unique), gte(scheduleExceptions.date, today)))
      .orderBy(asc(scheduleExceptions.date), asc(scheduleExceptions.opens)),
    db
      .select({ helpPointId: helpPointTopics.helpPointId, topic: topics })
      .from(helpPointTopics)
      .innerJoin(topics, eq(topics.id, helpPointTopics.topicId))
      .where(and(eq(topics.municipalityId, municipality.id), inArray(helpPointTopics.helpPointId, unique)))
      .orderBy(asc(topics.position), asc(topics.code)),
  ]);
  const hoursBy = groupBy(hours, (h) => h.helpPointId);
  const exceptionsBy = groupBy(exceptions, (e) => e.helpPointId);
  const topicsBy = groupBy(pointTopics, (t) => t.helpPointId);
  return new Map(
    points.map((p) => [
      p.id,
      locationFull(
        p,
        {
          hours: hoursBy.get(p.id) ?? [],
          exceptions: exceptionsBy.get(p.id) ?? [],
          topics: (topicsBy.get(p.id) ?? []).map((t) => t.topic),
        },
        municipality,
        lang,
      ),
    ]),
  );
}

/** The active help points at which the given services are offered, with their service_at_location ids. */
async function loadServiceAtLocationRows(db: Db, municipalityId: string, serviceIds: string[]) {
  if (serviceIds.length === 0) return [];
  return db
    .select({
      id: serviceAtLocation.id,
      serviceId: serviceAtLocation.serviceId,
      helpPointId: serviceAtLocation.helpPointId,
      walkIn: helpPoints.walkIn,
      byAppointment: helpPoints.byAppointment,
      pointName: helpPoints.name,
    })
    .from(serviceAtLocation)
    .innerJoin(helpPoints, eq(helpPoints.id, serviceAtLocation.helpPointId))
    .where(
      and(
        inArray(serviceAtLocation.serviceId, serviceIds),
        eq(helpPoints.municipalityId, municipalityId),
        eq(helpPoints.active, true),
      ),
    )
    .orderBy(asc(helpPoints.name), asc(serviceAtLocation.id));
}

const serviceNameOrder = (lang: string) => sql`coalesce(${services.name} ->> ${lang}, ${services.name} ->> 'nl')`;
const topicNameOrder = (lang: string) => sql`coalesce(${topics.name} ->> ${lang}, ${topics.name} ->> 'nl')`;

// ---------------------------------------------------------------------------------------------
// Courses as services (learning module)
//
// A published course with a session still to come is a service (id = course id, organization = the organiser).
// A run at an active help point is a service_at_location (id = run id). Every session still to come is a one-day
// schedule entry (id = session id): valid_from = valid_to = dtstart = until = the date, opens_at/closes_at in local
// time with the UTC offset of that day in `timezone`.
// ---------------------------------------------------------------------------------------------

type CourseRow = typeof courses.$inferSelect;
type CourseRunRow = typeof courseRuns.$inferSelect;
type CourseSessionRow = typeof courseSessions.$inferSelect;

const LESSON: Record<string, (n: number, of: number) => string> = {
  nl: (n, of) => `les ${n} van ${of}`,
  fr: (n, of) => `séance ${n} sur ${of}`,
  en: (n, of) => `lesson ${n} of ${of}`,
  ar: (n, of) => `الدرس ${n} من ${of}`,
};

const PLACES: Record<string, (free: number, capacity: number) => string> = {
  nl: (free, capacity) => `${capacity} plaatsen, ${free} vrij`,
  fr: (free, capacity) => `${capacity} places, ${free} libres`,
  en: (free, capacity) => `${capacity} places, ${free} free`,
  ar: (free, capacity) => `${capacity} مكانًا، ${free} شاغرة`,
};

/** UTC offset in hours of Brussels at that moment (1 in winter, 2 in summer). */
function brusselsOffsetHours(at: Date): number {
  return -new TZDate(at.getTime(), TIME_ZONE).getTimezoneOffset() / 60;
}

function courseFees(row: CourseRow, lang: string): string {
  if (row.priceCents === 0) return phrase("free", lang);
  const l = isLanguage(lang) ? lang : "nl";
  const price = formatEuro(row.priceCents, l);
  return row.uitpasPriceCents == null ? price : `${price}; ${phrase("uitpasPrice", lang)}: ${formatEuro(row.uitpasPriceCents, l)}`;
}

/** One-to-one service fields of a course (service_list), optionally with its organiser. */
function courseServiceOf(row: CourseRow, lang: string, organization?: OrganizationRow): HsdsService {
  return compact({
    id: row.id,
    organization_id: row.organizerId,
    name: translated(row.title, lang),
    description: translated(row.description, lang),
    status: "active",
    application_process: phrase("registration", lang),
    fees_description: courseFees(row, lang),
    last_modified: row.updatedAt.toISOString(),
    organization: organization
      ? { ...organizationOf(organization, lang), description: translated(organization.description, lang) }
      : undefined,
  }) as HsdsService;
}

/** Published courses of the municipality with a session still to come in a run that is not cancelled. */
function offeredCourse(municipalityId: string, now: Date): SQL {
  return and(
    eq(courses.municipalityId, municipalityId),
    eq(courses.published, true),
    sql`exists (select 1 from ${courseRuns} r join ${courseSessions} s on s.run_id = r.id
      where r.course_id = ${courses.id} and not r.cancelled and s.ends_at > ${now.toISOString()}::timestamptz)`,
  )!;
}

const courseNameOrder = (lang: string) => sql`coalesce(${courses.title} ->> ${lang}, ${courses.title} ->> 'nl')`;

interface CourseRunWithSessions {
  run: CourseRunRow;
  /** Sessions still to come, with their number in the run. */
  sessions: { session: CourseSessionRow; number: number; of: number }[];
}

/** The runs of a course that are not cancelled and still have sessions to come. */
async function loadCourseRuns(db: Db, courseId: string, now: Date, runId?: string): Promise<CourseRunWithSessions[]> {
  const runs = await db
    .select()
    .from(courseRuns)
    .where(and(eq(courseRuns.courseId, courseId), eq(courseRuns.cancelled, false), ...(runId ? [eq(courseRuns.id, runId)] : [])))
    .orderBy(asc(courseRuns.createdAt), asc(courseRuns.id));
  if (runs.length === 0) return [];
  const sessions = await db
    .select()
    .from(courseSessions)
    .where(inArray(courseSessions.runId, runs.map((r) => r.id)))
    .orderBy(asc(courseSessions.startsAt), asc(courseSessions.id));
  const byRun = groupBy(sessions, (s) => s.runId);
  return runs
    .map((run) => {
      const all = byRun.get(run.id) ?? [];
      return {
        run,
        first: all[0]?.startsAt.getTime() ?? Infinity,
        sessions: all.map((session, i) => ({ session, number: i + 1, of: all.length })).filter((x) => x.session.endsAt > now),
      };
    })
    .filter((r) => r.sessions.length > 0)
    .sort((a, b) => a.first - b.first)
    .map(({ run, sessions: upcoming }) => ({ run, sessions: upcoming }));
}

function courseSchedules(course: CourseRow, runs: CourseRunWithSessions[], locationIds: Set<string>, lang: string): HsdsObject[] {
  const lesson = LESSON[lang] ?? LESSON.nl;
  return runs.flatMap(({ run, sessions }) =>
    sessions.map(({ session, number, of }) => {
      const date = brusselsDate(session.startsAt);
      const atLocation = run.helpPointId != null && locationIds.has(run.helpPointId);
      return compact({
        id: session.id,
        service_id: course.id,
        location_id: atLocation ? run.helpPointId : undefined,
        service_at_location_id: atLocation ? run.id : undefined,
        valid_from: date,
        valid_to: date,
        dtstart: date,
        until: date,
        timezone: brusselsOffsetHours(session.startsAt),
        opens_at: brusselsTime(session.startsAt),
        closes_at: brusselsTime(session.endsAt),
        description: `${translated(course.title, lang)} (${lesson(number, of)})`,
        attending_type: phrase(course.mode === "online" ? "online" : "inPerson", lang),
        notes: run.venue ?? undefined,
      });
    }),
  );
}

function courseRunDescription(run: CourseRunRow, lang: string): string {
  return (PLACES[lang] ?? PLACES.nl)(Math.max(0, run.capacity - run.registeredCount), run.capacity);
}

function courseCostOptions(course: CourseRow, lang: string): HsdsObject[] {
  if (course.priceCents === 0) return [];
  const options: HsdsObject[] = [
    {
      id: derivedId("cost_option", course.id, "standard"),
      service_id: course.id,
      option: phrase("standardPrice", lang),
      currency: "EUR",
      amount: course.priceCents / 100,
    },
  ];
  if (course.uitpasPriceCents != null) {
    options.push({
      id: derivedId("cost_option", course.id, "uitpas"),
      service_id: course.id,
      option: phrase("uitpasPrice", lang),
      currency: "EUR",
      amount: course.uitpasPriceCents / 100,
    });
  }
  return options;
}

/** The complete course service: organiser, runs at help points, sessions as schedules, language, topics, prices. */
async function courseServiceFull(db: Db, municipality: Municipality, course: CourseRow, lang: string, now: Date): Promise<HsdsService> {
  const [orgs, runs, topicRows] = await Promise.all([
    loadOrganizations(db, municipality.id, [course.organizerId]),
    loadCourseRuns(db, course.id, now),
    db
      .select({ topic: topics })
      .from(courseTopics)
      .innerJoin(topics, eq(topics.id, courseTopics.topicId))
      .where(and(eq(courseTopics.courseId, course.id), eq(topics.municipalityId, municipality.id)))
      .orderBy(asc(topics.position), asc(topics.code)),
  ]);
  const locations = await loadLocations(
    db,
    municipality,
    runs.flatMap((r) => (r.run.helpPointId ? [r.run.helpPointId] : [])),
    lang,
  );
  const organization = orgs.get(course.organizerId);
  const serviceAtLocations = runs.flatMap(({ run }) => {
    const location = run.helpPointId ? locations.get(run.helpPointId) : undefined;
    if (!location) return [];
    return [
      compact({
        id: run.id,
        service_id: course.id,
        location_id: run.helpPointId,
        description: courseRunDescription(run, lang),
        location,
      }),
    ];
  });
  return compact({
    ...courseServiceOf(course, lang),
    organization: organization ? organizationFull(organization, lang) : undefined,
    service_at_locations: serviceAtLocations,
    schedules: courseSchedules(course, runs, new Set(locations.keys()), lang),
    languages: [languageEntry(course.instructionLanguage, { service_id: course.id })],
    attributes: topicRows.map((t) => attributeOf("service", course.id, t.topic, municipality, lang)),
    cost_options: courseCostOptions(course, lang),
  }) as HsdsService;
}

/** A run of a published course at an active help point, as a service_at_location (its id is the run id). */
async function courseServiceAtLocation(db: Db, municipality: Municipality, id: string, lang: string, now: Date): Promise<HsdsServiceAtLocation | null> {
  const [row] = await db
    .select({ run: courseRuns, course: courses })
    .from(courseRuns)
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .innerJoin(helpPoints, eq(helpPoints.id, courseRuns.helpPointId))
    .where(
      and(
        eq(courseRuns.id, id),
        eq(courseRuns.cancelled, false),
        eq(courses.municipalityId, municipality.id),
        eq(courses.published, true),
        eq(helpPoints.municipalityId, municipality.id),
        eq(helpPoints.active, true),
      ),
    )
    .limit(1);
  if (!row || !row.run.helpPointId) return null;
  const [orgs, locations, runs] = await Promise.all([
    loadOrganizations(db, municipality.id, [row.course.organizerId]),
    loadLocations(db, municipality, [row.run.helpPointId], lang),
    loadCourseRuns(db, row.course.id, now, row.run.id),
  ]);
  return compact({
    id: row.run.id,
    service_id: row.course.id,
    location_id: row.run.helpPointId,
    description: courseRunDescription(row.run, lang),
    schedules: courseSchedules(row.course, runs, new Set([row.run.helpPointId]), lang),
    location: locations.get(row.run.helpPointId),
    service: courseServiceOf(row.course, lang, orgs.get(row.course.organizerId)),
  }) as HsdsServiceAtLocation;
}

// ---------------------------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------------------------

/** GET / */
export async function hsdsRoot(db: Db, slug: string): Promise<HsdsResult<HsdsRoot>> {
  const municipality = await findMunicipality(db, slug);
  if (!municipality) return unknownMunicipality();
  return ok({ version: HSDS_VERSION, profile: HSDS_PROFILE, openapi_url: HSDS_OPENAPI_URL });
}

/** GET /services: search, taxonomy_term_id, organization_id, page, per_page, lang. */
export async function listServices(
  db: Db,
  slug: string,
  query: QueryInput,
): Promise<HsdsResult<HsdsPage<HsdsService>>> {
  const municipality = await findMunicipality(db, slug);
  if (!municipality) return unknownMunicipality();
  const parsed = parseParams(serviceListParams, query);
  if (!parsed.ok) return parsed.result;
  const p = parsed.data;

  const conditions: SQL[] = [eq(services.municipalityId, municipality.id)];
  if (p.search) {
    conditions.push(translatedMatches(services.name, likePattern(p.search)));
  }
  if (p.organization_id) conditions.push(eq(services.organizationId, p.organization_id));
  if (p.taxonomy_term_id) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(serviceAtLocation)
          .innerJoin(helpPoints, eq(helpPoints.id, serviceAtLocation.helpPointId))
          .innerJoin(helpPointTopics, eq(helpPointTopics.helpPointId, helpPoints.id))
          .where(
            and(
              eq(serviceAtLocation.serviceId, services.id),
              eq(helpPoints.active, true),
              eq(helpPoints.municipalityId, municipality.id),
              eq(helpPointTopics.topicId, p.taxonomy_term_id),
            ),
          ),
      ),
    );
  }
  const where = and(...conditions);

  // Courses are services too; they follow the other services (each part sorted by name).
  const courseConditions: SQL[] = [offeredCourse(municipality.id, new Date())];
  if (p.search) courseConditions.push(translatedMatches(courses.title, likePattern(p.search)));
  if (p.organization_id) courseConditions.push(eq(courses.organizerId, p.organization_id));
  if (p.taxonomy_term_id) {
    courseConditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(courseTopics)
          .where(and(eq(courseTopics.courseId, courses.id), eq(courseTopics.topicId, p.taxonomy_term_id))),
      ),
    );
  }
  const courseWhere = and(...courseConditions);

  const [[{ total: serviceTotal }], [{ total: courseTotal }]] = await Promise.all([
    db.select({ total: count() }).from(services).where(where),
    db.select({ total: count() }).from(courses).where(courseWhere),
  ]);
  const offset = offsetOf(p);
  const serviceLimit = Math.max(0, Math.min(p.per_page, serviceTotal - offset));
  const courseOffset = Math.max(0, offset - serviceTotal);
  const courseLimit = p.per_page - serviceLimit;
  const [rows, courseRows] = await Promise.all([
    serviceLimit > 0
      ? db
          .select()
          .from(services)
          .where(where)
          .orderBy(serviceNameOrder(p.lang), asc(services.id))
          .limit(serviceLimit)
          .offset(offset)
      : Promise.resolve([]),
    courseLimit > 0 && courseOffset < courseTotal
      ? db
          .select()
          .from(courses)
          .where(courseWhere)
          .orderBy(courseNameOrder(p.lang), asc(courses.id))
          .limit(courseLimit)
          .offset(courseOffset)
      : Promise.resolve([]),
  ]);
  const orgs = await loadOrganizations(db, municipality.id, [
    ...rows.map((r) => r.organizationId),
    ...courseRows.map((c) => c.organizerId),
  ]);
  return ok(
    page(
      [
        ...rows.map((r) => serviceOf(r, p.lang, orgs.get(r.organizationId))),
        ...courseRows.map((c) => courseServiceOf(c, p.lang, orgs.get(c.organizerId))),
      ],
      serviceTotal + courseTotal,
      p.page,
      p.per_page,
    ),
  );
}

/** GET /services/{id}: the complete service, as compiled/service_with_definitions. */
export async function getService(
  db: Db,
  slug: string,
  id: string,
  query: QueryInput = {},
): Promise<HsdsResult<HsdsService>> {
  const municipality = await findMunicipality(db, slug);
  if (!municipality) return unknownMunicipality();
  const parsed = parseParams(detailParams, query);
  if (!parsed.ok) return parsed.result;
  const { lang } = parsed.data;
  if (!isGuid(id)) return notFound("Unknown service");

  const [row] = await db
    .select()
    .from(services)
    .where(and(eq(services.id, id), eq(services.municipalityId, municipality.id)))
    .limit(1);
  if (!row) {
    const now = new Date();
    const [course] = await db
      .select()
      .from(courses)
      .where(and(eq(courses.id, id), offeredCourse(municipality.id, now)))
      .limit(1);
    if (course) return ok(await courseServiceFull(db, municipality, course, lang, now));
    return notFound("Unknown service");
  }

  const [orgs, salRows] = await Promise.all([
    loadOrganizations(db, municipality.id, [row.organizationId]),
    loadServiceAtLocationRows(db, municipality.id, [row.id]),
  ]);
  const locations = await loadLocations(
    db,
    municipality,
    salRows.map((s) => s.helpPointId),
    lang,
  );
  const organization = orgs.get(row.organizationId);

  const serviceAtLocations = salRows.flatMap((s) => {
    const location = locations.get(s.helpPointId);
    if (!location) return [];
    return [
      compact({
        id: s.id,
        service_id: s.serviceId,
        location_id: s.helpPointId,
        description: serviceAtLocationDescription(s, lang),
        location,
      }),
    ];
  });

  // A service speaks the languages of its help points and covers their topics.
  const languageCodes = [
    ...new Set([...locations.values()].flatMap((l) => (l.languages as HsdsObject[]).map((x) => x.code as string))),
  ];
  const topicsSeen = new Map<string, HsdsObject>();
  for (const location of locations.values()) {
    for (const attribute of location.attributes as HsdsObject[]) {
      const termId = attribute.taxonomy_term_id as string;
      if (!topicsSeen.has(termId)) {
        topicsSeen.set(termId, {
          ...attribute,
          id: derivedId("attribute", "service", row.id, termId),
          link_id: row.id,
          link_entity: "service",
        });
      }
    }
  }

  return ok(
    compact({
      ...serviceOf(row, lang),
      organization: organization ? organizationFull(organization, lang) : undefined,
      service_at_locations: serviceAtLocations,
      languages: languageCodes.map((code) => languageEntry(code, { service_id: row.id })),
      attributes: [...topicsSeen.values()],
    }),
  );
}

/**
 * GET /service_at_locations: search, taxonomy_term_id, organization_id, postcode, proximity (metres around the
 * postcode's centre, sorted by distance), full, page, per_page, lang.
 */
export async function listServiceAtLocations(
  db: Db,
  slug: string,
  query: QueryInput,
): Promise<HsdsResult<HsdsPage<HsdsServiceAtLocation>>> {
  const municipality = await findMunicipality(db, slug);
  if (!municipality) return unknownMunicipality();
  const parsed = parseParams(serviceAtLocationListParams, query);
  if (!parsed.ok) return parsed.result;
  const p = parsed.data;

  const conditions: SQL[] = [
    eq(helpPoints.municipalityId, municipality.id),
    eq(services.municipalityId, municipality.id),
    eq(helpPoints.active, true),
  ];
  if (p.search) {
    const pattern = likePattern(p.search);
    conditions.push(or(ilike(helpPoints.name, pattern), translatedMatches(services.name, pattern))!);
  }
  if (p.organization_id) conditions.push(eq(services.organizationId, p.organization_id));
  if (p.taxonomy_term_id) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(helpPointTopics)
          .where(and(eq(helpPointTopics.helpPointId, helpPoints.id), eq(helpPointTopics.topicId, p.taxonomy_term_id))),
      ),
    );
  }

  let distance: SQL<number> | null = null;
  if (p.postcode && p.proximity !== undefined) {
    const place = await postcodeCentre(db, municipality.id, p.postcode);
    if (!place) return ok(page([], 0, p.page, p.per_page));
    const centre = { lat: place.latitude, lng: place.longitude };
    const box = boundingBox(centre, p.proximity);
    distance = haversineKm(centre);
    // The bounding box uses the (latitude, longitude) index; the exact distance only runs on what is inside it.
    conditions.push(
      sql`${helpPoints.latitude} between ${box.minLat} and ${box.maxLat}`,
      sql`${helpPoints.longitude} between ${box.minLng} and ${box.maxLng}`,
      sql`${distance} <= ${p.proximity}`,
    );
  } else if (p.postcode) {
    conditions.push(eq(helpPoints.postcode, p.postcode));
  }

  const where = and(...conditions);
  const order: SQL[] = [
    ...(distance ? [sql`${distance}`] : []),
    serviceNameOrder(p.lang),
    asc(helpPoints.name),
    asc(serviceAtLocation.id),
  ];
  const [[{ total }], rows] = await Promise.all([
    db
      .select({ total: count() })
      .from(serviceAtLocation)
      .innerJoin(helpPoints, eq(helpPoints.id, serviceAtLocation.helpPointId))
      .innerJoin(services, eq(services.id, serviceAtLocation.serviceId))
      .where(where),
    db
      .select({
        id: serviceAtLocation.id,
        service: services,
        point: {
          id: helpPoints.id,
          organizationId: helpPoints.organizationId,
          name: helpPoints.name,
          description: helpPoints.description,
          latitude: helpPoints.latitude,
          longitude: helpPoints.longitude,
          walkIn: helpPoints.walkIn,
          byAppointment: helpPoints.byAppointment,
        },
      })
      .from(serviceAtLocation)
      .innerJoin(helpPoints, eq(helpPoints.id, serviceAtLocation.helpPointId))
      .innerJoin(services, eq(services.id, serviceAtLocation.serviceId))
      .where(where)
      .orderBy(...order)
      .limit(p.per_page)
      .offset(offsetOf(p)),
  ]);

  const [orgs, fullLocations] = await Promise.all([
    loadOrganizations(
      db,
      municipality.id,
      rows.map((r) => r.service.organizationId),
    ),
    p.full
      ? loadLocations(
          db,
          municipality,
          rows.map((r) => r.point.id),
          p.lang,
        )
      : Promise.resolve(new Map<string, HsdsLocation>()),
  ]);

  const contents = rows.map(
    (r) =>
      compact({
        id: r.id,
        service_id: r.service.id,
        location_id: r.point.id,
        description: serviceAtLocationDescription(r.point, p.lang),
        location: fullLocations.get(r.point.id) ?? locationOf(r.point, p.lang),
        service: serviceOf(r.service, p.lang, orgs.get(r.service.organizationId)),
      }) as HsdsServiceAtLocation,
  );
  return ok(page(contents, total, p.page, p.per_page));
}

/** GET /service_at_locations/{id}: the link with its complete location and its service. */
export async function getServiceAtLocation(
  db: Db,
  slug: string,
  id: string,
  query: QueryInput = {},
): Promise<HsdsResult<HsdsServiceAtLocation>> {
  const municipality = await findMunicipality(db, slug);
  if (!municipality) return unknownMunicipality();
  const parsed = parseParams(detailParams, query);
  if (!parsed.ok) return parsed.result;
  const { lang } = parsed.data;
  if (!isGuid(id)) return notFound("Unknown service_at_location");

  const [row] = await db
    .select({ id: serviceAtLocation.id, service: services, point: helpPoints })
    .from(serviceAtLocation)
    .innerJoin(helpPoints, eq(helpPoints.id, serviceAtLocation.helpPointId))
    .innerJoin(services, eq(services.id, serviceAtLocation.serviceId))
    .where(
      and(
        eq(serviceAtLocation.id, id),
        eq(helpPoints.municipalityId, municipality.id),
        eq(services.municipalityId, municipality.id),
        eq(helpPoints.active, true),
      ),
    )
    .limit(1);
  if (!row) {
    const course = await courseServiceAtLocation(db, municipality, id, lang, new Date());
    return course ? ok(course) : notFound("Unknown service_at_location");
  }

  const [orgs, locations] = await Promise.all([
    loadOrganizations(db, municipality.id, [row.service.organizationId]),
    loadLocations(db, municipality, [row.point.id], lang),
  ]);
  return ok(
    compact({
      id: row.id,
      service_id: row.service.id,
      location_id: row.point.id,
      description: serviceAtLocationDescription(row.point, lang),
      location: locations.get(row.point.id),
      service: serviceOf(row.service, lang, orgs.get(row.service.organizationId)),
    }) as HsdsServiceAtLocation,
  );
}

/** GET /organizations: search, page, per_page, lang. */
export async function listOrganizations(
  db: Db,
  slug: string,
  query: QueryInput,
): Promise<HsdsResult<HsdsPage<HsdsOrganization>>> {
  const municipality = await findMunicipality(db, slug);
  if (!municipality) return unknownMunicipality();
  const parsed = parseParams(organizationListParams, query);
  if (!parsed.ok) return parsed.result;
  const p = parsed.data;

  const conditions: SQL[] = [eq(organizations.municipalityId, municipality.id)];
  if (p.search) conditions.push(ilike(organizations.name, likePattern(p.search)));
  const where = and(...conditions);
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: count() }).from(organizations).where(where),
    db
      .select()
      .from(organizations)
      .where(where)
      .orderBy(asc(organizations.name), asc(organizations.id))
      .limit(p.per_page)
      .offset(offsetOf(p)),
  ]);
  return ok(
    page(
      rows.map((r) => ({ ...organizationOf(r, p.lang), description: translated(r.description, p.lang) })),
      total,
      p.page,
      p.per_page,
    ),
  );
}

/** GET /organizations/{id}: with phones, its active locations (complete) and its services. */
export async function getOrganization(
  db: Db,
  slug: string,
  id: string,
  query: QueryInput = {},
): Promise<HsdsResult<HsdsOrganization>> {
  const municipality = await findMunicipality(db, slug);
  if (!municipality) return unknownMunicipality();
  const parsed = parseParams(detailParams, query);
  if (!parsed.ok) return parsed.result;
  const { lang } = parsed.data;
  if (!isGuid(id)) return notFound("Unknown organization");

  const [row] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, id), eq(organizations.municipalityId, municipality.id)))
    .limit(1);
  if (!row) return notFound("Unknown organization");

  const [pointRows, serviceRows] = await Promise.all([
    db
      .select({ id: helpPoints.id })
      .from(helpPoints)
      .where(
        and(
          eq(helpPoints.organizationId, row.id),
          eq(helpPoints.municipalityId, municipality.id),
          eq(helpPoints.active, true),
        ),
      )
      .orderBy(asc(helpPoints.name), asc(helpPoints.id)),
    db
      .select()
      .from(services)
      .where(and(eq(services.organizationId, row.id), eq(services.municipalityId, municipality.id)))
      .orderBy(serviceNameOrder(lang), asc(services.id)),
  ]);
  const locations = await loadLocations(
    db,
    municipality,
    pointRows.map((r) => r.id),
    lang,
  );
  return ok({
    ...organizationFull(row, lang),
    locations: pointRows.flatMap((r) => locations.get(r.id) ?? []),
    services: serviceRows.map((s) => serviceOf(s, lang)),
  });
}

/** GET /taxonomies: the municipality's one taxonomy of help topics. */
export async function listTaxonomies(
  db: Db,
  slug: string,
  query: QueryInput,
): Promise<HsdsResult<HsdsPage<HsdsTaxonomy>>> {
  const municipality = await findMunicipality(db, slug);
  if (!municipality) return unknownMunicipality();
  const parsed = parseParams(taxonomyListParams, query);
  if (!parsed.ok) return parsed.result;
  const p = parsed.data;
  const taxonomy = taxonomyOf(municipality);
  const all = p.search && !taxonomy.name.toLowerCase().includes(p.search.toLowerCase()) ? [] : [taxonomy];
  return ok(page(all.slice(offsetOf(p), offsetOf(p) + p.per_page), all.length, p.page, p.per_page));
}

/** GET /taxonomies/{id} (not routed yet). */
export async function getTaxonomy(db: Db, slug: string, id: string): Promise<HsdsResult<HsdsTaxonomy>> {
  const municipality = await findMunicipality(db, slug);
  if (!municipality) return unknownMunicipality();
  if (id.toLowerCase() !== municipality.id) return notFound("Unknown taxonomy");
  return ok(taxonomyOf(municipality));
}

/** GET /taxonomy_terms: the municipality's help topics; search, taxonomy_id, page, per_page, lang. */
export async function listTaxonomyTerms(
  db: Db,
  slug: string,
  query: QueryInput,
): Promise<HsdsResult<HsdsPage<HsdsTaxonomyTerm>>> {
  const municipality = await findMunicipality(db, slug);
  if (!municipality) return unknownMunicipality();
  const parsed = parseParams(taxonomyTermListParams, query);
  if (!parsed.ok) return parsed.result;
  const p = parsed.data;
  if (p.taxonomy_id && p.taxonomy_id !== municipality.id) return ok(page([], 0, p.page, p.per_page));

  const conditions: SQL[] = [eq(topics.municipalityId, municipality.id)];
  if (p.search) {
    const pattern = likePattern(p.search);
    conditions.push(or(ilike(topics.code, pattern), translatedMatches(topics.name, pattern))!);
  }
  const where = and(...conditions);
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: count() }).from(topics).where(where),
    db
      .select()
      .from(topics)
      .where(where)
      .orderBy(asc(topics.position), topicNameOrder(p.lang), asc(topics.id))
      .limit(p.per_page)
      .offset(offsetOf(p)),
  ]);
  return ok(
    page(
      rows.map((t) => taxonomyTermOf(t, municipality, p.lang)),
      total,
      p.page,
      p.per_page,
    ),
  );
}

/** GET /taxonomy_terms/{id} (not routed yet). */
export async function getTaxonomyTerm(
  db: Db,
  slug: string,
  id: string,
  query: QueryInput = {},
): Promise<HsdsResult<HsdsTaxonomyTerm>> {
  const municipality = await findMunicipality(db, slug);
  if (!municipality) return unknownMunicipality();
  const parsed = parseParams(detailParams, query);
  if (!parsed.ok) return parsed.result;
  if (!isGuid(id)) return notFound("Unknown taxonomy term");
  const [row] = await db
    .select()
    .from(topics)
    .where(and(eq(topics.id, id), eq(topics.municipalityId, municipality.id)))
    .limit(1);
  if (!row) return notFound("Unknown taxonomy term");
  return ok({ ...taxonomyTermOf(row, municipality, parsed.data.lang), taxonomy_detail: taxonomyOf(municipality) });
}

// ---------------------------------------------------------------------------------------------
// Geography
// ---------------------------------------------------------------------------------------------

interface Point {
  lat: number;
  lng: number;
}

export function boundingBox(centre: Point, km: number) {
  const dLat = km / KM_PER_DEGREE_LATITUDE;
  const cosLat = Math.cos((centre.lat * Math.PI) / 180);
  const dLng = cosLat < 1e-6 ? 180 : Math.min(180, km / (KM_PER_DEGREE_LATITUDE * cosLat));
  // A little slack so that rounding never drops a point the exact distance would keep.
  const slack = 1.01;
  return {
    minLat: centre.lat - dLat * slack,
    maxLat: centre.lat + dLat * slack,
    minLng: centre.lng - dLng * slack,
    maxLng: centre.lng + dLng * slack,
  };
}

/** Great-circle distance in km from the centre to the help point (haversine). */
function haversineKm(centre: Point): SQL<number> {
  const lat = sql`${centre.lat}::float8`;
  const lng = sql`${centre.lng}::float8`;
  return sql<number>`(2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1, sqrt(
    power(sin(radians(${helpPoints.latitude} - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(${helpPoints.latitude})) * power(sin(radians(${helpPoints.longitude} - ${lng}) / 2), 2)
  ))))`;
}

export function haversineDistanceKm(a: Point, b: Point): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
