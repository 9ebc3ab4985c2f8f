import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import {
  courseRuns,
  courses,
  courseSessions,
  courseTrainers,
  districts,
  donations,
  helpPoints,
  helpPointTopics,
  municipalities,
  openingHours,
  organizations,
  roleAssignments,
  scheduleExceptions,
  serviceAtLocation,
  registrations,
  services,
  topics,
  users,
} from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { verifyPassword } from "~/modules/auth/password.server";
import { belgianPublicHolidays } from "~/modules/finder/opening-hours";
import { searchCourses } from "~/modules/learning/catalogue.server";
import { DEMO_PASSWORD, DEMO_USERS, nthWeekdayDates } from "./demo-data";
import { demoSessionDates } from "./learning-seed.server";
import { seedDemoData } from "./seed.server";

const TOPIC_CODES = [
  "identity-login",
  "city-counter",
  "taxes",
  "ebox",
  "pensions",
  "social-benefits",
  "housing",
  "health",
  "banking",
  "work",
  "school-apps",
  "mobility",
  "smartphone-basics",
  "computer-basics",
  "online-safety",
  "communication",
  "online-shopping",
  "printing-scanning",
  "internet-subscription",
];
const ICONS = [
  "id-card",
  "city",
  "tax",
  "mailbox",
  "pension",
  "social",
  "house",
  "health",
  "bank",
  "work",
  "school",
  "bus",
  "phone",
  "computer",
  "shield",
  "chat",
  "cart",
  "printer",
  "wifi",
];
const ARABIC = /[\u0600-\u06FF]/;
const REFERENCE_DAY = new Date("2026-11-25T12:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

let database: Database;

async function tableCounts() {
  const db = database.db;
  const tables = {
    municipalities,
    districts,
    topics,
    organizations,
    services,
    helpPoints,
    helpPointTopics,
    serviceAtLocation,
    openingHours,
    scheduleExceptions,
    users,
    roleAssignments,
    courses,
    courseRuns,
    courseSessions,
    registrations,
  };
  const result: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    result[name] = row.n;
  }
  return result;
}

async function municipalityId(slug: string): Promise<string> {
  const [row] = await database.db.select().from(municipalities).where(eq(municipalities.slug, slug));
  return row.id;
}

