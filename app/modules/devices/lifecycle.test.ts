import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { auditLog, deviceEvents, devices } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { createStaffUser, type StaffUser } from "~/modules/offer/test-fixtures";
import { seedInventoryFixture, type InventoryFixture } from "./inventory-test-fixtures";
import { deviceSeen, getDevice, listDevices, stepDevice, wipeDevices } from "./inventory.server";
import { ALLOWED_STEPS, transitionDevice } from "./lifecycle.server";

let database: Database;
let db: Db;
let f: InventoryFixture;
let officer: StaffUser;
const actor = () => ({ id: officer.id, email: officer.email });

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedInventoryFixture(db);
  officer = await createStaffUser(db, "devices@antwerpen.test", "device_officer", { municipalityId: f.offer.antwerpen.id });
});
afterAll(async () => {
  await database.close();
});

const statusOf = async (id: string) => (await db.select({ status: devices.status, wiped: devices.wiped }).from(devices).where(eq(devices.id, id)))[0];
const eventsOf = async (id: string) => db.select().from(deviceEvents).where(eq(deviceEvents.deviceId, id));

describe("device lifecycle", () => {
  it("refuses to ready or hand out an unwiped device, with a reason, and changes nothing", async () => {
    const [id] = f.deviceIds;
    const before = await eventsOf(id);
    for (const to of ["ready", "on_loan", "reserved"] as const) {
      const result = await db.transaction((tx) => transitionDevice(tx, id, to, actor()));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/nog niet gewist/);
    }
    expect(await statusOf(id)).toEqual({ status: "received", wiped: false });
    expect(await eventsOf(id)).toHaveLength(before.length);
  });

  it("refuses a wipe without method and reference", async () => {
    const [id] = f.deviceIds;
    const noRef = await stepDevice(db, f.offer.antwerpen.id, id, "wiped", actor(), { wipeMethod: "Blancco", wipeReference: " " });
    expect(noRef).toMatchObject({ ok: false, error: "wipe-evidence" });
    const noMethod = await stepDevice(db, f.offer.antwerpen.id, id, "wiped", actor(), { wipeReference: "CERT-1" });
    expect(noMethod).toMatchObject({ ok: false, error: "wipe-evidence" });
    expect((await statusOf(id)).status).toBe("received");
  });

  it("the database refuses a ready device that was never wiped, even past the function", async () => {
    const [id] = f.deviceIds;
    await expect(db.update(devices).set({ status: "ready" }).where(eq(devices.id, id))).rejects.toThrow();
    await expect(db.insert(deviceEvents).values({ deviceId: id, toStatus: "wiped" })).rejects.toThrow();
  });

  it("goes received → wiped → ready with evidence, logs who and when, and a return needs a new wipe", async () => {
    const [id] = f.deviceIds;
    const at = new Date("2026-03-01T09:00:00Z");
    expect(await stepDevice(db, f.offer.antwerpen.id, id, "wiped", actor(), { wipeMethod: "Blancco", wipeReference: "BL-778" }, at)).toMatchObject({ ok: true });
    expect(await stepDevice(db, f.offer.antwerpen.id, id, "ready", actor(), {}, at)).toMatchObject({ ok: true });
    expect(await db.transaction((tx) => transitionDevice(tx, id, "on_loan", actor(), {}, at))).toMatchObject({ ok: true });
    expect(await db.transaction((tx) => transitionDevice(tx, id, "returned", actor(), {}, at))).toMatchObject({ ok: true });
    expect(await statusOf(id)).toEqual({ status: "returned", wiped: false });
    const again = await db.transaction((tx) => transitionDevice(tx, id, "ready", actor(), {}, at));
    expect(again).toMatchObject({ ok: false });
    const device = await getDevice(db, f.offer.antwerpen.id, id);
    expect(device?.history.map((h) => h.to)).toEqual(expect.arrayContaining(["received", "wiped", "ready", "on_loan", "returned"]));
    const wipe = device?.history.find((h) => h.to === "wiped");
    expect(wipe).toMatchObject({ who: officer.name, wipeMethod: "Blancco", wipeReference: "BL-778" });
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.filter((a) => a.action === "device.transition")).toHaveLength(4);
  });

  it("retired and gifted are final", () => {
    expect(ALLOWED_STEPS.retired).toEqual([]);
    expect(ALLOWED_STEPS.gifted).toEqual([]);
  });

  it("does not let staff of another municipality step a device", async () => {
    const result = await stepDevice(db, f.offer.hasselt.id, f.deviceIds[1], "retired", actor());
    expect(result).toMatchObject({ ok: false, error: "unknown" });
    expect((await statusOf(f.deviceIds[1])).status).toBe("received");
  });
});

describe("bulk wipe", () => {
  it("needs a reference per device or a batch certificate, and is all or nothing", async () => {
    const ids = f.deviceIds.slice(1);
    const missing = await wipeDevices(db, f.offer.antwerpen.id, { deviceIds: ids, method: "DBAN 3-pass", references: { [ids[0]]: "R-1" } }, actor());
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(Object.keys(missing.errors)).toEqual([`ref-${ids[1]}`]);
    // One of them is already wiped: the whole batch is refused and the other stays unwiped.
    await stepDevice(db, f.offer.antwerpen.id, ids[1], "wiped", actor(), { wipeMethod: "DBAN", wipeReference: "X" });
    await stepDevice(db, f.offer.antwerpen.id, ids[1], "ready", actor());
    const mixed = await wipeDevices(db, f.offer.antwerpen.id, { deviceIds: ids, method: "DBAN 3-pass", references: {}, batchCertificate: "CERT-2026-01" }, actor());
    expect(mixed.ok).toBe(false);
    expect((await statusOf(ids[0])).status).toBe("received");
    await stepDevice(db, f.offer.antwerpen.id, ids[1], "in_repair", actor());
    const ok = await wipeDevices(db, f.offer.antwerpen.id, { deviceIds: ids, method: "DBAN 3-pass", references: { [ids[0]]: "R-1" }, batchCertificate: "CERT-2026-01" }, actor());
    expect(ok).toEqual({ ok: true, count: 2 });
    const refs = (await Promise.all(ids.map(eventsOf))).flat().filter((e) => e.toStatus === "wiped" && e.wipeMethod === "DBAN 3-pass");
    expect(refs.map((e) => e.wipeReference).sort()).toEqual(["CERT-2026-01", "R-1"]);
  });
});

describe("not seen", () => {
  it("flags a device not seen within the audit period and 'Gezien' resets it", async () => {
    const id = f.deviceIds[2];
    await db.update(devices).set({ lastSeenAt: new Date(Date.now() - 200 * 86_400_000) }).where(eq(devices.id, id));
    const flagged = await listDevices(db, f.offer.antwerpen.id, { notSeen: true });
    expect(flagged.map((d) => d.id)).toContain(id);
    expect(flagged.find((d) => d.id === id)?.notSeen).toBe(true);
    expect(await deviceSeen(db, f.offer.antwerpen.id, id, actor())).toBe(true);
    expect((await listDevices(db, f.offer.antwerpen.id, { notSeen: true })).map((d) => d.id)).not.toContain(id);
  });
});
