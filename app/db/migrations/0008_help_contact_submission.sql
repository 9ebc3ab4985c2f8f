ALTER TABLE "help_contacts" ADD COLUMN "submission_key" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "help_contact_submission" ON "help_contacts" USING btree ("submission_key");