describe("demo data", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("seeds once, in a fresh database", async () => {
    expect(await seedDemoData(database.db)).toEqual({ seeded: true });
  });

  it("creates the two demo municipalities", async () => {
    const rows = await database.db.select().from(municipalities).orderBy(municipalities.slug);
    expect(rows.map((m) => m.slug)).toEqual(["antwerpen", "hasselt"]);
    expect(rows.every((m) => m.isDemo)).toBe(true);
    const [antwerpen, hasselt] = rows;
    expect(antwerpen).toMatchObject({ name: "Antwerpen", phone: "03 22 11 333", latitude: 51.2194, longitude: 4.4025 });
    expect(hasselt).toMatchObject({ name: "Hasselt", phone: "011 23 90 00", latitude: 50.9307, longitude: 5.3325 });
    for (const m of rows) {
      expect(m.languages).toEqual(["nl", "fr", "en", "ar"]);
      expect(Object.keys(m.phoneHours ?? {}).sort()).toEqual(["ar", "en", "fr", "nl"]);
    }
  });

  it("gives Antwerp its 9 districts and Hasselt its deelgemeenten", async () => {
    const antwerp = await database.db
      .select()
      .from(districts)
      .where(eq(districts.municipalityId, await municipalityId("antwerpen")));
    expect(Object.fromEntries(antwerp.map((d) => [d.name, d.postcodes]))).toEqual({
      Antwerpen: ["2000", "2018", "2020", "2030", "2050", "2060"],
      Berchem: ["2600"],
      "Berendrecht-Zandvliet-Lillo": ["2040"],
      Borgerhout: ["2140"],
      Deurne: ["2100"],
      Ekeren: ["2180"],
      Hoboken: ["2660"],
      Merksem: ["2170"],
      Wilrijk: ["2610"],
    });
    const antwerpTotal = antwerp.reduce((sum, d) => sum + (d.population ?? 0), 0);
    expect(antwerpTotal).toBeGreaterThan(500_000);
    expect(antwerpTotal).toBeLessThan(560_000);

    const hasselt = await database.db
      .select()
      .from(districts)
      .where(eq(districts.municipalityId, await municipalityId("hasselt")));
    expect(Object.fromEntries(hasselt.map((d) => [d.name, d.postcodes]))).toEqual({
      Hasselt: ["3500"],
      "Sint-Lambrechts-Herk": ["3500"],
      Wimmertingen: ["3501"],
      Kermt: ["3510"],
      Spalbeek: ["3510"],
      Kuringen: ["3511"],
      Stokrooie: ["3511"],
      Stevoort: ["3512"],
    });
    const hasseltTotal = hasselt.reduce((sum, d) => sum + (d.population ?? 0), 0);
    expect(hasseltTotal).toBeGreaterThan(75_000);
    expect(hasseltTotal).toBeLessThan(85_000);
  });

  it("gives each municipality the 19 starter topics in four languages", async () => {
    for (const slug of ["antwerpen", "hasselt"]) {
      const rows = await database.db
        .select()
        .from(topics)
        .where(eq(topics.municipalityId, await municipalityId(slug)))
        .orderBy(topics.position);
      expect(rows.map((t) => t.code)).toEqual(TOPIC_CODES);
      expect(rows.map((t) => t.icon)).toEqual(ICONS);
      expect(rows.map((t) => t.position)).toEqual(TOPIC_CODES.map((_, i) => i));
      for (const t of rows) {
        for (const lang of ["nl", "fr", "en", "ar"]) expect(t.name[lang], `${t.code} ${lang}`).toBeTruthy();
        expect(t.name.ar).toMatch(ARABIC);
      }
    }
  });

  it("spreads Antwerp's help points over all districts, with a pop-up in each", async () => {
    const id = await municipalityId("antwerpen");
    const points = await database.db.select().from(helpPoints).where(eq(helpPoints.municipalityId, id));
    const districtRows = await database.db.select().from(districts).where(eq(districts.municipalityId, id));
    expect(points.length).toBeGreaterThanOrEqual(27);
    for (const district of districtRows) {
      const inDistrict = points.filter((p) => p.districtId === district.id);
      expect(inDistrict.length, district.name).toBeGreaterThanOrEqual(2);
      expect(inDistrict.filter((p) => p.type === "popup").length, district.name).toBe(1);
      for (const p of inDistrict) expect(district.postcodes, p.name).toContain(p.postcode);
    }
    const types = new Set(points.map((p) => p.type));
    for (const type of ["digipunt", "library", "service_centre", "popup", "wifi_spot"]) expect(types).toContain(type);
    const wifi = points.filter((p) => p.type === "wifi_spot").length;
    expect(wifi).toBeGreaterThanOrEqual(1);
    expect(wifi).toBeLessThanOrEqual(2);
  });

  it("gives Hasselt computer rooms, service centres, a library and a digipunt", async () => {
    const id = await municipalityId("hasselt");
    const points = await database.db.select().from(helpPoints).where(eq(helpPoints.municipalityId, id));
    const districtRows = await database.db.select().from(districts).where(eq(districts.municipalityId, id));
    expect(points.length).toBeGreaterThanOrEqual(9);
    const types = new Set(points.map((p) => p.type));
    for (const type of ["ocr", "service_centre", "library", "digipunt"]) expect(types).toContain(type);
    for (const p of points) {
      const district = districtRows.find((d) => d.id === p.districtId);
      expect(district?.postcodes, p.name).toContain(p.postcode);
    }
  });

  it("fills in every help point completely", async () => {
    const all = await database.db.select().from(helpPoints);
    const munis = await database.db.select().from(municipalities);
    const topicLinks = await database.db.select().from(helpPointTopics);
    const locations = await database.db.select().from(serviceAtLocation);
    const serviceRows = await database.db.select().from(services);
    for (const p of all) {
      const muni = munis.find((m) => m.id === p.municipalityId)!;
      // Within 20 km of the city centre (Berendrecht is the farthest, about 15 km).
      const km = Math.hypot((p.latitude! - muni.latitude) * 111, (p.longitude! - muni.longitude) * 70);
      expect(km, p.name).toBeLessThan(20);
      expect(p.languages, p.name).toContain("nl");
      expect(p.phone, p.name).toMatch(/^0\d{1,2}( \d{2,3}){2,3}$/);
      expect(p.description?.nl && p.description.en, p.name).toBeTruthy();
      expect(p.accessibilityNotes?.nl && p.accessibilityNotes.en, p.name).toBeTruthy();
      for (const item of p.equipment) expect(["computers", "printer", "scanner", "wifi"]).toContain(item);
      const n = topicLinks.filter((l) => l.helpPointId === p.id).length;
      expect(n, p.name).toBeGreaterThanOrEqual(4);
      expect(n, p.name).toBeLessThanOrEqual(12);
      const pointServices = locations.filter((l) => l.helpPointId === p.id);
      expect(pointServices.length, p.name).toBeGreaterThanOrEqual(1);
      for (const l of pointServices) {
        expect(serviceRows.find((s) => s.id === l.serviceId)?.organizationId, p.name).toBe(p.organizationId);
      }
      expect(p.lastCheckedAt, p.name).toBeInstanceOf(Date);
      expect(p.lastCheckedBy, p.name).toBeTruthy();
    }
    expect(all.filter((p) => p.wheelchairAccessible).length / all.length).toBeGreaterThan(0.8);
    expect(all.some((p) => p.walkIn && !p.byAppointment)).toBe(true);
    expect(all.some((p) => !p.walkIn && p.byAppointment)).toBe(true);
    expect(all.some((p) => p.walkIn && p.byAppointment)).toBe(true);
  });

  it("has entries that were checked recently and some that are overdue for a check", async () => {
    const all = await database.db.select().from(helpPoints);
    const ages = all.map((p) => (REFERENCE_DAY.getTime() - p.lastCheckedAt!.getTime()) / DAY_MS);
    expect(ages.every((age) => age >= 0)).toBe(true);
    expect(ages.filter((age) => age > 183).length).toBeGreaterThanOrEqual(3);
    expect(ages.filter((age) => age <= 92).length / ages.length).toBeGreaterThan(0.75);
  });

  it("gives organisations one to three services, named in several languages", async () => {
    const orgs = await database.db.select().from(organizations);
    const serviceRows = await database.db.select().from(services);
    // Companies that only donate devices to the device bank (issue 5) offer no services.
    const donors = new Set((await database.db.select({ id: donations.donorOrganizationId }).from(donations)).map((d) => d.id));
    for (const org of orgs.filter((o) => !donors.has(o.id))) {
      const n = serviceRows.filter((s) => s.organizationId === org.id).length;
      expect(n, org.name).toBeGreaterThanOrEqual(1);
      expect(n, org.name).toBeLessThanOrEqual(3);
      expect(org.description?.nl, org.name).toBeTruthy();
    }
    for (const s of serviceRows) {
      expect(s.name.nl && s.name.en, s.name.nl).toBeTruthy();
      if (s.name.ar) expect(s.name.ar).toMatch(ARABIC);
      expect(s.description?.nl, s.name.nl).toBeTruthy();
    }
    expect(new Set(orgs.map((o) => o.type))).toEqual(
      new Set(["city_department", "service_centre", "library", "ocmw", "ngo", "school", "company"]),
    );
  });

  it("has weekly hours with lunch breaks, closures and pop-up dates", async () => {
    const points = await database.db.select().from(helpPoints);
    const hourRows = await database.db.select().from(openingHours);
    const exceptionRows = await database.db.select().from(scheduleExceptions);

    // A break: two rows on one weekday.
    const perDay = new Map<string, number>();
    for (const h of hourRows) perDay.set(`${h.helpPointId}/${h.weekday}`, (perDay.get(`${h.helpPointId}/${h.weekday}`) ?? 0) + 1);
    expect([...perDay.values()].some((n) => n === 2)).toBe(true);

    const closures = exceptionRows.filter((e) => e.kind === "closed");
    expect(closures.some((e) => e.date === "2026-12-03" && e.reason === "Opleidingsdag personeel")).toBe(true);
    expect(closures.some((e) => e.date === "2026-12-24")).toBe(true);
    expect(closures.some((e) => e.date === "2026-12-31")).toBe(true);
    expect(closures.every((e) => e.reason)).toBe(true);

    const holidays = new Set([...belgianPublicHolidays(2026, "nl").keys(), ...belgianPublicHolidays(2027, "nl").keys()]);
    const popups = points.filter((p) => p.type === "popup");
    expect(popups.length).toBeGreaterThanOrEqual(9);
    for (const p of popups) {
      expect(hourRows.filter((h) => h.helpPointId === p.id), p.name).toEqual([]);
      const dates = exceptionRows.filter((e) => e.helpPointId === p.id && e.kind === "open");
      // About twice a month from November to March.
      expect(dates.length, p.name).toBeGreaterThanOrEqual(8);
      expect(dates.length, p.name).toBeLessThanOrEqual(10);
      for (const e of dates) {
        expect(e.date >= "2026-11-01" && e.date <= "2027-03-31", `${p.name} ${e.date}`).toBe(true);
        expect(holidays.has(e.date), `${p.name} on a public holiday ${e.date}`).toBe(false);
        expect(e.opens && e.closes && e.reason, p.name).toBeTruthy();
      }
      const months = new Set(dates.map((e) => e.date.slice(0, 7)));
      expect(months, p.name).toEqual(new Set(["2026-11", "2026-12", "2027-01", "2027-02", "2027-03"]));
    }
  });

  it("creates the demo staff with their roles", async () => {
    const userRows = await database.db.select().from(users);
    const roles = await database.db.select().from(roleAssignments);
    expect(userRows.length).toBe(DEMO_USERS.length);
    expect(userRows.every((u) => u.isDemo)).toBe(true);
    expect(await verifyPassword(userRows[0].passwordHash, DEMO_PASSWORD)).toBe(true);

    const admin = roles.find((r) => r.role === "platform_admin")!;
    expect(admin.municipalityId).toBeNull();
    for (const slug of ["antwerpen", "hasselt"]) {
      const id = await municipalityId(slug);
      const inCity = roles.filter((r) => r.municipalityId === id);
      expect(new Set(inCity.map((r) => r.role))).toEqual(
        new Set(["coordinator", "organization_manager", "digihelper", "trainer", "device_officer", "service_owner"]),
      );
      expect(inCity.find((r) => r.role === "organization_manager")?.organizationId).toBeTruthy();
      expect(inCity.find((r) => r.role === "digihelper")?.helpPointId).toBeTruthy();
    }
    for (const demoUser of DEMO_USERS) {
      const user = userRows.find((u) => u.email === demoUser.email);
      expect(user?.name).toBe(demoUser.name);
      expect(roles.find((r) => r.userId === user!.id)?.role).toBe(demoUser.role);
    }
  });

  it("loads courses with runs, weekly sessions to come and registration lists that match the counts", async () => {
    const now = new Date();
    const db = database.db;
    const [courseRows, runRows, sessionRows, registrationRows, trainerRows, roles, points] = await Promise.all([
      db.select().from(courses),
      db.select().from(courseRuns),
      db.select().from(courseSessions),
      db.select().from(registrations),
      db.select().from(courseTrainers),
      db.select().from(roleAssignments),
      db.select().from(helpPoints),
    ]);
    const antwerpen = await municipalityId("antwerpen");
    const hasselt = await municipalityId("hasselt");
    expect(courseRows.filter((c) => c.municipalityId === antwerpen).length).toBeGreaterThanOrEqual(6);
    expect(courseRows.filter((c) => c.municipalityId === hasselt).length).toBeGreaterThanOrEqual(4);
    for (const audience of ["seniors", "parents", "newcomers", "city_staff"]) {
      expect(courseRows.some((c) => c.audiences.includes(audience)), audience).toBe(true);
    }
    expect(courseRows.some((c) => c.priceCents > 0 && c.uitpasPriceCents != null)).toBe(true);

    for (const course of courseRows) {
      for (const lang of ["nl", "fr", "en", "ar"]) expect(course.title[lang], `${course.title.nl} ${lang}`).toBeTruthy();
      expect(course.title.ar).toMatch(ARABIC);
      const runs = runRows.filter((r) => r.courseId === course.id);
      expect(runs.length, course.title.nl).toBeGreaterThanOrEqual(1);
      expect(runs.length, course.title.nl).toBeLessThanOrEqual(3);
      for (const run of runs) {
        const sessions = sessionRows.filter((s) => s.runId === run.id).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
        expect(sessions.length, course.title.nl).toBeGreaterThanOrEqual(1);
        expect(sessions.at(-1)!.startsAt > now, course.title.nl).toBe(true);
        for (let i = 1; i < sessions.length; i++) {
          const days = (sessions[i].startsAt.getTime() - sessions[i - 1].startsAt.getTime()) / DAY_MS;
          // Weekly; a public holiday (Christmas, New Year) moves the rest of the series a week on.
          expect([7, 14, 21], course.title.nl).toContain(Math.round(days));
        }
        const registered = registrationRows.filter((r) => r.runId === run.id && r.status === "registered");
        expect(registered.length, course.title.nl).toBe(run.registeredCount);
        for (const r of registrationRows.filter((x) => x.runId === run.id)) {
          expect(r.phone ?? r.email ?? r.contactKey).toBeNull();
          expect(r.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
        }
        if (run.helpPointId) expect(points.find((p) => p.id === run.helpPointId)?.municipalityId).toBe(course.municipalityId);
        else expect(run.venue).toBeTruthy();
      }
      for (const t of trainerRows.filter((x) => x.courseId === course.id)) {
        expect(roles.some((r) => r.userId === t.userId && r.role === "trainer" && r.municipalityId === course.municipalityId)).toBe(true);
      }
    }
    // One full run with a waiting list, one nearly full, one that already started.
    const full = runRows.filter((r) => r.registeredCount === r.capacity);
    expect(full.length).toBeGreaterThanOrEqual(1);
    expect(full.some((r) => registrationRows.some((x) => x.runId === r.id && x.status === "waiting" && x.waitingSince))).toBe(true);
    expect(runRows.some((r) => r.capacity - r.registeredCount === 1)).toBe(true);
    expect(runRows.some((r) => sessionRows.some((s) => s.runId === r.id && s.startsAt < now))).toBe(true);
    // City staff register with their department.
    const staffCourse = courseRows.find((c) => c.audiences.includes("city_staff") && c.municipalityId === antwerpen)!;
    const staffRun = runRows.find((r) => r.courseId === staffCourse.id)!;
    expect(registrationRows.filter((r) => r.runId === staffRun.id).every((r) => r.department)).toBe(true);

    expect((await searchCourses(db, antwerpen, {}, now)).total).toBeGreaterThanOrEqual(6);
    expect((await searchCourses(db, hasselt, { free: "1" }, now)).total).toBeGreaterThanOrEqual(3);
  });

  it("does nothing the second time", async () => {
    const before = await tableCounts();
    expect(before.helpPoints).toBeGreaterThanOrEqual(36);
    expect(await seedDemoData(database.db)).toEqual({ seeded: false });
    expect(await tableCounts()).toEqual(before);
  });
});

