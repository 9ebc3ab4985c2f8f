import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { appointmentLinks, appointmentPlanBlocks, appointments, appointmentSlots, appointmentTypes, auditLog, outbox, scheduleExceptions } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { createStaffUser, seedOfferFixture, type OfferFixture } from "~/modules/offer/test-fixtures";
import { eraseExpiredPersonalData, erasePersonData, recordRef } from "~/modules/privacy/privacy.server";
import { hashToken } from "~/modules/shared/secrets.server";
import {
  addWalkIn,
  bookAppointment,
  cancelAppointment,
  dayAgenda,
  findAppointmentByCode,
  findAppointmentByToken,
  freeSlots,
  loadTypeContext,
  moveAppointment,
  sendAppointmentReminders,
  setAttendance,
  type BookingInput,
} from "./appointments.server";
import { bookingSchema } from "./schema";
import { brusselsInstant, plannedSlots, slotsOnDate } from "./slots";

let database: Database;
let f: OfferFixture;
let typeId: string;
let actor: { id: string; email: string };
const BASE = "https://digibrug.test";
// Monday 30 November 2026, 09:00 in Brussels.
const NOW = new Date("2026-11-30T08:00:00Z");
// Tuesday 1 December 2026 (plan: 09:00–12:00, 2 helpers, 30 min + 10 min buffer).
const TUESDAY = "2026-12-01";
const at = (date: string, hhmm: string) => brusselsInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)));

beforeAll(async () => {
  database = await createTestDatabase();
  f = await seedOfferFixture(database.db);
  const [type] = await database.db
    .insert(appointmentTypes)
    .values({
      municipalityId: f.antwerpen.id,
      helpPointId: f.digipuntKiel,
      name: { nl: "Hulp met itsme", fr: "Aide avec itsme" },
      durationMinutes: 30,
      bufferMinutes: 10,
      minNoticeHours: 2,
      horizonDays: 28,
      cancelCutoffHours: 24,
    })
    .returning();
  typeId = type.id;
  await database.db.insert(appointmentPlanBlocks).values([
    { appointmentTypeId: typeId, weekday: 2, startsAt: "09:00", endsAt: "12:00", helpers: 2 },
    { appointmentTypeId: typeId, weekday: 5, startsAt: "13:00", endsAt: "14:00", helpers: 1 },
  ]);
  // The point is closed on Tuesday 8 December.
  await database.db.insert(scheduleExceptions).values({ helpPointId: f.digipuntKiel, date: "2026-12-08", kind: "closed", reason: "Teamdag" });
  const staff = await createStaffUser(database.db, "balie@kiel.test", "digihelper", { municipalityId: f.antwerpen.id, helpPointId: f.digipuntKiel });
  actor = { id: staff.id, email: staff.email };
}, 60_000);

afterAll(async () => {
  await database?.close();
});

beforeEach(async () => {
  await database.db.delete(appointments);
  await database.db.delete(appointmentSlots);
  await database.db.delete(outbox);
});

