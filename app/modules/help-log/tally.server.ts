/**
 * The help-question log ("tally"): one anonymous help contact per row, logged at the desk in a few taps.
 * A contact is written with its topics and services in one transaction; a home visit it closes is marked done in
 * the same transaction. The person who logged it may undo it for a few minutes (a mis-tap at the desk).
 */
import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import { insertOnce } from "~/modules/shared/submission.server";
import type { Db } from "~/db/client.server";
import { appointments, governmentServices, helpContacts, helpContactServices, helpContactTopics, helpPoints, homeVisits, topics } from "~/db/schema";
import { translated } from "~/i18n/languages";
import { recordAudit } from "~/modules/auth/audit.server";
import { can, type Assignment } from "~/modules/auth/permissions";
import { isUuid } from "~/modules/offer/help-points.server";
import { UNDO_MINUTES } from "./labels";
import type { TallyInput } from "./schema";

export { UNDO_MINUTES };

export interface Actor {
  id: string;
  email: string;
}

export interface DeskPoint {
  id: string;
  name: string;
  organizationId: string;
}

/** The active help points of the municipality where this person may log help contacts. */
export async function deskPoints(db: Db, municipalityId: string, assignments: readonly Assignment[]): Promise<DeskPoint[]> {
  const rows = await db
    .select({
      id: helpPoints.id,
      name: helpPoints.name,
      organizationId: helpPoints.organizationId,
    })
    .from(helpPoints)
    .where(and(eq(helpPoints.municipalityId, municipalityId), eq(helpPoints.active, true)))
    .orderBy(asc(helpPoints.name));
  return rows.filter((p) =>
    can(assignments, "help.desk", {
      municipalityId,
      organizationId: p.organizationId,
      helpPointId: p.id,
    }),
  );
}

/** The chips of the form: the municipality's topics and its active services, in their order. */
export async function tallyChoices(db: Db, municipalityId: string) {
  const [topicRows, serviceRows] = await Promise.all([
    db.select({ id: topics.id, name: topics.name }).from(topics).where(eq(topics.municipalityId, municipalityId)).orderBy(asc(topics.position)),
    db
      .select({ id: governmentServices.id, name: governmentServices.name })
      .from(governmentServices)
      .where(and(eq(governmentServices.municipalityId, municipalityId), eq(governmentServices.active, true)))
      .orderBy(asc(governmentServices.position), asc(governmentServices.name)),
  ]);
  return {
    topics: topicRows.map((t) => ({
      id: t.id,
      name: translated(t.name, "nl"),
    })),
    services: serviceRows,
  };
}

export type LogResult = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

/**
 * Log one help contact. Checks that the point, topics, services, appointment and home visit belong to this
 * municipality and that the person may log for that point; writes everything or nothing.
 */
