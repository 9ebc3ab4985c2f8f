import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { municipalities } from "./tenancy";

export const messageChannel = pgEnum("message_channel", ["sms", "email"]);
export const messageStatus = pgEnum("message_status", ["pending", "sent", "failed"]);

/**
 * One outbox for every SMS and e-mail. A message is written in the same transaction as the change that causes
 * it and sent later by the worker, so a provider outage loses nothing.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    channel: messageChannel("channel").notNull(),
    recipient: text("recipient").notNull(),
    language: text("language").notNull().default("nl"),
    template: text("template").notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    /** Set for a message about a person, so erasure and retention can find it. */
    subjectRef: text("subject_ref"),
    status: messageStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    metadata: jsonb("metadata"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_due").on(t.status, t.nextAttemptAt),
    index("outbox_subject").on(t.subjectRef),
    check("outbox_attempts", sql`${t.attempts} >= 0`),
  ],
);