describe("demo course dates", () => {
  it("puts weekly sessions on the weekday, skipping public holidays", () => {
    // From Monday 21 December 2026, on Fridays: 25 December (Christmas) and 1 January (New Year) are skipped.
    expect(demoSessionDates({ startInDays: 0, weekday: 5, sessions: 2 }, "2026-12-21")).toEqual(["2027-01-08", "2027-01-15"]);
    expect(demoSessionDates({ startInDays: 2, weekday: 2, sessions: 3 }, "2027-02-01")).toEqual(["2027-02-09", "2027-02-16", "2027-02-23"]);
  });
});

describe("pop-up dates", () => {
  it("finds the nth weekdays of each month", () => {
    // Tuesdays in November 2026: 3, 10, 17, 24.
    expect(nthWeekdayDates("2026-11-01", "2026-11-30", 2, [2, 4])).toEqual(["2026-11-10", "2026-11-24"]);
    // Thursdays in December 2026: 3, 10, 17, 24, 31 — the 24th (Christmas Eve) is skipped.
    expect(nthWeekdayDates("2026-12-01", "2026-12-31", 4, [2, 4])).toEqual(["2026-12-10"]);
    // Mondays in March 2027: 1, 8, 15, 22, 29 — the 29th is Easter Monday, but it is not a 2nd or 4th Monday.
    expect(nthWeekdayDates("2027-03-01", "2027-03-31", 1, [1, 3])).toEqual(["2027-03-01", "2027-03-15"]);
  });
});
