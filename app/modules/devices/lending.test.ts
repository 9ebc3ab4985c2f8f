import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import {
  auditLog,
  deviceApplications,
  deviceBankSettings,
  deviceEvents,
  deviceLoans,
  devices,
  eligibilityCriteria,
  loanContacts,
  openingHours,
  outbox,
  scheduleExceptions,
} from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { seedOfferFixture, type OfferFixture } from "~/modules/offer/test-fixtures";
import { users } from "~/db/schema";
import { agreementPdf, agreementTexts } from "./agreement.server";
import { applicationInput, applicationsWaitingForKind, createApplication, decideApplication, householdKey, type ApplicationInput } from "./applications.server";
import {
  dueDateFor,
  extendLoan,
  giftLoan,
  handOver,
  nextOpenDay,
  OVERLAP_MESSAGE,
  reserveDevice,
  returnDevice,
  sendLoanReminders,
  sendReminderNow,
} from "./lending.server";

let database: Database;
let f: OfferFixture;
let actor: { id: string; email: string };
let tagCounter = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await seedOfferFixture(database.db);
  const [user] = await database.db.insert(users).values({ email: "toestellen@antwerpen.test", name: "Toestellen", passwordHash: "x" }).returning();
  actor = { id: user.id, email: user.email };
}, 60_000);
afterAll(async () => {
  await database?.close();
});

beforeEach(async () => {
  const db = database.db;
  await db.delete(loanContacts);
  await db.delete(deviceLoans);
  await db.delete(deviceApplications);
  await db.delete(deviceEvents);
  await db.delete(devices);
  await db.delete(outbox);
  await db.delete(eligibilityCriteria);
  await db.delete(deviceBankSettings);
  await db.delete(openingHours);
  await db.delete(scheduleExceptions);
});

const NOW = new Date("2026-12-01T09:00:00+01:00"); // a Tuesday

async function addDevice(overrides: Partial<typeof devices.$inferInsert> = {}) {
  const [device] = await database.db
    .insert(devices)
    .values({ municipalityId: f.antwerpen.id, assetTag: `ANT-T${String(++tagCounter).padStart(4, "0")}`, kind: "laptop", source: "purchase", status: "ready", wiped: true, accessories: "Lader", homeHelpPointId: f.digipuntKiel, ...overrides })
    .returning();
  return device;
}

function input(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return applicationInput.parse({
    applicantName: "Fatima El Amrani",
    phone: "0470 12 34 56",
    email: "",
    language: "ar",
    kinds: ["laptop"],
    purpose: "school",
    householdSize: "4",
    postcode: "2140",
    address: "Turnhoutsebaan 12 bus 3",
    reason: "De kinderen hebben een laptop nodig voor school.",
    referrerName: "Els (OCMW)",
    referrerContact: "els@ocmw.test",
    criteriaChecked: [],
    ...overrides,
  });
}

async function approvedApplication(overrides: Partial<ApplicationInput> = {}) {
  const created = await createApplication(database.db, f.antwerpen.id, input(overrides), actor, NOW);
  if (!created.ok) throw new Error(created.message);
  const decided = await decideApplication(database.db, f.antwerpen.id, created.id, { decision: "approve", criteriaChecked: [] }, actor, NOW);
  if (!decided.ok) throw new Error(decided.message);
  return created.id;
}

async function loanOf(id: string) {
  const [loan] = await database.db.select().from(deviceLoans).where(eq(deviceLoans.id, id));
  return loan;
}
async function deviceOf(id: string) {
  const [device] = await database.db.select().from(devices).where(eq(devices.id, id));
  return device;
}
const TUESDAY_TO_FRIDAY = [2, 3, 4, 5].map((weekday) => ({ weekday, opens: "09:00", closes: "17:00" }));

describe("due date", () => {
  it("is the hand-over day plus the loan weeks on a normal open day", () => {
    expect(dueDateFor("2026-12-01", 2, TUESDAY_TO_FRIDAY, [])).toBe("2026-12-15");
  });
  it("moves past a public holiday to the next open day (Christmas on a Friday, then the weekend and Monday)", () => {
    // 2026-12-25 is a Friday and Christmas: the point is closed Fri (holiday), Sat, Sun, Mon → Tuesday 29th.
    expect(dueDateFor("2026-12-11", 2, TUESDAY_TO_FRIDAY, [])).toBe("2026-12-29");
  });
  it("moves past the point's own closure", () => {
    const closures = [
      { date: "2026-12-15", kind: "closed" as const, reason: "Teamdag" },
      { date: "2026-12-16", kind: "closed" as const, reason: "Teamdag" },
    ];
    expect(dueDateFor("2026-12-01", 2, TUESDAY_TO_FRIDAY, closures)).toBe("2026-12-17");
  });
  it("keeps the date when the return point has no opening hours", () => {
    expect(nextOpenDay("2026-12-26", [], [])).toBe("2026-12-26");
  });
});

