import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { appointmentPlanBlocks, appointments, appointmentSlots, appointmentTypes } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { seedDemoData } from "./seed.server";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
}, 120_000);
afterAll(async () => {
  await database?.close();
});

describe("demo appointments", () => {
  it("gives Antwerp and Hasselt points appointment types with a weekly plan, and booked appointments in the coming days", async () => {
    const db = database.db;
    const types = await db.select().from(appointmentTypes);
    expect(types.map((t) => t.name.nl)).toEqual(expect.arrayContaining(["Hulp met itsme", "Hulp met je bankapp", "Vraag over je eBox"]));
    expect(new Set(types.map((t) => t.municipalityId)).size).toBe(2);
    for (const t of types) expect((await db.select().from(appointmentPlanBlocks).where(eq(appointmentPlanBlocks.appointmentTypeId, t.id))).length).toBeGreaterThan(0);
    const booked = await db.select().from(appointments);
    expect(booked.length).toBeGreaterThanOrEqual(6);
    expect(booked.every((a) => a.name?.endsWith("(demo)") && a.startsAt > new Date())).toBe(true);
    // The slot counts agree with the appointments.
    const slots = await db.select().from(appointmentSlots);
    expect(slots.reduce((sum, s) => sum + s.bookedCount, 0)).toBe(booked.length);
  });
});
