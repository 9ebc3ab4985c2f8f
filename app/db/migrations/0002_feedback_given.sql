ALTER TABLE "registrations" ADD COLUMN "feedback_given" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "followup_token_hash" text;--> statement-breakpoint
ALTER TABLE "workshop_requests" ADD COLUMN "language" text DEFAULT 'nl' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "registration_followup_token" ON "registrations" USING btree ("followup_token_hash");