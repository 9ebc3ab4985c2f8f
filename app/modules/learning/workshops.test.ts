import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { auditLog, courseRuns, courseSessions, organizations, outbox, topics } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { createStaffUser, type StaffUser } from "~/modules/offer/test-fixtures";
import { seedLearningFixture, type LearningFixture } from "./test-fixtures";
import { getCourseDetails } from "./catalogue.server";
import { registerForRun } from "./registration.server";
import { workshopRequestInput } from "./workshop-schema";
import {
  brusselsInstant,
  createWorkshopRequest,
  declineWorkshop,
  getWorkshopRequestByToken,
  listSchools,
  listWorkshopRequests,
  planWorkshop,
} from "./workshops.server";

let database: Database;
let db: Db;
let f: LearningFixture;
let coordinator: StaffUser;
let school: string;
let hasseltSchool: string;
let topic: string;
const now = new Date("2026-02-02T10:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedLearningFixture(db, now);
  coordinator = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.offer.antwerpen.id });
  const rows = await db
    .insert(organizations)
    .values([
      { municipalityId: f.offer.antwerpen.id, name: "Basisschool De Vlieger", type: "school" },
      { municipalityId: f.offer.hasselt.id, name: "Sint-Jozefschool", type: "school" },
    ])
    .returning();
  school = rows[0].id;
  hasseltSchool = rows[1].id;
  [{ id: topic }] = await db.select({ id: topics.id }).from(topics).where(and(eq(topics.municipalityId, f.offer.antwerpen.id), eq(topics.code, "ebox")));
});
afterAll(async () => {
  await database?.close();
});

const form = (overrides: Record<string, string> = {}) => ({
  schoolId: school,
  contactName: "Els Wouters",
  contactEmail: "els@devlieger.test",
  contactPhone: "",
  topic: topic,
  grade: "primary_5",
  pupils: "24",
  preferredDates: "Een dinsdagvoormiddag in maart",
  needsDevices: "yes",
  note: "",
  ...overrides,
});

const actor = () => ({ id: coordinator.id, email: coordinator.email });

describe("the request form", () => {
  it("checks the fields with plain messages", () => {
    expect(workshopRequestInput.safeParse(form()).success).toBe(true);
    const tooMany = workshopRequestInput.safeParse(form({ pupils: "61" }));
    expect(tooMany.error?.issues[0]).toMatchObject({ path: ["pupils"], message: "courseRun.school.errors.pupils" });
    const noContact = workshopRequestInput.safeParse(form({ contactEmail: "" }));
    expect(noContact.error?.issues[0]).toMatchObject({ path: ["contactEmail"], message: "courseRun.school.errors.contact" });
    const noDevicesAnswer = workshopRequestInput.safeParse({ ...form(), needsDevices: undefined });
    expect(noDevicesAnswer.error?.issues[0]).toMatchObject({ path: ["needsDevices"], message: "courseRun.school.errors.devices" });
  });

  it("lists only the municipality's schools and refuses another municipality's school", async () => {
    expect((await listSchools(db, f.offer.antwerpen.id)).map((s) => s.name)).toEqual(["Basisschool De Vlieger"]);
    const result = await createWorkshopRequest(db, f.offer.antwerpen.id, workshopRequestInput.parse(form({ schoolId: hasseltSchool })), { now });
    expect(result).toEqual({ ok: false, errors: { schoolId: "courseRun.school.errors.school" } });
  });
});

