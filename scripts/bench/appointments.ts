// Appointment booking under contention: 200 people book at the same moment, spread over 20 slots with 2 helpers
// each. The capacity must hold (exactly 40 booked, every slot's booked_count = 2), the other 160 hear "just taken";
// we measure each call's latency from the common start.
//
// From the benchmark runner: `await benchAppointments(database)` with an open, migrated Database.
// On its own: `npx tsx scripts/bench/appointments.ts` (PGlite in memory; also PostgreSQL when
// BENCH_DATABASE_URL is set: it creates and removes its own municipality there).
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { appointmentPlanBlocks, appointments, appointmentSlots, appointmentTypes, helpPoints, municipalities, organizations } from "~/db/schema";
import type { BookResult } from "~/modules/appointments/appointments.server";
import { loadAppModule, percentile, runStandalone } from "./app-module";

type AppointmentsModule = typeof import("~/modules/appointments/appointments.server");

export const BENCH_BOOKINGS = 200;
export const BENCH_SLOTS = 20;
export const BENCH_HELPERS = 2;

export interface AppointmentBenchResult {
  kind: Database["kind"];
  calls: number;
  slots: number;
  capacity: number;
  accepted: number;
  full: number;
  otherErrors: number;
  /** Sum of booked_count over the slots: must equal the booked appointments. */
  bookedCount: number;
  rows: number;
  maxPerSlot: number;
  p50Ms: number;
  p99Ms: number;
  totalMs: number;
  pass: boolean;
}

/** A municipality with one help point and one appointment type: every day 09:00–19:00, 30 minutes, 2 helpers. */
async function seedType(database: Database) {
  const db = database.db;
  const slug = `bench-appt-${randomBytes(3).toString("hex")}`;
  const [municipality] = await db
    .insert(municipalities)
    .values({ slug, name: "Bench afspraken", phone: "03 000 00 00", latitude: 51.2, longitude: 4.4 })
    .returning();
  const [organization] = await db.insert(organizations).values({ municipalityId: municipality.id, name: "Bench", type: "ngo" }).returning();
  const [point] = await db
    .insert(helpPoints)
    .values({ municipalityId: municipality.id, organizationId: organization.id, name: "Bench-digipunt", type: "digipunt", street: "Straat 1", postcode: "2000", city: "Antwerpen" })
    .returning();
  const [type] = await db
    .insert(appointmentTypes)
    .values({ municipalityId: municipality.id, helpPointId: point.id, name: { nl: "Hulp met itsme" }, durationMinutes: 30, minNoticeHours: 0, horizonDays: 28 })
    .returning();
  await db
    .insert(appointmentPlanBlocks)
    .values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ appointmentTypeId: type.id, weekday, startsAt: "09:00", endsAt: "19:00", helpers: BENCH_HELPERS })));
  return { municipalityId: municipality.id, typeId: type.id };
}

/** 200 concurrent bookAppointment calls over 20 slots of one day, straight against the database. */
export async function benchAppointments(database: Database, log: (line: string) => void = console.log): Promise<AppointmentBenchResult> {
  const db = database.db;
  const loaded = await loadAppModule<AppointmentsModule>("/app/modules/appointments/appointments.server.ts");
  const { bookAppointment, freeSlots, loadTypeContext } = loaded.module;
  const { municipalityId, typeId } = await seedType(database);
  try {
    // The 20 slots of the first full day from the day after tomorrow (a public holiday has none).
    const ctx = (await loadTypeContext(db, typeId))!;
    const all = await freeSlots(db, ctx, new Date());
    const day = all.map((s) => s.date).find((d, i, dates) => i > 0 && d !== dates[i - 1] && all.filter((s) => s.date === d).length >= BENCH_SLOTS);
    const slots = all.filter((s) => s.date === day).slice(0, BENCH_SLOTS);
    if (slots.length !== BENCH_SLOTS) throw new Error(`expected ${BENCH_SLOTS} slots on one day, found ${slots.length}`);

    const latencies: number[] = new Array(BENCH_BOOKINGS);
    const started = performance.now();
    const results: BookResult[] = await Promise.all(
      Array.from({ length: BENCH_BOOKINGS }, async (_, i) => {
        const t0 = performance.now();
        const result = await bookAppointment(
          db,
          {
            municipalityId,
            appointmentTypeId: typeId,
            startsAt: slots[i % BENCH_SLOTS].startsAt,
            name: `Bewoner ${i}`,
            email: `bewoner${i}@bench.invalid`,
            language: "nl",
            channel: "online",
          },
          { baseUrl: "https://bench.invalid" },
        );
        latencies[i] = performance.now() - t0;
        return result;
      }),
    );
    const totalMs = performance.now() - started;

    const accepted = results.filter((r) => r.ok).length;
    const full = results.filter((r) => !r.ok && r.error === "full").length;
    const slotRows = await db.select({ bookedCount: appointmentSlots.bookedCount }).from(appointmentSlots).where(eq(appointmentSlots.appointmentTypeId, typeId));
    const rows = (await db.select({ id: appointments.id }).from(appointments).where(eq(appointments.appointmentTypeId, typeId))).length;
    const bookedCount = slotRows.reduce((sum, s) => sum + s.bookedCount, 0);
    const maxPerSlot = Math.max(0, ...slotRows.map((s) => s.bookedCount));
    const capacity = BENCH_SLOTS * BENCH_HELPERS;
    const sorted = [...latencies].sort((a, b) => a - b);
    const result: AppointmentBenchResult = {
      kind: database.kind,
      calls: BENCH_BOOKINGS,
      slots: BENCH_SLOTS,
      capacity,
      accepted,
      full,
      otherErrors: BENCH_BOOKINGS - accepted - full,
      bookedCount,
      rows,
      maxPerSlot,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      totalMs,
      pass: accepted === capacity && bookedCount === capacity && rows === capacity && maxPerSlot === BENCH_HELPERS && full === BENCH_BOOKINGS - capacity,
    };
    const fmt = (n: number) => n.toFixed(1);
    log(
      `Appointments (${database.kind}): ${BENCH_BOOKINGS} at once over ${BENCH_SLOTS} slots × ${BENCH_HELPERS} helpers → ${accepted} booked ` +
        `(capacity ${capacity}, booked_count ${bookedCount}, ${rows} rows, at most ${maxPerSlot} per slot), ${full} "just taken", ${result.otherErrors} other — ${result.pass ? "PASS" : "MISS"}`,
    );
    log(`  latency from the common start: p50 ${fmt(result.p50Ms)} ms, p99 ${fmt(result.p99Ms)} ms; all done in ${fmt(totalMs)} ms`);
    return result;
  } finally {
    // The municipality takes its help point, type, slots, appointments and messages with it.
    await db.delete(municipalities).where(eq(municipalities.id, municipalityId));
    await loaded.close();
  }
}

await runStandalone(import.meta.url, benchAppointments);
