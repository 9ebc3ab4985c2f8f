/**
 * Route tests of the staff overview (/beheer/:municipality/overzicht): the real loader with a session cookie. Each
 * person sees only the cards their permissions allow, counted over what they may act on; nothing personal.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database, type Db } from "~/db/client.server";
import { appointments, appointmentSlots, appointmentTypes, deviceApplications, deviceLoans, devices, helpContacts, helpPoints, homeVisits, outbox, referrals } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { brusselsInstant } from "~/modules/appointments/slots";
import { addDaysTo, brusselsDate } from "~/modules/finder/opening-hours";
import { enqueueMessage } from "~/modules/notifications/outbox.server";
import { createStaffUser, seedOfferFixture, type OfferFixture, type StaffUser } from "~/modules/offer/test-fixtures";
import type { Overview } from "~/modules/overview/overview.server";
import { newCode, newToken } from "~/modules/shared/secrets.server";
import * as overviewRoute from "./overview";
import { args, getAs, run } from "./route-test-helpers";

let database: Database;
let db: Db;
let f: OfferFixture;
let coordinator: StaffUser;
let kielHelper: StaffUser;
let officer: StaffUser;
let hasseltCoordinator: StaffUser;

const PATH = "/beheer/antwerpen/overzicht";
const params = { municipality: "antwerpen" };
const DAY = 24 * 3600_000;

async function slotAt(helpPointId: string, startsAt: Date, booked: number) {
  const [type] = await db
    .insert(appointmentTypes)
    .values({ municipalityId: f.antwerpen.id, helpPointId, name: { nl: "Hulp met de smartphone" }, durationMinutes: 30 })
    .returning();
  const [slot] = await db
    .insert(appointmentSlots)
    .values({ appointmentTypeId: type.id, startsAt, endsAt: new Date(startsAt.getTime() + 1800_000), capacity: 5, bookedCount: booked })
    .returning();
  return { typeId: type.id, slotId: slot.id };
}

async function appointment(helpPointId: string, startsAt: Date, status: "booked" | "checked_in" | "cancelled", slot?: { typeId: string; slotId: string }) {
  await db.insert(appointments).values({
    municipalityId: f.antwerpen.id,
    helpPointId,
    appointmentTypeId: slot?.typeId ?? null,
    slotId: slot?.slotId ?? null,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 1800_000),
    status,
    channel: slot ? "online" : "walk_in",
    name: "Bewoner",
    code: newCode(),
    manageTokenHash: newToken().hash,
  });
}

async function referral(values: Partial<typeof referrals.$inferInsert> & { target: (typeof referrals.$inferInsert)["target"] }) {
  await db.insert(referrals).values({ municipalityId: f.antwerpen.id, consentAt: new Date(), residentName: "Bewoner", phone: "0470 11 22 33", reason: "Hulp nodig", ...values });
}

async function device(tag: string, status: (typeof devices.$inferInsert)["status"], extra: Partial<typeof devices.$inferInsert> = {}) {
  const wiped = !["received", "returned"].includes(status ?? "received");
  const [row] = await db.insert(devices).values({ municipalityId: f.antwerpen.id, assetTag: tag, kind: "laptop", source: "purchase", status, wiped, ...extra }).returning();
  return row.id;
}

async function application(status: (typeof deviceApplications.$inferInsert)["status"]) {
  const [row] = await db
    .insert(deviceApplications)
    .values({ municipalityId: f.antwerpen.id, kinds: ["laptop"], purpose: "school", householdSize: 3, applicantName: "Aanvrager", phone: "0470 99 88 77", code: newCode(), status })
    .returning();
  return row.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  setDatabase(database);
  f = await seedOfferFixture(db);
  coordinator = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.antwerpen.id });
  kielHelper = await createStaffUser(db, "helper@kiel.test", "digihelper", { municipalityId: f.antwerpen.id, helpPointId: f.digipuntKiel });
  officer = await createStaffUser(db, "devices@antwerpen.test", "device_officer", { municipalityId: f.antwerpen.id });
  hasseltCoordinator = await createStaffUser(db, "coordinator@hasselt.test", "coordinator", { municipalityId: f.hasselt.id });

  const now = new Date();
  const today = brusselsDate(now);
  const midday = brusselsInstant(today, 12 * 60);

  // Today at Kiel: two booked, one walk-in checked in, one cancelled; yesterday one booked. At Permeke: one booked.
  const kielSlot = await slotAt(f.digipuntKiel, midday, 2);
  await appointment(f.digipuntKiel, midday, "booked", kielSlot);
  await appointment(f.digipuntKiel, midday, "booked", kielSlot);
  await appointment(f.digipuntKiel, brusselsInstant(today, 9 * 60), "checked_in");
  await appointment(f.digipuntKiel, brusselsInstant(today, 10 * 60), "cancelled");
  const yesterdaySlot = await slotAt(f.digipuntKiel, brusselsInstant(addDaysTo(today, -1), 12 * 60), 1);
  await appointment(f.digipuntKiel, brusselsInstant(addDaysTo(today, -1), 12 * 60), "booked", yesterdaySlot);
  const permekeSlot = await slotAt(f.permeke, midday, 1);
  await appointment(f.permeke, midday, "booked", permekeSlot);

  // Contacts logged today (a second ago): one at Kiel, two at Permeke; one at Kiel two days ago.
  const justNow = new Date(now.getTime() - 1000);
  const contact = { municipalityId: f.antwerpen.id, channel: "walk_in" as const, outcome: "solved" as const, duration: "10_to_30" as const };
  await db.insert(helpContacts).values([
    { ...contact, helpPointId: f.digipuntKiel, occurredAt: justNow },
    { ...contact, helpPointId: f.permeke, occurredAt: justNow },
    { ...contact, helpPointId: f.permeke, occurredAt: justNow },
    { ...contact, helpPointId: f.digipuntKiel, occurredAt: new Date(now.getTime() - 2 * DAY) },
  ]);

  // Referrals still new: two to Kiel (one a month old: flagged), one to Permeke, one to the device bank; one picked up.
  const old = new Date(now.getTime() - 30 * DAY);
  await referral({ target: "help_point", toHelpPointId: f.digipuntKiel });
  await referral({ target: "help_point", toHelpPointId: f.digipuntKiel, createdAt: old, lastActivityAt: old });
  await referral({ target: "help_point", toHelpPointId: f.permeke });
  await referral({ target: "device_bank" });
  await referral({ target: "help_point", toHelpPointId: f.digipuntKiel, status: "contacted" });

  // Home visits: one to plan, one planned in 3 days, one in 10 days.
  const visit = { municipalityId: f.antwerpen.id, requesterKind: "resident" as const, residentName: "Bewoner" };
  await db.insert(homeVisits).values([
    { ...visit, code: "HVOV01", status: "requested" },
    { ...visit, code: "HVOV02", status: "planned", assignedUserId: kielHelper.id, scheduledAt: new Date(now.getTime() + 3 * DAY) },
    { ...visit, code: "HVOV03", status: "planned", assignedUserId: kielHelper.id, scheduledAt: new Date(now.getTime() + 10 * DAY) },
  ]);

  // Device bank: two received and one returned (to wipe), one ready not seen for 400 days, one overdue loan,
  // one reservation whose pick-up window includes today, two applications to decide.
  await device("ANT-OV001", "received");
  await device("ANT-OV002", "received");
  await device("ANT-OV003", "returned");
  await device("ANT-OV004", "ready", { lastSeenAt: new Date(now.getTime() - 400 * DAY) });
  const lent = await device("ANT-OV005", "on_loan");
  const reserved = await device("ANT-OV006", "reserved");
  await application("submitted");
  await application("submitted");
  const fulfilled = await application("fulfilled");
  const approved = await application("approved");
  await db.insert(deviceLoans).values([
    {
      municipalityId: f.antwerpen.id,
      deviceId: lent,
      applicationId: fulfilled,
      status: "on_loan",
      startsOn: addDaysTo(today, -30),
      endsOn: addDaysTo(today, -2),
      handedOverAt: new Date(now.getTime() - 30 * DAY),
      agreementSignature: "paper",
    },
    { municipalityId: f.antwerpen.id, deviceId: reserved, applicationId: approved, status: "reserved", startsOn: addDaysTo(today, -1), endsOn: addDaysTo(today, 2) },
  ]);

  // Help points: Kiel was checked today, the others never.
  await db.update(helpPoints).set({ lastCheckedAt: now }).where(eq(helpPoints.id, f.digipuntKiel));

  // One failed message, one sent.
  await enqueueMessage(db, { municipalityId: f.antwerpen.id, to: { phone: "0470 11 22 33" }, language: "nl", template: "test", params: {} });
  await enqueueMessage(db, { municipalityId: f.antwerpen.id, to: { phone: "0470 11 22 34" }, language: "nl", template: "test", params: {} });
  const rows = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.municipalityId, f.antwerpen.id));
  await db.update(outbox).set({ status: "failed" }).where(eq(outbox.id, rows[0].id));
  await db.update(outbox).set({ status: "sent" }).where(eq(outbox.id, rows[1].id));
});

afterAll(async () => {
  await database.close();
});

async function overviewOf(user: StaffUser | null) {
  const page = await run(() => overviewRoute.loader(args(getAs(PATH, user), params)));
  return { status: page.status, overview: (page.data as { overview?: Overview } | undefined)?.overview };
}

describe("the staff overview", () => {
  it("shows a digihelper only their own point's numbers, and no device, home-visit or message cards", async () => {
    const { status, overview } = await overviewOf(kielHelper);
    expect(status).toBe(200);
    expect(overview).toEqual({
      desk: { points: 1, toCome: 2, checkedIn: 1, contactsToday: 1 },
      referrals: { open: 2, flagged: 1 },
      offer: { points: 1, stale: 0 },
    });
  });

  it("shows a device officer the device cards with the right counts, and the device-bank referrals", async () => {
    const { status, overview } = await overviewOf(officer);
    expect(status).toBe(200);
    expect(overview).toEqual({
      referrals: { open: 1, flagged: 0 },
      lending: { toDecide: 2, overdue: 1, pickUpToday: 1 },
      stock: { received: 2, returned: 1, notSeen: 1 },
    });
  });

  it("shows a coordinator every card, counted over the whole municipality", async () => {
    const { status, overview } = await overviewOf(coordinator);
    expect(status).toBe(200);
    const points = await db.select({ id: helpPoints.id, active: helpPoints.active }).from(helpPoints).where(eq(helpPoints.municipalityId, f.antwerpen.id));
    expect(overview).toEqual({
      desk: { points: points.filter((p) => p.active).length, toCome: 3, checkedIn: 1, contactsToday: 3 },
      referrals: { open: 4, flagged: 1 },
      homeVisits: { toPlan: 1, nextWeek: 1 },
      lending: { toDecide: 2, overdue: 1, pickUpToday: 1 },
      stock: { received: 2, returned: 1, notSeen: 1 },
      offer: { points: points.length, stale: points.length - 1 },
      messages: { failed: 1 },
    });
  });

  it("follows the work: a referral picked up and a device wiped leave the counts", async () => {
    await db.update(referrals).set({ status: "contacted" }).where(and(eq(referrals.target, "device_bank"), eq(referrals.status, "new")));
    await db.update(devices).set({ status: "wiped", wiped: true }).where(eq(devices.assetTag, "ANT-OV003"));
    const { overview } = await overviewOf(officer);
    expect(overview?.referrals).toEqual({ open: 0, flagged: 0 });
    expect(overview?.stock).toEqual({ received: 2, returned: 0, notSeen: 1 });
  });

  it("refuses another municipality's staff and sends anonymous visitors to the login", async () => {
    expect((await overviewOf(hasseltCoordinator)).status).toBe(403);
    expect((await overviewOf(null)).status).toBe(302);
  });
});
