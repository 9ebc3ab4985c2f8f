import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { auditLog, courseRuns, courses, courseSessions, courseTopics, courseTrainers, outbox, registrations, topics } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { addDaysTo, brusselsDate } from "~/modules/finder/opening-hours";
import { createStaffUser, type StaffUser } from "~/modules/offer/test-fixtures";
import {
  addRun,
  addSessions,
  brusselsInstant,
  cancelRun,
  createCourse,
  deleteSession,
  feedSessions,
  getCourseDetails,
  getCourseForEdit,
  InputError,
  InvalidReferenceError,
  listCoursesForStaff,
  searchCourses,
  trainerOptions,
  updateCourse,
  updateRun,
} from "./catalogue.server";
import { courseInput, parseCatalogueQuery, parseEuro, runInput, sessionInput, type CourseInput } from "./course-schema";
import { courseCalendar, sessionsToIcs } from "./ical.server";
import { cancelRegistration, registerForRun } from "./registration.server";
import { seedLearningFixture, type LearningFixture } from "./test-fixtures";

let database: Database;
let db: Db;
let f: LearningFixture;
let trainer: StaffUser;
let hasseltTrainer: StaffUser;
let topicCode: string;
const now = new Date();
const actor = { id: "", email: "coordinator@antwerpen.test" };

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedLearningFixture(db, now);
  trainer = await createStaffUser(db, "trainer@antwerpen.test", "trainer", { municipalityId: f.offer.antwerpen.id });
  hasseltTrainer = await createStaffUser(db, "trainer@hasselt.test", "trainer", { municipalityId: f.offer.hasselt.id });
  actor.id = trainer.id;
  const [row] = await db
    .select({ code: topics.code })
    .from(courseTopics)
    .innerJoin(topics, eq(topics.id, courseTopics.topicId))
    .where(eq(courseTopics.courseId, f.course));
  topicCode = row.code;
});
afterAll(() => database?.close());

const antwerp = () => f.offer.antwerpen.id;
const ids = (result: { results: { id: string }[] }) => result.results.map((r) => r.id);

function rawCourse() {
  return {
    titleNl: "Veilig online bankieren",
    titleFr: "Banque en ligne en sécurité",
    titleEn: "",
    titleAr: "",
    descriptionNl: "Leer veilig betalen met uw bankapp.",
    descriptionFr: "",
    descriptionEn: "",
    descriptionAr: "",
    whatToBringNl: "Uw smartphone en uw bankkaart",
    whatToBringFr: "",
    whatToBringEn: "",
    whatToBringAr: "",
    organizerId: f.offer.bibliotheek,
    level: "basic",
    audiences: ["adults", "seniors"],
    instructionLanguage: "nl",
    format: "group",
    mode: "in_person",
    price: "10",
    uitpasPrice: "2",
    completionPercent: "75",
    topicCodes: ["taxes"],
    digcompIds: ["4.2"],
    trainerIds: [trainer.id],
    published: true,
  };
}

function validCourse(overrides: Partial<CourseInput> = {}): CourseInput {
  return { ...courseInput.parse(rawCourse()), ...overrides };
}

