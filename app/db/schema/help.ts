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
  time,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { helpPoints, organizations } from "./finder";
import { users } from "./people";
import { municipalities, topics, type Translated } from "./tenancy";

/*
 * One-to-one help (issue 3): appointments, home visits, the help-question log ("tally") and warm referrals.
 * Personal data lives only in appointments, home_visits and referrals; each carries `lastActivityAt` so the
 * retention job can erase it (columns set to null, `erasedAt` set) while the rows stay for anonymous counts.
 */

export const appointmentStatus = pgEnum("appointment_status", ["booked", "checked_in", "no_show", "cancelled"]);
/** How the appointment was made: online by the resident, by staff on the phone, at the desk, or a walk-in. */
export const appointmentChannel = pgEnum("appointment_channel", ["online", "phone", "desk", "walk_in"]);

/**
 * A kind of appointment a help point offers ("help with itsme, 30 min") and its booking rules.
 * The weekly plan is in appointment_plan_blocks; closures and public holidays of the help point remove slots.
 */
export const appointmentTypes = pgTable(
  "appointment_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    helpPointId: uuid("help_point_id").notNull().references(() => helpPoints.id, { onDelete: "cascade" }),
    name: jsonb("name").$type<Translated>().notNull(),
    /** The topic residents pick when they look for this kind of help; null for "any digital question". */
    topicId: uuid("topic_id").references(() => topics.id, { onDelete: "set null" }),
    durationMinutes: smallint("duration_minutes").notNull(),
    /** Free minutes after each appointment before the next slot starts. */
    bufferMinutes: smallint("buffer_minutes").notNull().default(0),
    /** A slot must start at least this many hours from now to be booked online. */
    minNoticeHours: smallint("min_notice_hours").notNull().default(2),
    /** How far ahead residents may book. */
    horizonDays: smallint("horizon_days").notNull().default(28),
    /** Residents may cancel or move online until this many hours before; after it they call. */
    cancelCutoffHours: smallint("cancel_cutoff_hours").notNull().default(2),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("appointment_types_point").on(t.helpPointId),
    check("appointment_duration", sql`${t.durationMinutes} BETWEEN 5 AND 480`),
    check("appointment_buffer", sql`${t.bufferMinutes} BETWEEN 0 AND 120`),
    check("appointment_notice", sql`${t.minNoticeHours} BETWEEN 0 AND 336`),
    check("appointment_horizon", sql`${t.horizonDays} BETWEEN 1 AND 180`),
    check("appointment_cutoff", sql`${t.cancelCutoffHours} BETWEEN 0 AND 336`),
  ],
);

/**
 * Weekly availability of an appointment type: on `weekday` (1 = Monday … 7 = Sunday) from `startsAt` to `endsAt`
 * (Brussels local time) with `helpers` people helping in parallel. A break is the gap between two blocks.
 */
export const appointmentPlanBlocks = pgTable(
  "appointment_plan_blocks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentTypeId: uuid("appointment_type_id").notNull().references(() => appointmentTypes.id, { onDelete: "cascade" }),
    weekday: smallint("weekday").notNull(),
    startsAt: time("starts_at").notNull(),
    endsAt: time("ends_at").notNull(),
    helpers: smallint("helpers").notNull().default(1),
  },
  (t) => [
    index("appointment_plan_type").on(t.appointmentTypeId, t.weekday),
    check("plan_weekday", sql`${t.weekday} BETWEEN 1 AND 7`),
    check("plan_order", sql`${t.startsAt} < ${t.endsAt}`),
    check("plan_helpers", sql`${t.helpers} BETWEEN 1 AND 50`),
  ],
);

/**
 * A bookable time, materialised when the first booking for it is made. `bookedCount` changes in the same
 * transaction as every booking and cancellation and the CHECK keeps it within `capacity`, so concurrent bookings
 * can never overbook (the same pattern as course runs).
 */
