/**
 * The list of government and city services residents need help with, kept by the coordinator: add, rename,
 * order, (de)activate, and the city department that owns each one (its service owner sees the insights).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { governmentServices, organizations } from "~/db/schema";
import { recordAudit } from "~/modules/auth/audit.server";
import { isUuid } from "~/modules/offer/help-points.server";
import { pgError } from "~/modules/shared/secrets.server";
import type { Actor } from "./tally.server";

export type GovernmentService = typeof governmentServices.$inferSelect & {
  ownerName: string | null;
};

export async function listGovernmentServices(db: Db, municipalityId: string): Promise<GovernmentService[]> {
  const rows = await db
    .select({ service: governmentServices, ownerName: organizations.name })
    .from(governmentServices)
    .leftJoin(organizations, eq(organizations.id, governmentServices.ownerOrganizationId))
    .where(eq(governmentServices.municipalityId, municipalityId))
    .orderBy(asc(governmentServices.position), asc(governmentServices.name));
  return rows.map((r) => ({ ...r.service, ownerName: r.ownerName }));
}

/** Organisations that can own a service: the city's own departments first, then the others. */
export async function ownerOptions(db: Db, municipalityId: string) {
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      type: organizations.type,
    })
    .from(organizations)
    .where(eq(organizations.municipalityId, municipalityId))
    .orderBy(asc(organizations.name));
  return [...rows.filter((o) => o.type === "city_department"), ...rows.filter((o) => o.type !== "city_department")];
}

type Result = { ok: true; id: string } | { ok: false; field: string; message: string };

async function checkOwner(db: Db, municipalityId: string, ownerId: string | null): Promise<boolean> {
  if (!ownerId) return true;
  if (!isUuid(ownerId)) return false;
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, ownerId), eq(organizations.municipalityId, municipalityId)));
  return Boolean(row);
}

const DUPLICATE = "Er is al een dienst met deze naam.";

export async function addGovernmentService(
  db: Db,
  municipalityId: string,
  input: { name: string; ownerOrganizationId: string | null },
  actor: Actor,
): Promise<Result> {
  if (!(await checkOwner(db, municipalityId, input.ownerOrganizationId)))
    return {
      ok: false,
      field: "ownerOrganizationId",
      message: "Kies een organisatie uit de lijst.",
    };
  try {
    const id = await db.transaction(async (tx) => {
      const [{ next }] = await tx
        .select({
          next: sql<number>`coalesce(max(${governmentServices.position}), 0)::int + 1`,
        })
        .from(governmentServices)
        .where(eq(governmentServices.municipalityId, municipalityId));
      const [row] = await tx
        .insert(governmentServices)
        .values({
          municipalityId,
          name: input.name,
          ownerOrganizationId: input.ownerOrganizationId,
          position: Number(next),
        })
        .returning();
      await recordAudit(tx as unknown as Db, {
        actor,
        municipalityId,
        action: "government_service.create",
        entityType: "government_service",
        entityId: row.id,
        after: row,
      });
      return row.id;
    });
    return { ok: true, id };
  } catch (error) {
    if (pgError(error).code === "23505") return { ok: false, field: "name", message: DUPLICATE };
    throw error;
  }
}

export type ServiceChange =
  | { kind: "edit"; name: string; ownerOrganizationId: string | null }
  | { kind: "active"; active: boolean }
  | { kind: "move"; direction: "up" | "down" };

/** One change to one service, with its audit entry; the order is renumbered 1…n when moving. */
export async function changeGovernmentService(
  db: Db,
  municipalityId: string,
  serviceId: string,
  change: ServiceChange,
  actor: Actor,
): Promise<Result> {
  if (!isUuid(serviceId))
    return {
      ok: false,
      field: "form",
      message: "Deze dienst bestaat niet meer.",
    };
  if (change.kind === "edit" && !(await checkOwner(db, municipalityId, change.ownerOrganizationId))) {
    return {
      ok: false,
      field: `owner-${serviceId}`,
      message: "Kies een organisatie uit de lijst.",
    };
  }
  try {
    return await db.transaction(async (tx) => {
      const all = await tx
        .select()
        .from(governmentServices)
        .where(eq(governmentServices.municipalityId, municipalityId))
        .orderBy(asc(governmentServices.position), asc(governmentServices.name))
        .for("update");
      const index = all.findIndex((s) => s.id === serviceId);
      if (index < 0)
        return {
          ok: false as const,
          field: "form",
          message: "Deze dienst bestaat niet meer.",
        };
      const before = all[index];
      if (change.kind === "move") {
        const order = [...all];
        const to = change.direction === "up" ? index - 1 : index + 1;
        if (to >= 0 && to < order.length) [order[index], order[to]] = [order[to], order[index]];
        for (const [i, s] of order.entries()) {
          if (s.position !== i + 1)
            await tx
              .update(governmentServices)
              .set({ position: i + 1 })
              .where(eq(governmentServices.id, s.id));
        }
      } else {
        const set =
          change.kind === "edit"
            ? {
                name: change.name,
                ownerOrganizationId: change.ownerOrganizationId,
              }
            : { active: change.active };
        await tx.update(governmentServices).set(set).where(eq(governmentServices.id, serviceId));
      }
      const [after] = await tx.select().from(governmentServices).where(eq(governmentServices.id, serviceId));
      await recordAudit(tx as unknown as Db, {
        actor,
        municipalityId,
        action: `government_service.${change.kind}`,
        entityType: "government_service",
        entityId: serviceId,
        before,
        after,
      });
      return { ok: true as const, id: serviceId };
    });
  } catch (error) {
    if (pgError(error).code === "23505") return { ok: false, field: `name-${serviceId}`, message: DUPLICATE };
    throw error;
  }
}
