CREATE TYPE "public"."staff_role" AS ENUM('platform_admin', 'coordinator', 'organization_manager', 'digihelper', 'trainer', 'device_officer', 'service_owner');--> statement-breakpoint
CREATE TYPE "public"."schedule_exception_kind" AS ENUM('closed', 'open');--> statement-breakpoint
CREATE TYPE "public"."help_point_type" AS ENUM('digipunt', 'ocr', 'library', 'service_centre', 'popup', 'wifi_spot');--> statement-breakpoint
CREATE TYPE "public"."organization_type" AS ENUM('city_department', 'service_centre', 'library', 'ocmw', 'ngo', 'school', 'company');--> statement-breakpoint
CREATE TABLE "districts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"postcodes" text[] NOT NULL,
	"population" integer,
	CONSTRAINT "district_name_per_municipality" UNIQUE("municipality_id","name")
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"default_language" text DEFAULT 'nl' NOT NULL,
	"languages" text[] DEFAULT ARRAY['nl','fr','en','ar']::text[] NOT NULL,
	"phone" text NOT NULL,
	"phone_hours" jsonb,
	"email" text,
	"website" text,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_slug_unique" UNIQUE("slug"),
	CONSTRAINT "municipality_slug_format" CHECK ("municipalities"."slug" ~ '^[a-z0-9-]{2,40}$')
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"code" text NOT NULL,
	"icon" text DEFAULT 'help' NOT NULL,
	"name" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "topic_code_per_municipality" UNIQUE("municipality_id","code")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"user_email" text,
	"municipality_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "staff_role" NOT NULL,
	"municipality_id" uuid,
	"organization_id" uuid,
	"help_point_id" uuid,
	CONSTRAINT "role_scope" CHECK (("role_assignments"."role" = 'platform_admin' AND "role_assignments"."municipality_id" IS NULL) OR ("role_assignments"."role" <> 'platform_admin' AND "role_assignments"."municipality_id" IS NOT NULL)),
	CONSTRAINT "organization_manager_has_org" CHECK ("role_assignments"."role" <> 'organization_manager' OR "role_assignments"."organization_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "help_point_topics" (
	"help_point_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	CONSTRAINT "help_point_topics_help_point_id_topic_id_pk" PRIMARY KEY("help_point_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "help_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"district_id" uuid,
	"name" text NOT NULL,
	"type" "help_point_type" NOT NULL,
	"description" jsonb,
	"street" text NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"phone" text,
	"email" text,
	"walk_in" boolean DEFAULT true NOT NULL,
	"by_appointment" boolean DEFAULT false NOT NULL,
	"wheelchair_accessible" boolean DEFAULT false NOT NULL,
	"accessibility_notes" jsonb,
	"languages" text[] DEFAULT ARRAY['nl']::text[] NOT NULL,
	"equipment" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_checked_at" timestamp with time zone,
	"last_checked_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "help_point_postcode_format" CHECK ("help_points"."postcode" ~ '^[1-9][0-9]{3}$'),
	CONSTRAINT "help_point_coordinates" CHECK (("help_points"."latitude" IS NULL) = ("help_points"."longitude" IS NULL)),
	CONSTRAINT "help_point_latitude_range" CHECK ("help_points"."latitude" IS NULL OR "help_points"."latitude" BETWEEN -90 AND 90),
	CONSTRAINT "help_point_longitude_range" CHECK ("help_points"."longitude" IS NULL OR "help_points"."longitude" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE TABLE "opening_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"help_point_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"opens" time NOT NULL,
	"closes" time NOT NULL,
	CONSTRAINT "opening_hours_weekday" CHECK ("opening_hours"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "opening_hours_order" CHECK ("opening_hours"."opens" < "opening_hours"."closes")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" "organization_type" NOT NULL,
	"description" jsonb,
	"website" text,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_name_per_municipality" UNIQUE("municipality_id","name")
);
--> statement-breakpoint
CREATE TABLE "schedule_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"help_point_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" "schedule_exception_kind" NOT NULL,
	"opens" time,
	"closes" time,
	"reason" text,
	CONSTRAINT "schedule_exception_times" CHECK (("schedule_exceptions"."kind" = 'closed' AND "schedule_exceptions"."opens" IS NULL AND "schedule_exceptions"."closes" IS NULL) OR ("schedule_exceptions"."kind" = 'open' AND "schedule_exceptions"."opens" IS NOT NULL AND "schedule_exceptions"."closes" IS NOT NULL AND "schedule_exceptions"."opens" < "schedule_exceptions"."closes"))
);
--> statement-breakpoint
CREATE TABLE "service_at_location" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"help_point_id" uuid NOT NULL,
	CONSTRAINT "service_once_per_point" UNIQUE("service_id","help_point_id")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"free" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_help_point_id_help_points_id_fk" FOREIGN KEY ("help_point_id") REFERENCES "public"."help_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_point_topics" ADD CONSTRAINT "help_point_topics_help_point_id_help_points_id_fk" FOREIGN KEY ("help_point_id") REFERENCES "public"."help_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_point_topics" ADD CONSTRAINT "help_point_topics_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_points" ADD CONSTRAINT "help_points_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_points" ADD CONSTRAINT "help_points_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_points" ADD CONSTRAINT "help_points_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_hours" ADD CONSTRAINT "opening_hours_help_point_id_help_points_id_fk" FOREIGN KEY ("help_point_id") REFERENCES "public"."help_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_exceptions" ADD CONSTRAINT "schedule_exceptions_help_point_id_help_points_id_fk" FOREIGN KEY ("help_point_id") REFERENCES "public"."help_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_at_location" ADD CONSTRAINT "service_at_location_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_at_location" ADD CONSTRAINT "service_at_location_help_point_id_help_points_id_fk" FOREIGN KEY ("help_point_id") REFERENCES "public"."help_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_municipality_at" ON "audit_log" USING btree ("municipality_id","at");--> statement-breakpoint
CREATE INDEX "role_assignments_user" ON "role_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "help_point_topics_topic" ON "help_point_topics" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "help_points_municipality" ON "help_points" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "help_points_postcode" ON "help_points" USING btree ("postcode");--> statement-breakpoint
CREATE INDEX "help_points_lat_lng" ON "help_points" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE INDEX "opening_hours_point" ON "opening_hours" USING btree ("help_point_id");--> statement-breakpoint
CREATE INDEX "schedule_exceptions_point_date" ON "schedule_exceptions" USING btree ("help_point_id","date");--> statement-breakpoint
CREATE INDEX "service_at_location_point" ON "service_at_location" USING btree ("help_point_id");