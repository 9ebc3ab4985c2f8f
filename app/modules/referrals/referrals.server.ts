/**
 * Warm referrals (issue 3): a digihelper passes a resident on to a partner or module, with the resident's consent.
 *
 * Who receives what (receivableBy, one SQL condition for the lists, the detail page and the overview count):
 * coordinators everything in their municipality; a help point's or organisation's people with referrals.receive
 * there; device_bank → devices.lend; course → learning.manage (of the organiser when one is chosen). The referrer
 * (sentBy: the person, or anyone of the help point it was sent from) follows the status.
 * Lists show no names: personal data is only on the detail page, and every view of it is audit-logged.
 * Messages go to the outbox in the same transaction, tied to the referral by subjectRef "referral:<id>" so that
 * erasure removes them too.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "~/db/client.server";
import { helpPoints, municipalities, organizations, outbox, referralEvents, referrals, topics, users, type Translated } from "~/db/schema";
import { DEFAULT_LANGUAGE, translated } from "~/i18n/languages";
import { i18nFor } from "~/i18n/i18n";
import { recordAudit } from "~/modules/auth/audit.server";
import { can, type Assignment } from "~/modules/auth/permissions";
import { isMobileNumber } from "~/modules/learning/registration-schema";
import { enqueueMessage } from "~/modules/notifications/outbox.server";
import { isUuid } from "~/modules/offer/help-points.server";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { insertOnce } from "~/modules/shared/submission.server";
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

/** Who is looking: the person and their role assignments (only those in the municipality asked about count). */
export interface Viewer {
  userId: string;
  assignments: readonly Assignment[];
}

const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];

/**
 * The one rule for "may work this referral from the inbox", as an SQL condition on the `referrals` table (use it
 * together with `referrals.municipality_id = municipalityId`). The list, the detail page and the overview count all
 * use it, so they cannot disagree. It asks `can()` itself, per candidate scope from the person's assignments:
 * - referrals.receive municipality-wide (coordinators): everything;
 * - device_bank → devices.lend; course → learning.manage (of the organiser when one is chosen);
 * - help_point → referrals.receive on that help point or on the organisation that runs it;
 * - the other targets → referrals.receive on the receiving organisation.
 */
export function receivableBy(assignments: readonly Assignment[], municipalityId: string): SQL {
  const here = { municipalityId };
  if (can(assignments, "referrals.receive", here)) return sql`true`;
  const local = assignments.filter((a) => a.municipalityId === municipalityId);
  const orgIds = unique(local.map((a) => a.organizationId));
  const pointIds = unique(local.map((a) => a.helpPointId));
  const parts: SQL[] = [];
  if (can(assignments, "devices.lend", here)) parts.push(eq(referrals.target, "device_bank"));
  if (can(assignments, "learning.manage", here)) parts.push(eq(referrals.target, "course"));
  else {
    const organisers = orgIds.filter((o) => can(assignments, "learning.manage", { municipalityId, organizationId: o }));
    if (organisers.length > 0) parts.push(and(eq(referrals.target, "course"), inArray(referrals.toOrganizationId, organisers))!);
  }
  const points = pointIds.filter((p) => can(assignments, "referrals.receive", { municipalityId, helpPointId: p }));
  const orgs = orgIds.filter((o) => can(assignments, "referrals.receive", { municipalityId, organizationId: o }));
  if (points.length > 0) parts.push(and(eq(referrals.target, "help_point"), inArray(referrals.toHelpPointId, points))!);
  if (orgs.length > 0) {
    parts.push(
      and(eq(referrals.target, "help_point"), sql`${referrals.toHelpPointId} in (select ${helpPoints.id} from ${helpPoints} where ${inArray(helpPoints.organizationId, orgs)})`)!,
      and(notInArray(referrals.target, ["device_bank", "course", "help_point"]), inArray(referrals.toOrganizationId, orgs))!,
    );
  }
  return parts.length > 0 ? sql`(${or(...parts)})` : sql`false`;
}