const person = (i: number, overrides: Partial<BookingInput> = {}): BookingInput => ({
  municipalityId: f.antwerpen.id,
  appointmentTypeId: typeId,
  startsAt: at(TUESDAY, "09:00"),
  name: `Bewoner ${i}`,
  phone: `0470 12 34 ${String(i).padStart(2, "0")}`,
  language: "nl",
  channel: "online",
  ...overrides,
});

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe("slots from the weekly plan", () => {
  const rules = { durationMinutes: 30, bufferMinutes: 10, minNoticeHours: 2, horizonDays: 28 };
  const blocks = [{ weekday: 2, startsAt: "09:00:00", endsAt: "12:00:00", helpers: 2 }];

  it("steps by duration plus buffer and keeps each appointment inside the block", () => {
    const slots = slotsOnDate(TUESDAY, rules, blocks, []);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      "2026-12-01T08:00:00.000Z",
      "2026-12-01T08:40:00.000Z",
      "2026-12-01T09:20:00.000Z",
      "2026-12-01T10:00:00.000Z",
    ]);
    expect(slots.every((s) => s.capacity === 2)).toBe(true);
    expect(slots[3].endsAt.toISOString()).toBe("2026-12-01T10:30:00.000Z");
  });

  it("has no slots on a public holiday or a closure of the point", () => {
    // Friday 25 December 2026: Christmas.
    expect(slotsOnDate("2026-12-25", rules, [{ ...blocks[0], weekday: 5 }], [])).toEqual([]);
    expect(slotsOnDate(TUESDAY, rules, blocks, [{ date: TUESDAY, kind: "closed", reason: "Verhuis" }])).toEqual([]);
    // An extra opening of the point does not add appointment hours.
    expect(slotsOnDate("2026-12-02", rules, blocks, [{ date: "2026-12-02", kind: "open", opens: "09:00", closes: "12:00" }])).toEqual([]);
  });

  it("respects the minimum notice and the horizon", () => {
    // Tuesday 1 December 08:30 Brussels: with two hours' notice the first time is 11:00 (10:20 is too soon).
    const now = new Date("2026-12-01T07:30:00Z");
    const slots = plannedSlots(rules, blocks, [], now);
    expect(slots[0].startsAt.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    const last = slots[slots.length - 1].date;
    expect(last <= "2026-12-29").toBe(true);
    // Staff on the phone: any time still to come (09:00 Brussels is in 30 minutes).
    expect(plannedSlots(rules, blocks, [], now, { ignoreNotice: true })[0].startsAt.toISOString()).toBe("2026-12-01T08:00:00.000Z");
  });
});

