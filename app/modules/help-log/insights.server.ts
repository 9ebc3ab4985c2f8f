/**
 * "Where residents get stuck", per service: counts per month, topics, outcomes and the helpers' remarks, for the
 * coordinator (every service) and a service owner (the services their department owns).
 */
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { governmentServices, helpContacts, helpContactServices, helpContactTopics, helpPoints, topics } from "~/db/schema";
import { translated } from "~/i18n/languages";
import { can, type Assignment } from "~/modules/auth/permissions";
import { brusselsDate } from "~/modules/finder/opening-hours";
import { stringify } from "csv-stringify/sync";
import { CHANNEL_LABELS, DURATION_LABELS, OUTCOME_LABELS, type Outcome } from "./labels";

export interface VisibleService {
  id: string;
  name: string;
  active: boolean;
  ownerOrganizationId: string | null;
}

/** The services this person may see insights for (help.insights on the service's owning organisation). */
export async function visibleServices(db: Db, municipalityId: string, assignments: readonly Assignment[]): Promise<VisibleService[]> {
  const rows = await db
    .select({
      id: governmentServices.id,
      name: governmentServices.name,
      active: governmentServices.active,
      ownerOrganizationId: governmentServices.ownerOrganizationId,
    })
    .from(governmentServices)
    .where(eq(governmentServices.municipalityId, municipalityId))
    .orderBy(asc(governmentServices.position), asc(governmentServices.name));
  return rows.filter((s) =>
    can(assignments, "help.insights", {
      municipalityId,
      organizationId: s.ownerOrganizationId,
    }),
  );
}

