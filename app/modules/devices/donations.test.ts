import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { deviceApplications, deviceLoans, devices, donations, organizations, outbox } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { createStaffUser, type StaffUser } from "~/modules/offer/test-fixtures";
import { intakeField, parseIntake, parsePledge, EMPTY_INTAKE_ROW, type IntakeRowValues } from "./donation-schema";
import { donationImpact, impactByToken, pledgeDonation, registerDevices, reserveAssetTags } from "./donations.server";
import { laptopRow, PLEDGE_VALUES, seedInventoryFixture, type InventoryFixture } from "./inventory-test-fixtures";
import { stepDevice } from "./inventory.server";
import { deviceLabels } from "./labels.server";
import { deviceBankNumbers } from "./numbers.server";
import { transitionDevice } from "./lifecycle.server";

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

describe("pledge", () => {
  it("validates the form: at least one device, an e-mail, no pickup date in the past", () => {
    const result = parsePledge({ ...PLEDGE_VALUES, counts: { laptop: "0" }, contactEmail: "nope", pickupDate: "2025-12-31" }, "2026-01-01");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toMatchObject({ count_laptop: "donation.errors.noDevices", contactEmail: "donation.errors.contactEmail", pickupDate: "donation.errors.pickupPast" });
    }
  });

  it("creates a company for a new donor, matches an existing one by name, and e-mails the impact link", async () => {
    const [created] = await db.select().from(organizations).where(eq(organizations.name, "Demo Bank NV"));
    expect(created.type).toBe("company");
    const parsed = parsePledge({ ...PLEDGE_VALUES, organizationName: "  demo bank nv ", contactEmail: "piet@bank.example" }, "2026-01-01");
    if (!parsed.ok) throw new Error("invalid");
    const second = await pledgeDonation(db, f.offer.antwerpen.id, parsed.data, { language: "fr", baseUrl: "https://digibrug.test" });
    if (!second.ok) throw new Error("failed");
    const [row] = await db.select().from(donations).where(eq(donations.id, second.id));
    expect(row.donorOrganizationId).toBe(created.id);
    expect(row.impactTokenHash).not.toContain(second.token);
    const [message] = await db.select().from(outbox).where(eq(outbox.recipient, "piet@bank.example"));
    expect(message.channel).toBe("email");
    expect(message.language).toBe("fr");
    expect(message.body).toContain(`https://digibrug.test/antwerpen/fr/schenking/${second.token}`);
  });
});

describe("intake", () => {
  it("flags a duplicate serial in one batch at both fields, whatever the case or spaces", () => {
    const row = (serial: string): IntakeRowValues => ({ ...EMPTY_INTAKE_ROW, kind: "laptop", serial });
    const result = parseIntake([row("ab 123"), { ...EMPTY_INTAKE_ROW }, row("AB123")]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[intakeField(2, "serial")]).toMatch(/ook bij toestel 1/);
      expect(result.errors[intakeField(0, "serial")]).toMatch(/ook bij toestel 3/);
    }
  });

  it("flags a serial that is already in the inventory, and registers nothing", async () => {
    const before = await db.select({ id: devices.id }).from(devices);
    const result = await registerDevices(db, f.offer.antwerpen.id, { donationId: f.donationId }, [laptopRow("NEW-9"), laptopRow("sn-2")], actor(), { index: [0, 4] });
    expect(result).toEqual({ ok: false, errors: { [intakeField(4, "serial")]: expect.stringMatching(/al geregistreerd als ANT-00002/) } });
    expect(await db.select({ id: devices.id }).from(devices)).toHaveLength(before.length);
  });

  it("gives unique, gap-free asset tags per municipality when batches come in at the same time", async () => {
    const batches = Array.from({ length: 6 }, (_, b) => Array.from({ length: 4 }, (_, i) => laptopRow(`C-${b}-${i}`)));
    const results = await Promise.all(batches.map((rows) => registerDevices(db, f.offer.antwerpen.id, { donationId: f.donationId }, rows, actor())));
    expect(results.every((r) => r.ok)).toBe(true);
    const tags = (await db.select({ tag: devices.assetTag }).from(devices).where(eq(devices.municipalityId, f.offer.antwerpen.id))).map((r) => r.tag).sort();
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags).toHaveLength(3 + 24);
    expect(tags[0]).toBe("ANT-00001");
    expect(tags.at(-1)).toBe("ANT-00027");
    // Hasselt counts on its own.
    const hasselt = await registerDevices(db, f.offer.hasselt.id, { purchase: true }, [laptopRow("H-1", { kind: "tablet" })], actor());
    expect(hasselt.ok && hasselt.devices[0].assetTag).toBe("HAS-00001");
  });
});

