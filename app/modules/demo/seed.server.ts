import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import {
  districts,
  helpPoints,
  helpPointTopics,
  municipalities,
  openingHours,
  organizations,
  roleAssignments,
  scheduleExceptions,
  serviceAtLocation,
  services,
  topics,
  users,
} from "~/db/schema";
import { hashPassword } from "~/modules/auth/password.server";
import { DEMO_CITIES, DEMO_PASSWORD, DEMO_TOPICS, DEMO_USERS } from "./demo-data";
import { seedDemoLearning } from "./learning-seed.server";
import { seedDemoDevices } from "./devices-seed.server";
import { seedDemoLending } from "./lending-seed.server";
import { seedDemoHelpLog } from "./help-log-seed.server";
import { seedDemoReferrals } from "./referrals-seed.server";
import { seedDemoAppointments } from "./appointments-seed.server";

export { DEMO_PASSWORD, DEMO_USERS } from "./demo-data";

/** The demo is present when this municipality exists. */
const MARKER_SLUG = "antwerpen";

/** Serialises concurrent seeders (several app instances starting against one PostgreSQL). */
const SEED_LOCK_KEY = 4_211_202_026;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

async function demoPresent(db: Db | Tx): Promise<boolean> {
  const rows = await db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, MARKER_SLUG)).limit(1);
  return rows.length > 0;
}

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo data: unknown ${what} "${key}"`);
  return value;
}

/** The day the demo's "last checked" dates were written for; they move along so their age stays realistic. */
const DEMO_REFERENCE_DAY = Date.parse("2026-11-25T00:00:00Z");

/** A "last checked" date from the demo data, mid-morning, kept as old relative to today as it was on the reference day. */
function checkedAt(date: string): Date {
  const shift = Math.max(0, Date.now() - DEMO_REFERENCE_DAY);
  return new Date(Date.parse(`${date}T10:00:00+01:00`) + Math.floor(shift / 86_400_000) * 86_400_000);
}

/**
 * Loads the demo municipalities (Antwerpen, Hasselt) with everything under them, and the demo staff logins.
 * Idempotent: when the demo municipality already exists nothing is written. Everything is written in one
 * transaction, so a failure leaves no half-loaded demo.
 */
export async function seedDemoData(db: Db): Promise<{ seeded: boolean }> {
  if (await demoPresent(db)) return { seeded: false };

  // argon2 is slow on purpose: hash once, share the hash between all demo users.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (await demoPresent(tx)) return { seeded: false };

    const municipalityIds = new Map<string, string>();
    // Keys below are "<slug>/<name>" so the same name in two cities stays apart.
    const organizationIds = new Map<string, string>();
    const helpPointIds = new Map<string, string>();
    const topicIdsByCity = new Map<string, string>();

    for (const city of DEMO_CITIES) {
      const slug = city.municipality.slug;
      const municipalityId = randomUUID();
      municipalityIds.set(slug, municipalityId);
      await tx.insert(municipalities).values({ id: municipalityId, ...city.municipality });

      const districtIds = new Map<string, string>();
      await tx.insert(districts).values(
        city.districts.map((district) => {
          const id = randomUUID();
          districtIds.set(district.name, id);
          return { id, municipalityId, ...district };
        }),
      );

      const topicIds = new Map<string, string>();
      await tx.insert(topics).values(
        DEMO_TOPICS.map((topic, position) => {
          const id = randomUUID();
          topicIds.set(topic.code, id);
          topicIdsByCity.set(`${slug}/${topic.code}`, id);
          return { id, municipalityId, code: topic.code, icon: topic.icon, name: topic.name, position };
        }),
      );

      const serviceIds = new Map<string, { id: string; organizationId: string }>();
      const serviceRows: (typeof services.$inferInsert)[] = [];
      await tx.insert(organizations).values(
        city.organizations.map(({ services: orgServices, ...organization }) => {
          const id = randomUUID();
          organizationIds.set(`${slug}/${organization.name}`, id);
          for (const service of orgServices) {
            const serviceId = randomUUID();
            if (serviceIds.has(service.key)) throw new Error(`Demo data: duplicate service key "${service.key}"`);
            serviceIds.set(service.key, { id: serviceId, organizationId: id });
            serviceRows.push({
              id: serviceId,
              municipalityId,
              organizationId: id,
              name: service.name,
              description: service.description,
              free: service.free,
            });
          }
          return { id, municipalityId, ...organization };
        }),
      );
      await tx.insert(services).values(serviceRows);

      const pointRows: (typeof helpPoints.$inferInsert)[] = [];
      const topicRows: (typeof helpPointTopics.$inferInsert)[] = [];
      const hourRows: (typeof openingHours.$inferInsert)[] = [];
      const exceptionRows: (typeof scheduleExceptions.$inferInsert)[] = [];
      const locationRows: (typeof serviceAtLocation.$inferInsert)[] = [];

      for (const point of city.helpPoints) {
        const {
          organization,
          district,
          topics: pointTopics,
          services: pointServices,
          hours,
          exceptions,
          lastCheckedAt,
          ...fields
        } = point;
        const id = randomUUID();
        const key = `${slug}/${point.name}`;
        if (helpPointIds.has(key)) throw new Error(`Demo data: duplicate help point "${key}"`);
        helpPointIds.set(key, id);
        const organizationId = lookup(organizationIds, `${slug}/${organization}`, "organisation");
        pointRows.push({
          ...fields,
          id,
          municipalityId,
          organizationId,
          districtId: lookup(districtIds, district, "district"),
          lastCheckedAt: checkedAt(lastCheckedAt),
        });
        for (const code of pointTopics) topicRows.push({ helpPointId: id, topicId: lookup(topicIds, code, "topic") });
        for (const serviceKey of pointServices) {
          const service = lookup(serviceIds, serviceKey, "service");
          if (service.organizationId !== organizationId) {
            throw new Error(`Demo data: service "${serviceKey}" does not belong to the organisation of "${point.name}"`);
          }
          locationRows.push({ serviceId: service.id, helpPointId: id });
        }
        for (const row of hours) hourRows.push({ helpPointId: id, ...row });
        for (const exception of exceptions) {
          exceptionRows.push(
            exception.kind === "open"
              ? { helpPointId: id, ...exception }
              : { helpPointId: id, date: exception.date, kind: "closed", reason: exception.reason },
          );
        }
      }

      await tx.insert(helpPoints).values(pointRows);
      await tx.insert(helpPointTopics).values(topicRows);
      await tx.insert(serviceAtLocation).values(locationRows);
      if (hourRows.length) await tx.insert(openingHours).values(hourRows);
      if (exceptionRows.length) await tx.insert(scheduleExceptions).values(exceptionRows);
    }

    const userIds = new Map<string, string>();
    const userRows: (typeof users.$inferInsert)[] = [];
    const roleRows: (typeof roleAssignments.$inferInsert)[] = [];
    for (const user of DEMO_USERS) {
      const userId = randomUUID();
      userIds.set(user.email, userId);
      userRows.push({ id: userId, email: user.email, name: user.name, passwordHash, isDemo: true });
      const slug = user.municipality;
      roleRows.push({
        userId,
        role: user.role,
        municipalityId: slug ? lookup(municipalityIds, slug, "municipality") : null,
        organizationId: user.organization ? lookup(organizationIds, `${slug}/${user.organization}`, "organisation") : null,
        helpPointId: user.helpPoint ? lookup(helpPointIds, `${slug}/${user.helpPoint}`, "help point") : null,
      });
    }
    await tx.insert(users).values(userRows);
    await tx.insert(roleAssignments).values(roleRows);

    await seedDemoLearning(tx as unknown as Db, {
      municipalities: municipalityIds,
      organizations: organizationIds,
      helpPoints: helpPointIds,
      topics: topicIdsByCity,
      users: userIds,
    });
    await seedDemoHelpLog(tx as unknown as Db, { municipalities: municipalityIds, organizations: organizationIds, helpPoints: helpPointIds, topics: topicIdsByCity, users: userIds });
    await seedDemoReferrals(tx as unknown as Db, { municipalities: municipalityIds, organizations: organizationIds, helpPoints: helpPointIds, topics: topicIdsByCity, users: userIds });
    await seedDemoAppointments(tx as unknown as Db, { municipalities: municipalityIds, organizations: organizationIds, helpPoints: helpPointIds, topics: topicIdsByCity, users: userIds });
    await seedDemoDevices(tx as unknown as Db, { municipalities: municipalityIds, helpPoints: helpPointIds, users: userIds });
    await seedDemoLending(tx as unknown as Db, { municipalities: municipalityIds, helpPoints: helpPointIds, users: userIds });

    return { seeded: true };
  });
}