export async function logContact(
  db: Db,
  municipalityId: string,
  input: TallyInput,
  actor: Actor,
  assignments: readonly Assignment[],
  now: Date = new Date(),
): Promise<LogResult> {
  const errors: Record<string, string> = {};
  const topicIds = [...new Set(input.topicIds)];
  const serviceIds = [...new Set(input.serviceIds)];
  // The checks are independent: on PostgreSQL they run side by side on the pool.
  const [[point], foundTopics, foundServices, [appointment], [visit]] = await Promise.all([
    db
      .select({ id: helpPoints.id, organizationId: helpPoints.organizationId })
      .from(helpPoints)
      .where(and(eq(helpPoints.id, input.helpPointId), eq(helpPoints.municipalityId, municipalityId))),
    topicIds.length
      ? db
          .select({ id: topics.id })
          .from(topics)
          .where(and(inArray(topics.id, topicIds), eq(topics.municipalityId, municipalityId)))
      : [],
    serviceIds.length
      ? db
          .select({ id: governmentServices.id })
          .from(governmentServices)
          .where(and(inArray(governmentServices.id, serviceIds), eq(governmentServices.municipalityId, municipalityId)))
      : [],
    input.appointmentId
      ? db
          .select({ id: appointments.id, helpPointId: appointments.helpPointId })
          .from(appointments)
          .where(and(eq(appointments.id, input.appointmentId), eq(appointments.municipalityId, municipalityId)))
      : [],
    input.homeVisitId
      ? db
          .select({ id: homeVisits.id, status: homeVisits.status })
          .from(homeVisits)
          .where(and(eq(homeVisits.id, input.homeVisitId), eq(homeVisits.municipalityId, municipalityId)))
      : [],
  ]);
  if (!point) errors.helpPointId = "Kies het hulppunt.";
  else if (!can(assignments, "help.desk", { municipalityId, organizationId: point.organizationId, helpPointId: point.id })) {
    errors.helpPointId = "U mag geen hulpvragen noteren voor dit hulppunt. Kies uw eigen hulppunt.";
  }
  if (foundTopics.length !== topicIds.length) errors.topicIds = "Kies een onderwerp uit de lijst.";
  if (foundServices.length !== serviceIds.length) errors.serviceIds = "Kies een dienst uit de lijst.";
  if (input.appointmentId) {
    if (!appointment || appointment.helpPointId !== input.helpPointId) errors.helpPointId ??= "Deze afspraak hoort bij een ander hulppunt.";
    if (input.channel !== "appointment") errors.channel = "Een contact bij een afspraak heeft als kanaal ‘Afspraak’.";
  }
  if (input.homeVisitId) {
    if (!visit || visit.status === "cancelled") errors.channel = "Dit huisbezoek bestaat niet of is geannuleerd.";
    else if (input.channel !== "home_visit") errors.channel = "Een huisbezoek heeft als kanaal ‘Huisbezoek’.";
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  const id = await db.transaction(async (tx) => {
    const { row, repeated } = await insertOnce(tx as unknown as Db, helpContacts, {
      municipalityId,
      helpPointId: input.helpPointId,
      helperUserId: actor.id,
      channel: input.channel,
      outcome: input.outcome,
      duration: input.duration,
      ageBand: input.ageBand,
      language: input.language,
      firstVisit: input.firstVisit,
      remark: input.remark,
      appointmentId: input.appointmentId,
      homeVisitId: input.homeVisitId,
      submissionKey: input.submissionKey,
      occurredAt: now,
    });
    // This form was sent before (a double tap): that contact stands, nothing is added.
    if (repeated) return row.id;
    if (topicIds.length) await tx.insert(helpContactTopics).values(topicIds.map((topicId) => ({ contactId: row.id, topicId })));
    if (serviceIds.length) await tx.insert(helpContactServices).values(serviceIds.map((serviceId) => ({ contactId: row.id, serviceId })));
    if (input.homeVisitId) {
      await tx
        .update(homeVisits)
        .set({ status: "done", lastActivityAt: now })
        .where(and(eq(homeVisits.id, input.homeVisitId), inArray(homeVisits.status, ["requested", "planned", "done"])));
    }
    await recordAudit(tx as unknown as Db, {
      actor,
      municipalityId,
      action: "help_contact.log",
      entityType: "help_contact",
      entityId: row.id,
      after: {
        helpPointId: input.helpPointId,
        channel: input.channel,
        outcome: input.outcome,
        topics: topicIds.length,
        services: serviceIds.length,
      },
    });
    return row.id;
  });
  return { ok: true, id };
}

/**
 * Undo a contact logged by mistake: only the person who logged it, within UNDO_MINUTES. A home visit it closed
 * goes back to planned (or requested when it was never planned).
 */
export async function undoContact(
  db: Db,
  municipalityId: string,
  contactId: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!isUuid(contactId)) return { ok: false, message: "Dit contact bestaat niet meer." };
  const since = new Date(now.getTime() - UNDO_MINUTES * 60_000);
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(helpContacts)
      .where(
        and(
          eq(helpContacts.id, contactId),
          eq(helpContacts.municipalityId, municipalityId),
          eq(helpContacts.helperUserId, actor.id),
          gte(helpContacts.occurredAt, since),
        ),
      )
      .returning({
        id: helpContacts.id,
        homeVisitId: helpContacts.homeVisitId,
        channel: helpContacts.channel,
        outcome: helpContacts.outcome,
      });
    if (!gone)
      return {
        ok: false as const,
        message: `U kunt alleen uw eigen contact van de laatste ${UNDO_MINUTES} minuten ongedaan maken.`,
      };
    if (gone.homeVisitId) {
      await tx
        .update(homeVisits)
        .set({
          status: sql`CASE WHEN ${homeVisits.scheduledAt} IS NOT NULL AND ${homeVisits.assignedUserId} IS NOT NULL THEN 'planned'::home_visit_status ELSE 'requested'::home_visit_status END`,
          lastActivityAt: now,
        })
        .where(and(eq(homeVisits.id, gone.homeVisitId), eq(homeVisits.status, "done")));
    }
    await recordAudit(tx as unknown as Db, {
      actor,
      municipalityId,
      action: "help_contact.undo",
      entityType: "help_contact",
      entityId: gone.id,
      before: { channel: gone.channel, outcome: gone.outcome },
    });
    return { ok: true as const };
  });
}

