/**
 * Warm referrals (issue 3): a digihelper passes a resident on to a partner or module, with the resident's consent.
 *
 * Who receives what (canReceive): coordinators everything in their municipality; a help point's or organisation's
 * people with referrals.receive there; device_bank → devices.lend; course → learning.manage (of the organiser when
 * one is chosen). The referrer (the person, or anyone of the help point it was sent from) follows the status.
 * Lists show no names: personal data is only on the detail page, and every view of it is audit-logged.
 * Messages go to the outbox in the same transaction, tied to the referral by subjectRef "referral:<id>" so that
 * erasure removes them too.
 */
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "~/db/client.server";
import { helpPoints, municipalities, organizations, referralEvents, referrals, topics, users, type Translated } from "~/db/schema";
import { DEFAULT_LANGUAGE, translated } from "~/i18n/languages";
import { i18nFor } from "~/i18n/i18n";
import { recordAudit } from "~/modules/auth/audit.server";
import { can, type Assignment } from "~/modules/auth/permissions";
import { isMobileNumber } from "~/modules/learning/registration-schema";
import { enqueueMessage } from "~/modules/notifications/outbox.server";
import { isUuid } from "~/modules/offer/help-points.server";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { NEEDS_ORGANIZATION, type ReferralInput, type ReferralStatus, type ReferralTarget } from "./referral-schema";
import { isOverdue } from "./working-days";

export interface Actor {
  id: string;
  email: string;
}

export const referralSubject = (id: string) => `referral:${id}`;

// ---------------------------------------------------------------------------------------------
// Who sees what
// ---------------------------------------------------------------------------------------------

export interface ReferralScope {
  municipalityId: string;
  target: ReferralTarget;
  toOrganizationId: string | null;
  toHelpPointId: string | null;
  /** The organisation of the receiving help point. */
  toHelpPointOrganizationId: string | null;
  fromUserId: string | null;
  fromHelpPointId: string | null;
}

/** Whether these assignments may work this referral from the inbox. */
export function canReceive(assignments: readonly Assignment[], r: ReferralScope): boolean {
  const m = r.municipalityId;
  if (can(assignments, "referrals.receive", { municipalityId: m })) return true; // coordinators
  switch (r.target) {
    case "device_bank":
      return can(assignments, "devices.lend", { municipalityId: m });
    case "course":
      return can(assignments, "learning.manage", { municipalityId: m, organizationId: r.toOrganizationId });
    case "help_point":
      return r.toHelpPointId !== null && can(assignments, "referrals.receive", { municipalityId: m, helpPointId: r.toHelpPointId, organizationId: r.toHelpPointOrganizationId });
    default:
      return r.toOrganizationId !== null && can(assignments, "referrals.receive", { municipalityId: m, organizationId: r.toOrganizationId });
  }
}

/** The referrer: the person who made it, or someone of the help point it was sent from. */
export function isSender(userId: string, assignments: readonly Assignment[], r: ReferralScope): boolean {
  if (r.fromUserId === userId) return true;
  return r.fromHelpPointId !== null && assignments.some((a) => a.helpPointId === r.fromHelpPointId && a.municipalityId === r.municipalityId);
}

/** The help point a staff member refers from: their own help point in this municipality, if they have one. */
export function ownHelpPoint(assignments: readonly Assignment[], municipalityId: string): string | null {
  return assignments.find((a) => a.municipalityId === municipalityId && a.helpPointId)?.helpPointId ?? null;
}

// ---------------------------------------------------------------------------------------------
// The form
// ---------------------------------------------------------------------------------------------

export async function referralFormOptions(db: Db, municipalityId: string) {
  const [orgs, points, topicRows] = await Promise.all([
    db
      .select({ id: organizations.id, name: organizations.name, type: organizations.type })
      .from(organizations)
      .where(eq(organizations.municipalityId, municipalityId))
      .orderBy(asc(organizations.name)),
    db
      .select({ id: helpPoints.id, name: helpPoints.name })
      .from(helpPoints)
      .where(eq(helpPoints.municipalityId, municipalityId))
      .orderBy(asc(helpPoints.name)),
    db.select({ id: topics.id, name: topics.name }).from(topics).where(eq(topics.municipalityId, municipalityId)).orderBy(asc(topics.position)),
  ]);
  return {
    organizations: orgs,
    helpPoints: points,
    topics: topicRows.map((t) => ({ id: t.id, name: translated(t.name, "nl") })),
  };
}