describe("booking", () => {
  it("books a real slot, sends a confirmation with the manage link and keeps the count", async () => {
    const result = ok(await bookAppointment(database.db, person(1, { note: "Ik heb geen kaartlezer" }), { now: NOW, baseUrl: BASE }));
    expect(result.code).toMatch(/^[A-Z0-9]{6}$/);
    const [row] = await database.db.select().from(appointments).where(eq(appointments.id, result.appointmentId));
    expect(row.status).toBe("booked");
    expect(row.note).toBe("Ik heb geen kaartlezer");
    expect(row.contactKey).toBe("+32470123401");
    expect(row.lastActivityAt.toISOString()).toBe(NOW.toISOString());
    const [slot] = await database.db.select().from(appointmentSlots);
    expect(slot.bookedCount).toBe(1);
    expect(slot.capacity).toBe(2);
    const messages = await database.db.select().from(outbox);
    expect(messages).toHaveLength(1);
    expect(messages[0].channel).toBe("sms");
    expect(messages[0].body).toContain(result.code);
    expect(messages[0].body).toContain(`${BASE}/antwerpen/nl/afspraak/${result.manageToken}`);
  });

  it("never overbooks: 50 at once for a slot with 2 helpers gives exactly 2 appointments", async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => bookAppointment(database.db, person(i), { now: NOW, baseUrl: BASE })));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(48);
    expect(refused.every((r) => !r.ok && r.error === "full")).toBe(true);
    // The others are told the next free times.
    const first = refused[0];
    expect(!first.ok && first.nextFree[0].startsAt.toISOString()).toBe("2026-12-01T08:40:00.000Z");
    const [slot] = await database.db.select().from(appointmentSlots);
    expect(slot.bookedCount).toBe(2);
    expect(await database.db.select().from(appointments)).toHaveLength(2);
    expect(await database.db.select().from(outbox)).toHaveLength(2);
  }, 60_000);

  it("a form sent twice at once books one place, not both: the second is told the person already has this time", async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => bookAppointment(database.db, person(7, { email: undefined }), { now: NOW, baseUrl: BASE })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === "already_booked")).toBe(true);
    const [slot] = await database.db.select().from(appointmentSlots);
    expect(slot.bookedCount).toBe(1);
    expect(await database.db.select().from(outbox)).toHaveLength(1);
    // The same number written differently is the same person.
    const again = await bookAppointment(database.db, person(7, { phone: "+32470123407" }), { now: NOW });
    expect(again).toMatchObject({ ok: false, error: "already_booked" });
    // Staff may book a second person with the same number (a daughter for both parents); the slot then is full.
    ok(await bookAppointment(database.db, person(7, { name: "Tweede ouder", channel: "phone" }), { now: NOW }));
    expect((await database.db.select().from(appointmentSlots))[0].bookedCount).toBe(2);
    // After a cancellation the person may book that time again.
    const first = results.find((r) => r.ok)!;
    expect(await cancelAppointment(database.db, ok(first).appointmentId, { now: NOW, resident: true })).toMatchObject({ ok: true });
    ok(await bookAppointment(database.db, person(7), { now: NOW }));
  }, 60_000);

  it("does not move an appointment onto a time the same person already booked online", async () => {
    const early = ok(await bookAppointment(database.db, person(8), { now: NOW }));
    ok(await bookAppointment(database.db, person(8, { startsAt: at(TUESDAY, "10:20") }), { now: NOW }));
    const moved = await moveAppointment(database.db, early.appointmentId, at(TUESDAY, "10:20"), { now: NOW, resident: true });
    expect(moved).toMatchObject({ ok: false, error: "already_booked" });
    const slots = await database.db.select().from(appointmentSlots);
    expect(slots.find((s) => s.startsAt.toISOString() === "2026-12-01T08:00:00.000Z")?.bookedCount).toBe(1);
    expect(slots.find((s) => s.startsAt.toISOString() === "2026-12-01T09:20:00.000Z")?.bookedCount).toBe(1);
  });

  it("refuses a time that is not a slot, in the past, on a closed day or of another municipality, and writes nothing", async () => {
    const notSlot = await bookAppointment(database.db, person(1, { startsAt: at(TUESDAY, "09:05") }), { now: NOW });
    expect(notSlot).toMatchObject({ ok: false, error: "not_a_slot" });
    const past = await bookAppointment(database.db, person(1, { startsAt: at("2026-11-24", "09:00") }), { now: NOW });
    expect(past).toMatchObject({ ok: false, error: "past" });
    const closed = await bookAppointment(database.db, person(1, { startsAt: at("2026-12-08", "09:00") }), { now: NOW });
    expect(closed).toMatchObject({ ok: false, error: "not_a_slot" });
    const tooFar = await bookAppointment(database.db, person(1, { startsAt: at("2027-01-05", "09:00") }), { now: NOW });
    expect(tooFar).toMatchObject({ ok: false, error: "not_a_slot" });
    const otherCity = await bookAppointment(database.db, person(1, { municipalityId: f.hasselt.id }), { now: NOW });
    expect(otherCity).toMatchObject({ ok: false, error: "unknown" });
    expect(await database.db.select().from(appointments)).toHaveLength(0);
    expect(await database.db.select().from(appointmentSlots)).toHaveLength(0);
    expect(await database.db.select().from(outbox)).toHaveLength(0);
  });

  it("validates the form: a phone number that is not one, no contact, a made-up time", () => {
    const schema = bookingSchema({ mode: "public", languages: ["nl", "fr"] });
    const bad = schema.safeParse({ startsAt: "morgen", name: "Jan", phone: "hallo", email: "", language: "nl", note: "" });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path[0]);
    expect(paths).toContain("phone");
    expect(paths).toContain("startsAt");
    const noContact = schema.safeParse({ startsAt: "2026-12-01T08:00:00.000Z", name: "Jan", phone: "", email: "", language: "nl" });
    expect(noContact.error!.issues[0].message).toBe("appointments.errors.contactRequired");
    // At the desk nothing is required but the time.
    const staff = bookingSchema({ mode: "staff", languages: ["nl"] }).safeParse({ startsAt: "2026-12-01T08:00:00.000Z", language: "nl" });
    expect(staff.success).toBe(true);
  });

  it("shows free places per slot and leaves full ones out", async () => {
    await bookAppointment(database.db, person(1), { now: NOW });
    await bookAppointment(database.db, person(2), { now: NOW });
    const ctx = (await loadTypeContext(database.db, typeId, NOW))!;
    const slots = await freeSlots(database.db, ctx, NOW, { from: TUESDAY, days: 1 });
    expect(slots.map((s) => s.startsAt.toISOString())).not.toContain("2026-12-01T08:00:00.000Z");
    expect(slots[0]).toMatchObject({ free: 2 });
  });
});

