/**
 * Route-level tests of the device-lending staff pages: loaders and actions with a real session cookie. They prove
 * who may do what (devices.apply, devices.lend, devices.manage), CSRF, and the refusals a desk worker sees.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database, type Db } from "~/db/client.server";
import { deviceApplications, deviceLoans, devices, referrals } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { applicationFormFields } from "~/modules/devices/inventory-test-fixtures";
import { addDaysTo, brusselsDate } from "~/modules/finder/opening-hours";
import { createStaffUser, seedOfferFixture, type OfferFixture, type StaffUser } from "~/modules/offer/test-fixtures";
import * as agreementPdf from "./device-agreement-pdf";
import * as applicationPage from "./device-application";
import * as applicationNew from "./device-application-new";
import * as applicationList from "./device-applications";
import * as loanPage from "./device-loan";
import * as loanList from "./device-loans";
import * as overdue from "./device-overdue";
import * as settingsPage from "./device-settings";
import { args, getAs, postAs, run } from "./route-test-helpers";

let database: Database;
let db: Db;
let f: OfferFixture;
let officer: StaffUser;
let helper: StaffUser;
let otherHelper: StaffUser;
let hasseltOfficer: StaffUser;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  setDatabase(database);
  f = await seedOfferFixture(db);
  officer = await createStaffUser(db, "toestellen@antwerpen.test", "device_officer", { municipalityId: f.antwerpen.id });
  helper = await createStaffUser(db, "helper@antwerpen.test", "digihelper", { municipalityId: f.antwerpen.id, helpPointId: f.digipuntKiel });
  otherHelper = await createStaffUser(db, "helper2@antwerpen.test", "digihelper", { municipalityId: f.antwerpen.id, helpPointId: f.permeke });
  hasseltOfficer = await createStaffUser(db, "toestellen@hasselt.test", "device_officer", { municipalityId: f.hasselt.id });
}, 60_000);
afterAll(() => database.close());

const M = "/beheer/antwerpen/uitlenen";
const form = (overrides: Record<string, string | string[]> = {}) => applicationFormFields(f.digipuntKiel, overrides);

async function apply(user: StaffUser, overrides: Record<string, string | string[]> = {}) {
  const request = await postAs(db, `${M}/aanvragen/nieuw`, user, form(overrides));
  return run(() => applicationNew.action(args(request, { municipality: "antwerpen" })));
}

describe("applications", () => {
  it("a digihelper applies on a resident's behalf, sees only their own applications and cannot decide", async () => {
    const out = await apply(helper, { address: "Kroonstraat 1" });
    expect(out.status).toBe(303);
    const id = out.location!.match(/aanvragen\/([0-9a-f-]{36})/)![1];
    const mine = await run(() => applicationList.loader(args(getAs(`${M}/aanvragen?status=alle`, helper), { municipality: "antwerpen" })));
    expect((mine.data as { applications: { id: string }[] }).applications.map((a) => a.id)).toEqual([id]);
    const others = await run(() => applicationList.loader(args(getAs(`${M}/aanvragen?status=alle`, otherHelper), { municipality: "antwerpen" })));
    expect((others.data as { applications: unknown[] }).applications).toEqual([]);
    expect((await run(() => applicationPage.loader(args(getAs(`${M}/aanvragen/${id}`, otherHelper), { municipality: "antwerpen", applicationId: id })))).status).toBe(404);
    const decide = await run(async () => applicationPage.action(args(await postAs(db, `${M}/aanvragen/${id}`, helper, { intent: "approve" }), { municipality: "antwerpen", applicationId: id })));
    expect(decide.status).toBe(403);
    const [row] = await db.select().from(deviceApplications).where(eq(deviceApplications.id, id));
    expect(row.status).toBe("submitted");
  });

  it("keeps the typed values and says what is wrong", async () => {
    const out = await apply(helper, { applicantName: "", address: "Kroonstraat", phone: "" });
    expect(out.status).toBe(400);
    const d = out.data as { errors: Record<string, string>; values: { postcode: string } };
    expect(d.errors.applicantName).toBe("Vul de naam van de bewoner in.");
    expect(d.errors.address).toContain("huisnummer");
    expect(d.errors.phone).toContain("telefoonnummer of e-mailadres");
    expect(d.values.postcode).toBe("2140");
  });

  it("prefills from a referral and links the application to it", async () => {
    const [referral] = await db
      .insert(referrals)
      .values({ municipalityId: f.antwerpen.id, target: "device_bank", consentAt: new Date(), residentName: "Nadia Benali", phone: "0470 55 66 77", language: "ar", reason: "Heeft een laptop nodig voor school" })
      .returning();
    const page = await run(() => applicationNew.loader(args(getAs(`${M}/aanvragen/nieuw?verwijzing=${referral.id}`, helper), { municipality: "antwerpen" })));
    expect((page.data as { values: Record<string, string> }).values).toMatchObject({ applicantName: "Nadia Benali", phone: "0470 55 66 77", language: "ar", referralId: referral.id });
    const out = await apply(helper, { applicantName: "Nadia Benali", phone: "0470 55 66 77", language: "ar", address: "Turnhoutsebaan 180", referralId: referral.id });
    const id = out.location!.match(/aanvragen\/([0-9a-f-]{36})/)![1];
    const [row] = await db.select().from(deviceApplications).where(eq(deviceApplications.id, id));
    expect(row.referralId).toBe(referral.id);
  });
});

describe("lending", () => {
  it("approve, reserve, print the agreement, hand over, refuse a return of a device not on loan, return", async () => {
    const [device] = await db.insert(devices).values({ municipalityId: f.antwerpen.id, assetTag: "ANT-R0001", kind: "laptop", source: "purchase", status: "ready", wiped: true, homeHelpPointId: f.digipuntKiel }).returning();
    const out = await apply(helper, { address: "Kerkstraat 9", language: "fr" });
    const id = out.location!.match(/aanvragen\/([0-9a-f-]{36})/)![1];
    const path = `${M}/aanvragen/${id}`;
    const p = { municipality: "antwerpen", applicationId: id };
    expect((await run(async () => applicationPage.action(args(await postAs(db, path, officer, { intent: "approve" }), p)))).location).toBe(`${path}?opgeslagen=goedgekeurd`);
    const page = await run(() => applicationPage.loader(args(getAs(path, officer), p)));
    expect((page.data as { deviceOptions: { id: string }[] }).deviceOptions.map((d) => d.id)).toContain(device.id);
    const today = brusselsDate();
    const reserved = await run(async () => applicationPage.action(args(await postAs(db, path, officer, { intent: "reserve", deviceId: device.id, startsOn: today, endsOn: addDaysTo(today, 3) }), p)));
    expect(reserved.status).toBe(303);
    const loanId = reserved.location!.match(/uitleningen\/([0-9a-f-]{36})/)![1];
    const lp = { municipality: "antwerpen", loanId };

    const pdf = await run(() => agreementPdf.loader(args(getAs(`${M}/uitleningen/${loanId}/overeenkomst.pdf`, officer), lp)));
    expect(pdf.response?.headers.get("Content-Type")).toBe("application/pdf");
    expect((await run(() => agreementPdf.loader(args(getAs(`${M}/uitleningen/${loanId}/overeenkomst.pdf`, helper), lp)))).status).toBe(403);

    const noSignature = await run(async () => loanPage.action(args(await postAs(db, `${M}/uitleningen/${loanId}`, officer, { intent: "handover" }), lp)));
    expect(noSignature.status).toBe(409);
    const handed = await run(async () => loanPage.action(args(await postAs(db, `${M}/uitleningen/${loanId}`, officer, { intent: "handover", signature: "paper" }), lp)));
    expect(handed.location).toBe(`${M}/uitleningen/${loanId}?opgeslagen=meegegeven`);

    const wrong = await run(async () => loanList.action(args(await postAs(db, `${M}/uitleningen`, officer, { assetTag: "ANT-R9999", condition: "good" }), { municipality: "antwerpen" })));
    expect(wrong.status).toBe(409);
    expect((wrong.data as { errors: Record<string, string> }).errors.assetTag).toContain("geen toestel met nummer ANT-R9999");

    const back = await run(async () => loanList.action(args(await postAs(db, `${M}/uitleningen`, officer, { assetTag: "ant-r0001", condition: "fair" }), { municipality: "antwerpen" })));
    expect(back.location).toBe(`${M}/uitleningen/${loanId}?opgeslagen=teruggebracht`);
    const again = await run(async () => loanList.action(args(await postAs(db, `${M}/uitleningen`, officer, { assetTag: "ANT-R0001", condition: "fair" }), { municipality: "antwerpen" })));
    expect((again.data as { errors: Record<string, string> }).errors.assetTag).toBe("Toestel ANT-R0001 is niet uitgeleend, dus het kan niet teruggebracht worden. Kijk het nummer na.");
    const [loan] = await db.select().from(deviceLoans).where(eq(deviceLoans.id, loanId));
    expect(loan.status).toBe("returned");
  });

  it("keeps loans, the overdue list and the settings to the right people", async () => {
    for (const [mod, path] of [
      [loanList, `${M}/uitleningen`],
      [overdue, `${M}/te-laat`],
    ] as const) {
      expect((await run(() => mod.loader(args(getAs(path, helper), { municipality: "antwerpen" })))).status).toBe(403);
      expect((await run(() => mod.loader(args(getAs(path, hasseltOfficer), { municipality: "antwerpen" })))).status).toBe(403);
      expect((await run(() => mod.loader(args(getAs(path, officer), { municipality: "antwerpen" })))).status).toBe(200);
    }
    expect((await run(() => settingsPage.loader(args(getAs(`${M}/instellingen`, helper), { municipality: "antwerpen" })))).status).toBe(403);
    const bad = await run(async () => settingsPage.action(args(await postAs(db, `${M}/instellingen`, officer, { intent: "settings", maxDevicesPerHousehold: "0", loanWeeks: "12", extensionWeeks: "4", maxExtensions: "2", reminderDaysBefore: "3", auditPeriodDays: "180", returnHelpPointId: "" }), { municipality: "antwerpen" })));
    expect(bad.status).toBe(400);
    expect((bad.data as { errors: Record<string, string> }).errors.maxDevicesPerHousehold).toBe('Vul bij "Toestellen per gezin" een getal van 1 tot 10 in.');
    const noCsrf = await run(async () => settingsPage.action(args(await postAs(db, `${M}/instellingen`, officer, { intent: "settings" }, { csrf: false }), { municipality: "antwerpen" })));
    expect(noCsrf.status).toBe(403);
  });
});
