import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { deviceEvents, devices, donations, helpPoints } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { impactByToken } from "~/modules/devices/donations.server";
import { listDevices } from "~/modules/devices/inventory.server";
import { createStaffUser, seedOfferFixture, type OfferFixture } from "~/modules/offer/test-fixtures";
import { demoImpactToken, seedDemoDevices } from "./devices-seed.server";

let database: Database;
let db: Db;
let f: OfferFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedOfferFixture(db);
  const [borgerhout, sociaalHuis] = await db
    .insert(helpPoints)
    .values([
      { municipalityId: f.antwerpen.id, organizationId: f.digipunten, name: "Digidak Borgerhout", type: "digipunt", street: "Turnhoutsebaan 1", postcode: "2140", city: "Borgerhout" },
      { municipalityId: f.hasselt.id, organizationId: f.stadHasselt, name: "Digipunt Sociaal Huis", type: "digipunt", street: "Thonissenlaan 1", postcode: "3500", city: "Hasselt" },
    ])
    .returning();
  const antwerpOfficer = await createStaffUser(db, "devices@antwerpen.demo.digibrug.be", "device_officer", { municipalityId: f.antwerpen.id });
  const hasseltOfficer = await createStaffUser(db, "devices@hasselt.demo.digibrug.be", "device_officer", { municipalityId: f.hasselt.id });
  await db.transaction((tx) =>
    seedDemoDevices(tx as unknown as Db, {
      municipalities: new Map([
        ["antwerpen", f.antwerpen.id],
        ["hasselt", f.hasselt.id],
      ]),
      helpPoints: new Map([
        ["antwerpen/Digidak Borgerhout", borgerhout.id],
        ["antwerpen/Digipunt Kiel", f.digipuntKiel],
        ["antwerpen/Bibliotheek Permeke", f.permeke],
        ["hasselt/Digipunt Sociaal Huis", sociaalHuis.id],
      ]),
      users: new Map([
        [antwerpOfficer.email, antwerpOfficer.id],
        [hasseltOfficer.email, hasseltOfficer.id],
      ]),
    }),
  );
});
afterAll(async () => {
  await database.close();
});

describe("device bank demo data", () => {
  it("has about 40 devices in Antwerp and 12 in Hasselt, over the statuses, with asset tags in order", async () => {
    const antwerp = await db.select().from(devices).where(eq(devices.municipalityId, f.antwerpen.id));
    const hasselt = await db.select().from(devices).where(eq(devices.municipalityId, f.hasselt.id));
    expect(antwerp).toHaveLength(41);
    expect(hasselt).toHaveLength(12);
    expect(new Set(antwerp.map((d) => d.status))).toEqual(new Set(["received", "wiped", "ready", "in_repair", "retired"]));
    expect(antwerp.map((d) => d.assetTag).sort()[40]).toBe("ANT-00041");
    expect(hasselt.every((d) => d.assetTag.startsWith("HAS-"))).toBe(true);
  });

  it("every ready device has a wipe event with evidence", async () => {
    const ready = await db.select({ id: devices.id }).from(devices).where(eq(devices.status, "ready"));
    for (const d of ready) {
      const wipes = await db
        .select()
        .from(deviceEvents)
        .where(and(eq(deviceEvents.deviceId, d.id), eq(deviceEvents.toStatus, "wiped"), isNotNull(deviceEvents.wipeReference)));
      expect(wipes.length).toBeGreaterThan(0);
    }
  });

  it("flags exactly one Antwerp device as not seen, and a donor's impact link works", async () => {
    expect(await listDevices(db, f.antwerpen.id, { notSeen: true })).toHaveLength(1);
    const impact = await impactByToken(db, f.antwerpen.id, demoImpactToken("antwerpen", "Demo – Proximus"));
    expect(impact?.counts).toMatchObject({ received: 18, ready: 16, inRepair: 1, retired: 1 });
    const pledged = await db.select().from(donations).where(eq(donations.status, "pledged"));
    expect(pledged).toHaveLength(1);
  });
});