describe("planning and declining", () => {
  it("plans a request as a run at the school with one session, tells the school and shows it on the status page", async () => {
    const created = await createWorkshopRequest(db, f.offer.antwerpen.id, workshopRequestInput.parse(form()), { language: "nl", baseUrl: "https://digibrug.test", now });
    if (!created.ok) throw new Error("not created");
    const received = await db.select().from(outbox).where(eq(outbox.subjectRef, `workshop_request:${created.id}`));
    expect(received).toEqual([expect.objectContaining({ template: "workshopReceived", channel: "email", recipient: "els@devlieger.test" })]);
    expect(received[0].body).toContain(`https://digibrug.test/antwerpen/nl/scholen/${created.statusToken}`);

    let status = await getWorkshopRequestByToken(db, f.offer.antwerpen.id, created.statusToken);
    expect(status).toMatchObject({ status: "new", schoolName: "Basisschool De Vlieger", pupils: 24, needsDevices: true, grade: "primary_5", planned: null });
    expect(await getWorkshopRequestByToken(db, f.offer.hasselt.id, created.statusToken)).toBeNull();

    const plan = { courseId: f.course, date: "2026-03-10", from: "09:00", to: "11:30", capacity: 24 };
    const planned = await planWorkshop(db, created.id, plan, actor(), { baseUrl: "https://digibrug.test", now });
    if (!planned.ok) throw new Error(planned.message);
    const [run] = await db.select().from(courseRuns).where(eq(courseRuns.id, planned.runId));
    expect(run).toMatchObject({ venue: "Basisschool De Vlieger", capacity: 24, helpPointId: null, courseId: f.course });
    const sessions = await db.select().from(courseSessions).where(eq(courseSessions.runId, planned.runId));
    expect(sessions).toHaveLength(1);
    expect(sessions[0].startsAt.toISOString()).toBe("2026-03-10T08:00:00.000Z");
    expect(sessions[0].endsAt.toISOString()).toBe("2026-03-10T10:30:00.000Z");

    const messages = await db.select().from(outbox).where(and(eq(outbox.subjectRef, `workshop_request:${created.id}`), eq(outbox.template, "workshopPlanned")));
    expect(messages).toHaveLength(1);
    expect(messages[0].body).toContain("Smartphone voor beginners");
    expect(messages[0].body).toContain("10 maart 2026");
    expect(messages[0].body).toContain("09:00");

    status = await getWorkshopRequestByToken(db, f.offer.antwerpen.id, created.statusToken);
    expect(status).toMatchObject({ status: "planned", runId: planned.runId, planned: { courseId: f.course, venue: "Basisschool De Vlieger", capacity: 24 } });
    expect(status?.planned?.startsAt.toISOString()).toBe("2026-03-10T08:00:00.000Z");

    expect(await planWorkshop(db, created.id, plan, actor(), { now })).toMatchObject({ ok: false, error: "handled" });
    expect(await declineWorkshop(db, created.id, "Te laat", actor(), { now })).toMatchObject({ ok: false, error: "handled" });
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audits.map((a) => a.action)).toEqual(["plan"]);

    // The class's run is the school's: not in the public catalogue, and nobody registers for it online.
    const details = await getCourseDetails(db, f.offer.antwerpen.id, f.course, now);
    expect(details?.runs.map((r) => r.id)).not.toContain(planned.runId);
    const online = await registerForRun(db, { runId: planned.runId, municipalityId: f.offer.antwerpen.id, name: "Iemand", email: "iemand@example.test", language: "nl" }, { now });
    expect(online).toEqual({ ok: false, error: "unknown" });
  });

  it("refuses a date in the past and a course of another municipality", async () => {
    const created = await createWorkshopRequest(db, f.offer.antwerpen.id, workshopRequestInput.parse(form({ contactPhone: "0470 12 34 56" })), { now });
    if (!created.ok) throw new Error("not created");
    expect(await planWorkshop(db, created.id, { courseId: f.course, date: "2026-01-10", from: "09:00", to: "10:00", capacity: 20 }, actor(), { now })).toMatchObject({
      ok: false,
      error: "past",
    });
    expect(await planWorkshop(db, created.id, { courseId: "00000000-0000-0000-0000-000000000000", date: "2026-03-10", from: "09:00", to: "10:00", capacity: 20 }, actor(), { now })).toMatchObject({
      ok: false,
      error: "course",
    });
  });

  it("declines only with a reason, tells the school why and shows it on the status page", async () => {
    const created = await createWorkshopRequest(db, f.offer.antwerpen.id, workshopRequestInput.parse(form({ contactPhone: "0470 12 34 56", contactEmail: "" })), {
      language: "fr",
      baseUrl: "https://digibrug.test",
      now,
    });
    if (!created.ok) throw new Error("not created");
    expect(await declineWorkshop(db, created.id, "   ", actor(), { now })).toMatchObject({ ok: false, error: "reason" });
    expect(await declineWorkshop(db, created.id, "Onze trainers zijn in maart volzet.", actor(), { baseUrl: "https://digibrug.test", now })).toEqual({ ok: true });
    const [message] = await db.select().from(outbox).where(and(eq(outbox.subjectRef, `workshop_request:${created.id}`), eq(outbox.template, "workshopDeclined")));
    expect(message).toMatchObject({ channel: "sms", recipient: "+32470123456", language: "fr" });
    expect(message.body).toContain("Onze trainers zijn in maart volzet.");
    const status = await getWorkshopRequestByToken(db, f.offer.antwerpen.id, created.statusToken);
    expect(status).toMatchObject({ status: "declined", declineReason: "Onze trainers zijn in maart volzet." });

    const all = await listWorkshopRequests(db, f.offer.antwerpen.id);
    expect(all[0].status).toBe("new");
    expect(all.map((r) => r.status).sort()).toEqual(["declined", "new", "planned"]);
    expect((await listWorkshopRequests(db, f.offer.antwerpen.id, { status: "declined" })).map((r) => r.id)).toEqual([created.id]);
    expect(await listWorkshopRequests(db, f.offer.hasselt.id)).toEqual([]);
  });

  it("reads Belgian wall-clock times in winter and summer", () => {
    expect(brusselsInstant("2026-03-12", "09:00").toISOString()).toBe("2026-03-12T08:00:00.000Z");
    expect(brusselsInstant("2026-06-12", "09:00").toISOString()).toBe("2026-06-12T07:00:00.000Z");
  });
});
