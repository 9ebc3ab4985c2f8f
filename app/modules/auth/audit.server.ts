import type { Db } from "~/db/client.server";
import { auditLog } from "~/db/schema";

export interface AuditEntry {
  actor: { id: string; email: string } | null;
  municipalityId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Record a staff change. Call it inside the transaction that makes the change, so both land or neither. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    userId: entry.actor?.id ?? null,
    userEmail: entry.actor?.email ?? null,
    municipalityId: entry.municipalityId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