export type CreateResult =
  | { ok: true; referralId: string; residentMessaged: boolean; receiverMessaged: boolean }
  | { ok: false; field: string; message: string };

/** Who the resident will hear from, in the resident's language. */
function receiverName(lang: string, target: ReferralTarget, city: string, orgName: string | null, pointName: string | null): string {
  if (target === "help_point" && pointName) return pointName;
  if (orgName) return orgName;
  return i18nFor(lang === "fr" || lang === "en" || lang === "ar" ? lang : DEFAULT_LANGUAGE).t(`messages.referralReceiver.${target}`, { city });
}

export async function createReferral(
  db: Db,
  municipalityId: string,
  input: ReferralInput,
  by: { actor: Actor; fromHelpPointId: string | null },
  options: { now?: Date; baseUrl?: string } = {},
): Promise<CreateResult> {
  const now = options.now ?? new Date();
  const baseUrl = options.baseUrl ?? appBaseUrl();
  return db.transaction(async (tx) => {
    const [municipality] = await tx.select().from(municipalities).where(eq(municipalities.id, municipalityId));
    if (!municipality) return { ok: false, field: "target", message: "Gemeente niet gevonden." };

    const orgId = NEEDS_ORGANIZATION.includes(input.target) || input.target === "course" ? input.toOrganizationId || null : null;
    const pointId = input.target === "help_point" ? input.toHelpPointId || null : null;
    let org: { id: string; name: string; email: string | null } | null = null;
    let point: { id: string; name: string; email: string | null; phone: string | null } | null = null;
    if (orgId) {
      [org] = isUuid(orgId)
        ? await tx
            .select({ id: organizations.id, name: organizations.name, email: organizations.email })
            .from(organizations)
            .where(and(eq(organizations.id, orgId), eq(organizations.municipalityId, municipalityId)))
        : [];
      if (!org) return { ok: false, field: "toOrganizationId", message: "Kies een organisatie uit de lijst." };
    }
    if (pointId) {
      [point] = isUuid(pointId)
        ? await tx
            .select({ id: helpPoints.id, name: helpPoints.name, email: helpPoints.email, phone: helpPoints.phone })
            .from(helpPoints)
            .where(and(eq(helpPoints.id, pointId), eq(helpPoints.municipalityId, municipalityId)))
        : [];
      if (!point) return { ok: false, field: "toHelpPointId", message: "Kies een hulppunt uit de lijst." };
    }
    let topicId: string | null = null;
    if (input.topicId) {
      const [topic] = isUuid(input.topicId)
        ? await tx.select({ id: topics.id }).from(topics).where(and(eq(topics.id, input.topicId), eq(topics.municipalityId, municipalityId)))
        : [];
      if (!topic) return { ok: false, field: "topicId", message: "Kies een onderwerp uit de lijst." };
      topicId = topic.id;
    }
    // The resident calls the help point that referred them, or the city's number.
    let questionsPhone = municipality.phone;
    if (by.fromHelpPointId) {
      const [from] = await tx.select({ phone: helpPoints.phone }).from(helpPoints).where(eq(helpPoints.id, by.fromHelpPointId));
      if (from?.phone) questionsPhone = from.phone;
    }

    const [row] = await tx
      .insert(referrals)
      .values({
        municipalityId,
        target: input.target,
        toOrganizationId: org?.id ?? null,
        toHelpPointId: point?.id ?? null,
        fromUserId: by.actor.id,
        fromHelpPointId: by.fromHelpPointId,
        topicId,
        status: "new",
        consentAt: now,
        residentName: input.residentName,
        phone: input.phone ?? null,
        email: input.email ?? null,
        reason: input.reason,
        language: input.language,
        lastActivityAt: now,
        createdAt: now,
      })
      .returning({ id: referrals.id });
    await tx.insert(referralEvents).values({ referralId: row.id, status: "new", userId: by.actor.id, at: now });

    const residentMessaged =
      (await enqueueMessage(tx, {
        municipalityId,
        // An SMS only reaches a mobile number; otherwise the e-mail, or nothing (the digihelper tells the resident).
        to: { phone: input.phone && isMobileNumber(input.phone) ? input.phone : null, email: input.email },
        language: input.language,
        template: "referralResident",
        params: {
          name: input.residentName,
          receiver: receiverName(input.language, input.target, municipality.name, org?.name ?? null, point?.name ?? null),
          phone: questionsPhone,
        },
        subjectRef: referralSubject(row.id),
      })) > 0;
    const receiverEmail = point ? point.email : org ? org.email : null;
    const receiverMessaged =
      (await enqueueMessage(tx, {
        municipalityId,
        to: { email: receiverEmail },
        language: municipality.languages[0] ?? DEFAULT_LANGUAGE,
        template: "referralNew",
        params: { link: `${baseUrl}/beheer/${municipality.slug}/doorverwijzingen/${row.id}` },
        subjectRef: referralSubject(row.id),
      })) > 0;
    await recordAudit(tx, {
      actor: by.actor,
      municipalityId,
      action: "referral.create",
      entityType: "referral",
      entityId: row.id,
      after: { target: input.target, toOrganizationId: org?.id ?? null, toHelpPointId: point?.id ?? null, consent: true },
    });
    return { ok: true, referralId: row.id, residentMessaged, receiverMessaged };
  });
}

