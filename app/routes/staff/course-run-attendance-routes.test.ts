/**
 * Route-level tests for running a course: the trainer's session page (who may open it, marking, walk-ins), the
 * school requests and staff-awareness pages, and the public certificate, feedback and school request routes.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database, type Db } from "~/db/client.server";
import { attendance, auditLog, courseFeedback, courseTrainers, organizations, registrations, workshopRequests } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { markAttendance } from "~/modules/learning/attendance.server";
import { registerForRun } from "~/modules/learning/registration.server";
import { seedLearningFixture, type LearningFixture } from "~/modules/learning/test-fixtures";
import { createStaffUser, type StaffUser } from "~/modules/offer/test-fixtures";
import * as certificateRoute from "../public/certificate";
import * as feedbackRoute from "../public/course-feedback";
import * as schoolRequestRoute from "../public/school-request";
import * as certificatePrint from "./certificate-print";
import * as courseSession from "./course-session";
import * as courseSessions from "./course-sessions";
import * as staffAwarenessCsv from "./staff-awareness-csv";
import * as workshopRequestsRoute from "./workshop-requests";
import { args, BASE, getAs, postAs, run } from "./route-test-helpers";

let database: Database;
let db: Db;
let f: LearningFixture;
let coordinator: StaffUser;
let trainer: StaffUser;
let otherTrainer: StaffUser;
let digihelper: StaffUser;
let hasseltCoordinator: StaffUser;
const now = new Date();

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  setDatabase(database);
  f = await seedLearningFixture(db, now);
  coordinator = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.offer.antwerpen.id });
  trainer = await createStaffUser(db, "trainer@antwerpen.test", "trainer", { municipalityId: f.offer.antwerpen.id });
  otherTrainer = await createStaffUser(db, "other-trainer@antwerpen.test", "trainer", { municipalityId: f.offer.antwerpen.id });
  digihelper = await createStaffUser(db, "helper@antwerpen.test", "digihelper", { municipalityId: f.offer.antwerpen.id });
  hasseltCoordinator = await createStaffUser(db, "coordinator@hasselt.test", "coordinator", { municipalityId: f.offer.hasselt.id });
  await db.insert(courseTrainers).values({ courseId: f.course, userId: trainer.id });
});
afterAll(() => database.close());

const get = getAs;
const post = (path: string, user: StaffUser | null, fields: Record<string, string | string[]>, options: { csrf?: boolean } = {}) =>
  postAs(db, path, user, fields, options);

async function register(runId: string, name: string, phone: string) {
  const result = await registerForRun(db, { runId, municipalityId: f.offer.antwerpen.id, name, phone, language: "nl" }, { now, baseUrl: BASE });
  if (!result.ok || result.status !== "registered") throw new Error(JSON.stringify(result));
  return result;
}

describe("the trainer's session page", () => {
  it("is refused to a trainer who does not teach the course and to a digihelper; open to its trainer and a coordinator", async () => {
    const session = f.sessions[0];
    const path = `/beheer/antwerpen/sessies/${session}`;
    const params = { municipality: "antwerpen", sessionId: session };
    expect((await run(() => courseSession.loader(args(get(path, otherTrainer), params)))).status).toBe(403);
    expect((await run(() => courseSession.loader(args(get(path, digihelper), params)))).status).toBe(403);
    expect((await run(() => courseSession.loader(args(get(path, hasseltCoordinator), params)))).status).toBe(403);
    const own = await run(() => courseSession.loader(args(get(path, trainer), params)));
    expect(own.status).toBe(200);
    expect(own.data).toMatchObject({ sessionNumber: 1, sessionCount: 3, needed: 3, people: [] });
    expect((await run(() => courseSession.loader(args(get(path, coordinator), params)))).status).toBe(200);
    // Opening the list of names is in the audit log.
    const views = await db.select().from(auditLog).where(and(eq(auditLog.action, "view"), eq(auditLog.entityId, session)));
    expect(views.map((v) => v.userId).sort()).toEqual([trainer.id, coordinator.id].sort());
    // A trainer who does not teach the course cannot mark either.
    const mark = await run(async () => courseSession.action(args(await post(path, otherTrainer, { intent: "mark", registrationId: f.course, present: "1" }), params)));
    expect(mark.status).toBe(403);
    // Unknown session: 404.
    const unknown = "00000000-0000-0000-0000-000000000000";
    expect((await run(() => courseSession.loader(args(get(`/beheer/antwerpen/sessies/${unknown}`, coordinator), { municipality: "antwerpen", sessionId: unknown })))).status).toBe(404);
  });

  it("marks a person present with a plain form post and refuses a walk-in on a full run", async () => {
    const session = f.sessions[0];
    const path = `/beheer/antwerpen/sessies/${session}`;
    const params = { municipality: "antwerpen", sessionId: session };
    const fatima = await register(f.run, "Fatima El Idrissi", "0470 11 22 33");
    await register(f.run, "Jan Peeters", "0470 44 55 66");

    const marked = await run(async () => courseSession.action(args(await post(path, trainer, { intent: "mark", registrationId: fatima.registrationId, present: "1" }), params)));
    expect(marked.status).toBe(303);
    expect(marked.location).toBe(`${path}#p-${fatima.registrationId}`);
    const [mark] = await db.select().from(attendance).where(eq(attendance.registrationId, fatima.registrationId));
    expect(mark).toMatchObject({ sessionId: session, present: true, markedByUserId: trainer.id });

    const noCsrf = new Request(BASE + path, {
      method: "POST",
      headers: { cookie: trainer.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "mark", registrationId: fatima.registrationId, present: "0" }),
    });
    expect((await run(() => courseSession.action(args(noCsrf, params)))).status).toBe(403);

    const full = await run(async () => courseSession.action(args(await post(path, trainer, { intent: "walk-in", name: "Walk In", phone: "", email: "", language: "nl" }), params)));
    expect(full.status).toBe(409);
    expect(full.data).toMatchObject({ errors: { "walk-in-form": expect.stringMatching(/volzet/) } });

    const invalid = await run(async () => courseSession.action(args(await post(path, trainer, { intent: "walk-in", name: "", language: "nl" }), params)));
    expect(invalid.status).toBe(400);
    expect(invalid.data).toMatchObject({ errors: { name: "Vul de naam in." } });
  });

  it("lists a trainer's own sessions and all sessions for a coordinator", async () => {
    const own = await run(() => courseSessions.loader(args(get("/beheer/antwerpen/sessies", trainer), { municipality: "antwerpen" })));
    const ownIds = (own.data as { sessions: { id: string }[] }).sessions.map((s) => s.id);
    // From a week ago to two weeks ahead: the first session of the run (in 7 days) is there.
    expect(ownIds).toContain(f.sessions[0]);
    const staffSessions = await db.query.courseSessions.findMany({ where: (s, { eq }) => eq(s.runId, f.staffRun) });
    expect(ownIds).not.toContain(staffSessions[0].id);
    const all = await run(() => courseSessions.loader(args(get("/beheer/antwerpen/sessies", coordinator), { municipality: "antwerpen" })));
    expect((all.data as { sessions: { id: string }[] }).sessions.map((s) => s.id)).toContain(staffSessions[0].id);
    expect((await run(() => courseSessions.loader(args(get("/beheer/antwerpen/sessies", digihelper), { municipality: "antwerpen" })))).status).toBe(403);
  });
});

describe("certificates and feedback", () => {
  it("serves the PDF only once the course is completed, and the printable page to the trainer", async () => {
    const person = await register(f.otherRun, "Maria Janssens", "0470 77 88 99");
    const params = { municipality: "antwerpen", lang: "nl", token: person.manageToken };
    const path = `/antwerpen/nl/inschrijving/${person.manageToken}/getuigschrift`;
    expect((await run(() => certificateRoute.loader(args(get(path), params)))).status).toBe(404);
    const [session] = await db.query.courseSessions.findMany({ where: (s, { eq }) => eq(s.runId, f.otherRun) });
    await markAttendance(db, session.id, person.registrationId, true, { id: coordinator.id, email: coordinator.email }, now);
    const pdf = await run(() => certificateRoute.loader(args(get(path), params)));
    expect(pdf.status).toBe(200);
    expect(pdf.response?.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.response?.headers.get("Content-Disposition")).toMatch(/^inline/);
    expect(Buffer.from(await pdf.response!.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await run(() => certificateRoute.loader(args(get(path), { ...params, token: "x".repeat(43) })))).status).toBe(404);
    expect((await run(() => certificateRoute.loader(args(get(path), { ...params, municipality: "hasselt" })))).status).toBe(404);

    const printPath = `/beheer/antwerpen/sessies/${session.id}/getuigschrift/${person.registrationId}`;
    const printParams = { municipality: "antwerpen", sessionId: session.id, registrationId: person.registrationId };
    const page = await run(() => certificatePrint.loader(args(get(printPath, trainer), printParams)));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ name: "Maria Janssens", courseTitle: "Smartphone voor beginners", lang: "nl", text: { title: "Getuigschrift" } });
    expect((await run(() => certificatePrint.loader(args(get(printPath, otherTrainer), printParams)))).status).toBe(403);
  });

  it("takes feedback once, after the last session, without JavaScript", async () => {
    const person = await register(f.otherRun, "Lotte Claes", "0470 10 20 30");
    const params = { municipality: "antwerpen", lang: "nl", token: person.manageToken };
    const path = `/antwerpen/nl/inschrijving/${person.manageToken}/feedback`;
    // The only session of this run is in 10 days: too early.
    const early = await run(() => feedbackRoute.loader(args(get(path), params)));
    expect(early.data).toMatchObject({ state: "notYet" });
    const refused = await run(async () => feedbackRoute.action(args(await post(path, null, { liked: "5" }), params)));
    expect(refused.status).toBe(303);
    expect(await db.select().from(courseFeedback)).toHaveLength(0);

    await db.execute(`update course_sessions set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where run_id = '${f.otherRun}'`);
    expect((await run(() => feedbackRoute.loader(args(get(path), params)))).data).toMatchObject({ state: "form" });
    const wrong = await run(async () => feedbackRoute.action(args(await post(path, null, { liked: "9" }), params)));
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ errors: { liked: "courseRun.feedback.errorScale" } });
    const saved = await run(async () => feedbackRoute.action(args(await post(path, null, { liked: "5", learned: "4", clear: "none", comment: "Fijn!" }), params)));
    expect(saved).toMatchObject({ status: 303, location: `${path}?bedankt=1` });
    expect((await run(() => feedbackRoute.loader(args(get(`${path}?bedankt=1`), params)))).data).toMatchObject({ state: "thanks" });
    expect((await run(() => feedbackRoute.loader(args(get(path), params)))).data).toMatchObject({ state: "already" });
    await run(async () => feedbackRoute.action(args(await post(path, null, { liked: "1" }), params)));
    const rows = await db.select().from(courseFeedback);
    expect(rows).toEqual([expect.objectContaining({ runId: f.otherRun, liked: 5, learned: 4, clear: null, comment: "Fijn!" })]);
    const [registration] = await db.select().from(registrations).where(eq(registrations.id, person.registrationId));
    expect(registration.feedbackGiven).toBe(true);
    await db.execute(`update course_sessions set starts_at = now() + interval '10 days', ends_at = now() + interval '10 days 2 hours' where run_id = '${f.otherRun}'`);
  });
});

describe("schools and staff awareness", () => {
  it("a school sends a request without JavaScript and lands on its status page", async () => {
    const [school] = await db.insert(organizations).values({ municipalityId: f.offer.antwerpen.id, name: "Basisschool De Vlieger", type: "school" }).returning();
    const params = { municipality: "antwerpen", lang: "fr" };
    const page = await run(() => schoolRequestRoute.loader(args(get("/antwerpen/fr/scholen"), params)));
    expect((page.data as { schools: { name: string }[] }).schools.map((s) => s.name)).toEqual(["Basisschool De Vlieger"]);
    const invalid = await run(async () => schoolRequestRoute.action(args(await post("/antwerpen/fr/scholen", null, { schoolId: school.id, pupils: "80" }), params)));
    expect(invalid.status).toBe(400);
    expect(invalid.data).toMatchObject({ errors: { pupils: "courseRun.school.errors.pupils", contactName: "courseRun.school.errors.contactName", contactEmail: "courseRun.school.errors.contact" } });
    const fields = {
      schoolId: school.id,
      contactName: "Els Wouters",
      contactEmail: "els@devlieger.test",
      topic: "other",
      grade: "primary_5",
      pupils: "24",
      preferredDates: "Mardi matin",
      needsDevices: "no",
    };
    const sent = await run(async () => schoolRequestRoute.action(args(await post("/antwerpen/fr/scholen", null, fields), params)));
    expect(sent.status).toBe(303);
    const [row] = await db.select().from(workshopRequests);
    expect(sent.location).toBe(`/antwerpen/fr/scholen/${row.statusToken}`);
    expect(row).toMatchObject({ language: "fr", topicId: null, needsDevices: false });

    const list = await run(() => workshopRequestsRoute.loader(args(get("/beheer/antwerpen/scholen", coordinator), { municipality: "antwerpen" })));
    expect((list.data as { requests: { school: string }[] }).requests.map((r) => r.school)).toEqual(["Basisschool De Vlieger"]);
    expect((await run(() => workshopRequestsRoute.loader(args(get("/beheer/antwerpen/scholen", trainer), { municipality: "antwerpen" })))).status).toBe(403);
    expect((await run(() => workshopRequestsRoute.loader(args(get("/beheer/antwerpen/scholen", hasseltCoordinator), { municipality: "antwerpen" })))).status).toBe(403);
  });

  it("exports completion by department as CSV for a coordinator only", async () => {
    const csv = await run(() => staffAwarenessCsv.loader(args(get("/beheer/antwerpen/personeel.csv", coordinator), { municipality: "antwerpen" })));
    expect(csv.status).toBe(200);
    expect(csv.response?.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await csv.response!.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain("Kwartaal;Dienst;Ingeschreven;Voltooid;Percentage voltooid");
    expect((await run(() => staffAwarenessCsv.loader(args(get("/beheer/antwerpen/personeel.csv", trainer), { municipality: "antwerpen" })))).status).toBe(403);
  });
});
