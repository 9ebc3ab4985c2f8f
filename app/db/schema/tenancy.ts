import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

/** Text in several languages: { nl: "...", fr: "...", en: "...", ar: "..." }. Dutch is always present. */
export type Translated = Partial<Record<string, string>> & { nl: string };

export const municipalities = pgTable(
  "municipalities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    defaultLanguage: text("default_language").notNull().default("nl"),
    languages: text("languages").array().notNull().default(sql`ARRAY['nl','fr','en','ar']::text[]`),
    phone: text("phone").notNull(),
    phoneHours: jsonb("phone_hours").$type<Translated>(),
    email: text("email"),
    website: text("website"),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("municipality_slug_format", sql`${t.slug} ~ '^[a-z0-9-]{2,40}$'`)],
);

export const districts = pgTable(
  "districts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    postcodes: text("postcodes").array().notNull(),
    population: integer("population"),
  },
  (t) => [unique("district_name_per_municipality").on(t.municipalityId, t.name)],
);

/** The municipality's help-topic taxonomy (HSDS taxonomy terms). */
export const topics = pgTable(
  "topics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    icon: text("icon").notNull().default("help"),
    name: jsonb("name").$type<Translated>().notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [unique("topic_code_per_municipality").on(t.municipalityId, t.code)],
);