// ---------------------------------------------------------------------------------------------
// Lists and detail
// ---------------------------------------------------------------------------------------------

const toOrg = alias(organizations, "to_org");
const toPoint = alias(helpPoints, "to_point");
const fromPoint = alias(helpPoints, "from_point");

const LIST_FIELDS = {
  id: referrals.id,
  municipalityId: referrals.municipalityId,
  target: referrals.target,
  status: referrals.status,
  toOrganizationId: referrals.toOrganizationId,
  toHelpPointId: referrals.toHelpPointId,
  toHelpPointOrganizationId: toPoint.organizationId,
  fromUserId: referrals.fromUserId,
  fromHelpPointId: referrals.fromHelpPointId,
  toOrganizationName: toOrg.name,
  toHelpPointName: toPoint.name,
  fromHelpPointName: fromPoint.name,
  fromUserName: users.name,
  topicName: topics.name,
  createdAt: referrals.createdAt,
  pickedUpAt: referrals.pickedUpAt,
  lastActivityAt: referrals.lastActivityAt,
  erasedAt: referrals.erasedAt,
};

function listQuery(db: Db) {
  return db
    .select(LIST_FIELDS)
    .from(referrals)
    .leftJoin(toOrg, eq(toOrg.id, referrals.toOrganizationId))
    .leftJoin(toPoint, eq(toPoint.id, referrals.toHelpPointId))
    .leftJoin(fromPoint, eq(fromPoint.id, referrals.fromHelpPointId))
    .leftJoin(users, eq(users.id, referrals.fromUserId))
    .leftJoin(topics, eq(topics.id, referrals.topicId));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listQuery>["where"]>>[number];

export interface ReferralListItem {
  id: string;
  target: ReferralTarget;
  status: ReferralStatus;
  receiver: string;
  from: string;
  topic: string | null;
  createdAt: Date;
  pickedUpAt: Date | null;
  overdue: boolean;
  erased: boolean;
}

function receiverLabel(r: Pick<ListRow, "target" | "toOrganizationName" | "toHelpPointName">): string {
  if (r.target === "help_point") return r.toHelpPointName ?? "Hulppunt (verwijderd)";
  // Module targets without an organisation: the module's staff receive it, the target says enough.
  return r.toOrganizationName ?? "";
}

function toItem(r: ListRow, now: Date): ReferralListItem {
  return {
    id: r.id,
    target: r.target,
    status: r.status,
    receiver: receiverLabel(r),
    from: [r.fromUserName, r.fromHelpPointName].filter(Boolean).join(", ") || "Onbekend",
    topic: r.topicName ? translated(r.topicName as Translated, "nl") : null,
    createdAt: r.createdAt,
    pickedUpAt: r.pickedUpAt,
    overdue: !r.erasedAt && isOverdue(r, now),
    erased: r.erasedAt !== null,
  };
}

/** How far back the lists go. Older referrals are still found from the privacy page and kept for counts. */
const LIST_LIMIT = 500;

export async function listReferrals(
  db: Db,
  municipalityId: string,
  viewer: { userId: string; assignments: readonly Assignment[] },
  box: "received" | "sent",
  now: Date = new Date(),
): Promise<ReferralListItem[]> {
  const rows = await listQuery(db).where(eq(referrals.municipalityId, municipalityId)).orderBy(desc(referrals.createdAt)).limit(LIST_LIMIT);
  return rows
    .filter((r) => (box === "received" ? canReceive(viewer.assignments, r) : isSender(viewer.userId, viewer.assignments, r)))
    .map((r) => toItem(r, now));
}

/** For the coordinator: referrals nobody picked up in time. */
export async function overdueCount(db: Db, municipalityId: string, now: Date = new Date()): Promise<number> {
  const rows = await db
    .select({ status: referrals.status, createdAt: referrals.createdAt })
    .from(referrals)
    .where(and(eq(referrals.municipalityId, municipalityId), eq(referrals.status, "new"), isNull(referrals.erasedAt)));
  return rows.filter((r) => isOverdue(r, now)).length;
}

export async function getReferral(db: Db, municipalityId: string, referralId: string) {
  if (!isUuid(referralId)) return null;
  const [row] = await listQuery(db)
    .where(and(eq(referrals.id, referralId), eq(referrals.municipalityId, municipalityId)))
    .limit(1);
  if (!row) return null;
  const [personal] = await db
    .select({
      residentName: referrals.residentName,
      phone: referrals.phone,
      email: referrals.email,
      reason: referrals.reason,
      language: referrals.language,
      consentAt: referrals.consentAt,
      toOrganizationPhone: toOrg.phone,
      toOrganizationEmail: toOrg.email,
    })
    .from(referrals)
    .leftJoin(toOrg, eq(toOrg.id, referrals.toOrganizationId))
    .where(eq(referrals.id, referralId));
  const events = await db
    .select({ id: referralEvents.id, status: referralEvents.status, note: referralEvents.note, at: referralEvents.at, userName: users.name })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.userId))
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.at));
  return { scope: row, ...personal, events };
}

