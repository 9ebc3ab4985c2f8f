/**
 * "What needs doing today" for one staff member in one municipality: counts only, no personal data (so no audit
 * entry). Each section is there only when the person's permissions allow the page where the work is done; for
 * permissions scoped to a help point or organisation (help.desk, referrals.receive, offer.check/offer.edit) only the
 * points and referrals the person may act on are counted. The rules are the pages' own: pointsWith (agenda),
 * todayCounts (tally), receivableBy/isOverdue (referrals), deviceBankNumbers (device bank), listHelpPoints (stale).
 */
import { and, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { appointments, deviceLoans, homeVisits } from "~/db/schema";
import { pointsWith } from "~/modules/appointments/types.server";
import { brusselsInstant } from "~/modules/appointments/slots";
import { canAnywhere } from "~/modules/appointments/access";
import { can, type Assignment } from "~/modules/auth/permissions";
import { deviceBankNumbers } from "~/modules/devices/numbers.server";
import { addDaysTo, brusselsDate } from "~/modules/finder/opening-hours";
import { todayCounts } from "~/modules/help-log/tally.server";
import { outboxCounts } from "~/modules/notifications/outbox.server";
import { listHelpPoints } from "~/modules/offer/help-points.server";
import { newAndOverdue, receivableBy } from "~/modules/referrals/referrals.server";

export interface Overview {
  /** help.desk at one or more points: today's appointments and contacts at those points. */
  desk?: { points: number; toCome: number; checkedIn: number; contactsToday: number };
  /** Referrals this person may work that are still "new", and how many of those are flagged. */
  referrals?: { open: number; flagged: number };
  /** help.manage (municipality): home visits to plan, and planned in the next 7 days. */
  homeVisits?: { toPlan: number; nextWeek: number };
  /** devices.lend */
  lending?: { toDecide: number; overdue: number; pickUpToday: number };
  /** devices.manage */
  stock?: { received: number; returned: number; notSeen: number };
  /** offer.check / offer.edit: points not checked for 6 months, among those the person may check or edit. */
  offer?: { stale: number; points: number };
  /** messages.view */
  messages?: { failed: number };
}

const count = sql<number>`count(*)`.mapWith(Number);

async function deskSection(db: Db, assignments: readonly Assignment[], municipalityId: string, now: Date): Promise<Overview["desk"]> {
  const points = await pointsWith(db, assignments, municipalityId, "help.desk");
  if (points.length === 0) return undefined;
  const ids = points.map((p) => p.id);
  const today = brusselsDate(now);
  const [[agenda], contacts] = await Promise.all([
    db
      .select({
        toCome: sql<number>`count(*) filter (where ${appointments.status} = 'booked')`.mapWith(Number),
        checkedIn: sql<number>`count(*) filter (where ${appointments.status} = 'checked_in')`.mapWith(Number),
      })
      .from(appointments)
      .where(
        and(
          eq(appointments.municipalityId, municipalityId),
          inArray(appointments.helpPointId, ids),
          gte(appointments.startsAt, brusselsInstant(today, 0)),
          lt(appointments.startsAt, brusselsInstant(addDaysTo(today, 1), 0)),
        ),
      ),
    todayCounts(db, ids, now),
  ]);
  const contactsToday = [...contacts.values()].reduce((sum, n) => sum + n, 0);
  return { points: points.length, toCome: agenda?.toCome ?? 0, checkedIn: agenda?.checkedIn ?? 0, contactsToday };
}

/** Whether the person may receive any kind of referral here (the inbox would not be empty by rule). */
function receivesReferrals(assignments: readonly Assignment[], municipalityId: string): boolean {
  return (
    can(assignments, "help.refer", { municipalityId }) &&
    (canAnywhere(assignments, "referrals.receive", municipalityId) ||
      can(assignments, "devices.lend", { municipalityId }) ||
      canAnywhere(assignments, "learning.manage", municipalityId))
  );
}

async function referralSection(db: Db, assignments: readonly Assignment[], municipalityId: string, now: Date): Promise<Overview["referrals"]> {
  if (!receivesReferrals(assignments, municipalityId)) return undefined;
  // Counted in SQL with the inbox's own condition (receivableBy), so the count always matches the list.
  return newAndOverdue(db, municipalityId, receivableBy(assignments, municipalityId), now);
}

async function homeVisitSection(db: Db, municipalityId: string, now: Date): Promise<Overview["homeVisits"]> {
  const weekLater = new Date(now.getTime() + 7 * 24 * 3600_000);
  const [row] = await db
    .select({
      toPlan: sql<number>`count(*) filter (where ${homeVisits.status} = 'requested')`.mapWith(Number),
      nextWeek: sql<number>`count(*) filter (where ${homeVisits.status} = 'planned' and ${homeVisits.scheduledAt} >= ${now.toISOString()}::timestamptz and ${homeVisits.scheduledAt} < ${weekLater.toISOString()}::timestamptz)`.mapWith(Number),
    })
    .from(homeVisits)
    .where(and(eq(homeVisits.municipalityId, municipalityId), isNull(homeVisits.erasedAt)));
  return { toPlan: row?.toPlan ?? 0, nextWeek: row?.nextWeek ?? 0 };
}

async function pickUpToday(db: Db, municipalityId: string, now: Date): Promise<number> {
  const today = brusselsDate(now);
  const [row] = await db
    .select({ n: count })
    .from(deviceLoans)
    .where(
      and(
        eq(deviceLoans.municipalityId, municipalityId),
        eq(deviceLoans.status, "reserved"),
        sql`${deviceLoans.startsOn} <= ${today}::date`,
        sql`${deviceLoans.endsOn} >= ${today}::date`,
      ),
    );
  return row?.n ?? 0;
}

async function offerSection(db: Db, assignments: readonly Assignment[], municipalityId: string, now: Date): Promise<Overview["offer"]> {
  const mayCheck = (p: { id: string; organizationId: string }) => {
    const target = { municipalityId, organizationId: p.organizationId, helpPointId: p.id };
    return can(assignments, "offer.check", target) || can(assignments, "offer.edit", target);
  };
  const [all, stale] = await Promise.all([listHelpPoints(db, municipalityId, { now }), listHelpPoints(db, municipalityId, { stale: true, now })]);
  const points = all.filter(mayCheck).length;
  if (points === 0) return undefined;
  return { points, stale: stale.filter(mayCheck).length };
}

/** The counts for the overview page of this person in this municipality. */
export async function staffOverview(db: Db, assignments: readonly Assignment[], municipalityId: string, now: Date = new Date()): Promise<Overview> {
  const here = { municipalityId };
  const lends = can(assignments, "devices.lend", here);
  const manages = can(assignments, "devices.manage", here);
  const [desk, referralCounts, visits, numbers, pickUps, offer, messages] = await Promise.all([
    deskSection(db, assignments, municipalityId, now),
    referralSection(db, assignments, municipalityId, now),
    can(assignments, "help.manage", here) ? homeVisitSection(db, municipalityId, now) : undefined,
    lends || manages ? deviceBankNumbers(db, municipalityId, now) : undefined,
    lends ? pickUpToday(db, municipalityId, now) : undefined,
    offerSection(db, assignments, municipalityId, now),
    can(assignments, "messages.view", here) ? outboxCounts(db, municipalityId) : undefined,
  ]);
  const overview: Overview = {};
  if (desk) overview.desk = desk;
  if (referralCounts) overview.referrals = referralCounts;
  if (visits) overview.homeVisits = visits;
  if (numbers && lends) overview.lending = { toDecide: numbers.applicationsSubmitted, overdue: numbers.overdue, pickUpToday: pickUps ?? 0 };
  if (numbers && manages) overview.stock = { received: numbers.byStatus.received ?? 0, returned: numbers.byStatus.returned ?? 0, notSeen: numbers.notSeen };
  if (offer) overview.offer = offer;
  if (messages) overview.messages = { failed: messages.failed ?? 0 };
  return overview;
}
