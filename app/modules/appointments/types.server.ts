/**
 * Staff (help.manage on the point) keep the appointment types of a help point and their weekly plan.
 * Every change is audit-logged in its own transaction. Slots that were already booked keep their capacity.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { appointmentPlanBlocks, appointmentTypes, helpPoints, topics, type Translated } from "~/db/schema";
import { recordAudit } from "~/modules/auth/audit.server";
import { can, type Assignment, type Permission } from "~/modules/auth/permissions";
import { isUuid } from "~/modules/offer/help-points.server";
import type { Actor } from "./appointments.server";
import type { AppointmentTypeInput, AppointmentTypeValues, PlanBlockInput } from "./schema";

export interface StaffType {
  id: string;
  name: Translated;
  topicId: string | null;
  durationMinutes: number;
  bufferMinutes: number;
  minNoticeHours: number;
  horizonDays: number;
  cancelCutoffHours: number;
  active: boolean;
  blocks: { id: string; weekday: number; startsAt: string; endsAt: string; helpers: number }[];
}

/** The help point, with its organisation (for the permission check); null when not in this municipality. */
export async function pointForAppointments(db: Db, municipalityId: string, pointId: string) {
  if (!isUuid(pointId)) return null;
  const [point] = await db
    .select({ id: helpPoints.id, name: helpPoints.name, organizationId: helpPoints.organizationId, byAppointment: helpPoints.byAppointment })
    .from(helpPoints)
    .where(and(eq(helpPoints.id, pointId), eq(helpPoints.municipalityId, municipalityId)));
  return point ?? null;
}

export async function listPointTypes(db: Db, helpPointId: string): Promise<StaffType[]> {
  const types = await db
    .select()
    .from(appointmentTypes)
    .where(eq(appointmentTypes.helpPointId, helpPointId))
    .orderBy(asc(sql`${appointmentTypes.name}->>'nl'`));
  const blocks = await db
    .select()
    .from(appointmentPlanBlocks)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointmentPlanBlocks.appointmentTypeId))
    .where(eq(appointmentTypes.helpPointId, helpPointId))
    .orderBy(asc(appointmentPlanBlocks.weekday), asc(appointmentPlanBlocks.startsAt));
  return types.map((t) => ({
    id: t.id,
    name: t.name,
    topicId: t.topicId,
    durationMinutes: t.durationMinutes,
    bufferMinutes: t.bufferMinutes,
    minNoticeHours: t.minNoticeHours,
    horizonDays: t.horizonDays,
    cancelCutoffHours: t.cancelCutoffHours,
    active: t.active,
    blocks: blocks
      .filter((b) => b.appointment_plan_blocks.appointmentTypeId === t.id)
      .map((b) => ({
        id: b.appointment_plan_blocks.id,
        weekday: b.appointment_plan_blocks.weekday,
        startsAt: b.appointment_plan_blocks.startsAt.slice(0, 5),
        endsAt: b.appointment_plan_blocks.endsAt.slice(0, 5),
        helpers: b.appointment_plan_blocks.helpers,
      })),
  }));
}

export function typeValues(t: StaffType | null): AppointmentTypeValues {
  return {
    nameNl: t?.name.nl ?? "",
    nameFr: t?.name.fr ?? "",
    nameEn: t?.name.en ?? "",
    nameAr: t?.name.ar ?? "",
    topicId: t?.topicId ?? "",
    durationMinutes: String(t?.durationMinutes ?? 30),
    bufferMinutes: String(t?.bufferMinutes ?? 0),
    minNoticeHours: String(t?.minNoticeHours ?? 2),
    horizonDays: String(t?.horizonDays ?? 28),
    cancelCutoffHours: String(t?.cancelCutoffHours ?? 2),
    active: t?.active ?? true,
  };
}

async function topicOf(db: Db, municipalityId: string, topicId: string): Promise<string | null | false> {
  if (!topicId) return null;
  if (!isUuid(topicId)) return false;
  const [row] = await db.select({ id: topics.id }).from(topics).where(and(eq(topics.id, topicId), eq(topics.municipalityId, municipalityId)));
  return row ? row.id : false;
}

function nameOf(input: AppointmentTypeInput): Translated {
  const name: Translated = { nl: input.nameNl };
  if (input.nameFr) name.fr = input.nameFr;
  if (input.nameEn) name.en = input.nameEn;
  if (input.nameAr) name.ar = input.nameAr;
  return name;
}

export type SaveTypeResult = { ok: true; id: string } | { ok: false; field: string; message: string };

