// Synthetic offer for the benchmark: one municipality ("bench") with 10,000 help points spread over Belgium,
// written with Drizzle straight into the database the server will open afterwards.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import {
  helpPoints,
  helpPointTopics,
  municipalities,
  openingHours,
  organizations,
  scheduleExceptions,
  serviceAtLocation,
  services,
  topics,
} from "~/db/schema";
import { DEMO_TOPICS } from "~/modules/demo/demo-data";

export const BENCH_SLUG = "bench";
/** The finder and API are measured around this postcode (Antwerpen centre) with this topic. */
export const BENCH_POSTCODE = "2000";
export const BENCH_TOPIC = "identity-login";
export const BENCH_POINTS = 10_000;

/** Deterministic pseudo-random numbers (mulberry32), so every run loads the same offer. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Region {
  from: number;
  to: number;
  city: string;
  lat: number;
  lng: number;
  /** Half-width of the area the region's postcodes fall in, in degrees of latitude. */
  spread: number;
  /** Extra points in the region's main postcode (a city centre is denser). */
  cityPoints: number;
}

// Belgian postcode areas with a rough centre: 1xxx Brussels and Brabant, 2xxx Antwerp, 3xxx Leuven and Limburg,
// 4xxx Liège, 5xxx Namur, 6xxx Charleroi and Luxembourg, 7xxx Hainaut, 8xxx West and 9xxx East Flanders.
const REGIONS: Region[] = [
  { from: 1000, to: 1299, city: "Brussel", lat: 50.846, lng: 4.352, spread: 0.05, cityPoints: 150 },
  { from: 1300, to: 1499, city: "Waver", lat: 50.68, lng: 4.55, spread: 0.12, cityPoints: 30 },
  { from: 1500, to: 1999, city: "Vilvoorde", lat: 50.9, lng: 4.38, spread: 0.16, cityPoints: 30 },
  { from: 2000, to: 2999, city: "Antwerpen", lat: 51.219, lng: 4.402, spread: 0.22, cityPoints: 150 },
  { from: 3000, to: 3499, city: "Leuven", lat: 50.879, lng: 4.701, spread: 0.14, cityPoints: 60 },
  { from: 3500, to: 3999, city: "Hasselt", lat: 50.93, lng: 5.338, spread: 0.2, cityPoints: 60 },
  { from: 4000, to: 4999, city: "Liège", lat: 50.633, lng: 5.567, spread: 0.24, cityPoints: 100 },
  { from: 5000, to: 5999, city: "Namur", lat: 50.467, lng: 4.867, spread: 0.28, cityPoints: 50 },
  { from: 6000, to: 6599, city: "Charleroi", lat: 50.411, lng: 4.444, spread: 0.16, cityPoints: 80 },
  { from: 6600, to: 6999, city: "Bastogne", lat: 50.0, lng: 5.55, spread: 0.3, cityPoints: 20 },
  { from: 7000, to: 7999, city: "Mons", lat: 50.454, lng: 3.952, spread: 0.22, cityPoints: 50 },
  { from: 8000, to: 8999, city: "Brugge", lat: 51.05, lng: 3.0, spread: 0.25, cityPoints: 80 },
  { from: 9000, to: 9999, city: "Gent", lat: 51.054, lng: 3.717, spread: 0.2, cityPoints: 120 },
];

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const TYPES = ["digipunt", "ocr", "library", "service_centre", "popup", "wifi_spot"] as const;
const ORG_TYPES = ["city_department", "service_centre", "library", "ocmw", "ngo", "school", "company"] as const;
const LANGS = ["nl", "fr", "en", "ar", "tr", "uk", "de", "es"];
const EQUIPMENT = ["computers", "printer", "scanner", "wifi"];

export interface BenchSeed {
  municipalityId: string;
  topicId: string;
  points: number;
  rows: Record<string, number>;
}

