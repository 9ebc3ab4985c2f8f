import { and, eq, like, lt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { deviceApplications, deviceLoans, devices, loanContacts, municipalities, outbox } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { brusselsDate } from "~/modules/finder/opening-hours";
import { seedDemoData } from "./seed.server";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
}, 120_000);
afterAll(async () => {
  await database?.close();
});

describe("device lending demo", () => {
  it("has applications in every state and loans on loan, overdue, extended, given away and returned, in both cities", async () => {
    const db = database.db;
    for (const slug of ["antwerpen", "hasselt"]) {
      const [m] = await db.select().from(municipalities).where(eq(municipalities.slug, slug));
      const apps = await db.select().from(deviceApplications).where(eq(deviceApplications.municipalityId, m.id));
      const states = new Set(apps.map((a) => a.status));
      for (const state of ["submitted", "waiting", "declined", "fulfilled"] as const) expect(states, `${slug} ${state}`).toContain(state);
      const loans = await db.select().from(deviceLoans).where(eq(deviceLoans.municipalityId, m.id));
      expect(loans.some((l) => l.status === "on_loan" && l.extensions > 0), `${slug} extended`).toBe(true);
      expect(loans.some((l) => l.status === "gifted"), `${slug} gifted`).toBe(true);
      const overdue = await db.select().from(deviceLoans).where(and(eq(deviceLoans.municipalityId, m.id), eq(deviceLoans.status, "on_loan"), lt(deviceLoans.endsOn, brusselsDate())));
      expect(overdue.length, `${slug} overdue`).toBeGreaterThan(0);
      expect(await db.select().from(loanContacts).where(eq(loanContacts.loanId, overdue[0].id))).toHaveLength(3);
    }
    const antwerp = await db.select().from(deviceApplications).where(eq(deviceApplications.status, "approved"));
    expect(antwerp.length).toBeGreaterThan(0);
    expect((await db.select().from(deviceLoans).where(eq(deviceLoans.status, "reserved"))).length).toBeGreaterThan(0);
    expect((await db.select().from(deviceLoans).where(eq(deviceLoans.status, "returned"))).length).toBeGreaterThan(0);
    // Lent devices are in the matching state; no demo messages wait to be texted to made-up numbers.
    const onLoan = await db.select({ status: devices.status }).from(deviceLoans).innerJoin(devices, eq(devices.id, deviceLoans.deviceId)).where(eq(deviceLoans.status, "on_loan"));
    expect(onLoan.every((d) => d.status === "on_loan")).toBe(true);
    expect(await db.select().from(outbox).where(like(outbox.subjectRef, "device_application:%"))).toHaveLength(0);
  });
});
