import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { districts, helpPoints, helpPointTopics, municipalities, openingHours, organizations, scheduleExceptions, topics } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { getHelpPointDetails, listSpokenLanguages, searchHelpPoints } from "./finder.server";
import { finderQuery } from "./schema";

let database: Database;
let antwerpen: { id: string };
let ids: Record<string, string> = {};
const q = (input: Record<string, string> = {}) => finderQuery.parse(input);
// Tuesday 24 November 2026, 10:00 in Brussels
const TUESDAY_10H = new Date("2026-11-24T09:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const [a, h] = await db
    .insert(municipalities)
    .values([
      { slug: "antwerpen", name: "Antwerpen", phone: "03 22 11 333", latitude: 51.22, longitude: 4.4 },
      { slug: "hasselt", name: "Hasselt", phone: "011 23 90 00", latitude: 50.93, longitude: 5.33 },
    ])
    .returning();
  antwerpen = a;
  const [kiel] = await db.insert(districts).values({ municipalityId: a.id, name: "Antwerpen", postcodes: ["2000", "2020"] }).returning();
  const [itsme, printing] = await db
    .insert(topics)
    .values([
      { municipalityId: a.id, code: "identity-login", name: { nl: "itsme en inloggen", en: "itsme and logging in" } },
      { municipalityId: a.id, code: "printing-scanning", name: { nl: "Printen en scannen" } },
    ])
    .returning();
  const [org] = await db.insert(organizations).values({ municipalityId: a.id, name: "Stad Antwerpen", type: "city_department" }).returning();
  const [orgH] = await db.insert(organizations).values({ municipalityId: h.id, name: "Stad Hasselt", type: "city_department" }).returning();
  const points = await db
    .insert(helpPoints)
    .values([
      // Near postcode 2020, walk-in, Arabic, wheelchair
      { municipalityId: a.id, organizationId: org.id, districtId: kiel.id, name: "Digipunt Kiel", type: "digipunt", street: "De Bosschaertstraat 1", postcode: "2020", city: "Antwerpen", latitude: 51.195, longitude: 4.39, walkIn: true, byAppointment: false, wheelchairAccessible: true, languages: ["nl", "ar"] },
      // Far north, appointment only
      { municipalityId: a.id, organizationId: org.id, name: "Digipunt Ekeren", type: "digipunt", street: "Veltwijcklaan 27", postcode: "2180", city: "Ekeren", latitude: 51.28, longitude: 4.42, walkIn: false, byAppointment: true, wheelchairAccessible: false, languages: ["nl"] },
      // Pop-up with no weekly hours, only dates
      { municipalityId: a.id, organizationId: org.id, name: "Pop-up Zuid", type: "popup", street: "Bresstraat 5", postcode: "2018", city: "Antwerpen", latitude: 51.2, longitude: 4.4, walkIn: true, languages: ["nl", "fr"] },
      // Another municipality: never in Antwerp's results
      { municipalityId: h.id, organizationId: orgH.id, name: "OCR Hasselt", type: "ocr", street: "Limburgplein 1", postcode: "3500", city: "Hasselt", latitude: 50.93, longitude: 5.33, languages: ["nl", "tr"] },
    ])
    .returning();
  ids = Object.fromEntries(points.map((p) => [p.name, p.id]));
  await db.insert(helpPointTopics).values([
    { helpPointId: ids["Digipunt Kiel"], topicId: itsme.id },
    { helpPointId: ids["Digipunt Ekeren"], topicId: printing.id },
  ]);
  const weekdays = [1, 2, 3, 4, 5];
  await db.insert(openingHours).values([
    ...weekdays.flatMap((weekday) => [
      { helpPointId: ids["Digipunt Kiel"], weekday, opens: "09:00", closes: "12:00" },
      { helpPointId: ids["Digipunt Kiel"], weekday, opens: "13:00", closes: "16:00" },
    ]),
    { helpPointId: ids["Digipunt Ekeren"], weekday: 2, opens: "13:00", closes: "16:00" },
  ]);
  await db.insert(scheduleExceptions).values([
    { helpPointId: ids["Pop-up Zuid"], date: "2026-11-26", kind: "open", opens: "13:30", closes: "16:00", reason: "Pop-up in de bib" },
    { helpPointId: ids["Pop-up Zuid"], date: "2026-12-10", kind: "open", opens: "13:30", closes: "16:00" },
    { helpPointId: ids["Digipunt Kiel"], date: "2026-11-27", kind: "closed", reason: "Opleiding personeel" },
  ]);
});

afterAll(async () => {
  await database?.close();
});

const names = (r: Awaited<ReturnType<typeof searchHelpPoints>>) => r.results.map((p) => p.name);

