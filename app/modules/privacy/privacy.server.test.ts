/**
 * Privacy: the retention job (erases old personal data, keeps the rows for counts, leaves recent and open things
 * alone, idempotent, per-municipality period) and find / export / erase of one person across the modules.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { appointments, auditLog, deviceApplications, deviceLoans, devices, helpSettings, homeVisits, outbox, referralEvents, referrals, registrations } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { seedLearningFixture, type LearningFixture } from "~/modules/learning/test-fixtures";
import { createStaffUser } from "~/modules/offer/test-fixtures";
import { enqueueMessage } from "~/modules/notifications/outbox.server";
import { newCode, newToken } from "~/modules/shared/secrets.server";
import { erasePersonData, eraseExpiredPersonalData, exportPersonData, findPersonData, recordRef } from "./privacy.server";

let database: Database;
let db: Db;
let f: LearningFixture;
const NOW = new Date("2026-11-25T10:00:00Z");
const monthsAgo = (n: number) => new Date(NOW.getTime() - n * 30.5 * 24 * 3600_000);
let actor: { id: string; email: string };

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedLearningFixture(db);
  actor = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.offer.antwerpen.id });
});
afterAll(() => database.close());

async function referral(municipalityId: string, name: string, phone: string, lastActivityAt: Date) {
  const [row] = await db
    .insert(referrals)
    .values({ municipalityId, target: "device_bank", consentAt: lastActivityAt, residentName: name, phone, reason: "Heeft een laptop nodig", createdAt: lastActivityAt, lastActivityAt })
    .returning();
  await db.insert(referralEvents).values({ referralId: row.id, status: "contacted", note: `Gebeld met ${name}`, at: lastActivityAt });
  await enqueueMessage(db, { municipalityId, to: { phone }, language: "nl", template: "test", params: { name }, subjectRef: recordRef("referral", row.id) });
  return row.id;
}

async function walkIn(name: string, phone: string, at: Date) {
  const [row] = await db
    .insert(appointments)
    .values({ municipalityId: f.offer.antwerpen.id, helpPointId: f.offer.digipuntKiel, startsAt: at, endsAt: new Date(at.getTime() + 1800_000), channel: "walk_in", status: "checked_in", name, phone, code: newCode(), manageTokenHash: newToken().hash, lastActivityAt: at, createdAt: at })
    .returning();
  return row.id;
}

async function application(name: string, phone: string, lastActivityAt: Date, loan?: "on_loan" | "returned") {
  const [app] = await db
    .insert(deviceApplications)
    .values({ municipalityId: f.offer.antwerpen.id, kinds: ["laptop"], purpose: "job_search", householdSize: 2, householdKey: `2060|${name}`, applicantName: name, phone, address: "Kerkstraat 1, 2060 Antwerpen", code: newCode(), status: "fulfilled", lastActivityAt, createdAt: lastActivityAt })
    .returning();
  if (loan) {
    const [device] = await db
      .insert(devices)
      .values({ municipalityId: f.offer.antwerpen.id, assetTag: `ANT-${newCode(5)}`, kind: "laptop", source: "purchase", status: loan === "on_loan" ? "on_loan" : "returned", wiped: loan === "on_loan" })
      .returning();
    await db.insert(deviceLoans).values({
      municipalityId: f.offer.antwerpen.id,
      deviceId: device.id,
      applicationId: app.id,
      status: loan,
      startsOn: lastActivityAt.toISOString().slice(0, 10),
      endsOn: new Date(lastActivityAt.getTime() + 84 * 24 * 3600_000).toISOString().slice(0, 10),
      handedOverAt: lastActivityAt,
      agreementSignature: "paper",
      returnedAt: loan === "returned" ? lastActivityAt : null,
    });
  }
  return app.id;
}

describe("retention job", () => {
  let oldReferral: string, recentReferral: string, hasseltReferral: string, oldVisit: string, oldAppointment: string, lentApp: string, returnedApp: string;

  beforeAll(async () => {
    oldReferral = await referral(f.offer.antwerpen.id, "Oude Bewoner", "0470 11 11 11", monthsAgo(7));
    recentReferral = await referral(f.offer.antwerpen.id, "Recente Bewoner", "0470 22 22 22", monthsAgo(1));
    // Hasselt keeps personal data for 12 months.
    await db.insert(helpSettings).values({ municipalityId: f.offer.hasselt.id, retentionMonths: 12 });
    hasseltReferral = await referral(f.offer.hasselt.id, "Hasseltse Bewoner", "0470 33 33 33", monthsAgo(7));
    const [visit] = await db
      .insert(homeVisits)
      .values({ municipalityId: f.offer.antwerpen.id, status: "done", requesterKind: "relative", postcode: "2060", residentName: "Maria Janssens", address: "Lange Beeldekensstraat 5", phone: "03 233 44 55", requesterName: "Zoon Janssens", code: newCode(), lastActivityAt: monthsAgo(8) })
      .returning();
    oldVisit = visit.id;
    oldAppointment = await walkIn("Ahmed Benali", "0486 12 12 12", monthsAgo(9));
    lentApp = await application("Lena Peeters", "0471 00 00 01", monthsAgo(10), "on_loan");
    returnedApp = await application("Tom Peeters", "0471 00 00 02", monthsAgo(10), "returned");
    await enqueueMessage(db, { municipalityId: f.offer.antwerpen.id, to: { phone: "0471 00 00 02" }, language: "nl", template: "test", params: { name: "Tom" }, subjectRef: `device_application:${returnedApp}` });
    await enqueueMessage(db, { municipalityId: f.offer.antwerpen.id, to: { phone: "03 233 44 55" }, language: "nl", template: "test", params: { name: "Maria" }, subjectRef: `home_visit:${oldVisit}` });
  });

  it("erases old personal data, keeps the rows and counts, leaves recent rows and running loans alone", async () => {
    const countsBefore = await db.select({ n: sql<number>`count(*)::int` }).from(referrals);
    const result = await eraseExpiredPersonalData(db, NOW);
    expect(result).toEqual({ appointments: 1, homeVisits: 1, referrals: 1, deviceApplications: 1 });

    const [old] = await db.select().from(referrals).where(eq(referrals.id, oldReferral));
    expect(old).toMatchObject({ residentName: null, phone: null, reason: null, target: "device_bank", status: "new" });
    expect(old.erasedAt?.toISOString()).toBe(NOW.toISOString());
    expect((await db.select().from(referralEvents).where(eq(referralEvents.referralId, oldReferral)))[0].note).toBeNull();
    expect(await db.select().from(outbox).where(eq(outbox.subjectRef, recordRef("referral", oldReferral)))).toHaveLength(0);

    const [recent] = await db.select().from(referrals).where(eq(referrals.id, recentReferral));
    expect(recent).toMatchObject({ residentName: "Recente Bewoner", erasedAt: null });
    expect(await db.select().from(outbox).where(eq(outbox.subjectRef, recordRef("referral", recentReferral)))).toHaveLength(1);
    expect((await db.select().from(referrals).where(eq(referrals.id, hasseltReferral)))[0].residentName).toBe("Hasseltse Bewoner");

    const [visit] = await db.select().from(homeVisits).where(eq(homeVisits.id, oldVisit));
    expect(visit).toMatchObject({ residentName: null, address: null, phone: null, requesterName: null, postcode: "2060", status: "done" });
    const [appointment] = await db.select().from(appointments).where(eq(appointments.id, oldAppointment));
    expect(appointment).toMatchObject({ name: null, phone: null, status: "checked_in" });

    const apps = await db.select().from(deviceApplications).where(inArray(deviceApplications.id, [lentApp, returnedApp]));
    expect(apps.find((a) => a.id === lentApp)).toMatchObject({ applicantName: "Lena Peeters", erasedAt: null });
    expect(apps.find((a) => a.id === returnedApp)).toMatchObject({ applicantName: null, address: null, householdKey: null, householdSize: 2 });
    expect(await db.select().from(outbox).where(inArray(outbox.subjectRef, [`device_application:${returnedApp}`, `home_visit:${oldVisit}`]))).toHaveLength(0);

    expect(await db.select({ n: sql<number>`count(*)::int` }).from(referrals)).toEqual(countsBefore);
  });

  it("is idempotent and safe to run twice at once", async () => {
    const [a, b] = await Promise.all([eraseExpiredPersonalData(db, NOW), eraseExpiredPersonalData(db, NOW)]);
    expect(a).toEqual({ appointments: 0, homeVisits: 0, referrals: 0, deviceApplications: 0 });
    expect(b).toEqual(a);
    const [old] = await db.select().from(referrals).where(eq(referrals.id, oldReferral));
    expect(old.erasedAt?.toISOString()).toBe(NOW.toISOString());
  });
});

describe("find, export and erase one person", () => {
  let ref: string, app: string, appointment: string, registration: string;
  beforeAll(async () => {
    ref = await referral(f.offer.antwerpen.id, "Sofie De Smet", "0479 55 66 77", monthsAgo(0));
    app = await application("Sofie De Smet", "+32 479 55 66 77", monthsAgo(0), "on_loan");
    appointment = await walkIn("Sofie De Smet", "0479/55.66.77", monthsAgo(0));
    const [reg] = await db
      .insert(registrations)
      .values({ runId: f.pastRun, status: "cancelled", name: "Sofie De Smet", email: "sofie@example.be", code: newCode(), manageTokenHash: newToken().hash })
      .returning();
    registration = reg.id;
  });

  it("finds the records by phone in any notation, by e-mail and by part of the name, in this municipality only", async () => {
    const byPhone = await findPersonData(db, f.offer.antwerpen.id, { phone: "0479 556 677", email: "", name: "" });
    expect(byPhone.map((r) => r.ref).sort()).toEqual([recordRef("referral", ref), recordRef("device_application", app), recordRef("appointment", appointment)].sort());
    expect(byPhone.find((r) => r.kind === "device_application")?.blocker).toMatch(/uitgeleend/);
    const byEmail = await findPersonData(db, f.offer.antwerpen.id, { phone: "", email: "sofie@example.be", name: "" });
    expect(byEmail.map((r) => r.ref)).toEqual([recordRef("registration", registration)]);
    expect(await findPersonData(db, f.offer.antwerpen.id, { phone: "", email: "", name: "de smet" })).toHaveLength(4);
    expect(await findPersonData(db, f.offer.hasselt.id, { phone: "", email: "", name: "de smet" })).toHaveLength(0);
  });

  it("exports one person's data with readable field names", async () => {
    const { document, count } = await exportPersonData(db, f.offer.antwerpen.id, [recordRef("referral", ref), recordRef("device_application", app), recordRef("registration", registration)], actor, NOW);
    expect(count).toBe(3);
    expect(document.doorverwijzingen[0]).toMatchObject({ naam: "Sofie De Smet", telefoon: "0479 55 66 77" });
    expect(document.toestelaanvragen[0].leningen[0]).toMatchObject({ stand: "on_loan", soort: "laptop" });
    expect(document.cursusinschrijvingen[0]).toMatchObject({ cursus: "Smartphone voor beginners", e_mail: "sofie@example.be" });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "privacy.export"));
    expect(JSON.stringify(audit.after)).not.toContain("Sofie");
  });

  it("refuses to erase while a device is on loan, and erases nothing then", async () => {
    const all = [recordRef("referral", ref), recordRef("device_application", app), recordRef("appointment", appointment), recordRef("registration", registration)];
    const refused = await erasePersonData(db, f.offer.antwerpen.id, all, actor, NOW);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reasons.join(" ")).toMatch(/toestel uitgeleend/);
    expect((await db.select().from(referrals).where(eq(referrals.id, ref)))[0].residentName).toBe("Sofie De Smet");

    const done = await erasePersonData(db, f.offer.antwerpen.id, all.filter((r) => !r.startsWith("device_application")), actor, NOW);
    expect(done).toEqual({ ok: true, erased: 3 });
    expect((await db.select().from(referrals).where(eq(referrals.id, ref)))[0]).toMatchObject({ residentName: null, phone: null });
    expect((await db.select().from(appointments).where(eq(appointments.id, appointment)))[0]).toMatchObject({ name: null, phone: null });
    expect((await db.select().from(registrations).where(eq(registrations.id, registration)))[0]).toMatchObject({ name: "(gewist)", email: null, status: "cancelled" });
    expect(await db.select().from(outbox).where(eq(outbox.subjectRef, recordRef("referral", ref)))).toHaveLength(0);
    const left = await findPersonData(db, f.offer.antwerpen.id, { phone: "", email: "", name: "de smet" });
    expect(left.map((r) => r.kind)).toEqual(["device_application"]);
  });
});
