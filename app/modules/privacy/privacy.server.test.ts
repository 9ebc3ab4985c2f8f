/**
 * Privacy: the retention job (erases old personal data, keeps the rows for counts, leaves recent and open things
 * alone, idempotent, per-municipality period) and find / export / erase of one person across the modules.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import {
  appointments,
  attendance,
  auditLog,
  courseRuns,
  courseSessions,
  deviceApplications,
  deviceLoans,
  devices,
  helpSettings,
  homeVisits,
  loanContacts,
  outbox,
  referralEvents,
  referrals,
  registrationLinks,
  registrations,
} from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { issueManageLink } from "~/modules/learning/registration.server";
import { staffAwareness } from "~/modules/learning/staff-awareness.server";
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

async function application(name: string, phone: string, lastActivityAt: Date, loan?: "on_loan" | "returned" | "declined") {
  const [app] = await db
    .insert(deviceApplications)
    .values({
      municipalityId: f.offer.antwerpen.id, kinds: ["laptop"], purpose: "job_search", householdSize: 2, householdKey: `2060|${name}`, applicantName: name, phone, address: "Kerkstraat 1, 2060 Antwerpen", code: newCode(),
      status: loan === "declined" ? "declined" : "fulfilled", declineReason: loan === "declined" ? `${name} woont niet in Antwerpen` : null, lastActivityAt, createdAt: lastActivityAt,
    })
    .returning();
  if (loan && loan !== "declined") {
    const [device] = await db
      .insert(devices)
      .values({ municipalityId: f.offer.antwerpen.id, assetTag: `ANT-${newCode(5)}`, kind: "laptop", source: "purchase", status: loan === "on_loan" ? "on_loan" : "returned", wiped: loan === "on_loan" })
      .returning();
    const [loanRow] = await db.insert(deviceLoans).values({
      municipalityId: f.offer.antwerpen.id,
      deviceId: device.id,
      applicationId: app.id,
      status: loan,
      startsOn: lastActivityAt.toISOString().slice(0, 10),
      endsOn: new Date(lastActivityAt.getTime() + 84 * 24 * 3600_000).toISOString().slice(0, 10),
      handedOverAt: lastActivityAt,
      agreementSignature: "paper",
      returnedAt: loan === "returned" ? lastActivityAt : null,
      returnCondition: loan === "returned" ? "poor" : null,
      missingAccessories: loan === "returned" ? `Lader ligt nog bij ${name}` : null,
      damageNote: loan === "returned" ? `Scherm gebarsten, zegt ${name}` : null,
      giftReason: loan === "returned" ? `Zoon van ${name} gebruikt hem voor school` : null,
    }).returning();
    await db.insert(loanContacts).values({ loanId: loanRow.id, channel: "phone", note: `${name} gebeld, komt morgen`, at: lastActivityAt });
  }
  return app.id;
}

/** A run of the staff course whose only session ended at `endedAt`, with one registration per person given. */
async function pastStaffRun(endedAt: Date, people: { name: string; department: string; completed: boolean; status?: "registered" | "cancelled" }[]) {
  const [run] = await db.insert(courseRuns).values({ courseId: f.staffCourse, venue: "Stadhuis", capacity: 20, registeredCount: people.filter((p) => (p.status ?? "registered") === "registered").length }).returning();
  const [session] = await db.insert(courseSessions).values({ runId: run.id, startsAt: new Date(endedAt.getTime() - 2 * 3600_000), endsAt: endedAt }).returning();
  const ids: string[] = [];
  for (const p of people) {
    const [reg] = await db
      .insert(registrations)
      .values({
        runId: run.id, status: p.status ?? "registered", name: p.name, phone: "0470 98 76 54", email: `${p.name.split(" ")[0].toLowerCase()}@stad.test`, contactKey: `${p.name}@stad.test`,
        department: p.department, needs: ["hearing"], uitpasNumber: "1234567890123", code: newCode(), manageTokenHash: newToken().hash, followupTokenHash: newToken().hash,
        completedAt: p.completed ? endedAt : null, createdAt: new Date(endedAt.getTime() - 30 * 24 * 3600_000), updatedAt: endedAt,
      })
      .returning();
    await db.insert(attendance).values({ sessionId: session.id, registrationId: reg.id, present: p.completed, markedAt: endedAt });
    await db.insert(registrationLinks).values({ tokenHash: newToken().hash, registrationId: reg.id, purpose: "reminder" });
    await enqueueMessage(db, { municipalityId: f.offer.antwerpen.id, to: { phone: "0470 98 76 54" }, language: "nl", template: "test", params: { name: p.name }, subjectRef: recordRef("registration", reg.id) });
    ids.push(reg.id);
  }
  return ids;
}

