import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { helpPoints, organizations } from "./finder";
import { referrals } from "./help";
import { users } from "./people";
import { municipalities, type Translated } from "./tenancy";

/*
 * Device bank (issue 5): donations, inventory with a guarded lifecycle, applications with eligibility,
 * reservations and loans. Invariants the database keeps:
 * - a device that is ready, reserved, on loan or given away has been wiped since it last came in (CHECK);
 * - one device never has two overlapping reservations or loans (EXCLUDE USING gist on device + date range,
 *   written by hand in migration 0004 because Drizzle cannot express it; needs btree_gist).
 */

export const deviceKind = pgEnum("device_kind", ["laptop", "tablet", "smartphone", "screen", "router_4g", "data_sim"]);
export const deviceStatus = pgEnum("device_status", [
  "received",
  "wiped",
  "ready",
  "reserved",
  "on_loan",
  "returned",
  "in_repair",
  "retired",
  "gifted",
]);
export const deviceCondition = pgEnum("device_condition", ["new", "good", "fair", "poor", "broken"]);
export const keyboardLayout = pgEnum("keyboard_layout", ["azerty", "qwerty", "other"]);
export const deviceSource = pgEnum("device_source", ["donation", "purchase"]);
export const donationStatus = pgEnum("donation_status", ["pledged", "received", "cancelled"]);

/** Per-municipality rules of the device bank, set by the coordinator. */
export const deviceBankSettings = pgTable(
  "device_bank_settings",
  {
    municipalityId: uuid("municipality_id").primaryKey().references(() => municipalities.id, { onDelete: "cascade" }),
    /** At most this many devices on loan or approved per household at once. */
    maxDevicesPerHousehold: smallint("max_devices_per_household").notNull().default(1),
    /** Only applications that come through a referral (OCMW, social worker) may be approved. */
    requiresReferral: boolean("requires_referral").notNull().default(false),
    /** The applicant must have completed a course before a device is lent or given. */
    requiresCourse: boolean("requires_course").notNull().default(false),
    loanWeeks: smallint("loan_weeks").notNull().default(12),
    extensionWeeks: smallint("extension_weeks").notNull().default(4),
    maxExtensions: smallint("max_extensions").notNull().default(2),
    reminderDaysBefore: smallint("reminder_days_before").notNull().default(3),
    /** A device not seen (handled, checked, scanned) for this many days is flagged in the stock list. */
    auditPeriodDays: smallint("audit_period_days").notNull().default(180),
    /** Help point where loans are returned by default (its opening hours set the due date). */
    returnHelpPointId: uuid("return_help_point_id").references(() => helpPoints.id, { onDelete: "set null" }),
  },
  (t) => [
    check("device_bank_household_limit", sql`${t.maxDevicesPerHousehold} BETWEEN 1 AND 10`),
    check("device_bank_loan_weeks", sql`${t.loanWeeks} BETWEEN 1 AND 104`),
    check("device_bank_extensions", sql`${t.maxExtensions} BETWEEN 0 AND 10 AND ${t.extensionWeeks} BETWEEN 1 AND 52`),
    check("device_bank_reminder", sql`${t.reminderDaysBefore} BETWEEN 1 AND 14`),
    check("device_bank_audit_period", sql`${t.auditPeriodDays} BETWEEN 7 AND 730`),
  ],
);

/** Criteria staff tick when they check an application ("income below the threshold, seen by staff"). */
export const eligibilityCriteria = pgTable(
  "eligibility_criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    label: jsonb("label").$type<Translated>().notNull(),
    /** A required criterion must be ticked before an application can be approved. */
    required: boolean("required").notNull().default(true),
    position: integer("position").notNull().default(0),
    active: boolean("active").notNull().default(true),
  },
  (t) => [index("eligibility_criteria_municipality").on(t.municipalityId)],
);

