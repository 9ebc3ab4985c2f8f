/**
 * Demo data of the device bank (inventory and donations): donations from charter companies in Antwerpen and
 * Hasselt, each device registered with an asset tag and taken through its lifecycle with wipe evidence. Devices
 * end up received, wiped, ready, in repair or retired; the lending demo (which runs after this one) reserves,
 * lends and takes back some of the ready ones. Everything is labelled "Demo".
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { deviceBankSettings, devices, donations, organizations } from "~/db/schema";
import { registerDevices } from "~/modules/devices/donations.server";
import type { DeviceKind, IntakeRow } from "~/modules/devices/donation-schema";
import { transitionDevice, type DeviceStatus } from "~/modules/devices/lifecycle.server";

export interface DemoDeviceRefs {
  /** slug → id */
  municipalities: Map<string, string>;
  /** "<slug>/<name>" → id */
  helpPoints: Map<string, string>;
  /** e-mail → id */
  users: Map<string, string>;
}

type Final = Extract<DeviceStatus, "received" | "wiped" | "ready" | "in_repair" | "retired">;

interface DemoModel {
  kind: DeviceKind;
  make: string;
  model: string;
  specs: string;
  layout: IntakeRow["keyboardLayout"];
  /** How many of this model end in each status. */
  end: Partial<Record<Final, number>>;
}

interface DemoDonation {
  slug: string;
  donor: string;
  contactName: string;
  contactEmail: string;
  pickupAddress: string;
  minimumSpecs: string;
  daysAgo: number;
  location: string;
  officer: string;
  wipeMethod: string;
  /** Pledged but not (yet) picked up: no devices. */
  pledgedOnly?: { kind: DeviceKind; count: number }[];
  models: DemoModel[];
}

const LAPTOP_SPECS = "Intel Core i5 8e gen, 8 GB RAM, 256 GB SSD, Windows 11";