describe("course forms", () => {
  it("reads prices in euro with a comma", () => {
    expect(parseEuro("10")).toBe(1000);
    expect(parseEuro("12,5")).toBe(1250);
    expect(parseEuro("€ 7.50")).toBe(750);
    expect(parseEuro("")).toBeNull();
    expect(parseEuro("tien")).toBe("invalid");
  });

  it("refuses an UiTPAS rate above the price or on a free course, with Dutch messages at the field", () => {
    const base = { ...rawCourse(), price: "5", uitpasPrice: "6" };
    const tooHigh = courseInput.safeParse(base);
    expect(tooHigh.success).toBe(false);
    expect(tooHigh.error!.issues[0]).toMatchObject({ path: ["uitpasPrice"], message: expect.stringContaining("UiTPAS") });
    const free = courseInput.safeParse({ ...base, price: "", uitpasPrice: "1" });
    expect(free.error!.issues[0].path).toEqual(["uitpasPrice"]);
    const noTitle = courseInput.safeParse({ ...base, titleNl: " ", uitpasPrice: "" });
    expect(noTitle.error!.issues[0]).toMatchObject({ path: ["titleNl"], message: "Vul de titel van de cursus in het Nederlands in." });
  });

  it("needs a help point or a venue for a run, and an end after the start for a session", () => {
    expect(runInput.safeParse({ helpPointId: "", venue: "", capacity: "10", offerHours: "48" }).error!.issues[0].path).toEqual(["helpPointId"]);
    expect(runInput.parse({ helpPointId: "", venue: "Stadhuis, zaal 3", capacity: " 12 ", offerHours: "48" })).toMatchObject({ capacity: 12, venue: "Stadhuis, zaal 3" });
    expect(runInput.safeParse({ helpPointId: f.offer.permeke, venue: "", capacity: "0", offerHours: "48" }).error!.issues[0].path).toEqual(["capacity"]);
    expect(sessionInput.parse({ date: "2030-01-07", startTime: "9u30", endTime: "11.30", weeks: "" })).toEqual({
      date: "2030-01-07",
      startTime: "09:30",
      endTime: "11:30",
      weeks: 1,
    });
    expect(sessionInput.safeParse({ date: "2030-01-07", startTime: "11:00", endTime: "10:00", weeks: "1" }).error!.issues[0].path).toEqual(["endTime"]);
    expect(sessionInput.safeParse({ date: "2030-02-30", startTime: "9", endTime: "10", weeks: "1" }).error!.issues[0].path).toEqual(["date"]);
  });

  it("parses the public filter and ignores what it does not know", () => {
    const parsed = parseCatalogueQuery(new URLSearchParams("level=basic&audience=nobody&free=1&from=2027-01-10&topic=&page=x"));
    expect(parsed.success && parsed.data).toEqual({ level: "basic", free: "1", from: "2027-01-10", page: 1 });
    const bad = parseCatalogueQuery(new URLSearchParams("from=2027-13-01&district=nope"));
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message).sort()).toEqual(["courses.errors.district", "courses.errors.from"]);
  });
});