describe("retention job", () => {
  let oldReferral: string, recentReferral: string, hasseltReferral: string, oldVisit: string, oldAppointment: string, lentApp: string, returnedApp: string, declinedApp: string;
  let oldRegs: string[], recentRegs: string[], awarenessBefore: Awaited<ReturnType<typeof staffAwareness>>;

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
    declinedApp = await application("Karim Aziz", "0471 00 00 03", monthsAgo(9), "declined");
    oldRegs = await pastStaffRun(monthsAgo(8), [
      { name: "Els Wouters", department: "Burgerzaken", completed: true },
      { name: "Jan Claes", department: "Burgerzaken", completed: false },
      { name: "Nadia Haddou", department: "Wonen", completed: false, status: "cancelled" },
    ]);
    recentRegs = await pastStaffRun(monthsAgo(2), [{ name: "Pieter Maes", department: "Welzijn", completed: true }]);
    awarenessBefore = await staffAwareness(db, f.offer.antwerpen.id);
    await enqueueMessage(db, { municipalityId: f.offer.antwerpen.id, to: { phone: "0471 00 00 02" }, language: "nl", template: "test", params: { name: "Tom" }, subjectRef: `device_application:${returnedApp}` });
    await enqueueMessage(db, { municipalityId: f.offer.antwerpen.id, to: { phone: "03 233 44 55" }, language: "nl", template: "test", params: { name: "Maria" }, subjectRef: `home_visit:${oldVisit}` });
  });

  it("erases old personal data, keeps the rows and counts, leaves recent rows and running loans alone", async () => {
    const countsBefore = await db.select({ n: sql<number>`count(*)::int` }).from(referrals);
    const result = await eraseExpiredPersonalData(db, NOW);
    expect(result).toEqual({ appointments: 1, homeVisits: 1, referrals: 1, deviceApplications: 2, registrations: 3 });

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

    // Free text staff typed about the loan and the decline reason go with the application.
    const [loan] = await db.select().from(deviceLoans).where(eq(deviceLoans.applicationId, returnedApp));
    expect(loan).toMatchObject({ status: "returned", returnCondition: "poor", missingAccessories: null, damageNote: null, giftReason: null });
    expect((await db.select().from(loanContacts).where(eq(loanContacts.loanId, loan.id)))[0]).toMatchObject({ channel: "phone", note: null });
    const [declined] = await db.select().from(deviceApplications).where(eq(deviceApplications.id, declinedApp));
    expect(declined).toMatchObject({ status: "declined", applicantName: null, declineReason: "(gewist)" });
    const [lentLoan] = await db.select().from(deviceLoans).where(eq(deviceLoans.applicationId, lentApp));
    expect((await db.select().from(loanContacts).where(eq(loanContacts.loanId, lentLoan.id)))[0].note).toBe("Lena Peeters gebeld, komt morgen");

    // Course registrations of a run that ended longer ago than the retention period: anonymised, links and messages gone.
    const erasedRegs = await db.select().from(registrations).where(inArray(registrations.id, oldRegs));
    for (const reg of erasedRegs) {
      expect(reg).toMatchObject({ name: "(gewist)", phone: null, email: null, contactKey: null, uitpasNumber: null, needs: [], followupTokenHash: null });
      expect(reg.erasedAt?.toISOString()).toBe(NOW.toISOString());
      expect(reg.manageTokenHash).toBe(`erased:${reg.id}`);
    }
    expect(erasedRegs.map((r) => [r.status, r.department, r.completedAt !== null]).sort()).toEqual([["cancelled", "Wonen", false], ["registered", "Burgerzaken", false], ["registered", "Burgerzaken", true]]);
    expect(await db.select().from(registrationLinks).where(inArray(registrationLinks.registrationId, oldRegs))).toHaveLength(0);
    expect(await db.select().from(outbox).where(inArray(outbox.subjectRef, oldRegs.map((id) => recordRef("registration", id))))).toHaveLength(0);
    expect(await db.select().from(attendance).where(inArray(attendance.registrationId, oldRegs))).toHaveLength(3);
    const [recentReg] = await db.select().from(registrations).where(eq(registrations.id, recentRegs[0]));
    expect(recentReg).toMatchObject({ name: "Pieter Maes", email: "pieter@stad.test", erasedAt: null });
    expect(await db.select().from(registrationLinks).where(eq(registrationLinks.registrationId, recentRegs[0]))).toHaveLength(1);
    expect(await db.select().from(outbox).where(eq(outbox.subjectRef, recordRef("registration", recentRegs[0])))).toHaveLength(1);
    // The staff-awareness figures per department do not change.
    expect(await staffAwareness(db, f.offer.antwerpen.id)).toEqual(awarenessBefore);
    expect(awarenessBefore.departments.find((d) => d.department === "Burgerzaken")).toMatchObject({ registered: 2, completed: 1 });

    expect(await db.select({ n: sql<number>`count(*)::int` }).from(referrals)).toEqual(countsBefore);
  });

  it("is idempotent and safe to run twice at once", async () => {
    const [a, b] = await Promise.all([eraseExpiredPersonalData(db, NOW), eraseExpiredPersonalData(db, NOW)]);
    expect(a).toEqual({ appointments: 0, homeVisits: 0, referrals: 0, deviceApplications: 0, registrations: 0 });
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
    await db.insert(registrationLinks).values({ tokenHash: newToken().hash, registrationId: reg.id, purpose: "code" });
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
    const [reg] = await db.select().from(registrations).where(eq(registrations.id, registration));
    expect(reg).toMatchObject({ name: "(gewist)", email: null, status: "cancelled", manageTokenHash: `erased:${registration}` });
    expect(reg.erasedAt?.toISOString()).toBe(NOW.toISOString());
    expect(await db.select().from(registrationLinks).where(eq(registrationLinks.registrationId, registration))).toHaveLength(0);
    // Staff cannot open a fresh link to the erased registration either.
    expect(await issueManageLink(db, registration, "staff")).toBeNull();
    expect(await db.select().from(outbox).where(eq(outbox.subjectRef, recordRef("referral", ref)))).toHaveLength(0);
    const left = await findPersonData(db, f.offer.antwerpen.id, { phone: "", email: "", name: "de smet" });
    expect(left.map((r) => r.kind)).toEqual(["device_application"]);
  });

  it("clears the loan notes and contact notes of an erased device application", async () => {
    const returned = await application("Bart Vos", "0472 10 20 30", monthsAgo(0), "returned");
    const done = await erasePersonData(db, f.offer.antwerpen.id, [recordRef("device_application", returned)], actor, NOW);
    expect(done).toEqual({ ok: true, erased: 1 });
    const [loan] = await db.select().from(deviceLoans).where(eq(deviceLoans.applicationId, returned));
    expect(loan).toMatchObject({ status: "returned", missingAccessories: null, damageNote: null, giftReason: null });
    expect((await db.select().from(loanContacts).where(eq(loanContacts.loanId, loan.id)))[0].note).toBeNull();
    // Erased registrations are shown as erased, without the placeholder name.
    const placeholders = await findPersonData(db, f.offer.antwerpen.id, { phone: "", email: "", name: "gewist" });
    expect(placeholders.length).toBeGreaterThan(0);
    expect(placeholders.every((r) => r.kind === "registration" && r.erased && r.name === null && r.blocker === null)).toBe(true);
  });
});