/** The first day of the month `monthsBack` months before this month, Brussels time, as YYYY-MM-01. */
export function monthStart(now: Date, monthsBack: number): string {
  const [y, m] = brusselsDate(now).split("-").map(Number);
  const total = y * 12 + (m - 1) - monthsBack;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}-01`;
}

export interface ServiceInsights {
  total: number;
  months: { month: string; count: number }[];
  topics: { name: string; count: number }[];
  outcomes: Record<Outcome, number>;
  remarks: { at: Date; remark: string; point: string | null }[];
}

const sinceInstant = (date: string) => sql`(${date}::date::timestamp AT TIME ZONE 'Europe/Brussels')`;

/** Figures of one service over the last `months` months (this month included). */
export async function serviceInsights(
  db: Db,
  municipalityId: string,
  serviceId: string,
  now: Date = new Date(),
  months = 6,
): Promise<ServiceInsights> {
  const from = monthStart(now, months - 1);
  const inService = and(
    eq(helpContactServices.serviceId, serviceId),
    eq(helpContacts.municipalityId, municipalityId),
    gte(helpContacts.occurredAt, sinceInstant(from)),
  );
  const monthExpr = sql<string>`to_char(${helpContacts.occurredAt} AT TIME ZONE 'Europe/Brussels', 'YYYY-MM')`;
  const [monthRows, topicRows, outcomeRows, remarkRows] = await Promise.all([
    db
      .select({ month: monthExpr, count: sql<number>`count(*)::int` })
      .from(helpContactServices)
      .innerJoin(helpContacts, eq(helpContacts.id, helpContactServices.contactId))
      .where(inService)
      .groupBy(monthExpr),
    db
      .select({ name: topics.name, count: sql<number>`count(*)::int` })
      .from(helpContactServices)
      .innerJoin(helpContacts, eq(helpContacts.id, helpContactServices.contactId))
      .innerJoin(helpContactTopics, eq(helpContactTopics.contactId, helpContacts.id))
      .innerJoin(topics, eq(topics.id, helpContactTopics.topicId))
      .where(inService)
      .groupBy(topics.id, topics.name)
      .orderBy(desc(sql`count(*)`)),
    db
      .select({
        outcome: helpContacts.outcome,
        count: sql<number>`count(*)::int`,
      })
      .from(helpContactServices)
      .innerJoin(helpContacts, eq(helpContacts.id, helpContactServices.contactId))
      .where(inService)
      .groupBy(helpContacts.outcome),
    db
      .select({
        at: helpContacts.occurredAt,
        remark: helpContacts.remark,
        point: helpPoints.name,
      })
      .from(helpContactServices)
      .innerJoin(helpContacts, eq(helpContacts.id, helpContactServices.contactId))
      .leftJoin(helpPoints, eq(helpPoints.id, helpContacts.helpPointId))
      .where(and(inService, sql`${helpContacts.remark} IS NOT NULL`))
      .orderBy(desc(helpContacts.occurredAt))
      .limit(50),
  ]);
  const counts = new Map(monthRows.map((r) => [r.month, Number(r.count)]));
  const monthList: { month: string; count: number }[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const month = monthStart(now, i).slice(0, 7);
    monthList.push({ month, count: counts.get(month) ?? 0 });
  }
  const outcomes: Record<Outcome, number> = {
    solved: 0,
    partly: 0,
    referred: 0,
    come_back: 0,
  };
  for (const r of outcomeRows) outcomes[r.outcome] = Number(r.count);
  return {
    total: monthList.reduce((sum, m) => sum + m.count, 0),
    months: monthList,
    topics: topicRows.map((r) => ({
      name: translated(r.name, "nl"),
      count: Number(r.count),
    })),
    outcomes,
    remarks: remarkRows.map((r) => ({
      at: r.at,
      remark: r.remark ?? "",
      point: r.point,
    })),
  };
}

/** Contacts per visible service for the CSV export: one line per contact and service, no personal data. */
export async function insightsRows(db: Db, municipalityId: string, serviceIds: string[], now: Date = new Date(), months = 12) {
  if (serviceIds.length === 0) return [];
  const from = monthStart(now, months - 1);
  const rows = await db
    .select({
      service: governmentServices.name,
      at: helpContacts.occurredAt,
      point: helpPoints.name,
      channel: helpContacts.channel,
      outcome: helpContacts.outcome,
      duration: helpContacts.duration,
      remark: helpContacts.remark,
      topics: sql<
        string | null
      >`(SELECT string_agg(${topics.name}->>'nl', '; ' ORDER BY ${topics.position}) FROM ${helpContactTopics} JOIN ${topics} ON ${topics.id} = ${helpContactTopics.topicId} WHERE ${helpContactTopics.contactId} = ${helpContacts.id})`,
    })
    .from(helpContactServices)
    .innerJoin(helpContacts, eq(helpContacts.id, helpContactServices.contactId))
    .innerJoin(governmentServices, eq(governmentServices.id, helpContactServices.serviceId))
    .leftJoin(helpPoints, eq(helpPoints.id, helpContacts.helpPointId))
    .where(
      and(
        inArray(helpContactServices.serviceId, serviceIds),
        eq(helpContacts.municipalityId, municipalityId),
        gte(helpContacts.occurredAt, sinceInstant(from)),
      ),
    )
    .orderBy(asc(governmentServices.position), desc(helpContacts.occurredAt));
  return rows;
}

const protect = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The export as CSV for a spreadsheet in Belgium: ";" between fields, UTF-8 with BOM, Dutch labels. */
export function insightsCsv(rows: Awaited<ReturnType<typeof insightsRows>>): string {
  const records: string[][] = [["Dienst", "Datum", "Maand", "Hulppunt", "Kanaal", "Onderwerpen", "Resultaat", "Duur", "Opmerking"]];
  for (const r of rows) {
    records.push([
      protect(r.service),
      brusselsDate(r.at),
      brusselsDate(r.at).slice(0, 7),
      protect(r.point ?? ""),
      CHANNEL_LABELS[r.channel],
      protect(r.topics ?? ""),
      OUTCOME_LABELS[r.outcome],
      DURATION_LABELS[r.duration],
      protect(r.remark ?? ""),
    ]);
  }
  return `\uFEFF${stringify(records, { delimiter: ";", record_delimiter: "\r\n" })}`;
}

/** Contacts per service over the last `months` months (this month included), for the overview. */
export async function serviceTotals(
  db: Db,
  municipalityId: string,
  serviceIds: string[],
  now: Date = new Date(),
  months = 6,
): Promise<Map<string, number>> {
  if (serviceIds.length === 0) return new Map();
  const rows = await db
    .select({
      serviceId: helpContactServices.serviceId,
      count: sql<number>`count(*)::int`,
    })
    .from(helpContactServices)
    .innerJoin(helpContacts, eq(helpContacts.id, helpContactServices.contactId))
    .where(
      and(
        inArray(helpContactServices.serviceId, serviceIds),
        eq(helpContacts.municipalityId, municipalityId),
        gte(helpContacts.occurredAt, sinceInstant(monthStart(now, months - 1))),
      ),
    )
    .groupBy(helpContactServices.serviceId);
  return new Map(rows.map((r) => [r.serviceId, Number(r.count)]));
}
