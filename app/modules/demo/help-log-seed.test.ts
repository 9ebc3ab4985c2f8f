import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { governmentServices, helpContacts, homeVisits, municipalities, roleAssignments, users } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import type { Assignment } from "~/modules/auth/permissions";
import { visibleServices } from "~/modules/help-log/insights.server";
import { seedDemoData } from "./seed.server";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
}, 120_000);
afterAll(async () => {
  await database?.close();
});

describe("demo help-question log", () => {
  it("gives both cities services, two months of anonymous contacts with remarks, service owners with services, and two home visits", async () => {
    const db = database.db;
    for (const slug of ["antwerpen", "hasselt"]) {
      const [city] = await db.select().from(municipalities).where(eq(municipalities.slug, slug));
      const services = await db.select().from(governmentServices).where(eq(governmentServices.municipalityId, city.id));
      expect(services.map((s) => s.name)).toEqual(expect.arrayContaining(["MyMinfin", "itsme", "eBox", "VDAB"]));
      const [{ count, days }] = await db
        .select({ count: sql<number>`count(*)::int`, days: sql<number>`count(DISTINCT date_trunc('day', ${helpContacts.occurredAt}))::int` })
        .from(helpContacts)
        .where(eq(helpContacts.municipalityId, city.id));
      expect(Number(count)).toBeGreaterThan(100);
      expect(Number(days)).toBeGreaterThan(30);
      const remarks = await db.select().from(helpContacts).where(and(eq(helpContacts.municipalityId, city.id), isNotNull(helpContacts.remark)));
      expect(remarks.length).toBeGreaterThan(5);
      // No contact lies in the future.
      expect(remarks.every((r) => r.occurredAt.getTime() <= Date.now())).toBe(true);

      // The demo service owner sees the services of their city department, not the national ones.
      const [owner] = await db.select().from(users).where(eq(users.email, `service-owner@${slug}.demo.digibrug.be`));
      const assignments = (await db.select().from(roleAssignments).where(eq(roleAssignments.userId, owner.id))) as Assignment[];
      const visible = (await visibleServices(db, city.id, assignments)).map((s) => s.name);
      expect(visible.length).toBeGreaterThanOrEqual(1);
      expect(visible).not.toContain("MyMinfin");
    }
    const visits = await db.select().from(homeVisits).where(inArray(homeVisits.status, ["requested", "planned"]));
    expect(visits.map((v) => v.status).sort()).toEqual(["planned", "requested"]);
    expect(visits.every((v) => v.residentName?.endsWith("(demo)"))).toBe(true);
  });
});