describe("household key", () => {
  it("treats spelling differences of one flat as one household and other flats as others", () => {
    expect(householdKey("2140", "Turnhoutsebaan 12 bus 3")).toBe(householdKey("2140", "turnhoutsebaan 12/3"));
    expect(householdKey("2140", "Turnhoutsebaan 12 bus 3")).toBe(householdKey(" 2140", "Turnhoutse-baan 12 b3"));
    expect(householdKey("2140", "Turnhoutsebaan 12 bus 3")).not.toBe(householdKey("2140", "Turnhoutsebaan 12 bus 4"));
    expect(householdKey("2140", "Turnhoutsebaan 12")).not.toBe(householdKey("2060", "Turnhoutsebaan 12"));
    expect(householdKey("2140", "Turnhoutsebaan")).toBeNull();
  });
});

describe("applications", () => {
  it("tells the resident (in Arabic) and the referrer at each step", async () => {
    const created = await createApplication(database.db, f.antwerpen.id, input(), actor, NOW);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const decided = await decideApplication(database.db, f.antwerpen.id, created.id, { decision: "wait", criteriaChecked: [] }, actor, NOW);
    expect(decided).toEqual({ ok: true, status: "waiting", position: 1 });
    const messages = await database.db.select().from(outbox);
    expect(messages.map((m) => [m.template, m.channel, m.recipient]).sort()).toEqual([
      ["device_application_submitted", "sms", "+32470123456"],
      ["device_application_waiting", "sms", "+32470123456"],
      ["device_referrer_update", "email", "els@ocmw.test"],
      ["device_referrer_update", "email", "els@ocmw.test"],
    ]);
    expect(messages.find((m) => m.template === "device_application_waiting")?.body).toContain("رقم 1");
    expect(messages.filter((m) => m.template === "device_referrer_update").map((m) => m.body)).toContainEqual(expect.stringContaining("op de wachtlijst, plaats 1"));
  });

  it("refuses approval until the required criteria are ticked", async () => {
    const [criterion] = await database.db.insert(eligibilityCriteria).values({ municipalityId: f.antwerpen.id, label: { nl: "Inkomen onder de grens (attest gezien)" }, required: true }).returning();
    const created = await createApplication(database.db, f.antwerpen.id, input(), actor, NOW);
    if (!created.ok) throw new Error(created.message);
    const refused = await decideApplication(database.db, f.antwerpen.id, created.id, { decision: "approve", criteriaChecked: [] }, actor, NOW);
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("Inkomen onder de grens") });
    const approved = await decideApplication(database.db, f.antwerpen.id, created.id, { decision: "approve", criteriaChecked: [criterion.id] }, actor, NOW);
    expect(approved).toEqual({ ok: true, status: "approved" });
    const [row] = await database.db.select().from(deviceApplications).where(eq(deviceApplications.id, created.id));
    expect(row.criteriaChecked).toEqual([criterion.id]);
  });

  it("refuses an application beyond the household limit and changes nothing", async () => {
    await approvedApplication();
    const before = await database.db.select().from(outbox);
    const again = await createApplication(database.db, f.antwerpen.id, input({ applicantName: "Youssef El Amrani", address: "turnhoutsebaan 12/3" }), actor, NOW);
    expect(again).toMatchObject({ ok: false, field: "address", message: expect.stringContaining("Per gezin kan maar één toestel") });
    expect(await database.db.select().from(deviceApplications)).toHaveLength(1);
    expect(await database.db.select().from(outbox)).toHaveLength(before.length);
  });

  it("approves at most the household limit when many desks approve for one household at once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const created = await createApplication(database.db, f.antwerpen.id, input({ applicantName: `Gezinslid ${i}`, phone: `0470 00 00 ${String(i).padStart(2, "0")}` }), actor, NOW);
      if (!created.ok) throw new Error(created.message);
      ids.push(created.id);
    }
    const results = await Promise.all(ids.map((id) => decideApplication(database.db, f.antwerpen.id, id, { decision: "approve", criteriaChecked: [] }, actor, NOW)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.message.includes("Per gezin"))).toBe(true);
    const approved = await database.db.select().from(deviceApplications).where(eq(deviceApplications.status, "approved"));
    expect(approved).toHaveLength(1);
  });
});