export const appointmentSlots = pgTable(
  "appointment_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentTypeId: uuid("appointment_type_id").notNull().references(() => appointmentTypes.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    capacity: smallint("capacity").notNull(),
    bookedCount: smallint("booked_count").notNull().default(0),
  },
  (t) => [
    unique("appointment_slot_once").on(t.appointmentTypeId, t.startsAt),
    check("slot_order", sql`${t.startsAt} < ${t.endsAt}`),
    check("slot_not_overbooked", sql`${t.bookedCount} BETWEEN 0 AND ${t.capacity}`),
  ],
);

export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    helpPointId: uuid("help_point_id").notNull().references(() => helpPoints.id, { onDelete: "cascade" }),
    appointmentTypeId: uuid("appointment_type_id").references(() => appointmentTypes.id, { onDelete: "set null" }),
    /** Null for a walk-in added at the desk. */
    slotId: uuid("slot_id").references(() => appointmentSlots.id, { onDelete: "set null" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    topicId: uuid("topic_id").references(() => topics.id, { onDelete: "set null" }),
    status: appointmentStatus("status").notNull().default("booked"),
    channel: appointmentChannel("channel").notNull(),
    // Personal data (erased by the retention job or on request):
    name: text("name"),
    phone: text("phone"),
    email: text("email"),
    /** Normalised phone (+32…) or lower-case e-mail, to find an appointment by code plus phone. */
    contactKey: text("contact_key"),
    note: text("note"),
    language: text("language").notNull().default("nl"),
    code: text("code").notNull(),
    manageTokenHash: text("manage_token_hash").notNull(),
    bookedByUserId: uuid("booked_by_user_id").references(() => users.id, { onDelete: "set null" }),
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("appointment_code").on(t.code),
    uniqueIndex("appointment_manage_token").on(t.manageTokenHash),
    index("appointments_point_day").on(t.helpPointId, t.startsAt),
    index("appointments_retention").on(t.lastActivityAt).where(sql`${t.erasedAt} IS NULL`),
    // One online booking per person per slot: a double tap on "Book" (or a form sent twice) must not take the
    // second place of a slot. Staff may book several people with one number (a daughter for both parents).
    uniqueIndex("appointment_once_per_person")
      .on(t.slotId, t.contactKey)
      .where(sql`${t.channel} = 'online' AND ${t.status} IN ('booked', 'checked_in') AND ${t.contactKey} IS NOT NULL AND ${t.erasedAt} IS NULL`),
    check("appointment_order", sql`${t.startsAt} < ${t.endsAt}`),
    check("appointment_slot_unless_walk_in", sql`${t.channel} = 'walk_in' OR ${t.slotId} IS NOT NULL OR ${t.erasedAt} IS NOT NULL OR ${t.status} = 'cancelled'`),
  ],
);

/**
 * Every secret link to an appointment that was sent to the person (a reminder, a moved message, a booking by staff)
 * besides the one made at booking (appointments.manage_token_hash); each keeps working. Only SHA-256 hashes are
 * stored. Deleted with the personal data when the appointment is erased (the row itself stays, so no cascade then).
 */
export const appointmentLinks = pgTable(
  "appointment_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    appointmentId: uuid("appointment_id").notNull().references(() => appointments.id, { onDelete: "cascade" }),
    /** reminder, moved, staff */
    purpose: text("purpose").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("appointment_links_appointment").on(t.appointmentId)],
);

export const homeVisitStatus = pgEnum("home_visit_status", ["requested", "planned", "done", "cancelled"]);
export const requesterKind = pgEnum("requester_kind", ["resident", "relative", "social_worker", "staff"]);

