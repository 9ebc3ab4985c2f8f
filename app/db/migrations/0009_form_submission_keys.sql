ALTER TABLE "home_visits" ADD COLUMN "submission_key" uuid;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "submission_key" uuid;--> statement-breakpoint
ALTER TABLE "device_applications" ADD COLUMN "submission_key" uuid;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "submission_key" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "home_visit_submission" ON "home_visits" USING btree ("submission_key");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_submission" ON "referrals" USING btree ("submission_key");--> statement-breakpoint
CREATE UNIQUE INDEX "device_application_submission" ON "device_applications" USING btree ("submission_key");--> statement-breakpoint
CREATE UNIQUE INDEX "donation_submission" ON "donations" USING btree ("submission_key");