/** Create (typeId null) or update an appointment type of a help point. */
export async function saveAppointmentType(
  db: Db,
  municipalityId: string,
  helpPointId: string,
  typeId: string | null,
  input: AppointmentTypeInput,
  actor: Actor,
): Promise<SaveTypeResult> {
  const topicId = await topicOf(db, municipalityId, input.topicId);
  if (topicId === false) return { ok: false, field: "topicId", message: "Kies een onderwerp uit de lijst." };
  const values = {
    name: nameOf(input),
    topicId,
    durationMinutes: input.durationMinutes,
    bufferMinutes: input.bufferMinutes,
    minNoticeHours: input.minNoticeHours,
    horizonDays: input.horizonDays,
    cancelCutoffHours: input.cancelCutoffHours,
    active: input.active,
    updatedAt: new Date(),
  };
  return db.transaction(async (tx) => {
    if (typeId) {
      const [before] = isUuid(typeId)
        ? await tx.select().from(appointmentTypes).where(and(eq(appointmentTypes.id, typeId), eq(appointmentTypes.helpPointId, helpPointId)))
        : [];
      if (!before) return { ok: false, field: "form", message: "Dit soort afspraak bestaat niet meer." } as const;
      await tx.update(appointmentTypes).set(values).where(eq(appointmentTypes.id, typeId));
      await recordAudit(tx, { actor, municipalityId, action: "update", entityType: "appointment_type", entityId: typeId, before, after: values });
      return { ok: true, id: typeId } as const;
    }
    const [row] = await tx.insert(appointmentTypes).values({ ...values, municipalityId, helpPointId }).returning({ id: appointmentTypes.id });
    // The finder's "by appointment" filter: a point with appointment types takes appointments.
    await tx.update(helpPoints).set({ byAppointment: true }).where(eq(helpPoints.id, helpPointId));
    await recordAudit(tx, { actor, municipalityId, action: "create", entityType: "appointment_type", entityId: row.id, after: values });
    return { ok: true, id: row.id } as const;
  });
}

export async function addPlanBlock(db: Db, municipalityId: string, helpPointId: string, typeId: string, input: PlanBlockInput, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [type] = isUuid(typeId)
      ? await tx.select({ id: appointmentTypes.id }).from(appointmentTypes).where(and(eq(appointmentTypes.id, typeId), eq(appointmentTypes.helpPointId, helpPointId)))
      : [];
    if (!type) return false;
    const [row] = await tx
      .insert(appointmentPlanBlocks)
      .values({ appointmentTypeId: type.id, weekday: input.weekday, startsAt: input.from, endsAt: input.to, helpers: input.helpers })
      .returning();
    await recordAudit(tx, { actor, municipalityId, action: "create", entityType: "appointment_plan_block", entityId: row.id, after: row });
    return true;
  });
}

export async function deletePlanBlock(db: Db, municipalityId: string, helpPointId: string, blockId: string, actor: Actor): Promise<boolean> {
  if (!isUuid(blockId)) return false;
  return db.transaction(async (tx) => {
    const [block] = await tx
      .select({ block: appointmentPlanBlocks })
      .from(appointmentPlanBlocks)
      .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointmentPlanBlocks.appointmentTypeId))
      .where(and(eq(appointmentPlanBlocks.id, blockId), eq(appointmentTypes.helpPointId, helpPointId)));
    if (!block) return false;
    await tx.delete(appointmentPlanBlocks).where(eq(appointmentPlanBlocks.id, blockId));
    await recordAudit(tx, { actor, municipalityId, action: "delete", entityType: "appointment_plan_block", entityId: blockId, before: block.block });
    return true;
  });
}

/** Active help points of a municipality where the staff member has a permission (help.desk, help.manage). */
export async function pointsWith(db: Db, assignments: readonly Assignment[], municipalityId: string, permission: Permission) {
  const points = await db
    .select({ id: helpPoints.id, name: helpPoints.name, organizationId: helpPoints.organizationId })
    .from(helpPoints)
    .where(and(eq(helpPoints.municipalityId, municipalityId), eq(helpPoints.active, true)))
    .orderBy(asc(helpPoints.name));
  return points.filter((p) => can(assignments, permission, { municipalityId, organizationId: p.organizationId, helpPointId: p.id }));
}

/** Appointment types of a point for a staff select (also inactive ones are left out). */
export async function activeTypesOfPoint(db: Db, helpPointId: string) {
  return db
    .select({ id: appointmentTypes.id, name: appointmentTypes.name, durationMinutes: appointmentTypes.durationMinutes })
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.helpPointId, helpPointId), eq(appointmentTypes.active, true)))
    .orderBy(asc(sql`${appointmentTypes.name}->>'nl'`));
}

/** The first desk point that has appointment types (the agenda opens there), else the first one. */
export async function defaultDeskPoint<T extends { id: string }>(db: Db, points: T[]): Promise<T | undefined> {
  if (points.length <= 1) return points[0];
  const rows = await db
    .selectDistinct({ id: appointmentTypes.helpPointId })
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.active, true), inArray(appointmentTypes.helpPointId, points.map((p) => p.id))));
  const withTypes = new Set(rows.map((r) => r.id));
  return points.find((p) => withTypes.has(p.id)) ?? points[0];
}