describe("cancel and move", () => {
  it("cancels with the place given back, until the cut-off for residents; staff can still cancel after it", async () => {
    const booked = ok(await bookAppointment(database.db, person(1), { now: NOW, baseUrl: BASE }));
    // 24 h cut-off: on Monday 30 November 10:00 it is 23 h before.
    const late = new Date("2026-11-30T09:00:00Z");
    expect(await cancelAppointment(database.db, booked.appointmentId, { now: late, resident: true })).toEqual({ ok: false, error: "cutoff" });
    expect(await cancelAppointment(database.db, booked.appointmentId, { now: NOW, resident: true })).toEqual({ ok: true });
    const [slot] = await database.db.select().from(appointmentSlots);
    expect(slot.bookedCount).toBe(0);
    const [row] = await database.db.select().from(appointments);
    expect(row.status).toBe("cancelled");
    expect(await cancelAppointment(database.db, booked.appointmentId, { now: NOW, resident: true })).toEqual({ ok: false, error: "not_active" });

    const second = ok(await bookAppointment(database.db, person(2), { now: NOW }));
    expect(await cancelAppointment(database.db, second.appointmentId, { now: late, actor })).toEqual({ ok: true });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "appointment.cancel"), eq(auditLog.entityId, second.appointmentId)));
    expect(audit).toHaveLength(1);
  });

  it("moves to another free time: the new place is taken, the old one given back", async () => {
    const booked = ok(await bookAppointment(database.db, person(1), { now: NOW }));
    const moved = await moveAppointment(database.db, booked.appointmentId, at(TUESDAY, "10:20"), { now: NOW, resident: true, baseUrl: BASE });
    expect(moved).toMatchObject({ ok: true });
    const slots = await database.db.select().from(appointmentSlots);
    expect(slots.find((s) => s.startsAt.toISOString() === "2026-12-01T08:00:00.000Z")?.bookedCount).toBe(0);
    expect(slots.find((s) => s.startsAt.toISOString() === "2026-12-01T09:20:00.000Z")?.bookedCount).toBe(1);
    const [row] = await database.db.select().from(appointments);
    expect(row.startsAt.toISOString()).toBe("2026-12-01T09:20:00.000Z");
    const messages = await database.db.select().from(outbox).where(eq(outbox.template, "appointment_moved"));
    expect(messages).toHaveLength(1);

    // A full target slot: nothing changes.
    await bookAppointment(database.db, person(2, { startsAt: at(TUESDAY, "11:00") }), { now: NOW });
    await bookAppointment(database.db, person(3, { startsAt: at(TUESDAY, "11:00") }), { now: NOW });
    const full = await moveAppointment(database.db, booked.appointmentId, at(TUESDAY, "11:00"), { now: NOW, resident: true });
    expect(full).toMatchObject({ ok: false, error: "full" });
    const [still] = await database.db.select().from(appointments).where(eq(appointments.id, booked.appointmentId));
    expect(still.startsAt.toISOString()).toBe("2026-12-01T09:20:00.000Z");
  });
});

describe("finding an appointment", () => {
  it("by the secret link, or by the code with the same phone number; a wrong one finds nothing", async () => {
    const booked = ok(await bookAppointment(database.db, person(7), { now: NOW }));
    expect((await findAppointmentByToken(database.db, f.antwerpen.id, booked.manageToken, NOW))?.appointment.id).toBe(booked.appointmentId);
    expect(await findAppointmentByToken(database.db, f.hasselt.id, booked.manageToken, NOW)).toBeNull();
    expect(await findAppointmentByToken(database.db, f.antwerpen.id, "x".repeat(43), NOW)).toBeNull();
    const lower = booked.code.toLowerCase().replace(/^(...)/, "$1-");
    expect((await findAppointmentByCode(database.db, f.antwerpen.id, lower, "+32 470 12 34 07", NOW))?.appointment.id).toBe(booked.appointmentId);
    expect(await findAppointmentByCode(database.db, f.antwerpen.id, booked.code, "0470 12 34 08", NOW)).toBeNull();
    expect(await findAppointmentByCode(database.db, f.antwerpen.id, "AAAAAA", "0470 12 34 07", NOW)).toBeNull();
    expect((await findAppointmentByToken(database.db, f.antwerpen.id, booked.manageToken, NOW))?.changeable).toBe(true);
    expect((await findAppointmentByToken(database.db, f.antwerpen.id, booked.manageToken, new Date("2026-11-30T12:00:00Z")))?.changeable).toBe(false);
  });
});

