/**
 * Demo data of appointments (issue 3): appointment types with a weekly plan at a few Antwerp and Hasselt help
 * points, and some booked appointments in the coming days. Names are made up and marked "(demo)". Runs inside the
 * demo seed's transaction; dates are relative to today, and the slot counts match the appointments.
 */
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { appointmentPlanBlocks, appointments, appointmentSlots, appointmentTypes, type Translated } from "~/db/schema";
import { slotsOnDate } from "~/modules/appointments/slots";
import { addDaysTo, brusselsDate } from "~/modules/finder/opening-hours";
import { newCode, newToken } from "~/modules/shared/secrets.server";
import { toInternational } from "~/modules/notifications/outbox.server";
import type { DemoLearningRefs } from "./learning-seed.server";

interface DemoType {
  city: "antwerpen" | "hasselt";
  point: string;
  topic: string | null;
  name: Translated;
  duration: number;
  buffer: number;
  /** [weekdays, "HH:MM-HH:MM", helpers] */
  plan: [number[], string, number][];
}

const itsme: Translated = { nl: "Hulp met itsme", fr: "Aide avec itsme", en: "Help with itsme", ar: "مساعدة في itsme" };
const bank: Translated = { nl: "Hulp met je bankapp", fr: "Aide avec votre appli bancaire", en: "Help with your banking app", ar: "مساعدة في تطبيق البنك" };
const ebox: Translated = { nl: "Vraag over je eBox", fr: "Question sur votre eBox", en: "Question about your eBox", ar: "سؤال عن eBox" };

const TYPES: DemoType[] = [
  { city: "antwerpen", point: "Digidak Borgerhout", topic: "identity-login", name: itsme, duration: 30, buffer: 0, plan: [[[1, 2, 3, 4, 5], "09:30-12:30", 2], [[1, 2, 3, 4], "13:30-16:30", 1]] },
  { city: "antwerpen", point: "Digidak Borgerhout", topic: "banking", name: bank, duration: 30, buffer: 10, plan: [[[2, 4], "13:30-16:30", 1]] },
  { city: "antwerpen", point: "Digipunt Kiel", topic: "ebox", name: ebox, duration: 20, buffer: 0, plan: [[[1, 3, 5], "09:00-12:00", 1]] },
  { city: "hasselt", point: "Openbare computerruimte Stadhuis", topic: "identity-login", name: itsme, duration: 30, buffer: 0, plan: [[[1, 3, 5], "09:00-12:00", 2]] },
  { city: "hasselt", point: "Openbare computerruimte Stadhuis", topic: "ebox", name: ebox, duration: 20, buffer: 10, plan: [[[2, 4], "13:00-16:00", 1]] },
];

interface DemoBooking {
  type: number;
  /** Days from today; the booking takes the nth slot of the first day with slots from then on. */
  inDays: number;
  nth: number;
  name: string;
  phone?: string;
  email?: string;
  language: string;
  note?: string;
  channel: "online" | "phone" | "desk";
}

const BOOKINGS: DemoBooking[] = [
  { type: 0, inDays: 1, nth: 0, name: "Marleen Wouters (demo)", phone: "0485 22 33 01", language: "nl", note: "Ik heb geen kaartlezer.", channel: "online" },
  { type: 0, inDays: 1, nth: 2, name: "Abdelkader Ouali (demo)", phone: "0485 22 33 02", language: "ar", channel: "phone" },
  { type: 1, inDays: 2, nth: 0, name: "Irina Kowalska (demo)", email: "irina.kowalska@example.be", language: "en", channel: "online" },
  { type: 0, inDays: 3, nth: 1, name: "Jean-Pierre Dubois (demo)", language: "fr", channel: "desk" },
  { type: 2, inDays: 2, nth: 1, name: "Gerda Maes (demo)", phone: "0485 22 33 05", language: "nl", channel: "online" },
  { type: 3, inDays: 1, nth: 0, name: "Luc Vanderhoven (demo)", phone: "0485 22 33 06", language: "nl", channel: "online" },
  { type: 4, inDays: 2, nth: 0, name: "Ayşe Demir (demo)", phone: "0485 22 33 07", language: "nl", note: "Komt met haar dochter.", channel: "phone" },
];

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo appointments: unknown ${what} ${key}`);
  return value;
}

export async function seedDemoAppointments(db: Db, refs: DemoLearningRefs, now: Date = new Date()): Promise<void> {
  const today = brusselsDate(now);
  const created: { id: string; municipalityId: string; helpPointId: string; topicId: string | null; rules: { durationMinutes: number; bufferMinutes: number; minNoticeHours: number; horizonDays: number }; blocks: { weekday: number; startsAt: string; endsAt: string; helpers: number }[] }[] = [];
  for (const t of TYPES) {
    const municipalityId = lookup(refs.municipalities, t.city, "municipality");
    const helpPointId = lookup(refs.helpPoints, `${t.city}/${t.point}`, "help point");
    const topicId = t.topic ? lookup(refs.topics, `${t.city}/${t.topic}`, "topic") : null;
    const [row] = await db
      .insert(appointmentTypes)
      .values({ municipalityId, helpPointId, name: t.name, topicId, durationMinutes: t.duration, bufferMinutes: t.buffer, minNoticeHours: 2, horizonDays: 28, cancelCutoffHours: 4 })
      .returning({ id: appointmentTypes.id });
    const blocks = t.plan.flatMap(([days, range, helpers]) => {
      const [from, to] = range.split("-");
      return days.map((weekday) => ({ weekday, startsAt: from, endsAt: to, helpers }));
    });
    await db.insert(appointmentPlanBlocks).values(blocks.map((b) => ({ ...b, appointmentTypeId: row.id })));
    created.push({ id: row.id, municipalityId, helpPointId, topicId, rules: { durationMinutes: t.duration, bufferMinutes: t.buffer, minNoticeHours: 2, horizonDays: 28 }, blocks });
  }

  for (const b of BOOKINGS) {
    const type = created[b.type];
    // Closures, holidays: the first day from inDays on that has slots.
    let slots: ReturnType<typeof slotsOnDate> = [];
    for (let d = b.inDays; d < b.inDays + 14 && slots.length === 0; d++) slots = slotsOnDate(addDaysTo(today, d), type.rules, type.blocks, []);
    const slot = slots[Math.min(b.nth, slots.length - 1)];
    if (!slot) continue;
    await db
      .insert(appointmentSlots)
      .values({ appointmentTypeId: type.id, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: slot.capacity, bookedCount: 0 })
      .onConflictDoNothing({ target: [appointmentSlots.appointmentTypeId, appointmentSlots.startsAt] });
    const [claimed] = await db
      .update(appointmentSlots)
      .set({ bookedCount: sql`${appointmentSlots.bookedCount} + 1` })
      .where(and(eq(appointmentSlots.appointmentTypeId, type.id), eq(appointmentSlots.startsAt, slot.startsAt), lt(appointmentSlots.bookedCount, appointmentSlots.capacity)))
      .returning({ id: appointmentSlots.id });
    if (!claimed) continue;
    await db.insert(appointments).values({
      municipalityId: type.municipalityId,
      helpPointId: type.helpPointId,
      appointmentTypeId: type.id,
      slotId: claimed.id,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      topicId: type.topicId,
      status: "booked",
      channel: b.channel,
      name: b.name,
      phone: b.phone ?? null,
      email: b.email ?? null,
      contactKey: b.phone ? toInternational(b.phone) : (b.email?.toLowerCase() ?? null),
      note: b.note ?? null,
      language: b.language,
      code: newCode(),
      manageTokenHash: newToken().hash,
    });
  }
}
