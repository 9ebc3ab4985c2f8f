import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { districts, helpPoints, helpPointTopics, organizations, topics } from "~/db/schema";
import { recordAudit } from "~/modules/auth/audit.server";
import type { HelpPointInput } from "./schema";

export interface Actor {
  id: string;
  email: string;
}

/** A reference that does not belong to this municipality, reported at its field. */
export class InvalidReferenceError extends Error {
  constructor(
    public field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Check that the organisation, district and topics belong to the municipality, and turn topic codes into ids.
 * A person can never attach another municipality's data by editing a form.
 */
async function resolveReferences(db: Db, municipalityId: string, input: HelpPointInput): Promise<string[]> {
  const [organization] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, input.organizationId), eq(organizations.municipalityId, municipalityId)));
  if (!organization) throw new InvalidReferenceError("organizationId", "Kies een organisatie uit de lijst.");
  if (input.districtId) {
    const [district] = await db
      .select({ id: districts.id })
      .from(districts)
      .where(and(eq(districts.id, input.districtId), eq(districts.municipalityId, municipalityId)));
    if (!district) throw new InvalidReferenceError("districtId", "Kies een district uit de lijst.");
  }
  if (input.topicCodes.length === 0) return [];
  const found = await db
    .select({ id: topics.id, code: topics.code })
    .from(topics)
    .where(and(eq(topics.municipalityId, municipalityId), inArray(topics.code, input.topicCodes)));
  const unknown = input.topicCodes.filter((code) => !found.some((t) => t.code === code));
  if (unknown.length) throw new InvalidReferenceError("topicCodes", `Onbekend onderwerp: ${unknown.join(", ")}.`);
  return found.map((t) => t.id);
}

function columns(input: HelpPointInput) {
  return {
    organizationId: input.organizationId,
    districtId: input.districtId ?? null,
    name: input.name,
    type: input.type,
    description: input.description ? { nl: input.description } : null,
    street: input.street,
    postcode: input.postcode,
    city: input.city,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    walkIn: input.walkIn,
    byAppointment: input.byAppointment,
    wheelchairAccessible: input.wheelchairAccessible,
    accessibilityNotes: input.accessibilityNotes ? { nl: input.accessibilityNotes } : null,
    languages: input.languages,
    equipment: input.equipment,
  };
}

/** Create a help point with its topics; audited. Pass a transaction to make it part of a larger change. */
export async function createHelpPoint(db: Db, municipalityId: string, input: HelpPointInput, actor: Actor | null): Promise<string> {
  return db.transaction(async (tx) => {
    const topicIds = await resolveReferences(tx as unknown as Db, municipalityId, input);
    const [row] = await tx
      .insert(helpPoints)
      .values({ municipalityId, ...columns(input) })
      .returning();
    if (topicIds.length) await tx.insert(helpPointTopics).values(topicIds.map((topicId) => ({ helpPointId: row.id, topicId })));
    await recordAudit(tx as unknown as Db, {
      actor,
      municipalityId,
      action: "create",
      entityType: "help_point",
      entityId: row.id,
      after: { ...input },
    });
    return row.id;
  });
}

/** Update a help point and replace its topics; the audit entry keeps before and after. */
export async function updateHelpPoint(db: Db, municipalityId: string, pointId: string, input: HelpPointInput, actor: Actor | null): Promise<void> {
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const [before] = await tx
      .select()
      .from(helpPoints)
      .where(and(eq(helpPoints.id, pointId), eq(helpPoints.municipalityId, municipalityId)))
      .for("update");
    if (!before) throw new Response("Hulppunt niet gevonden", { status: 404 });
    const beforeTopics = await tx
      .select({ code: topics.code })
      .from(helpPointTopics)
      .innerJoin(topics, eq(topics.id, helpPointTopics.topicId))
      .where(eq(helpPointTopics.helpPointId, pointId));
    const topicIds = await resolveReferences(txDb, municipalityId, input);
    await tx
      .update(helpPoints)
      .set({ ...columns(input), updatedAt: new Date() })
      .where(eq(helpPoints.id, pointId));
    await tx.delete(helpPointTopics).where(eq(helpPointTopics.helpPointId, pointId));
    if (topicIds.length) await tx.insert(helpPointTopics).values(topicIds.map((topicId) => ({ helpPointId: pointId, topicId })));
    await recordAudit(txDb, {
      actor,
      municipalityId,
      action: "update",
      entityType: "help_point",
      entityId: pointId,
      before: { ...before, topicCodes: beforeTopics.map((t) => t.code) },
      after: { ...input },
    });
  });
}

/** "I checked this today": a person confirmed the information is right. */
export async function markHelpPointChecked(db: Db, municipalityId: string, pointId: string, actor: Actor & { name: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const now = new Date();
    const updated = await tx
      .update(helpPoints)
      .set({ lastCheckedAt: now, lastCheckedBy: actor.name })
      .where(and(eq(helpPoints.id, pointId), eq(helpPoints.municipalityId, municipalityId)))
      .returning({ id: helpPoints.id });
    if (updated.length === 0) throw new Response("Hulppunt niet gevonden", { status: 404 });
    await recordAudit(tx as unknown as Db, {
      actor,
      municipalityId,
      action: "check",
      entityType: "help_point",
      entityId: pointId,
      after: { lastCheckedAt: now.toISOString() },
    });
  });
}
