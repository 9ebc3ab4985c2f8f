import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { auditLog, districts, helpPoints, organizations, services, users } from "~/db/schema";
import { auditChanges, type FieldChange } from "./audit-diff";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditLogEntry {
  id: string;
  at: Date;
  who: string;
  action: string;
  entityType: string;
  entityId: string | null;
  /** A readable name of the entity (help point, organisation, service), when it still exists. */
  entityName: string | null;
  /** The entity still exists in this municipality (so a link to it works). */
  entityExists: boolean;
  /** created: only "after"; deleted: only "before"; changed: both. */
  kind: "created" | "deleted" | "changed";
  changes: FieldChange[];
}

export interface AuditLogPage {
  entries: AuditLogEntry[];
  total: number;
  page: number;
  pages: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function collectIds(values: unknown[]): string[] {
  const ids = new Set<string>();
  for (const value of values) {
    if (!value || typeof value !== "object") continue;
    for (const key of ["organizationId", "districtId", "helpPointId"]) {
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === "string" && UUID.test(v)) ids.add(v);
    }
  }
  return [...ids];
}

/** The audit log of one municipality, newest first, 50 per page, with names for the ids it mentions. */
export async function listAuditLog(db: Db, municipalityId: string, page = 1, pageSize = AUDIT_PAGE_SIZE): Promise<AuditLogPage> {
  const [{ total }] = await db.select({ total: count() }).from(auditLog).where(eq(auditLog.municipalityId, municipalityId));
  const pages = Math.max(1, Math.ceil(Number(total) / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userEmail: auditLog.userEmail,
      userName: users.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(eq(auditLog.municipalityId, municipalityId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize)
    .offset((current - 1) * pageSize);

  // Names for the entities and for the ids inside the snapshots, only from this municipality.
  const ids = new Set(collectIds(rows.flatMap((r) => [r.before, r.after])));
  for (const r of rows) if (r.entityId && UUID.test(r.entityId)) ids.add(r.entityId);
  const names: Record<string, string> = {};
  if (ids.size) {
    const list = [...ids];
    const [points, orgs, dists, servs] = await Promise.all([
      db.select({ id: helpPoints.id, name: helpPoints.name }).from(helpPoints).where(and(eq(helpPoints.municipalityId, municipalityId), inArray(helpPoints.id, list))),
      db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(and(eq(organizations.municipalityId, municipalityId), inArray(organizations.id, list))),
      db.select({ id: districts.id, name: districts.name }).from(districts).where(and(eq(districts.municipalityId, municipalityId), inArray(districts.id, list))),
      db
        .select({ id: services.id, name: sql<string>`${services.name}->>'nl'` })
        .from(services)
        .where(and(eq(services.municipalityId, municipalityId), inArray(services.id, list))),
    ]);
    for (const row of [...points, ...orgs, ...dists, ...servs]) names[row.id] = row.name;
  }

  return {
    total: Number(total),
    page: current,
    pages,
    entries: rows.map((r) => {
      const snapshot = (r.after ?? r.before) as Record<string, unknown> | null;
      const snapshotName = snapshot && typeof snapshot.name === "string" ? snapshot.name : null;
      return {
        id: r.id,
        at: r.at,
        who: r.userName ? `${r.userName} (${r.userEmail ?? ""})` : (r.userEmail ?? "systeem"),
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        entityName: (r.entityId ? names[r.entityId] : undefined) ?? snapshotName,
        entityExists: Boolean(r.entityId && names[r.entityId]),
        kind: r.before == null ? "created" : r.after == null ? "deleted" : "changed",
        changes: auditChanges(r.before, r.after, names),
      };
    }),
  };
}
