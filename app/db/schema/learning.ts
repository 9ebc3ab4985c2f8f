import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { helpPoints, organizations } from "./finder";
import { users } from "./people";
import { municipalities, topics, type Translated } from "./tenancy";

export const courseLevel = pgEnum("course_level", ["starter", "basic", "advanced"]);
export const courseFormat = pgEnum("course_format", ["group", "individual"]);
export const courseMode = pgEnum("course_mode", ["in_person", "online"]);
export const registrationStatus = pgEnum("registration_status", [
  "registered",
  "waiting",
  "offered",
  "cancelled",
  "expired",
]);
export const workshopRequestStatus = pgEnum("workshop_request_status", ["new", "planned", "declined"]);

export const COURSE_AUDIENCES = ["adults", "seniors", "children", "youth", "parents", "newcomers", "city_staff"] as const;

export const courses = pgTable(
  "courses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    organizerId: uuid("organizer_id").notNull().references(() => organizations.id, { onDelete: "restrict" }),
    title: jsonb("title").$type<Translated>().notNull(),
    description: jsonb("description").$type<Translated>(),
    whatToBring: jsonb("what_to_bring").$type<Translated>(),
    level: courseLevel("level").notNull(),
    /** DigComp competence ids such as "2.3" or "4.2" (stable across DigComp versions). */
    digcompIds: text("digcomp_ids").array().notNull().default(sql`ARRAY[]::text[]`),
    audiences: text("audiences").array().notNull(),
    /** ISO 639-1 code of the language the course is taught in. */
    instructionLanguage: text("instruction_language").notNull().default("nl"),
    format: courseFormat("format").notNull().default("group"),
    mode: courseMode("mode").notNull().default("in_person"),
    /** Price in euro cents; 0 is free. */
    priceCents: integer("price_cents").notNull().default(0),
    /** Reduced price with an UiTPAS with reduction rights; null when there is none. */
    uitpasPriceCents: integer("uitpas_price_cents"),
    /** Share of the sessions a learner must attend to complete the course. */
    completionPercent: smallint("completion_percent").notNull().default(75),
    published: boolean("published").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("courses_municipality").on(t.municipalityId),
    check("course_price", sql`${t.priceCents} >= 0 AND (${t.uitpasPriceCents} IS NULL OR ${t.uitpasPriceCents} BETWEEN 0 AND ${t.priceCents})`),
    check("course_completion", sql`${t.completionPercent} BETWEEN 1 AND 100`),
  ],
);

export const courseTopics = pgTable(
  "course_topics",
  {
    courseId: uuid("course_id").notNull().references(() => courses.id, { onDelete: "cascade" }),
    topicId: uuid("topic_id").notNull().references(() => topics.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.topicId] })],
);

export const courseTrainers = pgTable(
  "course_trainers",
  {
    courseId: uuid("course_id").notNull().references(() => courses.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId] })],
);

/**
 * One run of a course: a series of sessions at a place with a capacity. `registeredCount` is kept in the same
 * transaction as every registration change and checked against the capacity by the database, so concurrent
 * registrations can never overfill a run.
 */
export const courseRuns = pgTable(
  "course_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id").notNull().references(() => courses.id, { onDelete: "cascade" }),
    helpPointId: uuid("help_point_id").references(() => helpPoints.id, { onDelete: "set null" }),
    /** Where it happens when it is not a help point (a school, a meeting room), or the online link text. */
    venue: text("venue"),
    capacity: integer("capacity").notNull(),
    registeredCount: integer("registered_count").notNull().default(0),
    /** Hours a freed place is held for the next person on the waiting list. */
    offerHours: integer("offer_hours").notNull().default(48),
    cancelled: boolean("cancelled").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("course_runs_course").on(t.courseId),
    check("course_run_capacity", sql`${t.capacity} > 0`),
    check("course_run_not_overfilled", sql`${t.registeredCount} BETWEEN 0 AND ${t.capacity}`),
    check("course_run_offer_hours", sql`${t.offerHours} BETWEEN 1 AND 336`),
  ],
);

export const courseSessions = pgTable(
  "course_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id").notNull().references(() => courseRuns.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("course_sessions_run").on(t.runId, t.startsAt), check("course_session_order", sql`${t.startsAt} < ${t.endsAt}`)],
);

/**
 * A person registered for (or waiting for) a run. No account: a code plus a secret manage link.
 * `contactKey` is the normalised phone or e-mail; one active entry per person per run.
 */
