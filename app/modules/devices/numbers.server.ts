/**
 * The device bank's numbers for the coordinator: stock by status, devices lent and on loan now, overdue loans,
 * applications waiting, and per donation what became of its devices. Counts only.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { deviceApplications, deviceLoans, devices, donations, organizations } from "~/db/schema";
import { brusselsDate } from "~/modules/finder/opening-hours";
import type { DeviceStatus } from "./lifecycle.server";

export interface DeviceBankNumbers {
  total: number;
  byStatus: Partial<Record<DeviceStatus, number>>;
  /** Devices that have been handed over to a resident at least once. */
  devicesLent: number;
  /** Loans handed over so far (a device lent twice counts twice). */
  loansHandedOver: number;
  onLoanNow: number;
  overdue: number;
  gifted: number;
  applicationsWaiting: number;
  applicationsSubmitted: number;
  notSeen: number;
}

export async function deviceBankNumbers(db: Db, municipalityId: string, now: Date = new Date()): Promise<DeviceBankNumbers> {
  const today = brusselsDate(now);
  const statusRows = await db
    .select({ status: devices.status, n: sql<number>`count(*)`.mapWith(Number) })
    .from(devices)
    .where(eq(devices.municipalityId, municipalityId))
    .groupBy(devices.status);
  const byStatus = Object.fromEntries(statusRows.map((r) => [r.status, r.n])) as Partial<Record<DeviceStatus, number>>;
  const [loans] = await db
    .select({
      devicesLent: sql<number>`count(distinct ${deviceLoans.deviceId}) filter (where ${deviceLoans.handedOverAt} is not null)`.mapWith(Number),
      loansHandedOver: sql<number>`count(*) filter (where ${deviceLoans.handedOverAt} is not null)`.mapWith(Number),
      onLoanNow: sql<number>`count(*) filter (where ${deviceLoans.status} = 'on_loan')`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${deviceLoans.status} = 'on_loan' and ${deviceLoans.endsOn} < ${today})`.mapWith(Number),
      gifted: sql<number>`count(*) filter (where ${deviceLoans.status} = 'gifted')`.mapWith(Number),
    })
    .from(deviceLoans)
    .where(eq(deviceLoans.municipalityId, municipalityId));
  const [apps] = await db
    .select({
      waiting: sql<number>`count(*) filter (where ${deviceApplications.status} = 'waiting')`.mapWith(Number),
      submitted: sql<number>`count(*) filter (where ${deviceApplications.status} = 'submitted')`.mapWith(Number),
    })
    .from(deviceApplications)
    .where(eq(deviceApplications.municipalityId, municipalityId));
  const [seen] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(devices)
    .where(
      and(
        eq(devices.municipalityId, municipalityId),
        sql`${devices.status} not in ('retired', 'gifted', 'on_loan')`,
        sql`${devices.lastSeenAt} < ${now.toISOString()}::timestamptz - make_interval(days => coalesce((select s.audit_period_days from device_bank_settings s where s.municipality_id = ${municipalityId}), 180))`,
      ),
    );
  return {
    total: statusRows.reduce((sum, r) => sum + r.n, 0),
    byStatus,
    devicesLent: loans.devicesLent,
    loansHandedOver: loans.loansHandedOver,
    onLoanNow: loans.onLoanNow,
    overdue: loans.overdue,
    gifted: loans.gifted,
    applicationsWaiting: apps.waiting,
    applicationsSubmitted: apps.submitted,
    notSeen: seen.n,
  };
}

/** Per donation: devices received, wiped (ever), ready, lent out (ever), given, in repair or retired. */
export function numbersPerDonation(db: Db, municipalityId: string) {
  return db
    .select({
      id: donations.id,
      donorName: organizations.name,
      status: donations.status,
      createdAt: donations.createdAt,
      pledged: donations.pledged,
      received: sql<number>`(select count(*) from ${devices} d where d.donation_id = ${donations.id})`.mapWith(Number),
      wiped: sql<number>`(select count(*) from ${devices} d where d.donation_id = ${donations.id} and exists (select 1 from device_events e where e.device_id = d.id and e.to_status = 'wiped'))`.mapWith(Number),
      ready: sql<number>`(select count(*) from ${devices} d where d.donation_id = ${donations.id} and d.status in ('wiped', 'ready', 'reserved'))`.mapWith(Number),
      lentOut: sql<number>`(select count(*) from ${devices} d where d.donation_id = ${donations.id} and exists (select 1 from device_loans l where l.device_id = d.id and l.handed_over_at is not null))`.mapWith(Number),
      gifted: sql<number>`(select count(*) from ${devices} d where d.donation_id = ${donations.id} and d.status = 'gifted')`.mapWith(Number),
      repairOrRetired: sql<number>`(select count(*) from ${devices} d where d.donation_id = ${donations.id} and d.status in ('in_repair', 'retired'))`.mapWith(Number),
    })
    .from(donations)
    .innerJoin(organizations, eq(organizations.id, donations.donorOrganizationId))
    .where(eq(donations.municipalityId, municipalityId))
    .orderBy(desc(donations.createdAt));
}