describe("public catalogue", () => {
  it("lists published courses with a run still to come, soonest first", async () => {
    const result = await searchCourses(db, antwerp(), {}, now);
    // Staff course in 5 days, smartphone course: the started run has a session in 6 days.
    expect(ids(result)).toEqual([f.staffCourse, f.course]);
    const smartphone = result.results[1];
    expect(smartphone.runs.map((r) => r.id)).toEqual([f.pastRun, f.run, f.otherRun]);
    expect(smartphone.runs.map((r) => r.registrationOpen)).toEqual([false, true, true]);
    expect(smartphone.runs[1]).toMatchObject({ capacity: 2, registeredCount: 0, freePlaces: 2, sessionCount: 3, place: { name: "Digipunt Kiel", district: "Antwerpen" } });
    expect(result.results[0].runs[0]).toMatchObject({ place: null, venue: "Stadhuis, zaal 3" });
    expect(await searchCourses(db, f.offer.hasselt.id, {}, now)).toMatchObject({ total: 0, results: [] });
  });

  it("filters by topic, level, audience, language and district", async () => {
    expect(ids(await searchCourses(db, antwerp(), { topic: topicCode }, now))).toEqual([f.course]);
    expect(ids(await searchCourses(db, antwerp(), { topic: "no-such-topic" }, now))).toEqual([]);
    expect(ids(await searchCourses(db, antwerp(), { level: "basic" }, now))).toEqual([f.staffCourse]);
    expect(ids(await searchCourses(db, antwerp(), { audience: "seniors" }, now))).toEqual([f.course]);
    expect(ids(await searchCourses(db, antwerp(), { audience: "city_staff" }, now))).toEqual([f.staffCourse]);
    expect(ids(await searchCourses(db, antwerp(), { language: "nl" }, now))).toEqual([f.staffCourse, f.course]);
    expect(ids(await searchCourses(db, antwerp(), { language: "fr" }, now))).toEqual([]);
    expect(ids(await searchCourses(db, antwerp(), { district: f.offer.kiel }, now))).toEqual([f.course]);
    expect(ids(await searchCourses(db, antwerp(), { district: f.offer.borgerhout }, now))).toEqual([]);
  });

  it("filters by date: runs with a session on or after the day", async () => {
    const from = addDaysTo(brusselsDate(now), 15);
    const result = await searchCourses(db, antwerp(), { from }, now);
    expect(ids(result)).toEqual([f.course]);
    expect(result.results[0].runs.map((r) => r.id)).toEqual([f.run]);
    expect(result.results[0].runs[0].nextStart.getTime()).toBeGreaterThan(brusselsInstant(from, "00:00").getTime());
    expect(ids(await searchCourses(db, antwerp(), { from: addDaysTo(brusselsDate(now), 60) }, now))).toEqual([]);
  });

  it("with free places only: an open run with a place left", async () => {
    await db.update(courseRuns).set({ capacity: 1, registeredCount: 1 }).where(eq(courseRuns.id, f.otherRun));
    try {
      const result = await searchCourses(db, antwerp(), { free: "1" }, now);
      expect(ids(result)).toEqual([f.staffCourse, f.course]);
      expect(result.results[1].runs.map((r) => r.id)).toEqual([f.run]);
      // The full run is still listed without the filter, with no free places.
      const all = await searchCourses(db, antwerp(), {}, now);
      expect(all.results[1].runs.find((r) => r.id === f.otherRun)).toMatchObject({ freePlaces: 0, registrationOpen: true });
    } finally {
      await db.update(courseRuns).set({ capacity: 10, registeredCount: 0 }).where(eq(courseRuns.id, f.otherRun));
    }
  });

  it("hides unpublished courses and cancelled runs", async () => {
    await db.update(courses).set({ published: false }).where(eq(courses.id, f.staffCourse));
    try {
      expect(ids(await searchCourses(db, antwerp(), {}, now))).toEqual([f.course]);
      expect(await getCourseDetails(db, antwerp(), f.staffCourse, now)).toBeNull();
    } finally {
      await db.update(courses).set({ published: true }).where(eq(courses.id, f.staffCourse));
    }
    await db.update(courseRuns).set({ cancelled: true }).where(eq(courseRuns.id, f.staffRun));
    try {
      expect(ids(await searchCourses(db, antwerp(), {}, now))).toEqual([f.course]);
      const details = await getCourseDetails(db, antwerp(), f.staffCourse, now);
      expect(details?.runs).toEqual([expect.objectContaining({ id: f.staffRun, cancelled: true, registrationOpen: false })]);
    } finally {
      await db.update(courseRuns).set({ cancelled: false }).where(eq(courseRuns.id, f.staffRun));
    }
  });

  it("gives a course page with organiser, trainers, topics and runs with their sessions", async () => {
    await db.insert(courseTrainers).values({ courseId: f.course, userId: trainer.id });
    const details = await getCourseDetails(db, antwerp(), f.course, now);
    expect(details).toMatchObject({
      id: f.course,
      title: { nl: "Smartphone voor beginners" },
      organizer: { id: f.offer.digipunten, name: "Digipunten Antwerpen" },
      trainers: ["trainer"],
      topics: [expect.objectContaining({ code: topicCode })],
    });
    expect(details!.runs.map((r) => r.id)).toEqual([f.pastRun, f.run, f.otherRun]);
    const run = details!.runs[1];
    expect(run).toMatchObject({ registrationOpen: true, freePlaces: 2, place: { helpPointId: f.offer.digipuntKiel, street: "Sint-Bernardsesteenweg 1" } });
    expect(run.sessions.map((s) => s.id)).toEqual(f.sessions);
    expect(details!.runs[0]).toMatchObject({ registrationOpen: false, finished: false });
    expect(await getCourseDetails(db, f.offer.hasselt.id, f.course, now)).toBeNull();
    expect(await getCourseDetails(db, antwerp(), "not-a-uuid", now)).toBeNull();
    await db.delete(courseTrainers).where(eq(courseTrainers.courseId, f.course));
  });
});

