/**
 * Device bank inventory through the real loaders and actions: permissions (devices.view / devices.manage, other
 * municipality), CSRF, the lifecycle guard as a staff member meets it, bulk wipe, intake, labels and the public
 * pledge form and impact page.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database, type Db } from "~/db/client.server";
import { auditLog, deviceEvents, devices, donations, organizations, outbox } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { seedInventoryFixture, type InventoryFixture } from "~/modules/devices/inventory-test-fixtures";
import { createStaffUser, type StaffUser } from "~/modules/offer/test-fixtures";
import * as donatePublic from "../public/donate";
import * as impactPublic from "../public/donation-impact";
import * as deviceRoute from "./device";
import * as deviceIntake from "./device-intake";
import * as deviceLabel from "./device-label";
import * as deviceNumbers from "./device-numbers";
import * as devicesRoute from "./devices";
import * as donationRoute from "./donation";
import * as donationLabels from "./donation-labels";
import * as donationsRoute from "./donations";
import { args, BASE, getAs, postAs, run } from "./route-test-helpers";

let database: Database;
let db: Db;
let f: InventoryFixture;
let officer: StaffUser;
let coordinator: StaffUser;
let hasseltOfficer: StaffUser;
let digihelper: StaffUser;
let m: { municipality: string };

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  setDatabase(database);
  f = await seedInventoryFixture(db);
  m = { municipality: f.offer.antwerpen.slug };
  officer = await createStaffUser(db, "devices@antwerpen.test", "device_officer", { municipalityId: f.offer.antwerpen.id });
  coordinator = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.offer.antwerpen.id });
  hasseltOfficer = await createStaffUser(db, "devices@hasselt.test", "device_officer", { municipalityId: f.offer.hasselt.id });
  digihelper = await createStaffUser(db, "helper@kiel.test", "digihelper", { municipalityId: f.offer.antwerpen.id, helpPointId: f.offer.digipuntKiel });
});
afterAll(() => database.close());

const devicePath = (id: string) => `/beheer/antwerpen/toestellen/${id}`;
const donationPath = () => `/beheer/antwerpen/schenkingen/${f.donationId}`;
const statusOf = async (id: string) => (await db.select({ status: devices.status }).from(devices).where(eq(devices.id, id)))[0].status;

describe("permissions", () => {
  it("lets a device officer and the coordinator in; a digihelper and another municipality's officer get 403", async () => {
    const id = f.deviceIds[0];
    const pages: [(a: never) => unknown, string, Record<string, string>][] = [
      [devicesRoute.loader, "/beheer/antwerpen/toestellen", m],
      [deviceNumbers.loader, "/beheer/antwerpen/toestellen/cijfers", m],
      [deviceIntake.loader, "/beheer/antwerpen/toestellen/nieuw", m],
      [deviceRoute.loader, devicePath(id), { ...m, deviceId: id }],
      [deviceLabel.loader, `${devicePath(id)}/etiket`, { ...m, deviceId: id }],
      [donationsRoute.loader, "/beheer/antwerpen/schenkingen", m],
      [donationRoute.loader, donationPath(), { ...m, donationId: f.donationId }],
      [donationLabels.loader, `${donationPath()}/etiketten`, { ...m, donationId: f.donationId }],
    ];
    for (const [loader, path, params] of pages) {
      expect((await run(() => loader(args(getAs(path, officer), params)))).status, path).toBe(200);
      expect((await run(() => loader(args(getAs(path, coordinator), params)))).status, path).toBe(200);
      expect((await run(() => loader(args(getAs(path, digihelper), params)))).status, path).toBe(403);
      expect((await run(() => loader(args(getAs(path, hasseltOfficer), params)))).status, path).toBe(403);
      expect((await run(() => loader(args(getAs(path, null), params)))).status, path).toBe(302);
    }
  });

  it("refuses a step without the CSRF token, and from another municipality's officer", async () => {
    const id = f.deviceIds[0];
    const noCsrf = await run(async () => deviceRoute.action(args(await postAs(db, devicePath(id), officer, { intent: "step", to: "retired" }, { csrf: false }), { ...m, deviceId: id })));
    expect(noCsrf.status).toBe(403);
    const other = await run(async () => deviceRoute.action(args(await postAs(db, devicePath(id), hasseltOfficer, { intent: "step", to: "retired" }), { ...m, deviceId: id })));
    expect(other.status).toBe(403);
    expect(await statusOf(id)).toBe("received");
  });

  it("gives another municipality's device a 404 on this municipality's page", async () => {
    const hasseltParams = { municipality: "hasselt", deviceId: f.deviceIds[0] };
    const hasseltCoordinator = await createStaffUser(db, "coordinator@hasselt.test", "coordinator", { municipalityId: f.offer.hasselt.id });
    expect((await run(() => deviceRoute.loader(args(getAs(`/beheer/hasselt/toestellen/${f.deviceIds[0]}`, hasseltCoordinator), hasseltParams)))).status).toBe(404);
  });
});

describe("device page", () => {
  it("refuses to ready an unwiped device with a clear reason, and changes nothing", async () => {
    const id = f.deviceIds[0];
    const events = await db.select().from(deviceEvents).where(eq(deviceEvents.deviceId, id));
    const result = await run(async () => deviceRoute.action(args(await postAs(db, devicePath(id), officer, { intent: "step", to: "ready" }), { ...m, deviceId: id })));
    expect(result.status).toBe(409);
    expect(JSON.stringify(result.data)).toMatch(/nog niet gewist/);
    expect(await statusOf(id)).toBe("received");
    expect(await db.select().from(deviceEvents).where(eq(deviceEvents.deviceId, id))).toHaveLength(events.length);
  });

  it("refuses a wipe without evidence at the fields, then wipes, readies and logs it", async () => {
    const id = f.deviceIds[0];
    const noEvidence = await run(async () => deviceRoute.action(args(await postAs(db, devicePath(id), officer, { intent: "wipe", wipeMethod: "Blancco", wipeReference: "" }), { ...m, deviceId: id })));
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.data).toMatchObject({ errors: { wipeReference: expect.stringMatching(/referentie/) }, values: { wipeMethod: "Blancco" } });
    expect(await statusOf(id)).toBe("received");
    const wiped = await run(async () => deviceRoute.action(args(await postAs(db, devicePath(id), officer, { intent: "wipe", wipeMethod: "Blancco", wipeReference: "BL-1" }), { ...m, deviceId: id })));
    expect(wiped).toMatchObject({ status: 303, location: `${devicePath(id)}?opgeslagen=stap` });
    const ready = await run(async () => deviceRoute.action(args(await postAs(db, devicePath(id), officer, { intent: "step", to: "ready" }), { ...m, deviceId: id })));
    expect(ready.status).toBe(303);
    expect(await statusOf(id)).toBe("ready");
    // Lending steps are not taken here.
    const lend = await run(async () => deviceRoute.action(args(await postAs(db, devicePath(id), officer, { intent: "step", to: "on_loan" }), { ...m, deviceId: id })));
    expect(lend.status).toBe(409);
    const page = await run(() => deviceRoute.loader(args(getAs(devicePath(id), officer), { ...m, deviceId: id })));
    const history = (page.data as { device: { history: { to: string; who: string; evidence: string | null }[] } }).device.history;
    expect(history[0]).toMatchObject({ to: "Klaar om uit te lenen", who: officer.name });
    expect(history.find((h) => h.evidence)?.evidence).toBe("Blancco, referentie BL-1");
  });

  it("shows the coordinator the manage actions too", async () => {
    const page = await run(() => deviceRoute.loader(args(getAs(devicePath(f.deviceIds[1]), coordinator), { ...m, deviceId: f.deviceIds[1] })));
    expect((page.data as { canManage: boolean }).canManage).toBe(true);
  });

  it("'Gezien' resets the not-seen flag and is logged", async () => {
    const id = f.deviceIds[1];
    await db.update(devices).set({ lastSeenAt: new Date(Date.now() - 400 * 86_400_000) }).where(eq(devices.id, id));
    const before = await run(() => devicesRoute.loader(args(getAs("/beheer/antwerpen/toestellen?nietgezien=1", officer), m)));
    expect((before.data as { devices: { id: string }[] }).devices.map((d) => d.id)).toEqual([id]);
    const seen = await run(async () => deviceRoute.action(args(await postAs(db, devicePath(id), officer, { intent: "seen" }), { ...m, deviceId: id })));
    expect(seen.status).toBe(303);
    const after = await run(() => devicesRoute.loader(args(getAs("/beheer/antwerpen/toestellen?nietgezien=1", officer), m)));
    expect((after.data as { devices: unknown[] }).devices).toEqual([]);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "device.seen"), eq(auditLog.entityId, id)))).toHaveLength(1);
  });
});

describe("donation page", () => {
  it("flags a duplicate serial in one batch at the field and registers nothing", async () => {
    const before = await db.select({ id: devices.id }).from(devices);
    const fields = {
      intent: "intake",
      homeHelpPointId: "",
      "rows-0-kind": "laptop",
      "rows-0-serial": "DUP-1",
      "rows-0-condition": "good",
      "rows-1-kind": "",
      "rows-1-serial": "",
      "rows-1-condition": "good",
      "rows-2-kind": "tablet",
      "rows-2-serial": "dup-1",
      "rows-2-condition": "good",
    };
    const result = await run(async () => donationRoute.action(args(await postAs(db, donationPath(), officer, fields), { ...m, donationId: f.donationId })));
    expect(result.status).toBe(400);
    expect((result.data as { errors: Record<string, string> }).errors["rows-2-serial"]).toMatch(/ook bij toestel 1/);
    expect((result.data as { rows: { serial: string }[] }).rows[2].serial).toBe("dup-1");
    expect(await db.select({ id: devices.id }).from(devices)).toHaveLength(before.length);
  });

  it("registers a batch with the next asset tags and wipes it in bulk with a batch certificate", async () => {
    const fields = {
      intent: "intake",
      homeHelpPointId: f.offer.permeke,
      "rows-0-kind": "tablet",
      "rows-0-make": "Samsung",
      "rows-0-serial": "TAB-1",
      "rows-0-condition": "good",
      "rows-1-kind": "smartphone",
      "rows-1-serial": "PHONE-1",
      "rows-1-condition": "fair",
    };
    const intake = await run(async () => donationRoute.action(args(await postAs(db, donationPath(), officer, fields), { ...m, donationId: f.donationId })));
    expect(intake.status).toBe(303);
    const added = await db.select().from(devices).where(eq(devices.serial, "TAB-1"));
    expect(added[0]).toMatchObject({ assetTag: "ANT-00004", status: "received", homeHelpPointId: f.offer.permeke });
    const phone = (await db.select().from(devices).where(eq(devices.serial, "PHONE-1")))[0];

    const noMethod = await run(async () =>
      donationRoute.action(args(await postAs(db, donationPath(), officer, { intent: "wipe", device: [added[0].id, phone.id], wipeMethod: "", batchCertificate: "C-9" }), { ...m, donationId: f.donationId })),
    );
    expect(noMethod.status).toBe(400);
    expect((noMethod.data as { errors: Record<string, string> }).errors.wipeMethod).toBeTruthy();
    const wiped = await run(async () =>
      donationRoute.action(
        args(await postAs(db, donationPath(), officer, { intent: "wipe", device: [added[0].id, phone.id], wipeMethod: "MDM-wissing", batchCertificate: "C-9", [`ref-${phone.id}`]: "P-77" }), {
          ...m,
          donationId: f.donationId,
        }),
      ),
    );
    expect(wiped.status).toBe(303);
    expect(await statusOf(added[0].id)).toBe("wiped");
    const refs = await db.select({ ref: deviceEvents.wipeReference }).from(deviceEvents).where(eq(deviceEvents.toStatus, "wiped"));
    expect(refs.map((r) => r.ref)).toEqual(expect.arrayContaining(["C-9", "P-77"]));

    // Readying in bulk is all or nothing: with one unwiped device in the choice, none becomes ready.
    const unwiped = f.deviceIds[2];
    const mixed = await run(async () => donationRoute.action(args(await postAs(db, donationPath(), officer, { intent: "ready", ready: [added[0].id, unwiped] }), { ...m, donationId: f.donationId })));
    expect(mixed.status).toBe(409);
    expect((mixed.data as { errors: Record<string, string> }).errors[`ready-${unwiped}`]).toMatch(/nog niet gewist/);
    expect(await statusOf(added[0].id)).toBe("wiped");
    const ready = await run(async () => donationRoute.action(args(await postAs(db, donationPath(), officer, { intent: "ready", ready: [added[0].id, phone.id] }), { ...m, donationId: f.donationId })));
    expect(ready.status).toBe(303);
    expect(await statusOf(phone.id)).toBe("ready");

    const labels = await run(() => donationLabels.loader(args(getAs(`${donationPath()}/etiketten`, officer), { ...m, donationId: f.donationId })));
    const list = (labels.data as { labels: { assetTag: string; svg: string }[] }).labels;
    expect(list.map((l) => l.assetTag)).toEqual(expect.arrayContaining(["ANT-00001", "ANT-00004", "ANT-00005"]));
    expect(list[0].svg).toMatch(/<svg[^>]*role="img"/);
  });
});

describe("impact link", () => {
  it("sends the donor a new link; the old one stops working", async () => {
    const { impactByToken } = await import("~/modules/devices/donations.server");
    expect(await impactByToken(db, f.offer.antwerpen.id, f.token)).not.toBeNull();
    const result = await run(async () => donationRoute.action(args(await postAs(db, donationPath(), officer, { intent: "resend" }), { ...m, donationId: f.donationId })));
    expect(result.status).toBe(303);
    expect(await impactByToken(db, f.offer.antwerpen.id, f.token)).toBeNull();
    const mails = await db.select().from(outbox).where(and(eq(outbox.recipient, "els@bank.example"), eq(outbox.template, "donationImpactLink")));
    expect(mails).toHaveLength(1);
    const token = /\/schenking\/([A-Za-z0-9_-]{43})/.exec(mails[0].body)?.[1];
    expect(await impactByToken(db, f.offer.antwerpen.id, token ?? "")).not.toBeNull();
  });
});

describe("purchase intake", () => {
  it("registers bought devices with source purchase and the next asset tag", async () => {
    const path = "/beheer/antwerpen/toestellen/nieuw";
    const fields = { "rows-0-kind": "router_4g", "rows-0-make": "Huawei", "rows-0-serial": "BUY-1", "rows-0-condition": "new", homeHelpPointId: "" };
    const denied = await run(async () => deviceIntake.action(args(await postAs(db, path, digihelper, fields), m)));
    expect(denied.status).toBe(403);
    const result = await run(async () => deviceIntake.action(args(await postAs(db, path, officer, fields), m)));
    expect(result).toMatchObject({ status: 303, location: "/beheer/antwerpen/toestellen?nieuw=1" });
    const [bought] = await db.select().from(devices).where(eq(devices.serial, "BUY-1"));
    expect(bought).toMatchObject({ source: "purchase", donationId: null, status: "received", condition: "new" });
    expect(bought.assetTag).toMatch(/^ANT-\d{5}$/);
  });
});

describe("public pledge and impact page", () => {
  const pledgeFields = {
    organizationName: "Demo Verzekeringen NV",
    count_laptop: "5",
    count_tablet: "",
    minimumSpecs: "",
    pickupAddress: "Frankrijklei 1, 2000 Antwerpen",
    pickupDate: "",
    contactName: "An Smets",
    contactEmail: "an@verzekeringen.example",
    contactPhone: "",
    note: "",
  };
  const post = (fields: Record<string, string>) =>
    new Request(`${BASE}/antwerpen/fr/lenen/schenken`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });

  it("keeps the typed values and shows errors at the fields", async () => {
    const result = await run(() => donatePublic.action(args(post({ ...pledgeFields, count_laptop: "", contactEmail: "x" }), { municipality: "antwerpen", lang: "fr" })));
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ errors: { count_laptop: "donation.errors.noDevices", contactEmail: "donation.errors.contactEmail" }, values: { organizationName: "Demo Verzekeringen NV" } });
    expect(await db.select().from(organizations).where(eq(organizations.name, "Demo Verzekeringen NV"))).toEqual([]);
  });

  it("creates the donor company, e-mails the link and shows counts only on the impact page", async () => {
    const result = await run(() => donatePublic.action(args(post(pledgeFields), { municipality: "antwerpen", lang: "fr" })));
    expect(result.status).toBe(303);
    const token = /\/antwerpen\/fr\/schenking\/([A-Za-z0-9_-]{43})\?nieuw=1$/.exec(result.location ?? "")?.[1];
    expect(token).toBeTruthy();
    const [org] = await db.select().from(organizations).where(eq(organizations.name, "Demo Verzekeringen NV"));
    expect(org.type).toBe("company");
    const [donation] = await db.select().from(donations).where(eq(donations.donorOrganizationId, org.id));
    expect(donation.pledged).toEqual([{ kind: "laptop", count: 5 }]);
    const [mail] = await db.select().from(outbox).where(eq(outbox.recipient, "an@verzekeringen.example"));
    expect(mail.body).toContain(`/antwerpen/fr/schenking/${token}`);
    expect(mail.subject).toMatch(/Merci/);

    const page = await run(() => impactPublic.loader(args(new Request(`${BASE}/antwerpen/fr/schenking/${token}`), { municipality: "antwerpen", lang: "fr", token: token! })));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ donor: "Demo Verzekeringen NV", pledged: 5, counts: { received: 0 } });
    expect(JSON.stringify(page.data)).not.toMatch(/an@verzekeringen|An Smets|Frankrijklei/);
    const wrong = await run(() => impactPublic.loader(args(new Request(`${BASE}/antwerpen/fr/schenking/x`), { municipality: "antwerpen", lang: "fr", token: "nope" })));
    expect(wrong.status).toBe(404);
  });
});
