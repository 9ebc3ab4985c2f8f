CREATE TYPE "public"."message_channel" AS ENUM('sms', 'email');--> statement-breakpoint
CREATE TYPE "public"."message_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."course_format" AS ENUM('group', 'individual');--> statement-breakpoint
CREATE TYPE "public"."course_level" AS ENUM('starter', 'basic', 'advanced');--> statement-breakpoint
CREATE TYPE "public"."course_mode" AS ENUM('in_person', 'online');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('registered', 'waiting', 'offered', 'cancelled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."workshop_request_status" AS ENUM('new', 'planned', 'declined');--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid,
	"channel" "message_channel" NOT NULL,
	"recipient" text NOT NULL,
	"language" text DEFAULT 'nl' NOT NULL,
	"template" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"subject_ref" text,
	"status" "message_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_attempts" CHECK ("outbox"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"session_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"marked_by_user_id" uuid,
	CONSTRAINT "attendance_session_id_registration_id_pk" PRIMARY KEY("session_id","registration_id")
);
--> statement-breakpoint
CREATE TABLE "course_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"liked" smallint,
	"learned" smallint,
	"clear" smallint,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_scale" CHECK (coalesce("course_feedback"."liked", 1) BETWEEN 1 AND 5 AND coalesce("course_feedback"."learned", 1) BETWEEN 1 AND 5 AND coalesce("course_feedback"."clear", 1) BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "course_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"help_point_id" uuid,
	"venue" text,
	"capacity" integer NOT NULL,
	"registered_count" integer DEFAULT 0 NOT NULL,
	"offer_hours" integer DEFAULT 48 NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_run_capacity" CHECK ("course_runs"."capacity" > 0),
	CONSTRAINT "course_run_not_overfilled" CHECK ("course_runs"."registered_count" BETWEEN 0 AND "course_runs"."capacity"),
	CONSTRAINT "course_run_offer_hours" CHECK ("course_runs"."offer_hours" BETWEEN 1 AND 336)
);
--> statement-breakpoint
CREATE TABLE "course_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "course_session_order" CHECK ("course_sessions"."starts_at" < "course_sessions"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "course_topics" (
	"course_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	CONSTRAINT "course_topics_course_id_topic_id_pk" PRIMARY KEY("course_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "course_trainers" (
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "course_trainers_course_id_user_id_pk" PRIMARY KEY("course_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"what_to_bring" jsonb,
	"level" "course_level" NOT NULL,
	"digcomp_ids" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"audiences" text[] NOT NULL,
	"instruction_language" text DEFAULT 'nl' NOT NULL,
	"format" "course_format" DEFAULT 'group' NOT NULL,
	"mode" "course_mode" DEFAULT 'in_person' NOT NULL,
	"price_cents" integer DEFAULT 0 NOT NULL,
	"uitpas_price_cents" integer,
	"completion_percent" smallint DEFAULT 75 NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_price" CHECK ("courses"."price_cents" >= 0 AND ("courses"."uitpas_price_cents" IS NULL OR "courses"."uitpas_price_cents" BETWEEN 0 AND "courses"."price_cents")),
	CONSTRAINT "course_completion" CHECK ("courses"."completion_percent" BETWEEN 1 AND 100)
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"status" "registration_status" NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"contact_key" text,
	"language" text DEFAULT 'nl' NOT NULL,
	"needs" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"uitpas_number" text,
	"department" text,
	"code" text NOT NULL,
	"manage_token_hash" text NOT NULL,
	"waiting_since" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"registered_by_user_id" uuid,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_offer" CHECK (("registrations"."status" = 'offered') = ("registrations"."offer_expires_at" IS NOT NULL)),
	CONSTRAINT "registration_waiting" CHECK ("registrations"."status" NOT IN ('waiting', 'offered') OR "registrations"."waiting_since" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "workshop_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"topic_id" uuid,
	"contact_name" text NOT NULL,
	"contact_email" text,
	"contact_phone" text,
	"grade" text NOT NULL,
	"pupils" integer NOT NULL,
	"preferred_dates" text NOT NULL,
	"needs_devices" boolean DEFAULT false NOT NULL,
	"note" text,
	"status" "workshop_request_status" DEFAULT 'new' NOT NULL,
	"decline_reason" text,
	"run_id" uuid,
	"status_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_pupils" CHECK ("workshop_requests"."pupils" BETWEEN 1 AND 60),
	CONSTRAINT "workshop_decline_reason" CHECK ("workshop_requests"."status" <> 'declined' OR "workshop_requests"."decline_reason" IS NOT NULL),
	CONSTRAINT "workshop_planned_run" CHECK ("workshop_requests"."status" <> 'planned' OR "workshop_requests"."run_id" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_id_course_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."course_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_marked_by_user_id_users_id_fk" FOREIGN KEY ("marked_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_feedback" ADD CONSTRAINT "course_feedback_run_id_course_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."course_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_runs" ADD CONSTRAINT "course_runs_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_runs" ADD CONSTRAINT "course_runs_help_point_id_help_points_id_fk" FOREIGN KEY ("help_point_id") REFERENCES "public"."help_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_run_id_course_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."course_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_topics" ADD CONSTRAINT "course_topics_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_topics" ADD CONSTRAINT "course_topics_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_trainers" ADD CONSTRAINT "course_trainers_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_trainers" ADD CONSTRAINT "course_trainers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_organizer_id_organizations_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_run_id_course_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."course_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_requests" ADD CONSTRAINT "workshop_requests_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_requests" ADD CONSTRAINT "workshop_requests_school_id_organizations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_requests" ADD CONSTRAINT "workshop_requests_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_requests" ADD CONSTRAINT "workshop_requests_run_id_course_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."course_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_subject" ON "outbox" USING btree ("subject_ref");--> statement-breakpoint
CREATE INDEX "course_runs_course" ON "course_runs" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "course_sessions_run" ON "course_sessions" USING btree ("run_id","starts_at");--> statement-breakpoint
CREATE INDEX "courses_municipality" ON "courses" USING btree ("municipality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_code" ON "registrations" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_manage_token" ON "registrations" USING btree ("manage_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_once_per_run" ON "registrations" USING btree ("run_id","contact_key") WHERE "registrations"."status" IN ('registered', 'waiting', 'offered') AND "registrations"."contact_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "registrations_run_status" ON "registrations" USING btree ("run_id","status","waiting_since");--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_status_token" ON "workshop_requests" USING btree ("status_token");