/** Contacts logged today (Brussels day) per help point. */
export async function todayCounts(db: Db, pointIds: string[], now: Date = new Date()): Promise<Map<string, number>> {
  if (pointIds.length === 0) return new Map();
  const iso = now.toISOString();
  const rows = await db
    .select({
      pointId: helpContacts.helpPointId,
      count: sql<number>`count(*)::int`,
    })
    .from(helpContacts)
    .where(
      and(
        inArray(helpContacts.helpPointId, pointIds),
        sql`${helpContacts.occurredAt} >= (date_trunc('day', ${iso}::timestamptz AT TIME ZONE 'Europe/Brussels') AT TIME ZONE 'Europe/Brussels')`,
        sql`${helpContacts.occurredAt} <= ${iso}::timestamptz`,
      ),
    )
    .groupBy(helpContacts.helpPointId);
  return new Map(rows.map((r) => [r.pointId ?? "", Number(r.count)]));
}

/** The appointment or home visit a contact is logged for: what the form fills in for the helper. */
export async function tallyPrefill(db: Db, municipalityId: string, link: { appointmentId?: string | null; homeVisitId?: string | null }) {
  if (link.appointmentId && isUuid(link.appointmentId)) {
    const [a] = await db
      .select({
        id: appointments.id,
        helpPointId: appointments.helpPointId,
        topicId: appointments.topicId,
        startsAt: appointments.startsAt,
        name: appointments.name,
      })
      .from(appointments)
      .where(and(eq(appointments.id, link.appointmentId), eq(appointments.municipalityId, municipalityId)));
    if (a)
      return {
        kind: "appointment" as const,
        id: a.id,
        helpPointId: a.helpPointId,
        topicId: a.topicId,
        startsAt: a.startsAt,
        name: a.name,
      };
  }
  if (link.homeVisitId && isUuid(link.homeVisitId)) {
    const [v] = await db
      .select({
        id: homeVisits.id,
        topicId: homeVisits.topicId,
        status: homeVisits.status,
        scheduledAt: homeVisits.scheduledAt,
        name: homeVisits.residentName,
      })
      .from(homeVisits)
      .where(and(eq(homeVisits.id, link.homeVisitId), eq(homeVisits.municipalityId, municipalityId)));
    if (v && v.status !== "cancelled")
      return {
        kind: "home_visit" as const,
        id: v.id,
        helpPointId: null,
        topicId: v.topicId,
        startsAt: v.scheduledAt,
        name: v.name,
      };
  }
  return null;
}
