import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { attendance, auditLog, courseRuns, courseSessions, courseTrainers, registrations } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { createStaffUser, type StaffUser } from "~/modules/offer/test-fixtures";
import { addWalkIn, getSessionSheet, markAttendance, mayTeach, recordSheetView, sessionsNeeded } from "./attendance.server";
import { registerForRun } from "./registration.server";
import { seedLearningFixture, type LearningFixture } from "./test-fixtures";

let database: Database;
let db: Db;
let f: LearningFixture;
let trainer: StaffUser;
let coordinator: StaffUser;
const now = new Date();

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedLearningFixture(db, now);
  trainer = await createStaffUser(db, "trainer@antwerpen.test", "trainer", { municipalityId: f.offer.antwerpen.id });
  coordinator = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.offer.antwerpen.id });
});
afterAll(async () => {
  await database?.close();
});

async function register(runId: string, name: string, phone: string) {
  const result = await registerForRun(db, { runId, municipalityId: f.offer.antwerpen.id, name, phone, language: "nl" }, { now, baseUrl: "http://test" });
  if (!result.ok || result.status !== "registered") throw new Error(`registration failed: ${JSON.stringify(result)}`);
  return result.registrationId;
}

const actor = () => ({ id: trainer.id, email: trainer.email });

describe("completion rule", () => {
  it("needs the completion share of the sessions, rounded up", () => {
    expect(sessionsNeeded(75, 3)).toBe(3); // ceil(2.25)
    expect(sessionsNeeded(75, 4)).toBe(3);
    expect(sessionsNeeded(50, 3)).toBe(2);
    expect(sessionsNeeded(100, 1)).toBe(1);
    expect(sessionsNeeded(1, 10)).toBe(1);
    expect(sessionsNeeded(75, 0)).toBe(0);
  });
});

describe("attendance", () => {
  it("marks people, shows the sheet, completes at 3 of 3 sessions and takes completion back on a correction", async () => {
    const fatima = await register(f.run, "Fatima El Idrissi", "0470 11 22 33");
    const jan = await register(f.run, "Jan Peeters", "0470 44 55 66");
    const [s1, s2, s3] = f.sessions;

    let sheet = await getSessionSheet(db, f.offer.antwerpen.id, s1);
    expect(sheet?.needed).toBe(3);
    expect(sheet?.sessionNumber).toBe(1);
    expect(sheet?.sessionCount).toBe(3);
    expect(sheet?.people.map((p) => [p.name, p.present])).toEqual([
      ["Fatima El Idrissi", null],
      ["Jan Peeters", null],
    ]);

    await markAttendance(db, s1, fatima, true, actor(), now);
    await markAttendance(db, s1, jan, false, actor(), now);
    sheet = await getSessionSheet(db, f.offer.antwerpen.id, s1);
    expect(sheet?.people.map((p) => [p.name, p.present, p.attended])).toEqual([
      ["Fatima El Idrissi", true, 1],
      ["Jan Peeters", false, 0],
    ]);

    const second = await markAttendance(db, s2, fatima, true, actor(), now);
    expect(second).toMatchObject({ attended: 2, needed: 3, completed: false });
    const third = await markAttendance(db, s3, fatima, true, actor(), now);
    expect(third).toMatchObject({ attended: 3, completed: true, completionChanged: true });
    const [done] = await db.select().from(registrations).where(eq(registrations.id, fatima));
    expect(done.completedAt).not.toBeNull();

    // Marking again the same way keeps the first completion time.
    await markAttendance(db, s3, fatima, true, actor(), new Date(now.getTime() + 60_000));
    const [same] = await db.select().from(registrations).where(eq(registrations.id, fatima));
    expect(same.completedAt?.getTime()).toBe(done.completedAt?.getTime());

    // A correction: she was not there at session 2 after all.
    const corrected = await markAttendance(db, s2, fatima, false, actor(), now);
    expect(corrected).toMatchObject({ attended: 2, completed: false, completionChanged: true });
    const [undone] = await db.select().from(registrations).where(eq(registrations.id, fatima));
    expect(undone.completedAt).toBeNull();

    const marks = await db.select().from(attendance).where(eq(attendance.registrationId, fatima));
    expect(marks).toHaveLength(3);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityId, fatima), eq(auditLog.action, "attendance")));
    expect(audits.length).toBe(5);
    expect(audits.every((a) => a.userId === trainer.id)).toBe(true);
  });

  it("with 4 sessions, 3 attended sessions complete the course", async () => {
    const [run] = await db.insert(courseRuns).values({ courseId: f.course, helpPointId: f.offer.permeke, capacity: 5 }).returning();
    const start = now.getTime() + 30 * 24 * 3600_000;
    const sessions = await db
      .insert(courseSessions)
      .values([0, 1, 2, 3].map((i) => ({ runId: run.id, startsAt: new Date(start + i * 7 * 24 * 3600_000), endsAt: new Date(start + i * 7 * 24 * 3600_000 + 7200_000) })))
      .returning();
    const person = await register(run.id, "Maria Janssens", "0470 77 88 99");
    await markAttendance(db, sessions[0].id, person, true, actor(), now);
    await markAttendance(db, sessions[1].id, person, true, actor(), now);
    expect((await markAttendance(db, sessions[2].id, person, false, actor(), now)).completed).toBe(false);
    const result = await markAttendance(db, sessions[3].id, person, true, actor(), now);
    expect(result).toMatchObject({ attended: 3, needed: 3, completed: true });
  });

  it("refuses a person who is not on the run, and a session of another municipality", async () => {
    const other = await register(f.otherRun, "Ali Benali", "0470 12 12 12");
    await expect(markAttendance(db, f.sessions[0], other, true, actor(), now)).rejects.toThrow(/niet op de lijst/);
    expect(await getSessionSheet(db, f.offer.hasselt.id, f.sessions[0])).toBeNull();
    expect(await getSessionSheet(db, f.offer.antwerpen.id, "not-a-uuid")).toBeNull();
  });
});

