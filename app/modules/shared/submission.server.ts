/**
 * A form that creates something carries its own key: a fresh random UUID in every form the loader shows (hidden
 * field `submissionKey`, kept when the form comes back with errors). The table has a unique index on the key, so
 * the same form sent twice (a double tap, a browser that sends it again, a slow network and a second click) writes
 * one record, not two: the second insert does nothing, and the second answer is the first record, exactly as if it
 * had just been made (same code, same redirect). Nothing is written twice: no second message, no second audit entry.
 *
 * On PostgreSQL the second insert waits for the first transaction and, once it commits, does nothing; the record it
 * then reads is committed (READ COMMITTED takes a new snapshot per statement). A form without a key (an old page in a
 * browser's cache) is written as before, without this guard.
 *
 * Used by the tally form's pattern (help_contacts) and by: home visits, donations, referrals, device applications.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "~/db/client.server";
import { isUuid } from "~/modules/offer/help-points.server";

/** The hidden field's name in every creation form. */
export const SUBMISSION_FIELD = "submissionKey";

/** A fresh key for a form being shown (call it in the loader: one per page view). */
export function newSubmissionKey(): string {
  return randomUUID();
}

/**
 * The key a posted form carries, or null when it has none or something that is not a key (then the form is written
 * without the guard: a resident cannot correct a hidden field, so it is never an error).
 */
export function submissionKeyOf(form: FormData): string | null {
  const value = String(form.get(SUBMISSION_FIELD) ?? "").trim();
  return isUuid(value) ? value.toLowerCase() : null;
}

/** A table with a municipality and a form key. */
type KeyedTable = PgTable & { municipalityId: AnyPgColumn; submissionKey: AnyPgColumn };

/**
 * The record this form already made in this municipality, or null (no key, or not sent before). Call it inside the
 * transaction, after any lock the creation takes, when checks before the insert would otherwise count the first
 * record against the second (a household limit) or write something else (a new donor organisation).
 */
export async function firstSent<T extends KeyedTable>(tx: Db, table: T, municipalityId: string, key: string | null | undefined): Promise<T["$inferSelect"] | null> {
  if (!key) return null;
  const rows = (await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.submissionKey, key), eq(table.municipalityId, municipalityId)))
    .limit(1)) as T["$inferSelect"][];
  return rows[0] ?? null;
}

/**
 * Insert the record a form creates, once per submission key. `repeated` is true when this form was sent before:
 * `row` is then the first record, and the caller writes nothing more (no message, no audit entry) and answers with it.
 */
export async function insertOnce<T extends KeyedTable>(
  tx: Db,
  table: T,
  values: T["$inferInsert"] & { municipalityId: string; submissionKey?: string | null },
): Promise<{ row: T["$inferSelect"]; repeated: boolean }> {
  const inserted = (await tx
    .insert(table)
    .values(values)
    .onConflictDoNothing({ target: table.submissionKey })
    .returning()) as T["$inferSelect"][];
  if (inserted[0]) return { row: inserted[0], repeated: false };
  const first = await firstSent(tx, table, values.municipalityId, values.submissionKey);
  // Only a key made up to match another municipality's form gets here: refuse rather than answer with that record.
  if (!first) throw new Error("This form key belongs to another municipality.");
  return { row: first, repeated: true };
}