describe("reservations and loans", () => {
  it("never books one device twice: many overlapping reservations at once give exactly one", async () => {
    await database.db.insert(deviceBankSettings).values({ municipalityId: f.antwerpen.id, maxDevicesPerHousehold: 10 });
    const device = await addDevice();
    const apps: string[] = [];
    for (let i = 0; i < 8; i++) apps.push(await approvedApplication({ applicantName: `Bewoner ${i}`, address: `Kerkstraat ${i + 1}` }));
    const results = await Promise.all(
      apps.map((applicationId, i) => reserveDevice(database.db, f.antwerpen.id, { applicationId, deviceId: device.id, startsOn: `2026-12-0${2 + (i % 3)}`, endsOn: "2026-12-10" }, actor, NOW)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.message === OVERLAP_MESSAGE)).toHaveLength(7);
    const active = await database.db.select().from(deviceLoans).where(eq(deviceLoans.deviceId, device.id));
    expect(active).toHaveLength(1);
    expect((await deviceOf(device.id)).status).toBe("reserved");
  });

  it("offers other ready devices of the same kind when the chosen one is taken", async () => {
    await database.db.insert(deviceBankSettings).values({ municipalityId: f.antwerpen.id, maxDevicesPerHousehold: 10 });
    const device = await addDevice();
    const other = await addDevice();
    await addDevice({ kind: "tablet" });
    const first = await approvedApplication({ address: "Kerkstraat 1" });
    const second = await approvedApplication({ address: "Kerkstraat 2" });
    expect((await reserveDevice(database.db, f.antwerpen.id, { applicationId: first, deviceId: device.id, startsOn: "2026-12-02", endsOn: "2026-12-05" }, actor, NOW)).ok).toBe(true);
    const clash = await reserveDevice(database.db, f.antwerpen.id, { applicationId: second, deviceId: device.id, startsOn: "2026-12-04", endsOn: "2026-12-08" }, actor, NOW);
    expect(clash).toMatchObject({ ok: false, message: "Dit toestel is in die periode al gereserveerd of uitgeleend." });
    expect(!clash.ok && clash.alternatives?.map((a) => a.id)).toEqual([other.id]);
  });

  it("counts who is waiting for a kind of device: approved without a device, and the waiting list", async () => {
    await database.db.insert(deviceBankSettings).values({ municipalityId: f.antwerpen.id, maxDevicesPerHousehold: 10 });
    const device = await addDevice();
    const served = await approvedApplication({ address: "Kerkstraat 1" });
    await approvedApplication({ address: "Kerkstraat 2" });
    await approvedApplication({ address: "Kerkstraat 3", kinds: ["tablet"] });
    const created = await createApplication(database.db, f.antwerpen.id, input({ address: "Kerkstraat 4" }), actor, NOW);
    if (!created.ok) throw new Error(created.message);
    await decideApplication(database.db, f.antwerpen.id, created.id, { decision: "wait", criteriaChecked: [] }, actor, NOW);
    expect((await reserveDevice(database.db, f.antwerpen.id, { applicationId: served, deviceId: device.id, startsOn: "2026-12-02", endsOn: "2026-12-05" }, actor, NOW)).ok).toBe(true);
    // The reserved one no longer waits; the tablet application is another kind.
    expect(await applicationsWaitingForKind(database.db, f.antwerpen.id, "laptop")).toEqual({ approved: 1, waiting: 1 });
    expect(await applicationsWaitingForKind(database.db, f.antwerpen.id, "tablet")).toEqual({ approved: 1, waiting: 0 });
  });

  it("refuses to reserve or hand out a device that is not wiped, and changes nothing", async () => {
    const device = await addDevice({ status: "returned", wiped: false });
    const applicationId = await approvedApplication();
    const result = await reserveDevice(database.db, f.antwerpen.id, { applicationId, deviceId: device.id, startsOn: "2026-12-02", endsOn: "2026-12-05" }, actor, NOW);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("nog niet gewist") });
    expect(await database.db.select().from(deviceLoans)).toHaveLength(0);
    expect((await deviceOf(device.id)).status).toBe("returned");
    expect(await database.db.select().from(outbox).where(eq(outbox.template, "device_ready"))).toHaveLength(0);
  });

  it("hands over with the due date on an open day, extends up to the limit, reminds once, and takes the device back", async () => {
    await database.db.insert(openingHours).values(TUESDAY_TO_FRIDAY.map((h) => ({ helpPointId: f.digipuntKiel, ...h })));
    await database.db.insert(deviceBankSettings).values({ municipalityId: f.antwerpen.id, loanWeeks: 3, extensionWeeks: 1, maxExtensions: 1, reminderDaysBefore: 3 });
    const device = await addDevice();
    const applicationId = await approvedApplication();
    const reserved = await reserveDevice(database.db, f.antwerpen.id, { applicationId, deviceId: device.id, startsOn: "2026-12-01", endsOn: "2026-12-04" }, actor, NOW);
    if (!reserved.ok) throw new Error(reserved.message);
    const ready = await database.db.select().from(outbox).where(eq(outbox.template, "device_ready"));
    expect(ready[0].body).toContain("Digipunt Kiel");

    // 1 Dec + 3 weeks = Tue 22 Dec (open).
    const handed = await handOver(database.db, f.antwerpen.id, reserved.loanId, "paper", actor, NOW);
    expect(handed).toEqual({ ok: true, dueOn: "2026-12-22" });
    expect((await deviceOf(device.id)).status).toBe("on_loan");
    const [app] = await database.db.select().from(deviceApplications).where(eq(deviceApplications.id, applicationId));
    expect(app.status).toBe("fulfilled");

    // + 1 week = Tue 29 Dec (the 25th is Christmas, but the 29th is open anyway).
    expect(await extendLoan(database.db, f.antwerpen.id, reserved.loanId, actor, NOW)).toEqual({ ok: true, dueOn: "2026-12-29" });
    const refused = await extendLoan(database.db, f.antwerpen.id, reserved.loanId, actor, NOW);
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("al 1 keer verlengd") });
    expect((await loanOf(reserved.loanId)).endsOn).toBe("2026-12-29");

    // Reminders: nothing early, one three days before (twice run at once → one), one on the day.
    expect(await sendLoanReminders(database.db, new Date("2026-12-25T10:00:00+01:00"))).toEqual({ sent: 0 });
    const threeDaysBefore = new Date("2026-12-26T10:00:00+01:00");
    const [a, b] = await Promise.all([sendLoanReminders(database.db, threeDaysBefore), sendLoanReminders(database.db, threeDaysBefore)]);
    expect(a.sent + b.sent).toBe(1);
    expect(await sendLoanReminders(database.db, new Date("2026-12-27T10:00:00+01:00"))).toEqual({ sent: 0 });
    expect(await sendLoanReminders(database.db, new Date("2026-12-29T07:00:00+01:00"))).toEqual({ sent: 0 }); // not at night
    expect(await sendLoanReminders(database.db, new Date("2026-12-29T09:30:00+01:00"))).toEqual({ sent: 1 });
    expect(await sendLoanReminders(database.db, new Date("2026-12-29T15:00:00+01:00"))).toEqual({ sent: 0 });
    const reminders = await database.db.select().from(outbox).where(inArray(outbox.template, ["device_reminder_before", "device_reminder_due"])).orderBy(outbox.template);
    expect(reminders.map((r) => r.template)).toEqual(["device_reminder_before", "device_reminder_due"]);
    expect(reminders[0].language).toBe("ar");
    expect(reminders[0].body).toContain(device.assetTag);
    const contacts = await database.db.select().from(loanContacts).where(eq(loanContacts.loanId, reserved.loanId));
    expect(contacts.filter((c) => c.channel === "sms")).toHaveLength(3); // extension + two reminders

    // Overdue: staff send a reminder now; it lands in the history.
    const overdue = await sendReminderNow(database.db, f.antwerpen.id, reserved.loanId, actor, new Date("2027-01-05T10:00:00+01:00"));
    expect(overdue).toEqual({ ok: true, channel: "sms" });
    expect(await database.db.select().from(outbox).where(eq(outbox.template, "device_overdue"))).toHaveLength(1);

    const back = await returnDevice(database.db, f.antwerpen.id, { assetTag: device.assetTag.toLowerCase() }, { condition: "fair", missingAccessories: "Lader", damageNote: "Kras op het deksel" }, actor, NOW);
    expect(back).toMatchObject({ ok: true, loanId: reserved.loanId });
    const returned = await deviceOf(device.id);
    expect([returned.status, returned.wiped, returned.condition]).toEqual(["returned", false, "fair"]);
    expect(await loanOf(reserved.loanId)).toMatchObject({ status: "returned", missingAccessories: "Lader", damageNote: "Kras op het deksel", returnCondition: "fair" });
  });

  it("refuses a return of a device that is not on loan, and changes nothing", async () => {
    const device = await addDevice();
    const audits = (await database.db.select().from(auditLog)).length;
    const result = await returnDevice(database.db, f.antwerpen.id, { assetTag: device.assetTag }, { condition: "good" }, actor, NOW);
    expect(result).toMatchObject({ ok: false, field: "assetTag", message: `Toestel ${device.assetTag} is niet uitgeleend, dus het kan niet teruggebracht worden. Kijk het nummer na.` });
    expect((await deviceOf(device.id)).status).toBe("ready");
    expect(await database.db.select().from(auditLog)).toHaveLength(audits);
  });

  it("refuses an extension that would run into the next reservation", async () => {
    await database.db.insert(deviceBankSettings).values({ municipalityId: f.antwerpen.id, maxDevicesPerHousehold: 10, loanWeeks: 2, extensionWeeks: 2 });
    const device = await addDevice();
    const first = await approvedApplication({ address: "Kerkstraat 1" });
    const second = await approvedApplication({ address: "Kerkstraat 2" });
    const r1 = await reserveDevice(database.db, f.antwerpen.id, { applicationId: first, deviceId: device.id, startsOn: "2026-12-01", endsOn: "2026-12-01" }, actor, NOW);
    const r2 = await reserveDevice(database.db, f.antwerpen.id, { applicationId: second, deviceId: device.id, startsOn: "2026-12-20", endsOn: "2026-12-22" }, actor, NOW);
    if (!r1.ok || !r2.ok) throw new Error("reservations failed");
    expect(await handOver(database.db, f.antwerpen.id, r1.loanId, "screen", actor, NOW)).toEqual({ ok: true, dueOn: "2026-12-15" });
    const refused = await extendLoan(database.db, f.antwerpen.id, r1.loanId, actor, NOW);
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("gereserveerd voor iemand anders") });
    expect((await loanOf(r1.loanId)).endsOn).toBe("2026-12-15");
  });

  it("turns a loan into a gift", async () => {
    const device = await addDevice();
    const applicationId = await approvedApplication();
    const r = await reserveDevice(database.db, f.antwerpen.id, { applicationId, deviceId: device.id, startsOn: "2026-12-01", endsOn: "2026-12-01" }, actor, NOW);
    if (!r.ok) throw new Error(r.message);
    await handOver(database.db, f.antwerpen.id, r.loanId, "paper", actor, NOW);
    expect(await giftLoan(database.db, f.antwerpen.id, r.loanId, "Cursus 'Aan de slag met de computer' afgerond", actor, NOW)).toEqual({ ok: true });
    expect((await deviceOf(device.id)).status).toBe("gifted");
    expect((await loanOf(r.loanId)).status).toBe("gifted");
    const again = await returnDevice(database.db, f.antwerpen.id, { loanId: r.loanId }, { condition: "good" }, actor, NOW);
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining("niet uitgeleend") });
  });
});

