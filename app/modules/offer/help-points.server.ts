import { subMonths } from "date-fns";
import { and, asc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { districts, helpPoints, helpPointTopics, organizations, topics, type HelpPointRow } from "~/db/schema";
import { recordAudit } from "~/modules/auth/audit.server";
import { STALE_MONTHS, type HelpPointInput } from "./schema";

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

// ---------------------------------------------------------------------------------------------
// Staff lists and the edit form
// ---------------------------------------------------------------------------------------------

export function staleCutoff(now: Date = new Date()): Date {
  return subMonths(now, STALE_MONTHS);
}

export interface HelpPointListItem {
  id: string;
  name: string;
  type: HelpPointRow["type"];
  active: boolean;
  organizationId: string;
  organizationName: string;
  districtName: string | null;
  lastCheckedAt: Date | null;
  lastCheckedBy: string | null;
}

/** The municipality's help points by name; `stale` keeps those never checked or not checked for 6 months. */
export async function listHelpPoints(
  db: Db,
  municipalityId: string,
  options: { stale?: boolean; now?: Date } = {},
): Promise<HelpPointListItem[]> {
  const conditions = [eq(helpPoints.municipalityId, municipalityId)];
  if (options.stale) {
    conditions.push(or(isNull(helpPoints.lastCheckedAt), lt(helpPoints.lastCheckedAt, staleCutoff(options.now)))!);
  }
  return db
    .select({
      id: helpPoints.id,
      name: helpPoints.name,
      type: helpPoints.type,
      active: helpPoints.active,
      organizationId: helpPoints.organizationId,
      organizationName: organizations.name,
      districtName: districts.name,
      lastCheckedAt: helpPoints.lastCheckedAt,
      lastCheckedBy: helpPoints.lastCheckedBy,
    })
    .from(helpPoints)
    .innerJoin(organizations, eq(organizations.id, helpPoints.organizationId))
    .leftJoin(districts, eq(districts.id, helpPoints.districtId))
    .where(and(...conditions))
    .orderBy(asc(helpPoints.name), asc(helpPoints.id));
}

export type HelpPointForEdit = HelpPointRow & { topicCodes: string[]; organizationName: string };

/** One help point of this municipality with its topic codes, or null (also for another municipality's point). */
export async function getHelpPoint(db: Db, municipalityId: string, pointId: string): Promise<HelpPointForEdit | null> {
  if (!isUuid(pointId)) return null;
  const [row] = await db
    .select({ point: helpPoints, organizationName: organizations.name })
    .from(helpPoints)
    .innerJoin(organizations, eq(organizations.id, helpPoints.organizationId))
    .where(and(eq(helpPoints.id, pointId), eq(helpPoints.municipalityId, municipalityId)))
    .limit(1);
  if (!row) return null;
  const topicRows = await db
    .select({ code: topics.code })
    .from(helpPointTopics)
    .innerJoin(topics, eq(topics.id, helpPointTopics.topicId))
    .where(eq(helpPointTopics.helpPointId, pointId))
    .orderBy(asc(topics.position));
  return { ...row.point, organizationName: row.organizationName, topicCodes: topicRows.map((t) => t.code) };
}

/** The help point as the edit form shows it (strings and booleans, Dutch texts). */
export function helpPointFormValues(point: HelpPointForEdit): HelpPointFormValues {
  return {
    name: point.name,
    type: point.type,
    organizationId: point.organizationId,
    districtId: point.districtId ?? "",
    street: point.street,
    postcode: point.postcode,
    city: point.city,
    latitude: point.latitude == null ? "" : String(point.latitude),
    longitude: point.longitude == null ? "" : String(point.longitude),
    phone: point.phone ?? "",
    email: point.email ?? "",
    walkIn: point.walkIn,
    byAppointment: point.byAppointment,
    wheelchairAccessible: point.wheelchairAccessible,
    languages: point.languages,
    equipment: point.equipment,
    topicCodes: point.topicCodes,
    description: point.description?.nl ?? "",
    accessibilityNotes: point.accessibilityNotes?.nl ?? "",
  };
}

export interface HelpPointFormValues {
  name: string;
  type: string;
  organizationId: string;
  districtId: string;
  street: string;
  postcode: string;
  city: string;
  latitude: string;
  longitude: string;
  phone: string;
  email: string;
  walkIn: boolean;
  byAppointment: boolean;
  wheelchairAccessible: boolean;
  languages: string[];
  equipment: string[];
  topicCodes: string[];
  description: string;
  accessibilityNotes: string;
}

/** Read the help point form (checkboxes are present when ticked). */
export function helpPointFormFromData(form: FormData): HelpPointFormValues {
  const str = (name: string) => String(form.get(name) ?? "");
  const list = (name: string) => form.getAll(name).map(String).filter(Boolean);
  return {
    name: str("name"),
    type: str("type"),
    organizationId: str("organizationId"),
    districtId: str("districtId"),
    street: str("street"),
    postcode: str("postcode"),
    city: str("city"),
    latitude: str("latitude"),
    longitude: str("longitude"),
    phone: str("phone"),
    email: str("email"),
    walkIn: form.has("walkIn"),
    byAppointment: form.has("byAppointment"),
    wheelchairAccessible: form.has("wheelchairAccessible"),
    languages: list("languages"),
    equipment: list("equipment"),
    topicCodes: list("topicCodes"),
    description: str("description"),
    accessibilityNotes: str("accessibilityNotes"),
  };
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