/** Record that a staff member saw a referral's personal data. */
export async function auditReferralView(db: Db, municipalityId: string, referralId: string, actor: Actor, as: "receiver" | "referrer"): Promise<void> {
  await recordAudit(db, { actor, municipalityId, action: "referral.view", entityType: "referral", entityId: referralId, after: { as } });
}

export type StatusResult = { ok: true } | { ok: false; message: string };

/**
 * Change the status with an optional note (the history the referrer reads). The row is locked, so two people
 * working the same referral each land in the history in order; picked_up_at is set at the first change from new.
 */
export async function changeReferralStatus(
  db: Db,
  municipalityId: string,
  referralId: string,
  change: { status: ReferralStatus; note: string | null },
  actor: Actor,
  now: Date = new Date(),
): Promise<StatusResult> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: referrals.status, pickedUpAt: referrals.pickedUpAt, erasedAt: referrals.erasedAt })
      .from(referrals)
      .where(and(eq(referrals.id, referralId), eq(referrals.municipalityId, municipalityId)))
      .for("update");
    if (!current) return { ok: false, message: "Deze doorverwijzing bestaat niet (meer)." };
    if (current.erasedAt) return { ok: false, message: "De gegevens van deze doorverwijzing zijn gewist. U kunt ze niet meer aanpassen." };
    if (current.status === change.status && !change.note) return { ok: false, message: "Kies een andere stand, of schrijf een notitie." };
    const pickedUpAt = current.pickedUpAt ?? (change.status !== "new" ? now : null);
    await tx.update(referrals).set({ status: change.status, pickedUpAt, lastActivityAt: now }).where(eq(referrals.id, referralId));
    await tx.insert(referralEvents).values({ referralId, status: change.status, note: change.note, userId: actor.id, at: now });
    await recordAudit(tx, {
      actor,
      municipalityId,
      action: "referral.status",
      entityType: "referral",
      entityId: referralId,
      before: { status: current.status },
      after: { status: change.status, note: change.note ? true : false },
    });
    return { ok: true };
  });
}