describe("walk-ins", () => {
  it("registers a walk-in and marks them present; a full run refuses with a clear message", async () => {
    // The staff course run has room (capacity 20); the first run of the fixture is full after the first test.
    const [staffSession] = await db.select().from(courseSessions).where(eq(courseSessions.runId, f.staffRun));
    const added = await addWalkIn(db, staffSession.id, { name: "Sofie De Smet", language: "nl", department: "Burgerzaken" }, actor(), { now, baseUrl: "http://test" });
    expect(added.ok).toBe(true);
    const sheet = await getSessionSheet(db, f.offer.antwerpen.id, staffSession.id);
    expect(sheet?.people).toEqual([expect.objectContaining({ name: "Sofie De Smet", present: true, department: "Burgerzaken", walkIn: true })]);

    const [before] = await db.select().from(courseRuns).where(eq(courseRuns.id, f.run));
    expect(before.registeredCount).toBe(2);
    const refused = await addWalkIn(db, f.sessions[0], { name: "Walk In", language: "nl" }, actor(), { now, baseUrl: "http://test" });
    expect(refused).toMatchObject({ ok: false, error: "full" });
    if (!refused.ok) expect(refused.message).toMatch(/volzet/);
    const [after] = await db.select().from(courseRuns).where(eq(courseRuns.id, f.run));
    expect(after.registeredCount).toBe(2);
  });
});

describe("who may take attendance", () => {
  it("a trainer only for the courses they teach; a coordinator for all", async () => {
    const course = { id: f.course, municipalityId: f.offer.antwerpen.id, organizerId: f.offer.digipunten };
    const trainerRoles = [{ role: "trainer" as const, municipalityId: f.offer.antwerpen.id, organizationId: null, helpPointId: null }];
    const coordinatorRoles = [{ role: "coordinator" as const, municipalityId: f.offer.antwerpen.id, organizationId: null, helpPointId: null }];
    const helperRoles = [{ role: "digihelper" as const, municipalityId: f.offer.antwerpen.id, organizationId: null, helpPointId: null }];
    expect(await mayTeach(db, trainerRoles, trainer.id, course)).toBe(false);
    expect(await mayTeach(db, coordinatorRoles, coordinator.id, course)).toBe(true);
    await db.insert(courseTrainers).values({ courseId: f.course, userId: trainer.id });
    expect(await mayTeach(db, trainerRoles, trainer.id, course)).toBe(true);
    expect(await mayTeach(db, helperRoles, trainer.id, course)).toBe(false);
  });

  it("records opening an attendance list once per half hour", async () => {
    await recordSheetView(db, actor(), f.offer.antwerpen.id, f.sessions[1], now);
    await recordSheetView(db, actor(), f.offer.antwerpen.id, f.sessions[1], new Date(now.getTime() + 60_000));
    await recordSheetView(db, actor(), f.offer.antwerpen.id, f.sessions[1], new Date(now.getTime() + 31 * 60_000));
    const views = await db.select().from(auditLog).where(and(eq(auditLog.entityId, f.sessions[1]), eq(auditLog.action, "view")));
    expect(views).toHaveLength(2);
  });
});