/** Help at home for someone who cannot travel; a coordinator assigns a digihelper and a time. */
export const homeVisits = pgTable(
  "home_visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    status: homeVisitStatus("status").notNull().default("requested"),
    requesterKind: requesterKind("requester_kind").notNull(),
    topicId: uuid("topic_id").references(() => topics.id, { onDelete: "set null" }),
    /** Postcode stays after erasure: visits per district are an anonymous figure. */
    postcode: text("postcode"),
    // Personal data (erased by the retention job or on request):
    residentName: text("resident_name"),
    address: text("address"),
    phone: text("phone"),
    requesterName: text("requester_name"),
    requesterPhone: text("requester_phone"),
    requesterOrganization: text("requester_organization"),
    whenSuits: text("when_suits"),
    whyNoTravel: text("why_no_travel"),
    note: text("note"),
    language: text("language").notNull().default("nl"),
    code: text("code").notNull(),
    assignedUserId: uuid("assigned_user_id").references(() => users.id, { onDelete: "set null" }),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * A random key the form carries (one per form shown): the same form sent twice (a double tap, a browser that
     * sends it again) is one request, not two, with one code and one message. See app/modules/shared/submission.server.ts.
     */
    submissionKey: uuid("submission_key"),
  },
  (t) => [
    uniqueIndex("home_visit_submission").on(t.submissionKey),
    uniqueIndex("home_visit_code").on(t.code),
    index("home_visits_municipality_status").on(t.municipalityId, t.status),
    check("home_visit_planned", sql`${t.status} <> 'planned' OR (${t.assignedUserId} IS NOT NULL AND ${t.scheduledAt} IS NOT NULL) OR ${t.erasedAt} IS NOT NULL`),
  ],
);

/**
 * Services residents need help with (city e-loket, MyMinfin, itsme, eBox, health insurer, bank …), kept by the
 * coordinator. `ownerOrganizationId` is the city department that runs it: its service owner sees where residents
 * got stuck.
 */
export const governmentServices = pgTable(
  "government_services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    ownerOrganizationId: uuid("owner_organization_id").references(() => organizations.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    active: boolean("active").notNull().default(true),
  },
  (t) => [unique("government_service_name").on(t.municipalityId, t.name)],
);

export const contactChannel = pgEnum("contact_channel", ["walk_in", "appointment", "home_visit", "phone"]);
export const contactOutcome = pgEnum("contact_outcome", ["solved", "partly", "referred", "come_back"]);
export const durationBand = pgEnum("duration_band", ["under_10", "10_to_30", "30_to_60", "over_60"]);
export const ageBand = pgEnum("age_band", ["under_18", "18_to_34", "35_to_54", "55_to_64", "65_to_79", "80_plus"]);

/**
 * One help contact in the help-question log: anonymous. No name, no contact details; the only link to a person is
 * through an appointment or home visit, whose personal data the retention job erases.
 */
export const helpContacts = pgTable(
  "help_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    helpPointId: uuid("help_point_id").references(() => helpPoints.id, { onDelete: "set null" }),
    helperUserId: uuid("helper_user_id").references(() => users.id, { onDelete: "set null" }),
    channel: contactChannel("channel").notNull(),
    outcome: contactOutcome("outcome").notNull(),
    duration: durationBand("duration").notNull(),
    ageBand: ageBand("age_band"),
    /** ISO 639-1 code of the language the help was given in. */
    language: text("language"),
    firstVisit: boolean("first_visit"),
    /** Optional one-line remark about what went wrong ("eBox code never arrives"); no names. */
    remark: text("remark"),
    appointmentId: uuid("appointment_id").references(() => appointments.id, { onDelete: "set null" }),
    homeVisitId: uuid("home_visit_id").references(() => homeVisits.id, { onDelete: "set null" }),
    /**
     * A random key the tally form carries (one per form shown): the same form sent twice (a double tap on
     * "Opslaan" at a busy desk) is one contact, not two, so the counts stay true.
     */
    submissionKey: uuid("submission_key"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("help_contact_submission").on(t.submissionKey),
    index("help_contacts_municipality_at").on(t.municipalityId, t.occurredAt),
    index("help_contacts_point_at").on(t.helpPointId, t.occurredAt),
    check("help_contact_remark_length", sql`${t.remark} IS NULL OR char_length(${t.remark}) <= 200`),
  ],
);

export const helpContactTopics = pgTable(
  "help_contact_topics",
  {
    contactId: uuid("contact_id").notNull().references(() => helpContacts.id, { onDelete: "cascade" }),
    topicId: uuid("topic_id").notNull().references(() => topics.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.topicId] }), index("help_contact_topics_topic").on(t.topicId)],
);