/** A company or organisation pledges devices; staff receive the batch and register each device. */
export const donations = pgTable(
  "donations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    donorOrganizationId: uuid("donor_organization_id").notNull().references(() => organizations.id, { onDelete: "restrict" }),
    status: donationStatus("status").notNull().default("pledged"),
    /** What was pledged: [{ kind: "laptop", count: 10 }, …]. */
    pledged: jsonb("pledged").$type<{ kind: string; count: number }[]>().notNull(),
    minimumSpecs: text("minimum_specs"),
    pickupAddress: text("pickup_address"),
    pickupDate: date("pickup_date"),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    note: text("note"),
    /** SHA-256 of the secret link the donor uses to see the impact of the donation (no personal data). */
    impactTokenHash: text("impact_token_hash").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    receivedByUserId: uuid("received_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * A random key the form carries (one per form shown): the same form sent twice (a double tap, a browser that
     * sends it again) is one pledge, not two, with one code and one message. See app/modules/shared/submission.server.ts.
     */
    submissionKey: uuid("submission_key"),
  },
  (t) => [
    uniqueIndex("donation_submission").on(t.submissionKey),
    index("donations_municipality").on(t.municipalityId, t.createdAt),
    uniqueIndex("donation_impact_token").on(t.impactTokenHash),
    check("donation_received", sql`${t.status} <> 'received' OR ${t.receivedAt} IS NOT NULL`),
  ],
);

export const devices = pgTable(
  "devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    /** Printed on the label with a QR code, e.g. "ANT-00042". */
    assetTag: text("asset_tag").notNull(),
    kind: deviceKind("kind").notNull(),
    make: text("make"),
    model: text("model"),
    serial: text("serial"),
    specs: text("specs"),
    keyboardLayout: keyboardLayout("keyboard_layout"),
    /** Charger, mouse, sleeve, SIM pin letter … what should come back with the device. */
    accessories: text("accessories"),
    source: deviceSource("source").notNull(),
    donationId: uuid("donation_id").references(() => donations.id, { onDelete: "set null" }),
    homeHelpPointId: uuid("home_help_point_id").references(() => helpPoints.id, { onDelete: "set null" }),
    condition: deviceCondition("condition").notNull().default("good"),
    status: deviceStatus("status").notNull().default("received"),
    /** True once wiped since the device last came in (received or returned); the CHECK below relies on it. */
    wiped: boolean("wiped").notNull().default(false),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("device_asset_tag").on(t.municipalityId, t.assetTag),
    index("devices_stock").on(t.municipalityId, t.kind, t.status),
    check("device_wiped_before_use", sql`${t.status} NOT IN ('wiped', 'ready', 'reserved', 'on_loan', 'gifted') OR ${t.wiped}`),
    check("device_donation_source", sql`${t.source} <> 'donation' OR ${t.donationId} IS NOT NULL`),
  ],
);

/** Every lifecycle step of a device: who, when, from what to what; wipe evidence on the wipe step. */
export const deviceEvents = pgTable(
  "device_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deviceId: uuid("device_id").notNull().references(() => devices.id, { onDelete: "cascade" }),
    fromStatus: deviceStatus("from_status"),
    toStatus: deviceStatus("to_status").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** e.g. "Blancco", "DBAN 3-pass", "factory reset + encryption" */
    wipeMethod: text("wipe_method"),
    /** Certificate number or reference of the wipe report. */
    wipeReference: text("wipe_reference"),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("device_events_device").on(t.deviceId, t.at),
    check("device_wipe_evidence", sql`${t.toStatus} <> 'wiped' OR (${t.wipeMethod} IS NOT NULL AND ${t.wipeReference} IS NOT NULL)`),
  ],
);

export const applicationStatus = pgEnum("device_application_status", [
  "submitted",
  "approved",
  "waiting",
  "declined",
  "fulfilled",
  "withdrawn",
]);
export const applicationPurpose = pgEnum("device_application_purpose", ["school", "job_search", "administration", "contact", "other"]);

/**
 * A resident's application, made at a help point with a digihelper or by a social worker. No copies of income
 * documents: staff tick the criteria they checked (`criteriaChecked`, ids of eligibility_criteria).
 */