/** The referrer: the person who made it, or someone of the help point it was sent from. */
export function sentBy(viewer: Viewer, municipalityId: string): SQL {
  const points = unique(viewer.assignments.filter((a) => a.municipalityId === municipalityId).map((a) => a.helpPointId));
  const own = eq(referrals.fromUserId, viewer.userId);
  return sql`(${points.length > 0 ? or(own, inArray(referrals.fromHelpPointId, points)) : own})`;
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
  options: { now?: Date; baseUrl?: string; submissionKey?: string | null } = {},
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

    const { row, repeated } = await insertOnce(tx, referrals, {
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
      submissionKey: options.submissionKey ?? null,
    });
    if (repeated) {
      // The same form sent twice: that referral stands, with the messages it already sent; nothing is written again.
      const sent = await tx.select({ template: outbox.template }).from(outbox).where(eq(outbox.subjectRef, referralSubject(row.id)));
      const templates = new Set(sent.map((m) => m.template));
      return { ok: true, referralId: row.id, residentMessaged: templates.has("referralResident"), receiverMessaged: templates.has("referralNew") };
    }
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

/** How many closed referrals one page of the list shows. Open ones are always all shown. */
export const CLOSED_PAGE_SIZE = 50;

/** Still to be worked: new or contacted, and not erased (an erased referral can no longer be changed). */
const isOpen = and(inArray(referrals.status, ["new", "contacted"]), isNull(referrals.erasedAt))!;
const isClosed = or(notInArray(referrals.status, ["new", "contacted"]), isNotNull(referrals.erasedAt))!;
const newestFirst = [desc(referrals.createdAt), desc(referrals.id)];

export type ReferralBox = "received" | "sent";

/** The SQL condition for one box of this viewer: what they may work (received) or what they sent. */
export function boxCondition(viewer: Viewer, municipalityId: string, box: ReferralBox): SQL {
  return box === "received" ? receivableBy(viewer.assignments, municipalityId) : sentBy(viewer, municipalityId);
}

export interface ReferralList {
  /** All open referrals, newest first. */
  open: ReferralListItem[];
  /** One page of the closed ones (and the erased ones), newest first. */
  closed: ReferralListItem[];
  /** Per status, not erased; `erased` counts the erased ones whatever their status. */
  counts: Record<ReferralStatus, number> & { erased: number };
  closedTotal: number;
  page: number;
  pages: number;
}

/**
 * One box of the referral list, filtered in SQL by what the viewer may see: the open ones all (so an old referral
 * nobody picked up is always there, with its flag), the closed ones a page at a time.
 */
export async function listReferrals(
  db: Db,
  municipalityId: string,
  viewer: Viewer,
  box: ReferralBox,
  options: { page?: number; pageSize?: number; now?: Date } = {},
): Promise<ReferralList> {
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? CLOSED_PAGE_SIZE;
  const visible = and(eq(referrals.municipalityId, municipalityId), boxCondition(viewer, municipalityId, box));
  const [countRows, openRows] = await Promise.all([
    db
      .select({
        status: referrals.status,
        kept: sql<number>`count(*) filter (where ${referrals.erasedAt} is null)`.mapWith(Number),
        erased: sql<number>`count(*) filter (where ${referrals.erasedAt} is not null)`.mapWith(Number),
      })
      .from(referrals)
      .where(visible)
      .groupBy(referrals.status),
    listQuery(db)
      .where(and(visible, isOpen))
      .orderBy(...newestFirst),
  ]);
  const counts = { new: 0, contacted: 0, helped: 0, unreachable: 0, declined: 0, erased: 0 };
  let closedTotal = 0;
  for (const row of countRows) {
    counts[row.status] += row.kept;
    counts.erased += row.erased;
    closedTotal += row.erased + (row.status === "new" || row.status === "contacted" ? 0 : row.kept);
  }
  const pages = Math.max(1, Math.ceil(closedTotal / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pages);
  const closedRows =
    closedTotal === 0
      ? []
      : await listQuery(db)
          .where(and(visible, isClosed))
          .orderBy(...newestFirst)
          .limit(pageSize)
          .offset((page - 1) * pageSize);
  return {
    open: openRows.map((r) => toItem(r, now)),
    closed: closedRows.map((r) => toItem(r, now)),
    counts,
    closedTotal,
    page,
    pages,
  };
}

/**
 * The referrals that are still new and flagged as overdue, for the overview and the coordinator's notice: how many
 * are new (not erased) under `condition`, and how many of those passed the working-day deadline.
 */
export async function newAndOverdue(db: Db, municipalityId: string, condition: SQL, now: Date = new Date()): Promise<{ open: number; flagged: number }> {
  const base = and(eq(referrals.municipalityId, municipalityId), eq(referrals.status, "new"), isNull(referrals.erasedAt), condition);
  // 5 working days are at least 7 calendar days: only older ones can be overdue, the working-day rule decides.
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3600_000);
  const [[total], old] = await Promise.all([
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(referrals).where(base),
    db
      .select({ status: referrals.status, createdAt: referrals.createdAt })
      .from(referrals)
      .where(and(base, lt(referrals.createdAt, weekAgo))),
  ]);
  return { open: total?.n ?? 0, flagged: old.filter((r) => isOverdue(r, now)).length };
}

/** For the coordinator: referrals nobody picked up in time, in the whole municipality. */
export async function overdueCount(db: Db, municipalityId: string, now: Date = new Date()): Promise<number> {
  return (await newAndOverdue(db, municipalityId, sql`true`, now)).flagged;
}

const asBoolean = (value: unknown) => value === true || value === "t" || value === "true";

/**
 * One referral, only when this viewer may see it (as receiver or referrer; the same conditions as the lists):
 * otherwise null, and the page answers 404.
 */
export async function getReferral(db: Db, municipalityId: string, referralId: string, viewer: Viewer) {
  if (!isUuid(referralId)) return null;
  const receives = receivableBy(viewer.assignments, municipalityId);
  const sent = sentBy(viewer, municipalityId);
  const [row] = await db
    .select({
      ...LIST_FIELDS,
      receiver: sql<boolean>`${receives}`.mapWith(asBoolean),
      sender: sql<boolean>`${sent}`.mapWith(asBoolean),
    })
    .from(referrals)
    .leftJoin(toOrg, eq(toOrg.id, referrals.toOrganizationId))
    .leftJoin(toPoint, eq(toPoint.id, referrals.toHelpPointId))
    .leftJoin(fromPoint, eq(fromPoint.id, referrals.fromHelpPointId))
    .leftJoin(users, eq(users.id, referrals.fromUserId))
    .leftJoin(topics, eq(topics.id, referrals.topicId))
    .where(and(eq(referrals.id, referralId), eq(referrals.municipalityId, municipalityId), or(receives, sent)))
    .limit(1);
  if (!row) return null;
  const { receiver, sender, ...scope } = row;
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
  return { scope, receiver, sender, ...personal, events };
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
