/**
 * Route-level tests of the staff course pages: loaders and actions called with a real session cookie, against a
 * test database. They prove the server-side checks (learning.view / learning.manage per organiser, CSRF, scope).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database, type Db } from "~/db/client.server";
import { courseRuns, courses, courseSessions } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { addDaysTo, brusselsDate } from "~/modules/finder/opening-hours";
import { seedLearningFixture, type LearningFixture } from "~/modules/learning/test-fixtures";
import { createStaffUser, type StaffUser } from "~/modules/offer/test-fixtures";
import * as courseEdit from "./course-edit";
import * as courseList from "./courses";
import { args, getAs, postAs, run } from "./route-test-helpers";

let database: Database;
let db: Db;
let f: LearningFixture;
let coordinator: StaffUser;
let hasseltCoordinator: StaffUser;
let manager: StaffUser;
let trainer: StaffUser;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  setDatabase(database);
  f = await seedLearningFixture(db);
  coordinator = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.offer.antwerpen.id });
  hasseltCoordinator = await createStaffUser(db, "coordinator@hasselt.test", "coordinator", { municipalityId: f.offer.hasselt.id });
  // Manages the library: not the organiser of the fixture's courses (the digipunten are).
  manager = await createStaffUser(db, "manager@bib.test", "organization_manager", { municipalityId: f.offer.antwerpen.id, organizationId: f.offer.bibliotheek });
  trainer = await createStaffUser(db, "trainer@antwerpen.test", "trainer", { municipalityId: f.offer.antwerpen.id });
});
afterAll(() => database.close());

const get = getAs;
const post = (path: string, user: StaffUser, fields: Record<string, string | string[]>, options: { csrf?: boolean } = {}) =>
  postAs(db, path, user, fields, options);


const courseForm = (organizerId: string, overrides: Record<string, string | string[]> = {}) => ({
  intent: "save",
  titleNl: "Veilig online bankieren",
  titleFr: "",
  titleEn: "Safe online banking",
  titleAr: "",
  descriptionNl: "Leer veilig betalen met uw bankapp.",
  descriptionFr: "",
  descriptionEn: "",
  descriptionAr: "",
  whatToBringNl: "",
  whatToBringFr: "",
  whatToBringEn: "",
  whatToBringAr: "",
  organizerId,
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
  published: "on",
  ...overrides,
});

describe("staff course pages", () => {
  it("lists courses for anyone with learning.view; only managers of all courses may create", async () => {
    const list = await run(() => courseList.loader(args(get("/beheer/antwerpen/cursussen", trainer), { municipality: "antwerpen" })));
    expect(list.status).toBe(200);
    const data = list.data as { canCreate: boolean; courses: { id: string; canEdit: boolean; runs: { id: string }[] }[] };
    expect(data.canCreate).toBe(false);
    expect(data.courses.map((c) => c.id).sort()).toEqual([f.course, f.staffCourse].sort());
    expect(data.courses.every((c) => !c.canEdit)).toBe(true);
    const coordinatorList = await run(() => courseList.loader(args(get("/beheer/antwerpen/cursussen", coordinator), { municipality: "antwerpen" })));
    expect((coordinatorList.data as typeof data).canCreate).toBe(true);
    expect((await run(() => courseList.loader(args(get("/beheer/antwerpen/cursussen", hasseltCoordinator), { municipality: "antwerpen" })))).status).toBe(403);
    expect((await run(() => courseEdit.loader(args(get("/beheer/antwerpen/cursussen/nieuw", trainer), { municipality: "antwerpen" })))).status).toBe(403);
    expect((await run(() => courseEdit.loader(args(get("/beheer/antwerpen/cursussen/nieuw", manager), { municipality: "antwerpen" })))).status).toBe(403);
  });

  it("shows a course read-only to a trainer, and refuses their changes", async () => {
    const path = `/beheer/antwerpen/cursussen/${f.course}`;
    const params = { municipality: "antwerpen", courseId: f.course };
    const page = await run(() => courseEdit.loader(args(get(path, trainer), params)));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ canEdit: false, course: { id: f.course, runs: expect.any(Array) } });
    const save = await run(async () => courseEdit.action(args(await post(path, trainer, courseForm(f.offer.digipunten)), params)));
    expect(save.status).toBe(403);
    expect((await run(() => courseEdit.loader(args(get(path, hasseltCoordinator), params)))).status).toBe(403);
    expect((await run(() => courseEdit.loader(args(get(`/beheer/hasselt/cursussen/${f.course}`, hasseltCoordinator), { municipality: "hasselt", courseId: f.course })))).status).toBe(404);
  });

  it("creates a course, with errors at the fields and CSRF checked", async () => {
    const path = "/beheer/antwerpen/cursussen/nieuw";
    const params = { municipality: "antwerpen" };
    const noCsrf = await run(async () => courseEdit.action(args(await post(path, coordinator, courseForm(f.offer.bibliotheek), { csrf: false }), params)));
    expect(noCsrf.status).toBe(403);
    const invalid = await run(async () => courseEdit.action(args(await post(path, coordinator, courseForm(f.offer.bibliotheek, { titleNl: "", uitpasPrice: "20" })), params)));
    expect(invalid.status).toBe(400);
    expect(invalid.data).toMatchObject({ form: "course", errors: { titleNl: expect.any(String), uitpasPrice: expect.any(String) }, courseValues: { titleEn: "Safe online banking" } });
    const created = await run(async () => courseEdit.action(args(await post(path, coordinator, courseForm(f.offer.bibliotheek)), params)));
    expect(created.status).toBe(302);
    expect(created.location).toMatch(/^\/beheer\/antwerpen\/cursussen\/[0-9a-f-]{36}\?opgeslagen=nieuw$/);
    const id = created.location!.split("/")[4].split("?")[0];
    const [row] = await db.select().from(courses).where(eq(courses.id, id));
    expect(row).toMatchObject({ organizerId: f.offer.bibliotheek, priceCents: 1000, uitpasPriceCents: 200, title: { nl: "Veilig online bankieren", en: "Safe online banking" } });

    // The library's manager edits the library's course, but cannot hand it to the digipunten.
    const ownPath = `/beheer/antwerpen/cursussen/${id}`;
    const ownParams = { municipality: "antwerpen", courseId: id };
    const page = await run(() => courseEdit.loader(args(get(ownPath, manager), ownParams)));
    expect(page.data).toMatchObject({ canEdit: true });
    expect((page.data as { organizations: { id: string }[] }).organizations.map((o) => o.id)).toEqual([f.offer.bibliotheek]);
    const move = await run(async () => courseEdit.action(args(await post(ownPath, manager, courseForm(f.offer.digipunten)), ownParams)));
    expect(move).toMatchObject({ status: 400, data: { errors: { organizerId: expect.any(String) } } });
    const saved = await run(async () => courseEdit.action(args(await post(ownPath, manager, courseForm(f.offer.bibliotheek, { price: "" , uitpasPrice: "" })), ownParams)));
    expect(saved).toMatchObject({ status: 302, location: `${ownPath}?opgeslagen=cursus` });
    // … but not the digipunten's course.
    const other = await run(async () => courseEdit.action(args(await post(`/beheer/antwerpen/cursussen/${f.course}`, manager, courseForm(f.offer.digipunten)), { municipality: "antwerpen", courseId: f.course })));
    expect(other.status).toBe(403);
  });

  it("adds a run with its first lessons, refuses a capacity below the registered people, adds and deletes lessons, cancels", async () => {
    const path = `/beheer/antwerpen/cursussen/${f.course}`;
    const params = { municipality: "antwerpen", courseId: f.course };
    const date = addDaysTo(brusselsDate(), 30);
    const added = await run(async () =>
      courseEdit.action(
        args(await post(path, coordinator, { intent: "add-run", helpPointId: f.offer.permeke, venue: "", capacity: "6", offerHours: "24", date, startTime: "9u30", endTime: "11:30", weeks: "2" }), params),
      ),
    );
    expect(added).toMatchObject({ status: 302, location: `${path}?opgeslagen=reeks-lessen` });
    const [newRun] = await db.select().from(courseRuns).where(eq(courseRuns.capacity, 6));
    expect(await db.select().from(courseSessions).where(eq(courseSessions.runId, newRun.id))).toHaveLength(2);

    const pastLesson = await run(async () =>
      courseEdit.action(args(await post(path, coordinator, { intent: "add-run", helpPointId: "", venue: "Zaal", capacity: "6", offerHours: "24", date: "2020-01-01", startTime: "9", endTime: "10", weeks: "1" }), params)),
    );
    expect(pastLesson).toMatchObject({ status: 400, data: { form: "new-run", errors: { "new-date": expect.stringMatching(/verleden/) } } });

    await db.update(courseRuns).set({ registeredCount: 2 }).where(eq(courseRuns.id, f.run));
    const tooSmall = await run(async () =>
      courseEdit.action(args(await post(path, coordinator, { intent: "update-run", runId: f.run, helpPointId: f.offer.digipuntKiel, venue: "", capacity: "1", offerHours: "48" }), params)),
    );
    expect(tooSmall).toMatchObject({ status: 400, data: { form: `run:${f.run}`, errors: { [`run-${f.run}-capacity`]: expect.stringMatching(/al 2 mensen/) } } });
    await db.update(courseRuns).set({ registeredCount: 0 }).where(eq(courseRuns.id, f.run));

    const lesson = await run(async () => courseEdit.action(args(await post(path, coordinator, { intent: "add-session", runId: f.run, date, startTime: "14", endTime: "16", weeks: "" }), params)));
    expect(lesson).toMatchObject({ status: 302, location: `${path}?opgeslagen=les` });
    const badLesson = await run(async () => courseEdit.action(args(await post(path, coordinator, { intent: "add-session", runId: f.run, date, startTime: "16", endTime: "14", weeks: "1" }), params)));
    expect(badLesson).toMatchObject({ status: 400, data: { errors: { [`session-${f.run}-endTime`]: expect.any(String) } } });

    const deleted = await run(async () => courseEdit.action(args(await post(path, coordinator, { intent: "delete-session", runId: f.run, sessionId: f.sessions[0] }), params)));
    expect(deleted).toMatchObject({ status: 302, location: `${path}?opgeslagen=les-weg` });
    expect(await db.select().from(courseSessions).where(eq(courseSessions.id, f.sessions[0]))).toHaveLength(0);

    const unconfirmed = await run(async () => courseEdit.action(args(await post(path, coordinator, { intent: "cancel-run", runId: newRun.id }), params)));
    expect(unconfirmed).toMatchObject({ status: 400, data: { errors: { [`confirm-${newRun.id}`]: expect.any(String) } } });
    const cancelled = await run(async () => courseEdit.action(args(await post(path, coordinator, { intent: "cancel-run", runId: newRun.id, confirm: "on" }), params)));
    expect(cancelled).toMatchObject({ status: 302, location: `${path}?opgeslagen=geannuleerd` });
    const [after] = await db.select().from(courseRuns).where(eq(courseRuns.id, newRun.id));
    expect(after.cancelled).toBe(true);

    // A run of another course cannot be changed through this course's page.
    const wrong = await run(async () => courseEdit.action(args(await post(path, coordinator, { intent: "cancel-run", runId: f.staffRun, confirm: "on" }), params)));
    expect(wrong.status).toBe(404);
  });
});