describe("agreement", () => {
  const agreement = {
    municipalityName: "Antwerpen",
    municipalityPhone: "03 22 11 333",
    name: "Fatima El Amrani",
    language: "ar",
    kind: "laptop",
    make: "Lenovo",
    model: "ThinkPad T480",
    assetTag: "ANT-00042",
    accessories: "Lader, hoes",
    from: "2026-12-01",
    until: "2027-02-23",
    returnPlace: "Digipunt Kiel",
    returnAddress: "Sint-Bernardsesteenweg 1, 2020 Antwerpen",
  };
  it("says what, until when, where to return and whom to call, in the resident's language", () => {
    const nl = agreementTexts(agreement, "nl");
    expect(nl.rows).toContainEqual(["Nummer op het toestel", "ANT-00042"]);
    expect(nl.rows).toContainEqual(["Breng het terug op", "dinsdag 23 februari 2027"]);
    expect(nl.where).toContain("Digipunt Kiel");
    expect(nl.phone).toContain("03 22 11 333");
    expect(agreementTexts(agreement, "ar").title).toBe("اتفاق: أنت تستعير جهازًا");
  });
  it("is a PDF with the title and language set", async () => {
    const pdf = await agreementPdf(agreement, { compress: false });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.7")).toBe(true);
    expect(text).toMatch(/\/Lang \(ar\)/);
  });
});


describe("texts", () => {
  it("has every message and agreement text in Dutch, French, English and Arabic", async () => {
    const keys = (value: unknown, prefix = ""): string[] =>
      value && typeof value === "object" ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];
    const load = async (lang: string) => keys((await import(`~/i18n/locales/device-lending/${lang}.json`)).default);
    const nl = await load("nl");
    for (const lang of ["fr", "en", "ar"]) expect((await load(lang)).sort(), lang).toEqual([...nl].sort());
  });
});
