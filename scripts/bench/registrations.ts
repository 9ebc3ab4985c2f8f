// Registration under contention: 300 people register at the same moment for a run with 20 places.
// The capacity must hold (exactly 20 registered), the other 280 go on the waiting list in the order they reached
// the run's lock, and we measure each call's latency from the common start.
//
// From the benchmark runner: `await benchRegistrations(database)` with an open, migrated Database.
// On its own: `npx tsx scripts/bench/registrations.ts` (PGlite in memory; also PostgreSQL when
// BENCH_DATABASE_URL is set: it creates and removes its own municipality there).
import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { courseRuns, courses, courseSessions, municipalities, organizations, registrations } from "~/db/schema";
import type { RegisterResult } from "~/modules/learning/registration.server";
import { loadAppModule, percentile, runStandalone } from "./app-module";

type RegistrationModule = typeof import("~/modules/learning/registration.server");

export const BENCH_REGISTRATIONS = 300;
export const BENCH_PLACES = 20;

export interface RegistrationBenchResult {
  kind: Database["kind"];
  calls: number;
  places: number;
  accepted: number;
  waiting: number;
  refused: number;
  registeredCount: number;
  /** True when the waiting list, in its own order, has the callers in the order the calls were made. */
  waitingInCallOrder: boolean;
  /** Pairs of neighbours on the waiting list that are not in call order (0 on PGlite, which serialises calls). */
  outOfCallOrder: number;
  /** Positions told to the people match their place on the list. */
  positionsConsistent: boolean;
  p50Ms: number;
  p99Ms: number;
  totalMs: number;
  pass: boolean;
}

async function seedRun(database: Database) {
  const db = database.db;
  const slug = `bench-reg-${randomBytes(3).toString("hex")}`;
  const [municipality] = await db
    .insert(municipalities)
    .values({ slug, name: "Bench registraties", phone: "03 000 00 00", latitude: 51.2, longitude: 4.4 })
    .returning();
  const [organization] = await db.insert(organizations).values({ municipalityId: municipality.id, name: "Bench", type: "ngo" }).returning();
  const [course] = await db
    .insert(courses)
    .values({ municipalityId: municipality.id, organizerId: organization.id, title: { nl: "Bench-cursus" }, level: "starter", audiences: ["adults"] })
    .returning();
  const [run] = await db.insert(courseRuns).values({ courseId: course.id, venue: "Zaal 1", capacity: BENCH_PLACES }).returning();
  const start = Date.now() + 7 * 24 * 3600_000;
  await db.insert(courseSessions).values({ runId: run.id, startsAt: new Date(start), endsAt: new Date(start + 2 * 3600_000) });
  return { municipalityId: municipality.id, runId: run.id };
}

/** 300 concurrent registerForRun calls (joining the waiting list when full) straight against the database. */
export async function benchRegistrations(database: Database, log: (line: string) => void = console.log): Promise<RegistrationBenchResult> {
  const db = database.db;
  const loaded = await loadAppModule<RegistrationModule>("/app/modules/learning/registration.server.ts");
  const { registerForRun } = loaded.module;
  const { municipalityId, runId } = await seedRun(database);
  try {
    const latencies: number[] = new Array(BENCH_REGISTRATIONS);
    const started = performance.now();
    const results: RegisterResult[] = await Promise.all(
      Array.from({ length: BENCH_REGISTRATIONS }, async (_, i) => {
        const t0 = performance.now();
        const result = await registerForRun(
          db,
          {
            runId,
            municipalityId,
            name: `Deelnemer ${i}`,
            email: `deelnemer${i}@bench.invalid`,
            language: "nl",
          },
          { joinWaitlistIfFull: true, baseUrl: "https://bench.invalid" },
        );
        latencies[i] = performance.now() - t0;
        return result;
      }),
    );
    const totalMs = performance.now() - started;

    const callIndex = new Map<string, number>();
    results.forEach((r, i) => r.ok && callIndex.set(r.registrationId, i));
    const accepted = results.filter((r) => r.ok && r.status === "registered").length;
    const waitingResults = results.filter((r): r is Extract<RegisterResult, { ok: true }> => r.ok && r.status === "waiting");
    const refused = results.filter((r) => !r.ok).length;
    const [run] = await db.select({ count: courseRuns.registeredCount }).from(courseRuns).where(eq(courseRuns.id, runId));
    const list = await db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.runId, runId), inArray(registrations.status, ["waiting"])))
      .orderBy(asc(registrations.waitingSince), asc(registrations.id));
    const order = list.map((row) => callIndex.get(row.id) ?? -1);
    let outOfCallOrder = 0;
    for (let i = 1; i < order.length; i++) if (order[i] < order[i - 1]) outOfCallOrder++;
    const positionOf = new Map(list.map((row, i) => [row.id, i + 1]));
    const positionsConsistent = waitingResults.every((r) => positionOf.get(r.registrationId) === r.position);

    const sorted = [...latencies].sort((a, b) => a - b);
    const result: RegistrationBenchResult = {
      kind: database.kind,
      calls: BENCH_REGISTRATIONS,
      places: BENCH_PLACES,
      accepted,
      waiting: list.length,
      refused,
      registeredCount: run.count,
      waitingInCallOrder: outOfCallOrder === 0,
      outOfCallOrder,
      positionsConsistent,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      totalMs,
      pass:
        accepted === BENCH_PLACES &&
        run.count === BENCH_PLACES &&
        list.length === BENCH_REGISTRATIONS - BENCH_PLACES &&
        refused === 0 &&
        positionsConsistent,
    };
    const fmt = (n: number) => n.toFixed(1);
    log(
      `Registrations (${database.kind}): ${BENCH_REGISTRATIONS} at once for ${BENCH_PLACES} places → ${accepted} registered ` +
        `(registered_count ${run.count}), ${list.length} waiting, ${refused} refused — ${result.pass ? "PASS" : "MISS"}`,
    );
    log(
      `  waiting list in call order: ${result.waitingInCallOrder ? "yes" : `no, ${outOfCallOrder} neighbours swapped (order of reaching the run's lock)`}; ` +
        `positions told match the list: ${positionsConsistent ? "yes" : "no"}`,
    );
    log(`  latency from the common start: p50 ${fmt(result.p50Ms)} ms, p99 ${fmt(result.p99Ms)} ms; all done in ${fmt(totalMs)} ms`);
    return result;
  } finally {
    // The municipality takes its course, run, registrations and messages with it.
    await db.delete(municipalities).where(eq(municipalities.id, municipalityId));
    await loaded.close();
  }
}

await runStandalone(import.meta.url, benchRegistrations);