describe("at the desk", () => {
  it("shows the day's agenda (audit-logged), checks in, marks no-shows and adds a walk-in", async () => {
    const one = ok(await bookAppointment(database.db, person(1), { now: NOW }));
    const two = ok(await bookAppointment(database.db, person(2, { startsAt: at(TUESDAY, "09:40"), channel: "phone", name: null, phone: null }), { now: NOW, actor }));
    const agenda = await dayAgenda(database.db, actor, f.antwerpen.id, f.digipuntKiel, TUESDAY);
    expect(agenda.map((a) => a.id)).toEqual([one.appointmentId, two.appointmentId]);
    expect(await database.db.select().from(auditLog).where(eq(auditLog.action, "appointment.view_agenda"))).toHaveLength(1);

    expect(await setAttendance(database.db, f.antwerpen.id, f.digipuntKiel, one.appointmentId, "checked_in", actor, NOW)).toEqual({ ok: true });
    expect(await setAttendance(database.db, f.antwerpen.id, f.digipuntKiel, one.appointmentId, "no_show", actor, NOW)).toEqual({ ok: false, error: "not_active" });
    expect(await setAttendance(database.db, f.antwerpen.id, f.permeke, two.appointmentId, "no_show", actor, NOW)).toEqual({ ok: false, error: "unknown" });
    expect(await setAttendance(database.db, f.antwerpen.id, f.digipuntKiel, two.appointmentId, "no_show", actor, NOW)).toEqual({ ok: true });

    const walkIn = ok(await addWalkIn(database.db, { municipalityId: f.antwerpen.id, helpPointId: f.digipuntKiel, appointmentTypeId: typeId, language: "nl" }, actor, at(TUESDAY, "10:05")));
    const [row] = await database.db.select().from(appointments).where(eq(appointments.id, walkIn.appointmentId));
    expect(row).toMatchObject({ status: "checked_in", channel: "walk_in", slotId: null });
    // No message for someone booked at the desk without contact details.
    expect(await database.db.select().from(outbox).where(eq(outbox.subjectRef, `appointment:${two.appointmentId}`))).toHaveLength(0);
  });
});

describe("reminders", () => {
  it("sends one reminder the day before, once, also when the job runs twice at the same time", async () => {
    const booked = ok(await bookAppointment(database.db, person(1), { now: NOW }));
    const evening = new Date("2026-11-30T18:00:00Z");
    // Not at night: "tomorrow" starts at midnight, but nobody gets a text at 00:05.
    expect((await sendAppointmentReminders(database.db, new Date("2026-11-29T23:05:00Z"))).sent).toBe(0);
    const [a, b] = await Promise.all([sendAppointmentReminders(database.db, evening), sendAppointmentReminders(database.db, evening)]);
    expect(a.sent + b.sent).toBe(1);
    expect((await sendAppointmentReminders(database.db, evening)).sent).toBe(0);
    const reminders = await database.db.select().from(outbox).where(eq(outbox.template, "appointment_reminder"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0].body).toContain(booked.code);
  });
});

