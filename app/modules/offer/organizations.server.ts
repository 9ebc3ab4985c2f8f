import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { helpPoints, organizations } from "~/db/schema";
import { recordAudit } from "~/modules/auth/audit.server";
import { InputError, isUniqueViolation } from "./errors";
import { isUuid, type Actor } from "./help-points.server";
import type { OrganizationInput } from "./schema";

export type OrganizationRow = typeof organizations.$inferSelect;

export const DUPLICATE_NAME_MESSAGE = "Er is al een organisatie met deze naam.";
const UNIQUE_NAME = "organization_name_per_municipality";

export interface OrganizationListItem {
  id: string;
  name: string;
  type: OrganizationRow["type"];
  website: string | null;
  phone: string | null;
  helpPointCount: number;
}

/** The municipality's organisations by name, with how many help points each runs. */
export async function listOrganizations(db: Db, municipalityId: string): Promise<OrganizationListItem[]> {
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      type: organizations.type,
      website: organizations.website,
      phone: organizations.phone,
      helpPointCount: count(helpPoints.id),
    })
    .from(organizations)
    .leftJoin(helpPoints, eq(helpPoints.organizationId, organizations.id))
    .where(eq(organizations.municipalityId, municipalityId))
    .groupBy(organizations.id)
    .orderBy(asc(organizations.name));
  return rows.map((r) => ({ ...r, helpPointCount: Number(r.helpPointCount) }));
}

/** Id and name of every organisation of the municipality (for a select list). */
export function organizationOptions(db: Db, municipalityId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.municipalityId, municipalityId))
    .orderBy(asc(organizations.name));
}

/** One organisation of this municipality, or null (also for another municipality's organisation). */
export async function getOrganization(db: Db, municipalityId: string, organizationId: string): Promise<OrganizationRow | null> {
  if (!isUuid(organizationId)) return null;
  const [row] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), eq(organizations.municipalityId, municipalityId)))
    .limit(1);
  return row ?? null;
}

function columns(input: OrganizationInput) {
  return {
    name: input.name,
    type: input.type,
    description: input.description ? { nl: input.description } : null,
    website: input.website ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
  };
}

/** What the audit log keeps of an organisation: the fields of the form. */
function snapshot(row: Pick<OrganizationRow, "name" | "type" | "description" | "website" | "email" | "phone">) {
  return {
    name: row.name,
    type: row.type,
    description: row.description?.nl ?? null,
    website: row.website,
    email: row.email,
    phone: row.phone,
  };
}

/** Run a write; a second organisation with the same name in the municipality becomes an error at the name field. */
async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, UNIQUE_NAME)) throw new InputError({ name: DUPLICATE_NAME_MESSAGE });
    throw error;
  }
}

/** Create an organisation; the name is unique in the municipality. Audited. */
export async function createOrganization(db: Db, municipalityId: string, input: OrganizationInput, actor: Actor | null): Promise<string> {
  return uniqueName(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(organizations)
        .values({ municipalityId, ...columns(input) })
        .returning();
      await recordAudit(tx as unknown as Db, {
        actor,
        municipalityId,
        action: "create",
        entityType: "organization",
        entityId: row.id,
        after: snapshot(row),
      });
      return row.id;
    }),
  );
}

/** Update an organisation of this municipality (404 for another one). Audited with before and after. */
export async function updateOrganization(
  db: Db,
  municipalityId: string,
  organizationId: string,
  input: OrganizationInput,
  actor: Actor | null,
): Promise<void> {
  if (!isUuid(organizationId)) throw new Response("Organisatie niet gevonden", { status: 404 });
  await uniqueName(() =>
    db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(organizations)
        .where(and(eq(organizations.id, organizationId), eq(organizations.municipalityId, municipalityId)))
        .for("update");
      if (!before) throw new Response("Organisatie niet gevonden", { status: 404 });
      const [after] = await tx
        .update(organizations)
        .set({ ...columns(input), updatedAt: new Date() })
        .where(eq(organizations.id, organizationId))
        .returning();
      await recordAudit(tx as unknown as Db, {
        actor,
        municipalityId,
        action: "update",
        entityType: "organization",
        entityId: organizationId,
        before: snapshot(before),
        after: snapshot(after),
      });
    }),
  );
}

/** The help points an organisation runs (for its edit page). */
export function organizationHelpPoints(db: Db, municipalityId: string, organizationId: string) {
  return db
    .select({ id: helpPoints.id, name: helpPoints.name, type: helpPoints.type })
    .from(helpPoints)
    .where(and(eq(helpPoints.municipalityId, municipalityId), eq(helpPoints.organizationId, organizationId)))
    .orderBy(asc(helpPoints.name));
}
