import { and, desc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { outbox } from "~/db/schema";
import { i18nFor } from "~/i18n/i18n";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/languages";
import type { Transport } from "./transport.server";

export const MAX_ATTEMPTS = 8;

export interface OutgoingMessage {
  municipalityId: string | null;
  /** SMS when there is a phone number, else e-mail; nothing when there is neither (staff booked at the desk). */
  to: { phone?: string | null; email?: string | null };
  language: string;
  /** Key under "messages" in the catalogues: messages.<template>.sms, .subject, .email */
  template: string;
  params: Record<string, string | number>;
  /** An id that ties the message to a person's record, for erasure and retention. */
  subjectRef?: string;
}

/** Belgian mobile numbers in international form for the SMS gateway: 0470 12 34 56 → +32470123456. */
export function toInternational(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, "");
  if (digits.startsWith("+")) return digits;
  if (digits.startsWith("00")) return `+${digits.slice(2)}`;
  return `+32${digits.replace(/^0/, "")}`;
}

export function renderMessage(template: string, language: string, params: Record<string, string | number>) {
  const t = i18nFor(isLanguage(language) ? language : DEFAULT_LANGUAGE).t;
  return {
    sms: t(`messages.${template}.sms`, params),
    subject: t(`messages.${template}.subject`, params),
    email: t(`messages.${template}.email`, params),
  };
}

/**
 * Put a message in the outbox. Call it with the transaction that makes the change, so the message exists
 * exactly when the change does.
 */
export async function enqueueMessage(db: Db, message: OutgoingMessage): Promise<number> {
  const text = renderMessage(message.template, message.language, message.params);
  const base = {
    municipalityId: message.municipalityId,
    language: message.language,
    template: message.template,
    subjectRef: message.subjectRef ?? null,
  };
  if (message.to.phone) {
    await db.insert(outbox).values({ ...base, channel: "sms", recipient: toInternational(message.to.phone), body: text.sms });
    return 1;
  }
  if (message.to.email) {
    await db.insert(outbox).values({ ...base, channel: "email", recipient: message.to.email, subject: text.subject, body: text.email });
    return 1;
  }
  return 0;
}

/** Minutes to wait before attempt n+1: 1, 2, 4, 8 … capped at 6 hours. */
export function backoffMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 360);
}

/**
 * Send what is due. Each message is claimed with SKIP LOCKED, so several app instances can run this at once
 * without sending a message twice. A failure is kept with its error and retried with backoff; after
 * MAX_ATTEMPTS it stays visible as failed for staff.
 */
export async function processOutbox(db: Db, transport: Transport, now: Date = new Date(), batch = 20): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < batch; i++) {
    const done = await db.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)))
        .orderBy(outbox.nextAttemptAt)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!message) return null;
      try {
        const result = await transport.send({ channel: message.channel, recipient: message.recipient, subject: message.subject, body: message.body });
        await tx
          .update(outbox)
          .set({
            status: "sent",
            sentAt: now,
            attempts: message.attempts + 1,
            lastError: null,
            metadata: result.delivered ? null : { delivered: false, reason: "no provider configured: kept in the outbox" },
          })
          .where(eq(outbox.id, message.id));
        return "sent" as const;
      } catch (error) {
        const attempts = message.attempts + 1;
        await tx
          .update(outbox)
          .set({
            attempts,
            status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
            lastError: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
            nextAttemptAt: new Date(now.getTime() + backoffMinutes(attempts) * 60_000),
          })
          .where(eq(outbox.id, message.id));
        return "failed" as const;
      }
    });
    if (done === null) break;
    if (done === "sent") sent++;
    else failed++;
  }
  return { sent, failed };
}

export async function listOutbox(db: Db, municipalityId: string, options: { status?: "pending" | "sent" | "failed"; limit?: number } = {}) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.municipalityId, municipalityId), options.status ? eq(outbox.status, options.status) : undefined))
    .orderBy(desc(outbox.createdAt))
    .limit(options.limit ?? 100);
}

export async function outboxCounts(db: Db, municipalityId: string) {
  const rows = await db
    .select({ status: outbox.status, count: sql<number>`count(*)::int` })
    .from(outbox)
    .where(eq(outbox.municipalityId, municipalityId))
    .groupBy(outbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.count])) as Partial<Record<"pending" | "sent" | "failed", number>>;
}

/** Erase the messages about a person (GDPR erasure, retention). */
export async function deleteMessagesAbout(db: Db, subjectRef: string): Promise<void> {
  await db.delete(outbox).where(eq(outbox.subjectRef, subjectRef));
}
