CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TYPE "public"."age_band" AS ENUM('under_18', '18_to_34', '35_to_54', '55_to_64', '65_to_79', '80_plus');--> statement-breakpoint
CREATE TYPE "public"."appointment_channel" AS ENUM('online', 'phone', 'desk', 'walk_in');--> statement-breakpoint
CREATE TYPE "public"."appointment_status" AS ENUM('booked', 'checked_in', 'no_show', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."contact_channel" AS ENUM('walk_in', 'appointment', 'home_visit', 'phone');--> statement-breakpoint
CREATE TYPE "public"."contact_outcome" AS ENUM('solved', 'partly', 'referred', 'come_back');--> statement-breakpoint
CREATE TYPE "public"."duration_band" AS ENUM('under_10', '10_to_30', '30_to_60', 'over_60');--> statement-breakpoint
CREATE TYPE "public"."home_visit_status" AS ENUM('requested', 'planned', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('new', 'contacted', 'helped', 'unreachable', 'declined');--> statement-breakpoint
CREATE TYPE "public"."referral_target" AS ENUM('device_bank', 'course', 'ocmw', 'social_internet', 'help_point', 'organization');--> statement-breakpoint
CREATE TYPE "public"."requester_kind" AS ENUM('resident', 'relative', 'social_worker', 'staff');--> statement-breakpoint
CREATE TYPE "public"."agreement_signature" AS ENUM('paper', 'screen');--> statement-breakpoint
CREATE TYPE "public"."device_application_purpose" AS ENUM('school', 'job_search', 'administration', 'contact', 'other');--> statement-breakpoint
CREATE TYPE "public"."device_application_status" AS ENUM('submitted', 'approved', 'waiting', 'declined', 'fulfilled', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."device_condition" AS ENUM('new', 'good', 'fair', 'poor', 'broken');--> statement-breakpoint
CREATE TYPE "public"."device_kind" AS ENUM('laptop', 'tablet', 'smartphone', 'screen', 'router_4g', 'data_sim');--> statement-breakpoint
CREATE TYPE "public"."device_source" AS ENUM('donation', 'purchase');--> statement-breakpoint
CREATE TYPE "public"."device_status" AS ENUM('received', 'wiped', 'ready', 'reserved', 'on_loan', 'returned', 'in_repair', 'retired', 'gifted');--> statement-breakpoint
CREATE TYPE "public"."donation_status" AS ENUM('pledged', 'received', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."keyboard_layout" AS ENUM('azerty', 'qwerty', 'other');--> statement-breakpoint
CREATE TYPE "public"."loan_status" AS ENUM('reserved', 'on_loan', 'returned', 'cancelled', 'gifted');--> statement-breakpoint
CREATE TABLE "appointment_plan_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_type_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"helpers" smallint DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_weekday" CHECK ("appointment_plan_blocks"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "plan_order" CHECK ("appointment_plan_blocks"."starts_at" < "appointment_plan_blocks"."ends_at"),
	CONSTRAINT "plan_helpers" CHECK ("appointment_plan_blocks"."helpers" BETWEEN 1 AND 50)
);
--> statement-breakpoint
CREATE TABLE "appointment_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_type_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" smallint NOT NULL,
	"booked_count" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "appointment_slot_once" UNIQUE("appointment_type_id","starts_at"),
	CONSTRAINT "slot_order" CHECK ("appointment_slots"."starts_at" < "appointment_slots"."ends_at"),
	CONSTRAINT "slot_not_overbooked" CHECK ("appointment_slots"."booked_count" BETWEEN 0 AND "appointment_slots"."capacity")
);
--> statement-breakpoint
CREATE TABLE "appointment_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"help_point_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"topic_id" uuid,
	"duration_minutes" smallint NOT NULL,
	"buffer_minutes" smallint DEFAULT 0 NOT NULL,
	"min_notice_hours" smallint DEFAULT 2 NOT NULL,
	"horizon_days" smallint DEFAULT 28 NOT NULL,
	"cancel_cutoff_hours" smallint DEFAULT 2 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_duration" CHECK ("appointment_types"."duration_minutes" BETWEEN 5 AND 480),
	CONSTRAINT "appointment_buffer" CHECK ("appointment_types"."buffer_minutes" BETWEEN 0 AND 120),
	CONSTRAINT "appointment_notice" CHECK ("appointment_types"."min_notice_hours" BETWEEN 0 AND 336),
	CONSTRAINT "appointment_horizon" CHECK ("appointment_types"."horizon_days" BETWEEN 1 AND 180),
	CONSTRAINT "appointment_cutoff" CHECK ("appointment_types"."cancel_cutoff_hours" BETWEEN 0 AND 336)
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"help_point_id" uuid NOT NULL,
	"appointment_type_id" uuid,
	"slot_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"topic_id" uuid,
	"status" "appointment_status" DEFAULT 'booked' NOT NULL,
	"channel" "appointment_channel" NOT NULL,
	"name" text,
	"phone" text,
	"email" text,
	"contact_key" text,
	"note" text,
	"language" text DEFAULT 'nl' NOT NULL,
	"code" text NOT NULL,
	"manage_token_hash" text NOT NULL,
	"booked_by_user_id" uuid,
	"reminder_sent_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_order" CHECK ("appointments"."starts_at" < "appointments"."ends_at"),
	CONSTRAINT "appointment_slot_unless_walk_in" CHECK ("appointments"."channel" = 'walk_in' OR "appointments"."slot_id" IS NOT NULL OR "appointments"."erased_at" IS NOT NULL OR "appointments"."status" = 'cancelled')
);
--> statement-breakpoint
CREATE TABLE "government_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"owner_organization_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "government_service_name" UNIQUE("municipality_id","name")
);
--> statement-breakpoint
CREATE TABLE "help_contact_services" (
	"contact_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "help_contact_services_contact_id_service_id_pk" PRIMARY KEY("contact_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "help_contact_topics" (
	"contact_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	CONSTRAINT "help_contact_topics_contact_id_topic_id_pk" PRIMARY KEY("contact_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "help_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"help_point_id" uuid,
	"helper_user_id" uuid,
	"channel" "contact_channel" NOT NULL,
	"outcome" "contact_outcome" NOT NULL,
	"duration" "duration_band" NOT NULL,
	"age_band" "age_band",
	"language" text,
	"first_visit" boolean,
	"remark" text,
	"appointment_id" uuid,
	"home_visit_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "help_contact_remark_length" CHECK ("help_contacts"."remark" IS NULL OR char_length("help_contacts"."remark") <= 200)
);
--> statement-breakpoint
CREATE TABLE "help_settings" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"retention_months" smallint DEFAULT 6 NOT NULL,
	CONSTRAINT "help_retention" CHECK ("help_settings"."retention_months" BETWEEN 1 AND 60)
);
--> statement-breakpoint
CREATE TABLE "home_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"status" "home_visit_status" DEFAULT 'requested' NOT NULL,
	"requester_kind" "requester_kind" NOT NULL,
	"topic_id" uuid,
	"postcode" text,
	"resident_name" text,
	"address" text,
	"phone" text,
	"requester_name" text,
	"requester_phone" text,
	"requester_organization" text,
	"when_suits" text,
	"why_no_travel" text,
	"note" text,
	"language" text DEFAULT 'nl' NOT NULL,
	"code" text NOT NULL,
	"assigned_user_id" uuid,
	"scheduled_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "home_visit_planned" CHECK ("home_visits"."status" <> 'planned' OR ("home_visits"."assigned_user_id" IS NOT NULL AND "home_visits"."scheduled_at" IS NOT NULL) OR "home_visits"."erased_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"status" "referral_status" NOT NULL,
	"user_id" uuid,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"target" "referral_target" NOT NULL,
	"to_organization_id" uuid,
	"to_help_point_id" uuid,
	"from_user_id" uuid,
	"from_help_point_id" uuid,
	"topic_id" uuid,
	"status" "referral_status" DEFAULT 'new' NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"resident_name" text,
	"phone" text,
	"email" text,
	"reason" text,
	"language" text DEFAULT 'nl' NOT NULL,
	"picked_up_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_has_receiver" CHECK ("referrals"."target" NOT IN ('organization', 'ocmw') OR "referrals"."to_organization_id" IS NOT NULL OR "referrals"."erased_at" IS NOT NULL),
	CONSTRAINT "referral_help_point" CHECK ("referrals"."target" <> 'help_point' OR "referrals"."to_help_point_id" IS NOT NULL OR "referrals"."erased_at" IS NOT NULL),
	CONSTRAINT "referral_contact" CHECK ("referrals"."phone" IS NOT NULL OR "referrals"."email" IS NOT NULL OR "referrals"."erased_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "device_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"help_point_id" uuid,
	"referral_id" uuid,
	"status" "device_application_status" DEFAULT 'submitted' NOT NULL,
	"kinds" "device_kind"[] NOT NULL,
	"purpose" "device_application_purpose" NOT NULL,
	"household_size" smallint NOT NULL,
	"household_key" text,
	"postcode" text,
	"criteria_checked" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL,
	"applicant_name" text,
	"phone" text,
	"email" text,
	"address" text,
	"reason" text,
	"referrer_name" text,
	"referrer_contact" text,
	"language" text DEFAULT 'nl' NOT NULL,
	"code" text NOT NULL,
	"decline_reason" text,
	"waiting_since" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"created_by_user_id" uuid,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_application_household" CHECK ("device_applications"."household_size" BETWEEN 1 AND 20),
	CONSTRAINT "device_application_kinds" CHECK (cardinality("device_applications"."kinds") >= 1),
	CONSTRAINT "device_application_declined" CHECK ("device_applications"."status" <> 'declined' OR "device_applications"."decline_reason" IS NOT NULL),
	CONSTRAINT "device_application_waiting" CHECK ("device_applications"."status" <> 'waiting' OR "device_applications"."waiting_since" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "device_bank_settings" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"max_devices_per_household" smallint DEFAULT 1 NOT NULL,
	"requires_referral" boolean DEFAULT false NOT NULL,
	"requires_course" boolean DEFAULT false NOT NULL,
	"loan_weeks" smallint DEFAULT 12 NOT NULL,
	"extension_weeks" smallint DEFAULT 4 NOT NULL,
	"max_extensions" smallint DEFAULT 2 NOT NULL,
	"reminder_days_before" smallint DEFAULT 3 NOT NULL,
	"audit_period_days" smallint DEFAULT 180 NOT NULL,
	"return_help_point_id" uuid,
	CONSTRAINT "device_bank_household_limit" CHECK ("device_bank_settings"."max_devices_per_household" BETWEEN 1 AND 10),
	CONSTRAINT "device_bank_loan_weeks" CHECK ("device_bank_settings"."loan_weeks" BETWEEN 1 AND 104),
	CONSTRAINT "device_bank_extensions" CHECK ("device_bank_settings"."max_extensions" BETWEEN 0 AND 10 AND "device_bank_settings"."extension_weeks" BETWEEN 1 AND 52),
	CONSTRAINT "device_bank_reminder" CHECK ("device_bank_settings"."reminder_days_before" BETWEEN 1 AND 14),
	CONSTRAINT "device_bank_audit_period" CHECK ("device_bank_settings"."audit_period_days" BETWEEN 7 AND 730)
);
--> statement-breakpoint
CREATE TABLE "device_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"from_status" "device_status",
	"to_status" "device_status" NOT NULL,
	"user_id" uuid,
	"wipe_method" text,
	"wipe_reference" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_wipe_evidence" CHECK ("device_events"."to_status" <> 'wiped' OR ("device_events"."wipe_method" IS NOT NULL AND "device_events"."wipe_reference" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "device_loans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"status" "loan_status" DEFAULT 'reserved' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"return_help_point_id" uuid,
	"handed_over_at" timestamp with time zone,
	"handed_over_by_user_id" uuid,
	"agreement_signature" "agreement_signature",
	"extensions" smallint DEFAULT 0 NOT NULL,
	"reminder_before_sent_at" timestamp with time zone,
	"reminder_due_sent_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"return_condition" "device_condition",
	"missing_accessories" text,
	"damage_note" text,
	"gifted_at" timestamp with time zone,
	"gift_reason" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_loan_order" CHECK ("device_loans"."starts_on" <= "device_loans"."ends_on"),
	CONSTRAINT "device_loan_handed_over" CHECK ("device_loans"."status" NOT IN ('on_loan', 'returned', 'gifted') OR ("device_loans"."handed_over_at" IS NOT NULL AND "device_loans"."agreement_signature" IS NOT NULL)),
	CONSTRAINT "device_loan_returned" CHECK ("device_loans"."status" <> 'returned' OR "device_loans"."returned_at" IS NOT NULL),
	CONSTRAINT "device_loan_extensions" CHECK ("device_loans"."extensions" >= 0)
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"asset_tag" text NOT NULL,
	"kind" "device_kind" NOT NULL,
	"make" text,
	"model" text,
	"serial" text,
	"specs" text,
	"keyboard_layout" "keyboard_layout",
	"accessories" text,
	"source" "device_source" NOT NULL,
	"donation_id" uuid,
	"home_help_point_id" uuid,
	"condition" "device_condition" DEFAULT 'good' NOT NULL,
	"status" "device_status" DEFAULT 'received' NOT NULL,
	"wiped" boolean DEFAULT false NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_asset_tag" UNIQUE("municipality_id","asset_tag"),
	CONSTRAINT "device_wiped_before_use" CHECK ("devices"."status" NOT IN ('wiped', 'ready', 'reserved', 'on_loan', 'gifted') OR "devices"."wiped"),
	CONSTRAINT "device_donation_source" CHECK ("devices"."source" <> 'donation' OR "devices"."donation_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"donor_organization_id" uuid NOT NULL,
	"status" "donation_status" DEFAULT 'pledged' NOT NULL,
	"pledged" jsonb NOT NULL,
	"minimum_specs" text,
	"pickup_address" text,
	"pickup_date" date,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"note" text,
	"impact_token_hash" text NOT NULL,
	"received_at" timestamp with time zone,
	"received_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donation_received" CHECK ("donations"."status" <> 'received' OR "donations"."received_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "eligibility_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"label" jsonb NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"note" text,
	"user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointment_plan_blocks" ADD CONSTRAINT "appointment_plan_blocks_appointment_type_id_appointment_types_id_fk" FOREIGN KEY ("appointment_type_id") REFERENCES "public"."appointment_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_appointment_type_id_appointment_types_id_fk" FOREIGN KEY ("appointment_type_id") REFERENCES "public"."appointment_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_types" ADD CONSTRAINT "appointment_types_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_types" ADD CONSTRAINT "appointment_types_help_point_id_help_points_id_fk" FOREIGN KEY ("help_point_id") REFERENCES "public"."help_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_types" ADD CONSTRAINT "appointment_types_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_help_point_id_help_points_id_fk" FOREIGN KEY ("help_point_id") REFERENCES "public"."help_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_appointment_type_id_appointment_types_id_fk" FOREIGN KEY ("appointment_type_id") REFERENCES "public"."appointment_types"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_user_id_users_id_fk" FOREIGN KEY ("booked_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "government_services" ADD CONSTRAINT "government_services_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "government_services" ADD CONSTRAINT "government_services_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_contact_services" ADD CONSTRAINT "help_contact_services_contact_id_help_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."help_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_contact_services" ADD CONSTRAINT "help_contact_services_service_id_government_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."government_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_contact_topics" ADD CONSTRAINT "help_contact_topics_contact_id_help_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."help_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_contact_topics" ADD CONSTRAINT "help_contact_topics_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_contacts" ADD CONSTRAINT "help_contacts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_contacts" ADD CONSTRAINT "help_contacts_help_point_id_help_points_id_fk" FOREIGN KEY ("help_point_id") REFERENCES "public"."help_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_contacts" ADD CONSTRAINT "help_contacts_helper_user_id_users_id_fk" FOREIGN KEY ("helper_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_contacts" ADD CONSTRAINT "help_contacts_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_contacts" ADD CONSTRAINT "help_contacts_home_visit_id_home_visits_id_fk" FOREIGN KEY ("home_visit_id") REFERENCES "public"."home_visits"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_settings" ADD CONSTRAINT "help_settings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_organization_id_organizations_id_fk" FOREIGN KEY ("to_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_help_point_id_help_points_id_fk" FOREIGN KEY ("to_help_point_id") REFERENCES "public"."help_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_help_point_id_help_points_id_fk" FOREIGN KEY ("from_help_point_id") REFERENCES "public"."help_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_applications" ADD CONSTRAINT "device_applications_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_applications" ADD CONSTRAINT "device_applications_help_point_id_help_points_id_fk" FOREIGN KEY ("help_point_id") REFERENCES "public"."help_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_applications" ADD CONSTRAINT "device_applications_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_applications" ADD CONSTRAINT "device_applications_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_applications" ADD CONSTRAINT "device_applications_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_bank_settings" ADD CONSTRAINT "device_bank_settings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_bank_settings" ADD CONSTRAINT "device_bank_settings_return_help_point_id_help_points_id_fk" FOREIGN KEY ("return_help_point_id") REFERENCES "public"."help_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_events" ADD CONSTRAINT "device_events_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_events" ADD CONSTRAINT "device_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_loans" ADD CONSTRAINT "device_loans_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_loans" ADD CONSTRAINT "device_loans_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_loans" ADD CONSTRAINT "device_loans_application_id_device_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."device_applications"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_loans" ADD CONSTRAINT "device_loans_return_help_point_id_help_points_id_fk" FOREIGN KEY ("return_help_point_id") REFERENCES "public"."help_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_loans" ADD CONSTRAINT "device_loans_handed_over_by_user_id_users_id_fk" FOREIGN KEY ("handed_over_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_loans" ADD CONSTRAINT "device_loans_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_home_help_point_id_help_points_id_fk" FOREIGN KEY ("home_help_point_id") REFERENCES "public"."help_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_donor_organization_id_organizations_id_fk" FOREIGN KEY ("donor_organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_received_by_user_id_users_id_fk" FOREIGN KEY ("received_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_criteria" ADD CONSTRAINT "eligibility_criteria_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_contacts" ADD CONSTRAINT "loan_contacts_loan_id_device_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."device_loans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_contacts" ADD CONSTRAINT "loan_contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_plan_type" ON "appointment_plan_blocks" USING btree ("appointment_type_id","weekday");--> statement-breakpoint
CREATE INDEX "appointment_types_point" ON "appointment_types" USING btree ("help_point_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_code" ON "appointments" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_manage_token" ON "appointments" USING btree ("manage_token_hash");--> statement-breakpoint
CREATE INDEX "appointments_point_day" ON "appointments" USING btree ("help_point_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_retention" ON "appointments" USING btree ("last_activity_at") WHERE "appointments"."erased_at" IS NULL;--> statement-breakpoint
CREATE INDEX "help_contact_services_service" ON "help_contact_services" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "help_contact_topics_topic" ON "help_contact_topics" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "help_contacts_municipality_at" ON "help_contacts" USING btree ("municipality_id","occurred_at");--> statement-breakpoint
CREATE INDEX "help_contacts_point_at" ON "help_contacts" USING btree ("help_point_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "home_visit_code" ON "home_visits" USING btree ("code");--> statement-breakpoint
CREATE INDEX "home_visits_municipality_status" ON "home_visits" USING btree ("municipality_id","status");--> statement-breakpoint
CREATE INDEX "referral_events_referral" ON "referral_events" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "referrals_municipality_status" ON "referrals" USING btree ("municipality_id","status","created_at");--> statement-breakpoint
CREATE INDEX "referrals_to_org" ON "referrals" USING btree ("to_organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "device_application_code" ON "device_applications" USING btree ("code");--> statement-breakpoint
CREATE INDEX "device_applications_status" ON "device_applications" USING btree ("municipality_id","status","waiting_since");--> statement-breakpoint
CREATE INDEX "device_applications_household" ON "device_applications" USING btree ("municipality_id","household_key");--> statement-breakpoint
CREATE INDEX "device_events_device" ON "device_events" USING btree ("device_id","at");--> statement-breakpoint
CREATE INDEX "device_loans_device" ON "device_loans" USING btree ("device_id");--> statement-breakpoint
CREATE INDEX "device_loans_due" ON "device_loans" USING btree ("municipality_id","status","ends_on");--> statement-breakpoint
CREATE INDEX "devices_stock" ON "devices" USING btree ("municipality_id","kind","status");--> statement-breakpoint
CREATE INDEX "donations_municipality" ON "donations" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "donation_impact_token" ON "donations" USING btree ("impact_token_hash");--> statement-breakpoint
CREATE INDEX "eligibility_criteria_municipality" ON "eligibility_criteria" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "loan_contacts_loan" ON "loan_contacts" USING btree ("loan_id","at");--> statement-breakpoint
-- Hand-written (Drizzle cannot express it): one device never has two overlapping reservations or loans.
ALTER TABLE "device_loans" ADD CONSTRAINT "device_loans_no_overlap" EXCLUDE USING gist ("device_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&) WHERE ("status" IN ('reserved', 'on_loan'));