describe("staff changes", () => {
  it("creates and updates a course, replacing topics and trainers, audited", async () => {
    const id = await createCourse(db, antwerp(), validCourse(), actor);
    const created = await getCourseForEdit(db, antwerp(), id, now);
    expect(created).toMatchObject({
      title: { nl: "Veilig online bankieren", fr: "Banque en ligne en sécurité" },
      priceCents: 1000,
      uitpasPriceCents: 200,
      level: "basic",
      topicCodes: ["taxes"],
      trainerIds: [trainer.id],
      organizerName: "Bibliotheek Permeke",
      runs: [],
    });
    expect(created!.title.en).toBeUndefined();

    await updateCourse(db, antwerp(), id, validCourse({ topicCodes: ["ebox", "identity-login"], trainerIds: [], price: null, uitpasPrice: null, published: false }), actor);
    const updated = await getCourseForEdit(db, antwerp(), id, now);
    expect(updated).toMatchObject({ priceCents: 0, uitpasPriceCents: null, published: false, trainerIds: [] });
    expect(updated!.topicCodes.sort()).toEqual(["ebox", "identity-login"]);

    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "course"), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "update"]);
    const update = audit.find((a) => a.action === "update")!;
    expect(update.before).toMatchObject({ topicCodes: ["taxes"], trainerIds: [trainer.id], priceCents: 1000 });
    expect(update.userEmail).toBe(actor.email);

    const staffList = await listCoursesForStaff(db, antwerp(), now);
    expect(staffList.map((c) => c.title)).toContain("Veilig online bankieren");
  });

  it("refuses another municipality's organiser, unknown topics and people who are not trainers here", async () => {
    await expect(createCourse(db, antwerp(), validCourse({ organizerId: f.offer.stadHasselt }), actor)).rejects.toMatchObject({ field: "organizerId" });
    await expect(createCourse(db, antwerp(), validCourse({ topicCodes: ["pensions"] }), actor)).rejects.toMatchObject({ field: "topicCodes" });
    await expect(createCourse(db, antwerp(), validCourse({ trainerIds: [hasseltTrainer.id] }), actor)).rejects.toBeInstanceOf(InvalidReferenceError);
    expect((await trainerOptions(db, antwerp())).map((t) => t.id)).toEqual([trainer.id]);
    await expect(updateCourse(db, f.offer.hasselt.id, f.course, validCourse({ organizerId: f.offer.stadHasselt }), actor)).rejects.toMatchObject({ status: 404 });
  });

  it("adds a run and refuses a capacity below the people registered, at the field", async () => {
    const runId = await addRun(db, antwerp(), f.course, { helpPointId: f.offer.permeke, venue: null, capacity: 8, offerHours: 24 }, actor);
    await db.update(courseRuns).set({ registeredCount: 5 }).where(eq(courseRuns.id, runId));
    await updateRun(db, antwerp(), f.course, runId, { helpPointId: null, venue: "Zaal De Kaai", capacity: 5, offerHours: 48 }, actor);
    const [row] = await db.select().from(courseRuns).where(eq(courseRuns.id, runId));
    expect(row).toMatchObject({ helpPointId: null, venue: "Zaal De Kaai", capacity: 5, offerHours: 48 });

    const error = await updateRun(db, antwerp(), f.course, runId, { helpPointId: null, venue: "Zaal De Kaai", capacity: 4, offerHours: 48 }, actor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).errors.capacity).toBe("Er zijn al 5 mensen ingeschreven. Het aantal plaatsen kan niet lager zijn dan 5.");
    const [unchanged] = await db.select().from(courseRuns).where(eq(courseRuns.id, runId));
    expect(unchanged.capacity).toBe(5);

    await expect(addRun(db, antwerp(), f.course, { helpPointId: f.offer.ocrHasselt, venue: null, capacity: 8, offerHours: 24 }, actor)).rejects.toMatchObject({ field: "helpPointId" });
    await expect(updateRun(db, antwerp(), f.staffCourse, runId, { helpPointId: null, venue: "x", capacity: 9, offerHours: 48 }, actor)).rejects.toMatchObject({ status: 404 });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "course_run"), eq(auditLog.entityId, runId)));
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "update"]);
  });

  it("adds weekly sessions in Brussels time, never in the past, and deletes only future ones", async () => {
    const runId = await addRun(db, antwerp(), f.staffCourse, { helpPointId: null, venue: "Stadhuis", capacity: 10, offerHours: 48 }, actor);
    // Around the change to summer time (last Sunday of March 2030 is the 31st).
    const later = new Date("2030-03-01T12:00:00Z");
    const sessionIds = await addSessions(db, antwerp(), f.staffCourse, runId, { date: "2030-03-25", startTime: "09:30", endTime: "11:30", weeks: 2 }, actor, later);
    const rows = await db.select().from(courseSessions).where(eq(courseSessions.runId, runId)).orderBy(courseSessions.startsAt);
    expect(rows.map((r) => r.id)).toEqual(sessionIds);
    expect(rows.map((r) => r.startsAt.toISOString())).toEqual(["2030-03-25T08:30:00.000Z", "2030-04-01T07:30:00.000Z"]);
    expect(rows[0].endsAt.toISOString()).toBe("2030-03-25T10:30:00.000Z");

    const past = await addSessions(db, antwerp(), f.staffCourse, runId, { date: "2030-02-01", startTime: "09:30", endTime: "11:30", weeks: 1 }, actor, later).catch((e: unknown) => e);
    expect((past as InputError).errors.date).toMatch(/verleden/);

    const afterFirst = new Date("2030-03-26T12:00:00Z");
    const tooLate = await deleteSession(db, antwerp(), f.staffCourse, sessionIds[0], actor, afterFirst).catch((e: unknown) => e);
    expect((tooLate as InputError).errors.session).toMatch(/voorbij/);
    await deleteSession(db, antwerp(), f.staffCourse, sessionIds[1], actor, afterFirst);
    expect((await db.select().from(courseSessions).where(eq(courseSessions.runId, runId))).map((r) => r.id)).toEqual([sessionIds[0]]);
    await expect(deleteSession(db, antwerp(), f.course, sessionIds[0], actor, later)).rejects.toMatchObject({ status: 404 });

    await cancelRun(db, antwerp(), f.staffCourse, runId, actor);
    const cancelled = await addSessions(db, antwerp(), f.staffCourse, runId, { date: "2030-05-06", startTime: "09:30", endTime: "11:30", weeks: 1 }, actor, later).catch((e: unknown) => e);
    expect((cancelled as InputError).errors.date).toMatch(/geannuleerd/);
  });

  it("cancels a run: registration closes and the catalogue no longer shows it", async () => {
    const runId = await addRun(db, antwerp(), f.course, { helpPointId: f.offer.digipuntKiel, venue: null, capacity: 10, offerHours: 48 }, actor);
    await addSessions(db, antwerp(), f.course, runId, { date: addDaysTo(brusselsDate(now), 30), startTime: "14:00", endTime: "16:00", weeks: 1 }, actor, now);
    expect((await searchCourses(db, antwerp(), {}, now)).results.find((c) => c.id === f.course)!.runs.map((r) => r.id)).toContain(runId);
    await cancelRun(db, antwerp(), f.course, runId, actor);
    expect((await searchCourses(db, antwerp(), {}, now)).results.find((c) => c.id === f.course)!.runs.map((r) => r.id)).not.toContain(runId);
    const details = await getCourseDetails(db, antwerp(), f.course, now);
    expect(details!.runs.find((r) => r.id === runId)).toMatchObject({ cancelled: true, registrationOpen: false });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "cancel"), eq(auditLog.entityId, runId)));
    expect(entry).toBeTruthy();
  });

  it("cancels everyone registered, offered or waiting and tells each person who can be reached", async () => {
    const runId = await addRun(db, antwerp(), f.course, { helpPointId: f.offer.digipuntKiel, venue: null, capacity: 2, offerHours: 48 }, actor);
    await addSessions(db, antwerp(), f.course, runId, { date: addDaysTo(brusselsDate(now), 30), startTime: "14:00", endTime: "16:00", weeks: 1 }, actor, now);
    const register = async (name: string, contact: { phone?: string; email?: string }, language = "nl") => {
      const result = await registerForRun(
        db,
        { runId, municipalityId: antwerp(), name, language, ...contact },
        { joinWaitlistIfFull: true, baseUrl: "https://digibrug.test", byUserId: trainer.id, now },
      );
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.registrationId;
    };
    const leaves = await register("Ann", { phone: "0470 11 11 11" });
    const byEmail = await register("Bram", { email: "bram@example.test" });
    const noContact = await register("Chris", {}); // at the desk, no phone or e-mail: first in line, gets the offer
    const waiting = await register("Dina", { phone: "0470 22 22 22" }, "fr");
    const landline = await register("Eddy", { phone: "03 222 22 22", email: "eddy@example.test" });
    await cancelRegistration(db, leaves, now);
    const statusOf = async () =>
      Object.fromEntries((await db.select().from(registrations).where(eq(registrations.runId, runId))).map((r) => [r.id, r.status]));
    expect(await statusOf()).toEqual({ [leaves]: "cancelled", [byEmail]: "registered", [noContact]: "offered", [waiting]: "waiting", [landline]: "waiting" });

    await cancelRun(db, antwerp(), f.course, runId, actor, { now });
    expect(Object.values(await statusOf()).every((s) => s === "cancelled")).toBe(true);
    const [run] = await db.select().from(courseRuns).where(eq(courseRuns.id, runId));
    expect(run).toMatchObject({ cancelled: true, registeredCount: 0 });

    const messages = await db.select().from(outbox).where(eq(outbox.template, "runCancelled"));
    const bySubject = Object.fromEntries(messages.map((m) => [m.subjectRef, m]));
    expect(messages).toHaveLength(3);
    expect(Object.keys(bySubject).sort()).toEqual([byEmail, waiting, landline].map((id) => `registration:${id}`).sort());
    expect(bySubject[`registration:${byEmail}`]).toMatchObject({ channel: "email", recipient: "bram@example.test", language: "nl" });
    expect(bySubject[`registration:${byEmail}`].body).toMatch(/Dag Bram,[\s\S]*gaat niet door/);
    expect(bySubject[`registration:${waiting}`]).toMatchObject({ channel: "sms", recipient: "+32470222222", language: "fr" });
    expect(bySubject[`registration:${waiting}`].body).toMatch(/^Digibrug : le cours .+ du .+ n'aura pas lieu\. .*Appelez le \S/);
    // A landline gets no SMS: the e-mail is used.
    expect(bySubject[`registration:${landline}`]).toMatchObject({ channel: "email", recipient: "eddy@example.test" });
    expect(messages.some((m) => m.subjectRef === `registration:${noContact}` || m.subjectRef === `registration:${leaves}`)).toBe(false);

    // Cancelling again changes and sends nothing.
    await cancelRun(db, antwerp(), f.course, runId, actor, { now });
    expect(await db.select().from(outbox).where(eq(outbox.template, "runCancelled"))).toHaveLength(3);
  });
});