describe("help point finder", () => {
  it("lists only the municipality's own points", async () => {
    const result = await searchHelpPoints(database.db, antwerpen, q(), TUESDAY_10H);
    expect(names(result).sort()).toEqual(["Digipunt Ekeren", "Digipunt Kiel", "Pop-up Zuid"]);
  });

  it("filters by topic, and finds by a word of the need", async () => {
    expect(names(await searchHelpPoints(database.db, antwerpen, q({ topic: "identity-login" }), TUESDAY_10H))).toEqual(["Digipunt Kiel"]);
    expect(names(await searchHelpPoints(database.db, antwerpen, q({ q: "ITSME" }), TUESDAY_10H))).toEqual(["Digipunt Kiel"]);
    expect(names(await searchHelpPoints(database.db, antwerpen, q({ q: "printen" }), TUESDAY_10H))).toEqual(["Digipunt Ekeren"]);
  });

  it("sorts by distance from a postcode", async () => {
    const result = await searchHelpPoints(database.db, antwerpen, q({ postcode: "2180" }), TUESDAY_10H);
    expect(names(result)[0]).toBe("Digipunt Ekeren");
    expect(result.results[0].distanceKm).toBeCloseTo(0, 1);
    expect(result.results[1].distanceKm!).toBeGreaterThan(5);
  });

  it("says so when nobody helps near a valid but unknown postcode, and still lists everything", async () => {
    const result = await searchHelpPoints(database.db, antwerpen, q({ postcode: "9999" }), TUESDAY_10H);
    expect(result.unknownPostcode).toBe(true);
    expect(result.total).toBe(3);
  });

  it("filters by open now, walk-in or appointment, language and wheelchair access", async () => {
    expect(names(await searchHelpPoints(database.db, antwerpen, q({ open: "now" }), TUESDAY_10H))).toEqual(["Digipunt Kiel"]);
    expect(names(await searchHelpPoints(database.db, antwerpen, q({ access: "appointment" }), TUESDAY_10H))).toEqual(["Digipunt Ekeren"]);
    expect(names(await searchHelpPoints(database.db, antwerpen, q({ language: "ar" }), TUESDAY_10H))).toEqual(["Digipunt Kiel"]);
    expect(names(await searchHelpPoints(database.db, antwerpen, q({ wheelchair: "1" }), TUESDAY_10H))).toEqual(["Digipunt Kiel"]);
  });

  it("applies the point's own closure to 'open now'", async () => {
    // Friday 27 November, 10:00: Kiel is closed for training
    const friday = new Date("2026-11-27T09:00:00Z");
    expect(names(await searchHelpPoints(database.db, antwerpen, q({ open: "now" }), friday))).toEqual([]);
  });

  it("refuses a malformed postcode with a helpful message key", () => {
    const parsed = finderQuery.safeParse({ postcode: "20x0" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].message).toBe("finder.errors.postcode");
  });

  it("shows a pop-up's next dates and this week's hours with closures", async () => {
    const popup = await getHelpPointDetails(database.db, antwerpen.id, ids["Pop-up Zuid"], TUESDAY_10H);
    expect(popup!.nextDates.map((d) => d.date)).toEqual(["2026-11-26", "2026-12-10"]);
    const kiel = await getHelpPointDetails(database.db, antwerpen.id, ids["Digipunt Kiel"], TUESDAY_10H);
    const friday = kiel!.week.find((d) => d.date === "2026-11-27")!;
    expect(friday.intervals).toEqual([]);
    expect(friday.closedReason).toBe("Opleiding personeel");
  });

  it("does not show another municipality's point on this municipality's site", async () => {
    expect(await getHelpPointDetails(database.db, antwerpen.id, ids["OCR Hasselt"], TUESDAY_10H)).toBeNull();
    expect(await getHelpPointDetails(database.db, antwerpen.id, "not-a-uuid", TUESDAY_10H)).toBeNull();
  });

  it("pages through many results, 20 at a time, and an old link past the end shows the last page", async () => {
    const [many] = await database.db
      .insert(municipalities)
      .values({ slug: "veelstad", name: "Veelstad", phone: "09 000 00 00", latitude: 51, longitude: 3.7 })
      .returning();
    const [org] = await database.db.insert(organizations).values({ municipalityId: many.id, name: "Veelstad", type: "city_department" }).returning();
    await database.db.insert(helpPoints).values(
      Array.from({ length: 23 }, (_, i) => ({
        municipalityId: many.id,
        organizationId: org.id,
        name: `Punt ${String(i + 1).padStart(2, "0")}`,
        type: "digipunt" as const,
        street: "Straat 1",
        postcode: "9000",
        city: "Veelstad",
      })),
    );
    const first = await searchHelpPoints(database.db, many, q(), TUESDAY_10H);
    expect(first).toMatchObject({ total: 23, page: 1, pages: 2 });
    expect(names(first)).toHaveLength(20);
    const second = await searchHelpPoints(database.db, many, q({ page: "2" }), TUESDAY_10H);
    expect(names(second)).toEqual(["Punt 21", "Punt 22", "Punt 23"]);
    const pastTheEnd = await searchHelpPoints(database.db, many, q({ page: "9" }), TUESDAY_10H);
    expect(pastTheEnd).toMatchObject({ total: 23, page: 2 });
    expect(names(pastTheEnd)).toEqual(["Punt 21", "Punt 22", "Punt 23"]);
  });

  it("lists the languages spoken, Dutch first", async () => {
    expect(await listSpokenLanguages(database.db, antwerpen.id)).toEqual(["nl", "fr", "ar"]);
  });
});