describe("asset tag lock", () => {
  it("makes an intake wait while another transaction holds reserved tags, so both get their own numbers", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = db.transaction(async (tx) => {
      const tags = await reserveAssetTags(tx, f.offer.antwerpen.id, 2);
      await gate;
      await tx.insert(devices).values(tags.map((assetTag) => ({ municipalityId: f.offer.antwerpen.id, assetTag, kind: "tablet" as const, source: "purchase" as const })));
      return tags;
    });
    await new Promise((r) => setTimeout(r, 50));
    const second = registerDevices(db, f.offer.antwerpen.id, { purchase: true }, [laptopRow("LOCK-1")], actor());
    await new Promise((r) => setTimeout(r, 150));
    release();
    const [tags, result] = await Promise.all([first, second]);
    expect(result.ok).toBe(true);
    const next = Number(tags[1].slice(4)) + 1;
    expect(result.ok && result.devices[0].assetTag).toBe(`ANT-${String(next).padStart(5, "0")}`);
  });
});

describe("impact and numbers", () => {
  it("counts what became of the donation's devices, without any personal data", async () => {
    const [a, b, c] = f.deviceIds;
    for (const id of [a, b]) await stepDevice(db, f.offer.antwerpen.id, id, "wiped", actor(), { wipeMethod: "Blancco", wipeReference: `BL-${id.slice(0, 4)}` });
    await stepDevice(db, f.offer.antwerpen.id, a, "ready", actor());
    await stepDevice(db, f.offer.antwerpen.id, c, "in_repair", actor());
    // A resident borrows device b: the loan carries a name and phone number the donor must never see.
    await stepDevice(db, f.offer.antwerpen.id, b, "ready", actor());
    const [application] = await db
      .insert(deviceApplications)
      .values({ municipalityId: f.offer.antwerpen.id, kinds: ["laptop"], purpose: "school", householdSize: 3, applicantName: "Fatima Secret", phone: "0470 99 88 77", code: "ABC234" })
      .returning();
    await db.transaction(async (tx) => {
      await transitionDevice(tx, b, "on_loan", actor());
      await tx.insert(deviceLoans).values({
        municipalityId: f.offer.antwerpen.id,
        deviceId: b,
        applicationId: application.id,
        status: "on_loan",
        startsOn: "2026-01-05",
        endsOn: "2026-01-20",
        handedOverAt: new Date("2026-01-05T10:00:00Z"),
        agreementSignature: "paper",
      });
    });
    const impact = await impactByToken(db, f.offer.antwerpen.id, f.token);
    expect(impact?.counts).toMatchObject({ wiped: 2, ready: 1, lentOut: 1, onLoanNow: 1, inRepair: 1, gifted: 0, retired: 0 });
    expect(impact?.counts.received).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(impact);
    for (const secret of ["Fatima", "0470", "SN-1", "ANT-0000", "Els Janssens", "els@bank.example"]) expect(text).not.toContain(secret);
    expect(await impactByToken(db, f.offer.hasselt.id, f.token)).toBeNull();
    expect(await impactByToken(db, f.offer.antwerpen.id, "x".repeat(43))).toBeNull();
    expect(await donationImpact(db, f.donationId)).toEqual(impact?.counts);

    const numbers = await deviceBankNumbers(db, f.offer.antwerpen.id, new Date("2026-02-01T10:00:00Z"));
    expect(numbers).toMatchObject({ onLoanNow: 1, overdue: 1, devicesLent: 1, applicationsSubmitted: 1 });
    const later = await db.select().from(devices).where(and(eq(devices.id, b)));
    expect(later[0].status).toBe("on_loan");
  });

  it("renders a QR code label holding the device's staff page", async () => {
    const labels = await deviceLabels(db, f.offer.antwerpen, [f.deviceIds[0], "00000000-0000-0000-0000-000000000000"], "https://digibrug.test");
    expect(labels).toHaveLength(1);
    expect(labels[0].url).toBe(`https://digibrug.test/beheer/antwerpen/toestellen/${f.deviceIds[0]}`);
    expect(labels[0].svg).toMatch(/^<svg [^>]*role="img"/);
    expect(labels[0].svg).toContain("<path");
    // Another municipality's device gets no label here.
    expect(await deviceLabels(db, f.offer.hasselt, [f.deviceIds[0]], "https://digibrug.test")).toEqual([]);
  });
});
