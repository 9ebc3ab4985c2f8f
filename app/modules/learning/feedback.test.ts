import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { courseFeedback, courseSessions, outbox, registrations } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { createStaffUser, type StaffUser } from "~/modules/offer/test-fixtures";
import { markAttendance } from "./attendance.server";
import { certificateData, feedbackOpen, feedbackSummary, saveFeedback, sendFeedbackRequests } from "./feedback.server";
import { findRegistrationByToken, registerForRun } from "./registration.server";
import { seedLearningFixture, type LearningFixture } from "./test-fixtures";

let database: Database;
let db: Db;
let f: LearningFixture;
let trainer: StaffUser;
const now = new Date();
const DAY = 24 * 3600_000;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedLearningFixture(db, now);
  trainer = await createStaffUser(db, "trainer@antwerpen.test", "trainer", { municipalityId: f.offer.antwerpen.id });
});
afterAll(async () => {
  await database?.close();
});

async function register(runId: string, name: string, contact: { phone?: string; email?: string }, language = "nl") {
  const result = await registerForRun(db, { runId, municipalityId: f.offer.antwerpen.id, name, ...contact, language }, { now, baseUrl: "http://test" });
  if (!result.ok) throw new Error(result.error);
  return result.registrationId;
}

describe("feedback", () => {
  it("is saved once per registration, anonymously, with the date only", async () => {
    const id = await register(f.otherRun, "Lotte Claes", { phone: "0470 10 20 30" });
    expect(await saveFeedback(db, id, { liked: 5, learned: 4, clear: null, comment: "  Heel fijn!  " })).toEqual({ ok: true });
    expect(await saveFeedback(db, id, { liked: 1, learned: 1, clear: 1, comment: null })).toEqual({ ok: false, error: "already" });
    expect(await saveFeedback(db, "00000000-0000-0000-0000-000000000000", { liked: 1, learned: null, clear: null, comment: null })).toEqual({ ok: false, error: "unknown" });

    const rows = await db.select().from(courseFeedback).where(eq(courseFeedback.runId, f.otherRun));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ liked: 5, learned: 4, clear: null, comment: "Heel fijn!" });
    expect(Object.keys(rows[0])).not.toContain("registrationId");
    expect(rows[0].createdAt.getUTCMinutes() + rows[0].createdAt.getUTCSeconds()).toBe(0);
    const [registration] = await db.select().from(registrations).where(eq(registrations.id, id));
    expect(registration.feedbackGiven).toBe(true);

    const summary = await feedbackSummary(db, f.otherRun);
    expect(summary).toMatchObject({ answers: 1, liked: 5, learned: 4, clear: null, comments: ["Heel fijn!"] });
  });

  it("opens at the start of the last session", () => {
    const sessions = [{ startsAt: new Date(now.getTime() - DAY) }, { startsAt: new Date(now.getTime() + DAY) }];
    expect(feedbackOpen(sessions, now)).toBe(false);
    expect(feedbackOpen(sessions, new Date(now.getTime() + 2 * DAY))).toBe(true);
    expect(feedbackOpen([], now)).toBe(false);
  });
});

describe("follow-up after the last session", () => {
  it("asks everyone with a phone or e-mail once, with the certificate for those who completed", async () => {
    const completed = await register(f.otherRun, "Fatima El Idrissi", { phone: "0470 11 22 33" }, "fr");
    const unmarked = await register(f.otherRun, "Jan Peeters", { email: "jan@example.test" });
    await register(f.otherRun, "Zonder Contact", {});
    const absent = await register(f.otherRun, "Nooit Gekomen", { phone: "0470 99 88 77" });
    const [{ id: session }] = await db.select({ id: courseSessions.id }).from(courseSessions).where(eq(courseSessions.runId, f.otherRun));
    const actor = { id: trainer.id, email: trainer.email };
    await markAttendance(db, session, completed, true, actor, now);
    await markAttendance(db, session, absent, false, actor, now);

    // Before the last session has ended: nothing.
    expect(await sendFeedbackRequests(db, now, { baseUrl: "https://digibrug.test" })).toEqual({ sent: 0 });

    const later = new Date(now.getTime() + 11 * DAY);
    // Lotte (first test) already gave feedback: no message either.
    expect(await sendFeedbackRequests(db, later, { baseUrl: "https://digibrug.test" })).toEqual({ sent: 2 });
    expect(await sendFeedbackRequests(db, later, { baseUrl: "https://digibrug.test" })).toEqual({ sent: 0 });

    const messages = await db.select().from(outbox).where(eq(outbox.municipalityId, f.offer.antwerpen.id));
    const followUps = messages.filter((m) => m.template.startsWith("courseFollowup"));
    expect(followUps.map((m) => [m.template, m.channel, m.language, m.subjectRef]).sort()).toEqual(
      [
        ["courseFollowup", "email", "nl", `registration:${unmarked}`],
        ["courseFollowupCompleted", "sms", "fr", `registration:${completed}`],
      ].sort(),
    );
    const sms = followUps.find((m) => m.subjectRef === `registration:${completed}`)!;
    const token = /inschrijving\/([A-Za-z0-9_-]{43})/.exec(sms.body)?.[1];
    expect(token).toBeTruthy();
    const found = await findRegistrationByToken(db, f.offer.antwerpen.id, token!);
    expect(found?.registration.id).toBe(completed);

    const certificate = await certificateData(db, completed);
    expect(certificate).toMatchObject({ name: "Fatima El Idrissi", organiser: "Digipunten Antwerpen", municipalityName: "Antwerpen", level: "starter", digcompIds: ["2.1", "5.2"] });
    expect(certificate?.completedAt).not.toBeNull();
    expect(certificate?.dates).toHaveLength(1);
  });
});