const DEMO_DONATIONS: DemoDonation[] = [
  {
    slug: "antwerpen",
    donor: "Demo – Proximus",
    contactName: "Demo – Karen Wouters",
    contactEmail: "csr@proximus.demo.digibrug.be",
    pickupAddress: "Demo – Koning Albert II-laan 27, 1030 Brussel",
    minimumSpecs: "Laptops van maximaal 5 jaar oud, met lader",
    daysAgo: 230,
    location: "Digidak Borgerhout",
    officer: "devices@antwerpen.demo.digibrug.be",
    wipeMethod: "Blancco Drive Eraser",
    models: [
      { kind: "laptop", make: "Lenovo", model: "ThinkPad T480", specs: LAPTOP_SPECS, layout: "azerty", end: { ready: 9, in_repair: 1, retired: 1 } },
      { kind: "router_4g", make: "Huawei", model: "B535", specs: "4G, wifi 5", layout: null, end: { ready: 4 } },
      { kind: "data_sim", make: "Proximus", model: "Data-sim 20 GB", specs: "20 GB per maand, 12 maanden", layout: null, end: { ready: 3 } },
    ],
  },
  {
    slug: "antwerpen",
    donor: "Demo – KBC",
    contactName: "Demo – Pieter Claes",
    contactEmail: "duurzaamheid@kbc.demo.digibrug.be",
    pickupAddress: "Demo – Havenlaan 2, 1080 Brussel",
    minimumSpecs: "8 GB RAM, SSD",
    daysAgo: 90,
    location: "Digipunt Kiel",
    officer: "devices@antwerpen.demo.digibrug.be",
    wipeMethod: "DBAN 3-pass",
    models: [
      { kind: "laptop", make: "HP", model: "EliteBook 840 G5", specs: LAPTOP_SPECS, layout: "azerty", end: { ready: 6, wiped: 2, retired: 1 } },
      { kind: "laptop", make: "Dell", model: "Latitude 7490", specs: "Intel Core i5, 8 GB RAM, 256 GB SSD", layout: "qwerty", end: { ready: 2, in_repair: 1 } },
      { kind: "screen", make: "Dell", model: "P2419H", specs: "24 inch, HDMI", layout: null, end: { ready: 2 } },
    ],
  },
  {
    slug: "antwerpen",
    donor: "Demo – Stad Antwerpen ICT",
    contactName: "Demo – Jan Peeters",
    contactEmail: "ict@antwerpen.demo.digibrug.be",
    pickupAddress: "Demo – Grote Markt 1, 2000 Antwerpen",
    minimumSpecs: "Tablets en smartphones uit de vernieuwing van 2026",
    daysAgo: 12,
    location: "Bibliotheek Permeke",
    officer: "devices@antwerpen.demo.digibrug.be",
    wipeMethod: "Fabrieksreset met versleuteling (MDM-wissing)",
    models: [
      { kind: "tablet", make: "Samsung", model: "Galaxy Tab A8", specs: "10,5 inch, 32 GB", layout: null, end: { received: 3, wiped: 1, ready: 2 } },
      { kind: "smartphone", make: "Samsung", model: "Galaxy A52", specs: "128 GB, Android 14", layout: null, end: { received: 2, ready: 1 } },
    ],
  },
  {
    slug: "hasselt",
    donor: "Demo – KBC",
    contactName: "Demo – Sarah Jacobs",
    contactEmail: "duurzaamheid-limburg@kbc.demo.digibrug.be",
    pickupAddress: "Demo – Kunstlaan 10, 3500 Hasselt",
    minimumSpecs: "8 GB RAM, SSD",
    daysAgo: 60,
    location: "Digipunt Sociaal Huis",
    officer: "devices@hasselt.demo.digibrug.be",
    wipeMethod: "Blancco Drive Eraser",
    models: [
      { kind: "laptop", make: "Lenovo", model: "ThinkPad L490", specs: LAPTOP_SPECS, layout: "azerty", end: { ready: 6, received: 1, in_repair: 1 } },
      { kind: "tablet", make: "Apple", model: "iPad (9e generatie)", specs: "10,2 inch, 64 GB", layout: null, end: { ready: 3, wiped: 1 } },
    ],
  },
  {
    slug: "hasselt",
    donor: "Demo – Proximus",
    contactName: "Demo – Tom Vos",
    contactEmail: "csr-limburg@proximus.demo.digibrug.be",
    pickupAddress: "Demo – Kempische Steenweg 300, 3500 Hasselt",
    minimumSpecs: "4G-routers met een jaar data",
    daysAgo: 5,
    location: "Digipunt Sociaal Huis",
    officer: "devices@hasselt.demo.digibrug.be",
    wipeMethod: "Fabrieksreset",
    pledgedOnly: [{ kind: "router_4g", count: 10 }],
    models: [],
  },
];

const DAY = 86_400_000;