export const helpContactServices = pgTable(
  "help_contact_services",
  {
    contactId: uuid("contact_id").notNull().references(() => helpContacts.id, { onDelete: "cascade" }),
    serviceId: uuid("service_id").notNull().references(() => governmentServices.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.serviceId] }), index("help_contact_services_service").on(t.serviceId)],
);

/** Where a warm referral goes: a module of Digibrug, or a partner organisation / help point. */
export const referralTarget = pgEnum("referral_target", [
  "device_bank",
  "course",
  "ocmw",
  "social_internet",
  "help_point",
  "organization",
]);
export const referralStatus = pgEnum("referral_status", ["new", "contacted", "helped", "unreachable", "declined"]);

/**
 * A warm referral, made with the resident's recorded consent. The receiving side works it from an inbox; the
 * referrer follows its status. Not picked up in 5 working days → flagged (computed, Belgian holidays excluded).
 */
export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    target: referralTarget("target").notNull(),
    /** The receiving organisation (OCMW, a partner) or help point; for module targets the module's staff receive it. */
    toOrganizationId: uuid("to_organization_id").references(() => organizations.id, { onDelete: "set null" }),
    toHelpPointId: uuid("to_help_point_id").references(() => helpPoints.id, { onDelete: "set null" }),
    fromUserId: uuid("from_user_id").references(() => users.id, { onDelete: "set null" }),
    fromHelpPointId: uuid("from_help_point_id").references(() => helpPoints.id, { onDelete: "set null" }),
    topicId: uuid("topic_id").references(() => topics.id, { onDelete: "set null" }),
    status: referralStatus("status").notNull().default("new"),
    /** Consent is required: the digihelper confirms the resident agreed, and when. */
    consentAt: timestamp("consent_at", { withTimezone: true }).notNull(),
    // Personal data (erased by the retention job or on request):
    residentName: text("resident_name"),
    phone: text("phone"),
    email: text("email"),
    /** What the receiving side needs to know, in a few words. */
    reason: text("reason"),
    language: text("language").notNull().default("nl"),
    pickedUpAt: timestamp("picked_up_at", { withTimezone: true }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * A random key the form carries (one per form shown): the same form sent twice (a double tap, a browser that
     * sends it again) is one referral, not two, with one code and one message. See app/modules/shared/submission.server.ts.
     */
    submissionKey: uuid("submission_key"),
  },
  (t) => [
    uniqueIndex("referral_submission").on(t.submissionKey),
    index("referrals_municipality_status").on(t.municipalityId, t.status, t.createdAt),
    index("referrals_to_org").on(t.toOrganizationId, t.status),
    check("referral_has_receiver", sql`${t.target} NOT IN ('organization', 'ocmw') OR ${t.toOrganizationId} IS NOT NULL OR ${t.erasedAt} IS NOT NULL`),
    check("referral_help_point", sql`${t.target} <> 'help_point' OR ${t.toHelpPointId} IS NOT NULL OR ${t.erasedAt} IS NOT NULL`),
    check("referral_contact", sql`${t.phone} IS NOT NULL OR ${t.email} IS NOT NULL OR ${t.erasedAt} IS NOT NULL`),
  ],
);

/** Status history of a referral: who changed it, when, with an optional note the referrer can read. */
export const referralEvents = pgTable(
  "referral_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    referralId: uuid("referral_id").notNull().references(() => referrals.id, { onDelete: "cascade" }),
    status: referralStatus("status").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("referral_events_referral").on(t.referralId, t.at)],
);

/** Per-municipality settings of the one-to-one help module. */
export const helpSettings = pgTable(
  "help_settings",
  {
    municipalityId: uuid("municipality_id").primaryKey().references(() => municipalities.id, { onDelete: "cascade" }),
    /** Personal data of appointments, home visits and referrals is erased this many months after the last activity. */
    retentionMonths: smallint("retention_months").notNull().default(6),
  },
  (t) => [check("help_retention", sql`${t.retentionMonths} BETWEEN 1 AND 60`)],
);