export const deviceApplications = pgTable(
  "device_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    helpPointId: uuid("help_point_id").references(() => helpPoints.id, { onDelete: "set null" }),
    referralId: uuid("referral_id").references(() => referrals.id, { onDelete: "set null" }),
    status: applicationStatus("status").notNull().default("submitted"),
    kinds: deviceKind("kinds").array().notNull(),
    purpose: applicationPurpose("purpose").notNull(),
    householdSize: smallint("household_size").notNull(),
    /** Normalised address (postcode + street + number) to count devices per household; erased with the rest. */
    householdKey: text("household_key"),
    postcode: text("postcode"),
    criteriaChecked: uuid("criteria_checked").array().notNull().default(sql`ARRAY[]::uuid[]`),
    // Personal data (erased a retention period after the last loan ends):
    applicantName: text("applicant_name"),
    phone: text("phone"),
    email: text("email"),
    address: text("address"),
    reason: text("reason"),
    referrerName: text("referrer_name"),
    referrerContact: text("referrer_contact"),
    language: text("language").notNull().default("nl"),
    code: text("code").notNull(),
    declineReason: text("decline_reason"),
    waitingSince: timestamp("waiting_since", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * A random key the form carries (one per form shown): the same form sent twice (a double tap, a browser that
     * sends it again) is one application, not two, with one code and one message. See app/modules/shared/submission.server.ts.
     */
    submissionKey: uuid("submission_key"),
  },
  (t) => [
    uniqueIndex("device_application_submission").on(t.submissionKey),
    uniqueIndex("device_application_code").on(t.code),
    index("device_applications_status").on(t.municipalityId, t.status, t.waitingSince),
    index("device_applications_household").on(t.municipalityId, t.householdKey),
    check("device_application_household", sql`${t.householdSize} BETWEEN 1 AND 20`),
    check("device_application_kinds", sql`cardinality(${t.kinds}) >= 1`),
    check("device_application_declined", sql`${t.status} <> 'declined' OR ${t.declineReason} IS NOT NULL`),
    check("device_application_waiting", sql`${t.status} <> 'waiting' OR ${t.waitingSince} IS NOT NULL`),
  ],
);

export const loanStatus = pgEnum("loan_status", ["reserved", "on_loan", "returned", "cancelled", "gifted"]);
export const agreementSignature = pgEnum("agreement_signature", ["paper", "screen"]);

/**
 * A reservation (pick-up window `startsOn`–`endsOn`) that becomes a loan at hand-over (`endsOn` is then the due
 * date). While reserved or on loan, the date range of one device may not overlap another's: see the EXCLUDE
 * constraint `device_loans_no_overlap` in migration 0004.
 */
export const deviceLoans = pgTable(
  "device_loans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id, { onDelete: "cascade" }),
    deviceId: uuid("device_id").notNull().references(() => devices.id, { onDelete: "restrict" }),
    applicationId: uuid("application_id").notNull().references(() => deviceApplications.id, { onDelete: "restrict" }),
    status: loanStatus("status").notNull().default("reserved"),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    returnHelpPointId: uuid("return_help_point_id").references(() => helpPoints.id, { onDelete: "set null" }),
    handedOverAt: timestamp("handed_over_at", { withTimezone: true }),
    handedOverByUserId: uuid("handed_over_by_user_id").references(() => users.id, { onDelete: "set null" }),
    agreementSignature: agreementSignature("agreement_signature"),
    extensions: smallint("extensions").notNull().default(0),
    reminderBeforeSentAt: timestamp("reminder_before_sent_at", { withTimezone: true }),
    reminderDueSentAt: timestamp("reminder_due_sent_at", { withTimezone: true }),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    returnCondition: deviceCondition("return_condition"),
    missingAccessories: text("missing_accessories"),
    damageNote: text("damage_note"),
    giftedAt: timestamp("gifted_at", { withTimezone: true }),
    giftReason: text("gift_reason"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("device_loans_device").on(t.deviceId),
    index("device_loans_due").on(t.municipalityId, t.status, t.endsOn),
    check("device_loan_order", sql`${t.startsOn} <= ${t.endsOn}`),
    check("device_loan_handed_over", sql`${t.status} NOT IN ('on_loan', 'returned', 'gifted') OR (${t.handedOverAt} IS NOT NULL AND ${t.agreementSignature} IS NOT NULL)`),
    check("device_loan_returned", sql`${t.status} <> 'returned' OR ${t.returnedAt} IS NOT NULL`),
    check("device_loan_extensions", sql`${t.extensions} >= 0`),
  ],
);

/** Contact history of a loan: automatic reminders and the calls staff make about an overdue device. */
export const loanContacts = pgTable(
  "loan_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    loanId: uuid("loan_id").notNull().references(() => deviceLoans.id, { onDelete: "cascade" }),
    /** sms, email, phone, letter, visit */
    channel: text("channel").notNull(),
    note: text("note"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("loan_contacts_loan").on(t.loanId, t.at)],
);