describe("iCalendar", () => {
  it("writes sessions as UTC events with stable UIDs", () => {
    const ics = sessionsToIcs(
      [
        {
          id: "3f1c1e5e-0000-4000-8000-000000000001",
          title: "Smartphone voor beginners (les 1 van 3)",
          description: "Bellen, berichten; foto's",
          startsAt: new Date("2030-01-07T08:30:00Z"),
          endsAt: new Date("2030-01-07T10:30:00Z"),
          location: "Digipunt Kiel, Sint-Bernardsesteenweg 1, 2020 Antwerpen",
          url: "https://digibrug.test/antwerpen/nl/cursussen/x",
        },
      ],
      { calendarName: "Cursussen Antwerpen" },
    );
    const unfolded = ics.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain("BEGIN:VCALENDAR\r\n");
    expect(unfolded).toContain("UID:3f1c1e5e-0000-4000-8000-000000000001@digibrug\r\n");
    expect(unfolded).toContain("DTSTART:20300107T083000Z\r\n");
    expect(unfolded).toContain("DTEND:20300107T103000Z\r\n");
    expect(unfolded).toContain("LOCATION:Digipunt Kiel\\, Sint-Bernardsesteenweg 1\\, 2020 Antwerpen\r\n");
    expect(unfolded).toContain("X-WR-CALNAME:Cursussen Antwerpen");
    expect(unfolded).toContain("PRODID:-//Digibrug//Cursussen//NL");
    expect(sessionsToIcs([], { calendarName: "Leeg" })).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*X-WR-CALNAME:Leeg\r\nEND:VCALENDAR\r\n$/);
  });

  it("gives the municipality's and one course's future sessions of published courses", async () => {
    const all = await feedSessions(db, antwerp(), { now });
    // The started run's past session is left out.
    expect(all.some((s) => s.runId === f.pastRun && s.startsAt < now)).toBe(false);
    expect(all.filter((s) => s.runId === f.run).map((s) => [s.number, s.of])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const pastRunSessions = all.filter((s) => s.runId === f.pastRun);
    expect(pastRunSessions.map((s) => [s.number, s.of])).toEqual([[2, 2]]);

    const municipality = { id: antwerp(), slug: "antwerpen", name: "Antwerpen", languages: ["nl", "fr", "en", "ar"], defaultLanguage: "nl" };
    const feed = await courseCalendar(db, municipality, { origin: "https://digibrug.test", lang: "en", courseId: f.course, now });
    const unfolded = feed!.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain(`UID:${f.sessions[0]}@digibrug`);
    expect(unfolded).toContain("SUMMARY:Smartphone for beginners (lesson 1 of 3)");
    expect(unfolded).toContain(`URL:https://digibrug.test/antwerpen/en/cursussen/${f.course}`);
    expect(unfolded).not.toContain("Digitale inclusie voor stadspersoneel");
    expect(await courseCalendar(db, municipality, { origin: "https://digibrug.test", courseId: "nope" })).toBeNull();
    expect(await courseCalendar(db, { ...municipality, id: f.offer.hasselt.id }, { origin: "https://digibrug.test", courseId: f.course })).toBeNull();
  });
});
