import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { helpPoints, organizations, serviceAtLocation, services, type Translated } from "~/db/schema";
import { recordAudit } from "~/modules/auth/audit.server";
import { InvalidReferenceError, type Actor } from "./help-points.server";
import type { ServiceInput } from "./schema";

export interface PointService {
  id: string;
  name: Translated;
  description: Translated | null;
  free: boolean;
}

const serviceColumns = { id: services.id, name: services.name, description: services.description, free: services.free };

/** The help point of this municipality (id, name, organisation), or a 404. */
async function pointOf(db: Db, municipalityId: string, pointId: string) {
  const [point] = await db
    .select({ id: helpPoints.id, name: helpPoints.name, organizationId: helpPoints.organizationId })
    .from(helpPoints)
    .where(and(eq(helpPoints.id, pointId), eq(helpPoints.municipalityId, municipalityId)))
    .limit(1);
  if (!point) throw new Response("Hulppunt niet gevonden", { status: 404 });
  return point;
}

/**
 * Services offered at a help point, and the other services of its organisation that could be offered there too.
 */
export async function listPointServices(
  db: Db,
  municipalityId: string,
  pointId: string,
): Promise<{ linked: PointService[]; available: PointService[] }> {
  const point = await pointOf(db, municipalityId, pointId);
  const linked = await db
    .select(serviceColumns)
    .from(serviceAtLocation)
    .innerJoin(services, eq(services.id, serviceAtLocation.serviceId))
    .where(and(eq(serviceAtLocation.helpPointId, point.id), eq(services.municipalityId, municipalityId)))
    .orderBy(asc(sql`${services.name}->>'nl'`));
  const available = await db
    .select(serviceColumns)
    .from(services)
    .where(
      and(
        eq(services.municipalityId, municipalityId),
        eq(services.organizationId, point.organizationId),
        linked.length ? notInArray(services.id, linked.map((s) => s.id)) : undefined,
      ),
    )
    .orderBy(asc(sql`${services.name}->>'nl'`));
  return { linked, available };
}

/** The services of one organisation of this municipality. */
export function listOrganizationServices(db: Db, municipalityId: string, organizationId: string): Promise<PointService[]> {
  return db
    .select(serviceColumns)
    .from(services)
    .where(and(eq(services.municipalityId, municipalityId), eq(services.organizationId, organizationId)))
    .orderBy(asc(sql`${services.name}->>'nl'`));
}

/**
 * Create a service of an organisation (Dutch name and description); with `helpPointId` it is offered there at once.
 * The point must belong to the same organisation. Audited.
 */
export async function createService(
  db: Db,
  municipalityId: string,
  organizationId: string,
  input: ServiceInput,
  actor: Actor | null,
  options: { helpPointId?: string } = {},
): Promise<string> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const [organization] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.id, organizationId), eq(organizations.municipalityId, municipalityId)));
    if (!organization) throw new InvalidReferenceError("organizationId", "Kies een organisatie uit de lijst.");
    if (options.helpPointId) {
      const point = await pointOf(txDb, municipalityId, options.helpPointId);
      if (point.organizationId !== organizationId) {
        throw new InvalidReferenceError("organizationId", "Een dienst hoort bij de organisatie van het hulppunt.");
      }
    }
    const [row] = await tx
      .insert(services)
      .values({
        municipalityId,
        organizationId,
        name: { nl: input.name },
        description: input.description ? { nl: input.description } : null,
        free: input.free,
      })
      .returning({ id: services.id });
    if (options.helpPointId) await tx.insert(serviceAtLocation).values({ serviceId: row.id, helpPointId: options.helpPointId });
    await recordAudit(txDb, {
      actor,
      municipalityId,
      action: "create",
      entityType: "service",
      entityId: row.id,
      after: { name: input.name, description: input.description ?? null, free: input.free, organizationId, helpPointId: options.helpPointId ?? null },
    });
    return row.id;
  });
}

/** Offer an existing service of the point's organisation at the point. Audited; doing it twice changes nothing. */
export async function linkService(db: Db, municipalityId: string, pointId: string, serviceId: string, actor: Actor | null): Promise<void> {
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const point = await pointOf(txDb, municipalityId, pointId);
    const [service] = /^[0-9a-f-]{36}$/i.test(serviceId)
      ? await tx
          .select({ id: services.id, name: services.name, organizationId: services.organizationId })
          .from(services)
          .where(and(eq(services.id, serviceId), eq(services.municipalityId, municipalityId)))
      : [];
    if (!service || service.organizationId !== point.organizationId) {
      throw new InvalidReferenceError("serviceId", "Kies een dienst uit de lijst.");
    }
    const inserted = await tx
      .insert(serviceAtLocation)
      .values({ serviceId, helpPointId: pointId })
      .onConflictDoNothing()
      .returning({ id: serviceAtLocation.id });
    if (inserted.length === 0) return;
    await recordAudit(txDb, {
      actor,
      municipalityId,
      action: "link",
      entityType: "service_at_location",
      entityId: inserted[0].id,
      after: { service: service.name.nl, helpPoint: point.name },
    });
  });
}

/** Stop offering a service at the point (the service itself stays). Audited. */
export async function unlinkService(db: Db, municipalityId: string, pointId: string, serviceId: string, actor: Actor | null): Promise<void> {
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const point = await pointOf(txDb, municipalityId, pointId);
    if (!/^[0-9a-f-]{36}$/i.test(serviceId)) throw new InvalidReferenceError("serviceId", "Kies een dienst uit de lijst.");
    const deleted = await tx
      .delete(serviceAtLocation)
      .where(and(eq(serviceAtLocation.helpPointId, point.id), eq(serviceAtLocation.serviceId, serviceId)))
      .returning({ id: serviceAtLocation.id });
    if (deleted.length === 0) return;
    const [service] = await tx.select({ name: services.name }).from(services).where(eq(services.id, serviceId));
    await recordAudit(txDb, {
      actor,
      municipalityId,
      action: "unlink",
      entityType: "service_at_location",
      entityId: deleted[0].id,
      before: { service: service?.name.nl ?? serviceId, helpPoint: point.name },
    });
  });
}