async function insertChunked<T>(insert: (rows: T[]) => Promise<unknown>, rows: T[], size = 1000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Replaces the bench municipality (and everything under it) with a fresh synthetic offer, then ANALYZEs. */
export async function seedBench(db: Db, count = BENCH_POINTS): Promise<BenchSeed> {
  const rnd = random(20261125);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const gauss = () => (rnd() + rnd() + rnd() - 1.5) / 1.5; // roughly -1..1, centred

  // Postcodes in use: every tenth code from 1000 to 9990 (900 postcodes, about as many as Belgium has),
  // each with a centre inside its region.
  const postcodes = new Map<string, { lat: number; lng: number; region: Region }>();
  for (let code = 1000; code <= 9990; code += 10) {
    const region = REGIONS.find((r) => code >= r.from && code <= r.to)!;
    const main = code === region.from;
    const lat = main ? region.lat : region.lat + (rnd() * 2 - 1) * region.spread;
    const lng = main ? region.lng : region.lng + (rnd() * 2 - 1) * region.spread * 1.5;
    postcodes.set(String(code), { lat: clamp(lat, 49.5, 51.5), lng: clamp(lng, 2.55, 6.4), region });
  }
  const codes = [...postcodes.keys()];
  // City centres first, then the rest spread evenly over all postcodes.
  const assigned: string[] = REGIONS.flatMap((r) => Array<string>(r.cityPoints).fill(String(r.from)));
  while (assigned.length < count) assigned.push(codes[assigned.length % codes.length]);
  assigned.length = count;

  return db.transaction(async (tx) => {
    // Help points first: their organisation reference is ON DELETE RESTRICT.
    const [old] = await tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, BENCH_SLUG));
    if (old) {
      await tx.delete(helpPoints).where(eq(helpPoints.municipalityId, old.id));
      await tx.delete(municipalities).where(eq(municipalities.id, old.id));
    }
    const municipalityId = randomUUID();
    await tx.insert(municipalities).values({
      id: municipalityId,
      slug: BENCH_SLUG,
      name: "Benchmark",
      phone: "02 000 00 00",
      latitude: 50.64,
      longitude: 4.67,
    });

    const topicRows = DEMO_TOPICS.map((t, position) => ({
      id: randomUUID(),
      municipalityId,
      code: t.code as string,
      icon: t.icon,
      name: t.name,
      position,
    }));
    await tx.insert(topics).values(topicRows);
    const benchTopic = topicRows.find((t) => t.code === BENCH_TOPIC)!;

    const orgRows = Array.from({ length: 20 }, (_, i) => ({
      id: randomUUID(),
      municipalityId,
      name: `Benchorganisatie ${i + 1}`,
      type: ORG_TYPES[i % ORG_TYPES.length],
      description: { nl: "Synthetische organisatie voor de benchmark." },
      website: `https://org${i + 1}.bench.example`,
      email: `info@org${i + 1}.bench.example`,
      phone: "02 000 00 00",
    }));
    await tx.insert(organizations).values(orgRows);
    const serviceId = randomUUID();
    await tx.insert(services).values({
      id: serviceId,
      municipalityId,
      organizationId: orgRows[0].id,
      name: { nl: "Digitale hulp", fr: "Aide numérique", en: "Digital help", ar: "مساعدة رقمية" },
      description: { nl: "Hulp bij computer, smartphone en online diensten." },
    });

    const pointRows = assigned.map((postcode, i) => {
      const place = postcodes.get(postcode)!;
      const types = TYPES[i % TYPES.length];
      return {
        id: randomUUID(),
        municipalityId,
        organizationId: orgRows[i % orgRows.length].id,
        name: `${place.region.city} ${types === "library" ? "bibliotheek" : "digipunt"} ${i + 1}`,
        type: types,
        description: { nl: "Gratis hulp met je computer, smartphone of tablet.", fr: "Aide gratuite avec votre ordinateur." },
        street: `Benchstraat ${1 + Math.floor(rnd() * 200)}`,
        postcode,
        city: place.region.city,
        // About 1.5 km around the postcode centre.
        latitude: clamp(place.lat + gauss() * 0.014, 49.5, 51.5),
        longitude: clamp(place.lng + gauss() * 0.022, 2.5, 6.4),
        phone: "02 000 00 00",
        walkIn: rnd() < 0.7,
        byAppointment: rnd() < 0.5,
        wheelchairAccessible: rnd() < 0.6,
        languages: ["nl", ...LANGS.slice(1).filter(() => rnd() < 0.25)],
        equipment: EQUIPMENT.filter(() => rnd() < 0.5),
        lastCheckedAt: new Date(Date.UTC(2026, 9, 1 + Math.floor(rnd() * 50))),
      };
    });
    await insertChunked((rows) => tx.insert(helpPoints).values(rows), pointRows);
    await insertChunked(
      (rows) => tx.insert(serviceAtLocation).values(rows),
      pointRows.map((p) => ({ serviceId, helpPointId: p.id })),
    );

    // Each point: the bench topic for a quarter of them, every other topic with probability 0.2 (at least one).
    const tagRows: { helpPointId: string; topicId: string }[] = [];
    for (const p of pointRows) {
      const chosen = topicRows.filter((t) => rnd() < (t.id === benchTopic.id ? 0.25 : 0.2));
      if (chosen.length === 0) chosen.push(pick(topicRows));
      for (const t of chosen) tagRows.push({ helpPointId: p.id, topicId: t.id });
    }
    await insertChunked((rows) => tx.insert(helpPointTopics).values(rows), tagRows);

    // Weekly hours: two to five weekdays, mornings, sometimes an afternoon after a break; some Saturdays.
    const hourRows: { helpPointId: string; weekday: number; opens: string; closes: string }[] = [];
    for (const p of pointRows) {
      for (let weekday = 1; weekday <= 6; weekday++) {
        if (rnd() > (weekday === 6 ? 0.15 : 0.6)) continue;
        hourRows.push({ helpPointId: p.id, weekday, opens: "09:00", closes: "12:00" });
        if (rnd() < 0.5) hourRows.push({ helpPointId: p.id, weekday, opens: "13:00", closes: "16:30" });
      }
    }
    await insertChunked((rows) => tx.insert(openingHours).values(rows), hourRows);

    // A few closures and extra sessions around now.
    const exceptionRows: (typeof scheduleExceptions.$inferInsert)[] = [];
    for (const p of pointRows) {
      if (rnd() < 0.05) exceptionRows.push({ helpPointId: p.id, date: "2026-12-24", kind: "closed", reason: "Kerstavond" });
      if (rnd() < 0.03)
        exceptionRows.push({ helpPointId: p.id, date: "2026-12-05", kind: "open", opens: "10:00", closes: "12:00" });
    }
    await insertChunked((rows) => tx.insert(scheduleExceptions).values(rows), exceptionRows);

    return {
      municipalityId,
      topicId: benchTopic.id,
      points: pointRows.length,
      rows: {
        help_points: pointRows.length,
        service_at_location: pointRows.length,
        help_point_topics: tagRows.length,
        opening_hours: hourRows.length,
        schedule_exceptions: exceptionRows.length,
      },
    };
  });
}

/** Fresh planner statistics, as autovacuum would eventually give a long-running database. */
export async function analyze(db: Db) {
  await db.execute(sql`ANALYZE`);
}
