import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,

  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { districts, municipalities, topics, type Translated } from "./tenancy";

export const organizationType = pgEnum("organization_type", [
  "city_department",
  "service_centre",
  "library",
  "ocmw",
  "ngo",
  "school",
  "company",
]);

export const helpPointType = pgEnum("help_point_type", ["digipunt", "ocr", "library", "service_centre", "popup", "wifi_spot"]);

export const exceptionKind = pgEnum("schedule_exception_kind", ["closed", "open"]);

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    type: organizationType("type").notNull(),
    description: jsonb("description").$type<Translated>(),
    website: text("website"),
    email: text("email"),
    phone: text("phone"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("organization_name_per_municipality").on(t.municipalityId, t.name)],
);

export const helpPoints = pgTable(
  "help_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "restrict" }),
    districtId: uuid("district_id").references(() => districts.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    type: helpPointType("type").notNull(),
    description: jsonb("description").$type<Translated>(),
    street: text("street").notNull(),
    postcode: text("postcode").notNull(),
    city: text("city").notNull(),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    phone: text("phone"),
    email: text("email"),
    walkIn: boolean("walk_in").notNull().default(true),
    byAppointment: boolean("by_appointment").notNull().default(false),
    wheelchairAccessible: boolean("wheelchair_accessible").notNull().default(false),
    accessibilityNotes: jsonb("accessibility_notes").$type<Translated>(),
    /** ISO 639-1 codes of the languages the helpers speak. */
    languages: text("languages").array().notNull().default(sql`ARRAY['nl']::text[]`),
    /** computers, printer, scanner, wifi */
    equipment: text("equipment").array().notNull().default(sql`ARRAY[]::text[]`),
    active: boolean("active").notNull().default(true),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    lastCheckedBy: text("last_checked_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("help_points_municipality").on(t.municipalityId),
    index("help_points_postcode").on(t.postcode),
    index("help_points_lat_lng").on(t.latitude, t.longitude),
    check("help_point_postcode_format", sql`${t.postcode} ~ '^[1-9][0-9]{3}$'`),
    check("help_point_coordinates", sql`(${t.latitude} IS NULL) = (${t.longitude} IS NULL)`),
    check("help_point_latitude_range", sql`${t.latitude} IS NULL OR ${t.latitude} BETWEEN -90 AND 90`),
    check("help_point_longitude_range", sql`${t.longitude} IS NULL OR ${t.longitude} BETWEEN -180 AND 180`),
  ],
);

export const helpPointTopics = pgTable(
  "help_point_topics",
  {
    helpPointId: uuid("help_point_id").notNull().references(() => helpPoints.id, { onDelete: "cascade" }),
    topicId: uuid("topic_id").notNull().references(() => topics.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.helpPointId, t.topicId] }), index("help_point_topics_topic").on(t.topicId)],
);

/** A service an organisation offers (HSDS service); offered at one or more help points. */
export const services = pgTable("services", {
  id: uuid("id").primaryKey().defaultRandom(),
  municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
  organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
  name: jsonb("name").$type<Translated>().notNull(),
  description: jsonb("description").$type<Translated>(),
  free: boolean("free").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const serviceAtLocation = pgTable(
  "service_at_location",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id").notNull().references(() => services.id, { onDelete: "cascade" }),
    helpPointId: uuid("help_point_id").notNull().references(() => helpPoints.id, { onDelete: "cascade" }),
  },
  (t) => [unique("service_once_per_point").on(t.serviceId, t.helpPointId), index("service_at_location_point").on(t.helpPointId)],
);

/** Weekly opening hours. Several rows on one weekday express a break. weekday: 1 = Monday … 7 = Sunday. */
export const openingHours = pgTable(
  "opening_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    helpPointId: uuid("help_point_id").notNull().references(() => helpPoints.id, { onDelete: "cascade" }),
    weekday: smallint("weekday").notNull(),
    opens: time("opens").notNull(),
    closes: time("closes").notNull(),
  },
  (t) => [
    check("opening_hours_weekday", sql`${t.weekday} BETWEEN 1 AND 7`),
    check("opening_hours_order", sql`${t.opens} < ${t.closes}`),
    index("opening_hours_point").on(t.helpPointId),
  ],
);

/** A closure (whole day) or an extra opening (a pop-up date, an extra session) on one date. */
export const scheduleExceptions = pgTable(
  "schedule_exceptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    helpPointId: uuid("help_point_id").notNull().references(() => helpPoints.id, { onDelete: "cascade" }),
    date: date("date").notNull(),
    kind: exceptionKind("kind").notNull(),
    opens: time("opens"),
    closes: time("closes"),
    reason: text("reason"),
  },
  (t) => [
    check(
      "schedule_exception_times",
      sql`(${t.kind} = 'closed' AND ${t.opens} IS NULL AND ${t.closes} IS NULL) OR (${t.kind} = 'open' AND ${t.opens} IS NOT NULL AND ${t.closes} IS NOT NULL AND ${t.opens} < ${t.closes})`,
    ),
    index("schedule_exceptions_point_date").on(t.helpPointId, t.date),
  ],
);

export type HelpPointRow = typeof helpPoints.$inferSelect;
export type OpeningHoursRow = typeof openingHours.$inferSelect;
export type ScheduleExceptionRow = typeof scheduleExceptions.$inferSelect;