describe("secret links in messages", () => {
  /** The manage link in a message, as the person would tap it. */
  async function linkIn(template: string): Promise<string> {
    const [message] = await database.db.select().from(outbox).where(eq(outbox.template, template));
    const match = message?.body.match(new RegExp(`${BASE}/antwerpen/nl/afspraak/([A-Za-z0-9_-]{43})`));
    expect(match, `a manage link in ${template}: ${message?.body}`).toBeTruthy();
    return match![1];
  }
  const opens = async (token: string, now = NOW) => (await findAppointmentByToken(database.db, f.antwerpen.id, token, now))?.appointment.id ?? null;

  it("the reminder and the moved message carry a fresh link that opens the appointment; every earlier link keeps working", async () => {
    const booked = ok(await bookAppointment(database.db, person(1), { now: NOW, baseUrl: BASE }));
    const evening = new Date("2026-11-30T18:00:00Z");
    expect((await sendAppointmentReminders(database.db, evening, { baseUrl: BASE })).sent).toBe(1);
    const reminderToken = await linkIn("appointment_reminder");
    expect(reminderToken).not.toBe(booked.manageToken);
    expect(await opens(reminderToken, evening)).toBe(booked.appointmentId);

    const moved = await moveAppointment(database.db, booked.appointmentId, at(TUESDAY, "10:20"), { now: NOW, resident: true, baseUrl: BASE });
    expect(moved).toMatchObject({ ok: true });
    const movedToken = await linkIn("appointment_moved");
    expect(new Set([booked.manageToken, reminderToken, movedToken]).size).toBe(3);
    // The booking link, the reminder link and the new one all open the (moved) appointment.
    for (const token of [booked.manageToken, reminderToken, movedToken]) {
      const found = await findAppointmentByToken(database.db, f.antwerpen.id, token, NOW);
      expect(found?.appointment.id).toBe(booked.appointmentId);
      expect(found?.appointment.startsAt.toISOString()).toBe("2026-12-01T09:20:00.000Z");
    }
    // Only hashes are stored; a link never opens another municipality's page.
    const links = await database.db.select().from(appointmentLinks).where(eq(appointmentLinks.appointmentId, booked.appointmentId));
    expect(links.map((l) => l.purpose).sort()).toEqual(["moved", "reminder"]);
    expect(links.map((l) => l.tokenHash).sort()).toEqual([hashToken(reminderToken), hashToken(movedToken)].sort());
    expect(await findAppointmentByToken(database.db, f.hasselt.id, movedToken, NOW)).toBeNull();
  });

  it("a booking by staff sends the person a link of their own, apart from the one on the staff page", async () => {
    const booked = ok(await bookAppointment(database.db, person(2, { channel: "phone" }), { now: NOW, baseUrl: BASE, actor }));
    const token = await linkIn("appointment_confirmed");
    expect(token).not.toBe(booked.manageToken);
    expect(await opens(token)).toBe(booked.appointmentId);
    expect(await opens(booked.manageToken)).toBe(booked.appointmentId);
  });

  it("an erased appointment's links no longer work, and are deleted with the personal data", async () => {
    const one = ok(await bookAppointment(database.db, person(3), { now: NOW, baseUrl: BASE }));
    const two = ok(await bookAppointment(database.db, person(4, { startsAt: at(TUESDAY, "09:40") }), { now: NOW, baseUrl: BASE }));
    await sendAppointmentReminders(database.db, new Date("2026-11-30T18:00:00Z"), { baseUrl: BASE });
    const reminderTokens = (await database.db.select().from(outbox).where(eq(outbox.template, "appointment_reminder"))).map(
      (m) => m.body.match(/afspraak\/([A-Za-z0-9_-]{43})/)![1],
    );
    expect(reminderTokens).toHaveLength(2);
    const tokens = [one.manageToken, two.manageToken, ...reminderTokens];
    for (const token of tokens) expect(await opens(token)).not.toBeNull();

    // Erased on request (after the appointment is over).
    const after = new Date("2026-12-02T08:00:00Z");
    expect(await erasePersonData(database.db, f.antwerpen.id, [recordRef("appointment", one.appointmentId)], actor, after)).toEqual({ ok: true, erased: 1 });
    expect(await database.db.select().from(appointmentLinks).where(eq(appointmentLinks.appointmentId, one.appointmentId))).toHaveLength(0);
    // Erased by the retention job, long after.
    expect((await eraseExpiredPersonalData(database.db, new Date("2030-01-01T00:00:00Z"))).appointments).toBe(1);
    expect(await database.db.select().from(appointmentLinks)).toHaveLength(0);

    for (const token of tokens) expect(await opens(token, after)).toBeNull();
  });
});
