ALTER TABLE "registrations" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
-- Registrations anonymised on request before erased_at existed (name "(gewist)", no contact left).
UPDATE "registrations" SET "erased_at" = "updated_at" WHERE "name" = '(gewist)' AND "contact_key" IS NULL AND "phone" IS NULL AND "email" IS NULL;