export const registrations = pgTable(
  "registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id").notNull().references(() => courseRuns.id, { onDelete: "cascade" }),
    status: registrationStatus("status").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    email: text("email"),
    contactKey: text("contact_key"),
    language: text("language").notNull().default("nl"),
    needs: text("needs").array().notNull().default(sql`ARRAY[]::text[]`),
    uitpasNumber: text("uitpas_number"),
    /** For courses for city staff: the employee's department (charter commitment 4). */
    department: text("department"),
    code: text("code").notNull(),
    manageTokenHash: text("manage_token_hash").notNull(),
    /** Place on the waiting list: order of joining. */
    waitingSince: timestamp("waiting_since", { withTimezone: true }),
    offerExpiresAt: timestamp("offer_expires_at", { withTimezone: true }),
    registeredByUserId: uuid("registered_by_user_id").references(() => users.id, { onDelete: "set null" }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** The person answered the feedback form (the answers themselves are anonymous, in course_feedback). */
    feedbackGiven: boolean("feedback_given").notNull().default(false),
    /**
     * Hash of the secret link sent after the last session (feedback form, certificate): the manage token is only
     * known when the person registers, so the follow-up message carries a link of its own. Set once: also marks
     * that the follow-up was sent.
     */
    followupTokenHash: text("followup_token_hash"),
    /** When the reminder before the first session went out (set once, so it is sent once). */
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    /**
     * When the personal data was erased (retention job or on request, see app/modules/privacy): the row stays, with
     * the name "(gewist)", so attendance, completion and staff-awareness counts stay right.
     */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("registration_code").on(t.code),
    uniqueIndex("registration_followup_token").on(t.followupTokenHash),
    uniqueIndex("registration_manage_token").on(t.manageTokenHash),
    uniqueIndex("registration_once_per_run")
      .on(t.runId, t.contactKey)
      .where(sql`${t.status} IN ('registered', 'waiting', 'offered') AND ${t.contactKey} IS NOT NULL`),
    index("registrations_run_status").on(t.runId, t.status, t.waitingSince),
    check("registration_offer", sql`(${t.status} = 'offered') = (${t.offerExpiresAt} IS NOT NULL)`),
    check("registration_waiting", sql`${t.status} NOT IN ('waiting', 'offered') OR ${t.waitingSince} IS NOT NULL`),
  ],
);

/**
 * More secret links to one registration, besides the one shown at registration: the link in an offer, in a reminder,
 * after finding a registration by its code, or opened by staff. Every link a person was sent keeps working; only
 * the SHA-256 of the token is stored.
 */
export const registrationLinks = pgTable(
  "registration_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    registrationId: uuid("registration_id").notNull().references(() => registrations.id, { onDelete: "cascade" }),
    /** offer, reminder, code, staff */
    purpose: text("purpose").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("registration_links_registration").on(t.registrationId)],
);

export const attendance = pgTable(
  "attendance",
  {
    sessionId: uuid("session_id").notNull().references(() => courseSessions.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id").notNull().references(() => registrations.id, { onDelete: "cascade" }),
    present: boolean("present").notNull(),
    markedAt: timestamp("marked_at", { withTimezone: true }).notNull().defaultNow(),
    markedByUserId: uuid("marked_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.registrationId] })],
);

/** Optional three-question feedback after the last session; anonymous (no link to the person). */
export const courseFeedback = pgTable(
  "course_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id").notNull().references(() => courseRuns.id, { onDelete: "cascade" }),
    liked: smallint("liked"),
    learned: smallint("learned"),
    clear: smallint("clear"),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("feedback_scale", sql`coalesce(${t.liked}, 1) BETWEEN 1 AND 5 AND coalesce(${t.learned}, 1) BETWEEN 1 AND 5 AND coalesce(${t.clear}, 1) BETWEEN 1 AND 5`)],
);

/** A school asks for a workshop for a class; the coordinator plans it as a run or declines. */
export const workshopRequests = pgTable(
  "workshop_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    schoolId: uuid("school_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    topicId: uuid("topic_id").references(() => topics.id, { onDelete: "set null" }),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    grade: text("grade").notNull(),
    pupils: integer("pupils").notNull(),
    preferredDates: text("preferred_dates").notNull(),
    needsDevices: boolean("needs_devices").notNull().default(false),
    note: text("note"),
    /** Language of the page the school used: messages about the request go out in it. */
    language: text("language").notNull().default("nl"),
    status: workshopRequestStatus("status").notNull().default("new"),
    declineReason: text("decline_reason"),
    runId: uuid("run_id").references(() => courseRuns.id, { onDelete: "set null" }),
    statusToken: text("status_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("workshop_pupils", sql`${t.pupils} BETWEEN 1 AND 60`),
    check("workshop_decline_reason", sql`${t.status} <> 'declined' OR ${t.declineReason} IS NOT NULL`),
    check("workshop_planned_run", sql`${t.status} <> 'planned' OR ${t.runId} IS NOT NULL`),
    uniqueIndex("workshop_status_token").on(t.statusToken),
  ],
);