/** A demo impact link token from a fixed seed (43 base64url characters), so the demo stays reproducible. */
export function demoImpactToken(slug: string, donor: string): string {
  return createHash("sha256").update(`digibrug-demo-impact|${slug}|${donor}`).digest("base64url");
}

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo device data: unknown ${what} "${key}"`);
  return value;
}

export async function seedDemoDevices(db: Db, refs: DemoDeviceRefs, now: Date = new Date()): Promise<void> {
  for (const [slug, municipalityId] of refs.municipalities) {
    await db.insert(deviceBankSettings).values({ municipalityId, returnHelpPointId: refs.helpPoints.get(`${slug}/${slug === "antwerpen" ? "Digidak Borgerhout" : "Digipunt Sociaal Huis"}`) ?? null }).onConflictDoNothing();
  }
  let serial = 1000;
  for (const demo of DEMO_DONATIONS) {
    const municipalityId = lookup(refs.municipalities, demo.slug, "municipality");
    const officerId = lookup(refs.users, demo.officer, "user");
    const actor = { id: officerId, email: demo.officer };
    const [org] = await db.insert(organizations).values({ municipalityId, name: demo.donor, type: "company", email: demo.contactEmail }).returning({ id: organizations.id });
    const pledgedAt = new Date(now.getTime() - (demo.daysAgo + 10) * DAY);
    const receivedAt = new Date(now.getTime() - demo.daysAgo * DAY);
    const perKind = new Map<DeviceKind, number>();
    for (const m of demo.models) perKind.set(m.kind, (perKind.get(m.kind) ?? 0) + Object.values(m.end).reduce((a, b) => a + (b ?? 0), 0));
    const pledged = demo.pledgedOnly ?? [...perKind].map(([kind, count]) => ({ kind, count }));
    const [donation] = await db
      .insert(donations)
      .values({
        municipalityId,
        donorOrganizationId: org.id,
        pledged,
        minimumSpecs: demo.minimumSpecs,
        pickupAddress: demo.pickupAddress,
        pickupDate: new Date(pledgedAt.getTime() + 7 * DAY).toISOString().slice(0, 10),
        contactName: demo.contactName,
        contactEmail: demo.contactEmail,
        impactTokenHash: createHash("sha256").update(demoImpactToken(demo.slug, demo.donor)).digest("hex"),
        createdAt: pledgedAt,
      })
      .returning({ id: donations.id });
    if (demo.pledgedOnly) continue;

    const rows: IntakeRow[] = [];
    const ends: Final[] = [];
    for (const m of demo.models) {
      for (const [end, n] of Object.entries(m.end) as [Final, number][]) {
        for (let i = 0; i < n; i++) {
          rows.push({ kind: m.kind, make: m.make, model: m.model, serial: `DEMO-${m.make.slice(0, 3).toUpperCase()}-${serial++}`, specs: m.specs, keyboardLayout: m.layout, condition: end === "retired" ? "broken" : "good" });
          ends.push(end);
        }
      }
    }
    const intake = await registerDevices(db, municipalityId, { donationId: donation.id }, rows, actor, {
      homeHelpPointId: lookup(refs.helpPoints, `${demo.slug}/${demo.location}`, "help point"),
      now: receivedAt,
    });
    if (!intake.ok) throw new Error(`Demo device data: ${JSON.stringify(intake.errors)}`);
    await db.update(donations).set({ receivedAt }).where(eq(donations.id, donation.id));

    for (const [i, device] of intake.devices.entries()) {
      const end = ends[i];
      const step = async (to: DeviceStatus, daysAfter: number, details = {}) => {
        const at = new Date(Math.min(receivedAt.getTime() + daysAfter * DAY, now.getTime() - DAY / 2));
        const result = await transitionDevice(db, device.id, to, actor, details, at);
        if (!result.ok) throw new Error(`Demo device data: ${device.assetTag} → ${to}: ${result.message}`);
      };
      const wipe = () => step("wiped", 2, { wipeMethod: demo.wipeMethod, wipeReference: `${demo.wipeMethod.split(" ")[0].toUpperCase()}-${device.assetTag}` });
      if (end === "received") continue;
      if (end === "retired" && i % 2 === 0) {
        await step("retired", 1, { note: "Demo – scherm gebarsten, niet meer te herstellen" });
        continue;
      }
      if (end === "in_repair") {
        await step("in_repair", 1, { note: "Demo – batterij houdt het niet, nieuwe besteld" });
        continue;
      }
      await wipe();
      if (end === "wiped") continue;
      if (end === "retired") {
        await step("retired", 3, { note: "Demo – harde schijf defect na het wissen" });
        continue;
      }
      await step("ready", 3);
    }
    // Shelf checks: devices of an old donation were last checked a month ago, except one ready device that has not
    // been seen for longer than the audit period (flagged in the stock list).
    if (demo.daysAgo > 150) {
      await db.update(devices).set({ lastSeenAt: new Date(now.getTime() - 30 * DAY) }).where(eq(devices.donationId, donation.id));
      const ready = intake.devices[ends.lastIndexOf("ready")];
      await db.update(devices).set({ lastSeenAt: new Date(now.getTime() - 200 * DAY) }).where(eq(devices.id, ready.id));
    }
  }
}
