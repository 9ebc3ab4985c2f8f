// The help-question log under load: 2,000 contacts logged by 20 desks at once (each desk one after the other),
// through the module's own logContact (checks, one transaction with topics, services and the audit entry).
// Reports contacts per second and the latency of one contact (p50, p99), and checks that none was lost.
//
// From the benchmark runner: `await benchTally(database)` with an open, migrated Database.
// On its own: `npx tsx scripts/bench/tally.ts` (PGlite in memory; also PostgreSQL when BENCH_DATABASE_URL is set:
// it creates and removes its own municipality there).
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { governmentServices, helpContacts, helpPoints, municipalities, organizations, topics, users } from "~/db/schema";
import type { Assignment } from "~/modules/auth/permissions";
import { tallyInput } from "~/modules/help-log/schema";
import { logContact } from "~/modules/help-log/tally.server";
import { percentile, runStandalone } from "./app-module";

export const BENCH_CONTACTS = 2_000;
export const BENCH_DESKS = 20;

export interface TallyBenchResult {
  kind: Database["kind"];
  contacts: number;
  desks: number;
  stored: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  totalMs: number;
  pass: boolean;
}

async function seed(database: Database) {
  const db = database.db;
  const slug = `bench-tally-${randomBytes(3).toString("hex")}`;
  const [municipality] = await db
    .insert(municipalities)
    .values({ slug, name: "Bench hulpvragen", phone: "03 000 00 00", latitude: 51.2, longitude: 4.4 })
    .returning();
  const [organization] = await db.insert(organizations).values({ municipalityId: municipality.id, name: "Bench", type: "city_department" }).returning();
  const points = await db
    .insert(helpPoints)
    .values(
      Array.from({ length: BENCH_DESKS }, (_, i) => ({
        municipalityId: municipality.id,
        organizationId: organization.id,
        name: `Bench-digipunt ${i + 1}`,
        type: "digipunt" as const,
        street: "Benchstraat 1",
        postcode: "2000",
        city: "Antwerpen",
      })),
    )
    .returning({ id: helpPoints.id });
  const topicRows = await db
    .insert(topics)
    .values([
      { municipalityId: municipality.id, code: "ebox", name: { nl: "eBox" } },
      { municipalityId: municipality.id, code: "identity-login", name: { nl: "itsme" } },
    ])
    .returning({ id: topics.id });
  const serviceRows = await db
    .insert(governmentServices)
    .values([
      { municipalityId: municipality.id, name: "eBox", position: 1 },
      { municipalityId: municipality.id, name: "MyMinfin", position: 2 },
    ])
    .returning({ id: governmentServices.id });
  const [user] = await db.insert(users).values({ email: `${slug}@bench.invalid`, name: "Bench", passwordHash: "x" }).returning();
  return { municipalityId: municipality.id, points: points.map((p) => p.id), topics: topicRows.map((t) => t.id), services: serviceRows.map((s) => s.id), user };
}

export async function benchTally(database: Database, log: (line: string) => void = console.log): Promise<TallyBenchResult> {
  const db = database.db;
  const s = await seed(database);
  const actor = { id: s.user.id, email: s.user.email };
  const assignments: Assignment[] = [{ role: "coordinator", municipalityId: s.municipalityId, organizationId: null, helpPointId: null }];
  try {
    const latencies: number[] = [];
    let failures = 0;
    const perDesk = BENCH_CONTACTS / BENCH_DESKS;
    const started = performance.now();
    await Promise.all(
      s.points.map(async (helpPointId, desk) => {
        for (let n = 0; n < perDesk; n++) {
          const input = tallyInput.parse({
            helpPointId,
            channel: n % 5 === 0 ? "phone" : "walk_in",
            topicIds: [s.topics[n % 2]],
            serviceIds: n % 3 === 0 ? [] : [s.services[(n + desk) % 2]],
            outcome: n % 4 === 0 ? "partly" : "solved",
            duration: "10_to_30",
            ageBand: n % 2 === 0 ? "65_to_79" : "",
            remark: n % 10 === 0 ? "eBox-code komt niet aan" : "",
          });
          const t0 = performance.now();
          const result = await logContact(db, s.municipalityId, input, actor, assignments);
          latencies.push(performance.now() - t0);
          if (!result.ok) failures++;
        }
      }),
    );
    const totalMs = performance.now() - started;
    const [{ stored }] = await db
      .select({ stored: sql<number>`count(*)::int` })
      .from(helpContacts)
      .where(eq(helpContacts.municipalityId, s.municipalityId));
    const sorted = latencies.sort((a, b) => a - b);
    const result: TallyBenchResult = {
      kind: database.kind,
      contacts: BENCH_CONTACTS,
      desks: BENCH_DESKS,
      stored: Number(stored),
      perSecond: (BENCH_CONTACTS / totalMs) * 1000,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      totalMs,
      pass: failures === 0 && Number(stored) === BENCH_CONTACTS,
    };
    const fmt = (n: number) => n.toFixed(1);
    log(
      `Help-question log (${database.kind}): ${BENCH_CONTACTS} contacts from ${BENCH_DESKS} desks at once → ${result.stored} stored, ` +
        `${fmt(result.perSecond)} contacts/s — ${result.pass ? "PASS" : "MISS"}`,
    );
    log(`  latency of one contact: p50 ${fmt(result.p50Ms)} ms, p99 ${fmt(result.p99Ms)} ms; all done in ${fmt(totalMs)} ms`);
    return result;
  } finally {
    // The municipality takes its points, contacts and audit entries with it.
    await db.delete(municipalities).where(eq(municipalities.id, s.municipalityId));
    await db.delete(users).where(eq(users.id, s.user.id));
  }
}

await runStandalone(import.meta.url, benchTally);
