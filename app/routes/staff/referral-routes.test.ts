/**
 * Route tests of warm referrals and the privacy page: real loaders and actions with a session cookie.
 * They prove consent, the messages, who sees which referral (inbox per role), the status history the referrer
 * reads, the overdue flag, and that every view of personal data is audit-logged.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database, type Db } from "~/db/client.server";
import { auditLog, organizations, outbox, referralEvents, referrals } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { createStaffUser, seedOfferFixture, type OfferFixture, type StaffUser } from "~/modules/offer/test-fixtures";
import * as privacyPage from "./privacy";
import * as privacyExport from "./privacy-export";
import * as referralPage from "./referral";
import * as newReferral from "./referral-new";
import * as referralList from "./referrals";
import { args, getAs, postAs, run } from "./route-test-helpers";

let database: Database;
let db: Db;
let f: OfferFixture;
let ocmw: string;
let digihelper: StaffUser;
let otherDigihelper: StaffUser;
let ocmwWorker: StaffUser;
let deviceOfficer: StaffUser;
let coordinator: StaffUser;

const M = { municipality: "antwerpen" };

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  setDatabase(database);
  f = await seedOfferFixture(db);
  [{ id: ocmw }] = await db
    .insert(organizations)
    .values({ municipalityId: f.antwerpen.id, name: "OCMW Antwerpen", type: "ocmw", email: "onthaal@ocmw.test" })
    .returning({ id: organizations.id });
  digihelper = await createStaffUser(db, "helper@kiel.test", "digihelper", { municipalityId: f.antwerpen.id, helpPointId: f.digipuntKiel });
  otherDigihelper = await createStaffUser(db, "helper@permeke.test", "digihelper", { municipalityId: f.antwerpen.id, helpPointId: f.permeke });
  ocmwWorker = await createStaffUser(db, "maatschappelijk@ocmw.test", "organization_manager", { municipalityId: f.antwerpen.id, organizationId: ocmw });
  deviceOfficer = await createStaffUser(db, "toestellen@antwerpen.test", "device_officer", { municipalityId: f.antwerpen.id });
  coordinator = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.antwerpen.id });
});
afterAll(() => database.close());

const form = (overrides: Record<string, string> = {}) => ({
  target: "ocmw",
  toOrganizationId: ocmw,
  toHelpPointId: "",
  residentName: "Fatima El Amrani",
  phone: "0470 12 34 56",
  email: "",
  language: "fr",
  topicId: "",
  reason: "Heeft een leefloon en zoekt goedkoop internet.",
  consent: "yes",
  ...overrides,
});

async function refer(user: StaffUser, fields: Record<string, string>) {
  return run(async () => newReferral.action(args(await postAs(db, "/beheer/antwerpen/doorverwijzen", user, fields), M)));
}

const inbox = async (user: StaffUser, box: "ontvangen" | "verstuurd") => {
  const result = await run(() => referralList.loader(args(getAs(`/beheer/antwerpen/doorverwijzingen${box === "verstuurd" ? "?bak=verstuurd" : ""}`, user), M)));
  expect(result.status).toBe(200);
  type Row = { id: string; status: string; overdue: boolean };
  const data = result.data as { overdueTotal: number | null; open: Row[]; closed: Row[] };
  // Open ones first (all of them), then the first page of the closed ones.
  return { ...data, referrals: [...data.open, ...data.closed] };
};
const detail = (user: StaffUser, id: string) => run(() => referralPage.loader(args(getAs(`/beheer/antwerpen/doorverwijzingen/${id}`, user), { ...M, referralId: id })));

describe("warm referrals", () => {
  it("refuses a referral without the resident's consent, and saves nothing", async () => {
    const result = await refer(digihelper, form({ consent: "" }));
    expect(result.status).toBe(400);
    const data = result.data as { errors: Record<string, string>; values: { residentName: string } };
    expect(data.errors.consent).toMatch(/akkoord/);
    expect(data.values.residentName).toBe("Fatima El Amrani");
    expect(await db.select().from(referrals)).toHaveLength(0);
    expect(await db.select().from(outbox)).toHaveLength(0);
  });

  it("asks for a way to reach the resident and for the receiving organisation", async () => {
    const result = await refer(digihelper, form({ phone: "", email: "", toOrganizationId: "" }));
    expect(result.status).toBe(400);
    const errors = (result.data as { errors: Record<string, string> }).errors;
    expect(errors.phone).toMatch(/telefoonnummer of een e-mailadres/);
    expect(errors.toOrganizationId).toMatch(/organisatie/);
  });

  let referralId: string;

  it("sends the referral: an SMS to the resident in their language, an e-mail without personal data to the partner", async () => {
    const result = await refer(digihelper, form());
    expect(result.status).toBe(303);
    referralId = result.location!.split("/").pop()!.split("?")[0];
    expect(result.location).toContain("verstuurd=bericht");
    const [row] = await db.select().from(referrals).where(eq(referrals.id, referralId));
    expect(row).toMatchObject({ target: "ocmw", toOrganizationId: ocmw, fromHelpPointId: f.digipuntKiel, status: "new", residentName: "Fatima El Amrani" });
    expect(row.consentAt).toBeInstanceOf(Date);
    const messages = await db.select().from(outbox).where(eq(outbox.subjectRef, `referral:${referralId}`));
    const sms = messages.find((m) => m.channel === "sms")!;
    expect(sms.recipient).toBe("+32470123456");
    expect(sms.body).toContain("OCMW Antwerpen vous contactera dans les 5 jours ouvrables");
    expect(sms.body).toContain("03 22 11 333"); // the help point has no number of its own: the city's
    const mail = messages.find((m) => m.channel === "email")!;
    expect(mail.recipient).toBe("onthaal@ocmw.test");
    expect(mail.body).toContain(`/beheer/antwerpen/doorverwijzingen/${referralId}`);
    expect(mail.body).not.toContain("Fatima");
    expect(mail.body).not.toContain("0470");
  });

  it("shows the referral to the receiving organisation and the coordinator, not to another digihelper", async () => {
    expect((await inbox(ocmwWorker, "ontvangen")).referrals.map((r) => r.id)).toEqual([referralId]);
    expect((await inbox(coordinator, "ontvangen")).referrals.map((r) => r.id)).toContain(referralId);
    expect((await inbox(otherDigihelper, "ontvangen")).referrals).toHaveLength(0);
    expect((await inbox(deviceOfficer, "ontvangen")).referrals).toHaveLength(0);
    expect((await inbox(digihelper, "verstuurd")).referrals.map((r) => r.id)).toEqual([referralId]);
    // A referral someone may not see is not found for them (the same SQL rule as the lists).
    expect((await detail(otherDigihelper, referralId)).status).toBe(404);
    expect((await detail(deviceOfficer, referralId)).status).toBe(404);
  });

  it("logs every view of the personal data", async () => {
    const before = await db.select().from(auditLog).where(and(eq(auditLog.action, "referral.view"), eq(auditLog.entityId, referralId)));
    const seen = await detail(ocmwWorker, referralId);
    expect(seen.status).toBe(200);
    const data = seen.data as { receiver: boolean; referral: { residentName: string; phone: string } };
    expect(data.receiver).toBe(true);
    expect(data.referral.residentName).toBe("Fatima El Amrani");
    const after = await db.select().from(auditLog).where(and(eq(auditLog.action, "referral.view"), eq(auditLog.entityId, referralId)));
    expect(after.length).toBe(before.length + 1);
    expect(after.some((a) => a.userEmail === "maatschappelijk@ocmw.test")).toBe(true);
  });

  it("lets the receiver change the status with a note; the referrer reads it", async () => {
    // The referrer cannot change the status, and a POST without the CSRF token is refused.
    const byReferrer = await run(async () =>
      referralPage.action(args(await postAs(db, `/beheer/antwerpen/doorverwijzingen/${referralId}`, digihelper, { status: "helped", note: "" }), { ...M, referralId })),
    );
    expect(byReferrer.status).toBe(403);
    const noCsrf = await run(async () =>
      referralPage.action(args(await postAs(db, `/beheer/antwerpen/doorverwijzingen/${referralId}`, ocmwWorker, { status: "contacted", note: "" }, { csrf: false }), { ...M, referralId })),
    );
    expect(noCsrf.status).toBe(403);

    const changed = await run(async () =>
      referralPage.action(
        args(await postAs(db, `/beheer/antwerpen/doorverwijzingen/${referralId}`, ocmwWorker, { status: "contacted", note: "Afspraak op dinsdag om 10 uur." }), { ...M, referralId }),
      ),
    );
    expect(changed.status).toBe(303);
    const [row] = await db.select().from(referrals).where(eq(referrals.id, referralId));
    expect(row.status).toBe("contacted");
    expect(row.pickedUpAt).toBeInstanceOf(Date);
    const pickedUp = row.pickedUpAt!.getTime();

    await run(async () => referralPage.action(args(await postAs(db, `/beheer/antwerpen/doorverwijzingen/${referralId}`, ocmwWorker, { status: "helped", note: "" }), { ...M, referralId })));
    const [later] = await db.select().from(referrals).where(eq(referrals.id, referralId));
    expect(later.pickedUpAt!.getTime()).toBe(pickedUp); // set once, at the first change from new
    expect(await db.select().from(referralEvents).where(eq(referralEvents.referralId, referralId))).toHaveLength(3);

    const forReferrer = await detail(digihelper, referralId);
    const data = forReferrer.data as { receiver: boolean; referral: { statusLabel: string; events: { status: string; note: string | null }[] } };
    expect(data.receiver).toBe(false);
    expect(data.referral.statusLabel).toBe("Geholpen");
    expect(data.referral.events.map((e) => e.status)).toEqual(["Nieuw", "Contact opgenomen", "Geholpen"]);
    expect(data.referral.events[1].note).toBe("Afspraak op dinsdag om 10 uur.");
    expect((await inbox(digihelper, "verstuurd")).referrals[0].status).toBe("Geholpen");
  });

  it("sends device-bank referrals to the device officer, with the link to start an application", async () => {
    const result = await refer(otherDigihelper, form({ target: "device_bank", toOrganizationId: "", phone: "", email: "JAN@example.be", language: "nl", residentName: "Jan Peeters" }));
    expect(result.status).toBe(303);
    const id = result.location!.split("/").pop()!.split("?")[0];
    const mail = (await db.select().from(outbox).where(eq(outbox.subjectRef, `referral:${id}`)))[0];
    expect(mail).toMatchObject({ channel: "email", recipient: "jan@example.be" });
    expect(mail.body).toContain("de uitleendienst van Antwerpen");
    expect((await inbox(deviceOfficer, "ontvangen")).referrals.map((r) => r.id)).toEqual([id]);
    expect((await inbox(ocmwWorker, "ontvangen")).referrals.map((r) => r.id)).not.toContain(id);
    expect((await detail(deviceOfficer, id)).status).toBe(200);
  });

  it("flags a referral nobody picked up in 5 working days, in both tabs and as a count for the coordinator", async () => {
    const old = new Date(Date.now() - 14 * 24 * 3600_000);
    const [row] = await db
      .insert(referrals)
      .values({ municipalityId: f.antwerpen.id, target: "ocmw", toOrganizationId: ocmw, fromUserId: digihelper.id, fromHelpPointId: f.digipuntKiel, consentAt: old, residentName: "Oude vraag", phone: "0470 00 00 00", createdAt: old, lastActivityAt: old })
      .returning();
    expect((await inbox(ocmwWorker, "ontvangen")).referrals.find((r) => r.id === row.id)?.overdue).toBe(true);
    expect((await inbox(digihelper, "verstuurd")).referrals.find((r) => r.id === row.id)?.overdue).toBe(true);
    expect((await inbox(digihelper, "verstuurd")).referrals.find((r) => r.id === referralId)?.overdue).toBe(false);
    expect((await inbox(coordinator, "ontvangen")).overdueTotal).toBe(1);
    expect((await inbox(ocmwWorker, "ontvangen")).overdueTotal).toBeNull();
  });

  it("keeps an old open referral listed and flagged behind 600 closed ones, and pages the closed ones", async () => {
    const old = new Date(Date.now() - 40 * 24 * 3600_000);
    const [{ id: oldId }] = await db
      .insert(referrals)
      .values({ municipalityId: f.antwerpen.id, target: "ocmw", toOrganizationId: ocmw, fromUserId: digihelper.id, fromHelpPointId: f.digipuntKiel, consentAt: old, residentName: "Heel oude vraag", phone: "0499 00 00 01", createdAt: old, lastActivityAt: old })
      .returning({ id: referrals.id });
    // 600 newer referrals, already handled, in one statement.
    await db.execute(sql`
      insert into referrals (municipality_id, target, to_organization_id, from_user_id, from_help_point_id, status, consent_at,
                             resident_name, phone, language, last_activity_at, created_at)
      select ${f.antwerpen.id}, 'ocmw', ${ocmw}, ${digihelper.id}, ${f.digipuntKiel}, 'helped', t, 'Bewoner ' || g, '0499 00 00 00', 'nl', t, t
      from generate_series(1, 600) as g, lateral (select now() - g * interval '1 minute' as t) as x`);

    type Page = Awaited<ReturnType<typeof inbox>> & { counts: { key: string; count: number }[]; closedTotal: number; page: number; pages: number };
    const page = async (user: StaffUser, query: string) => {
      const result = await run(() => referralList.loader(args(getAs(`/beheer/antwerpen/doorverwijzingen${query}`, user), M)));
      expect(result.status).toBe(200);
      return result.data as Page;
    };
    const first = await page(ocmwWorker, "");
    expect(first.open.find((r) => r.id === oldId)?.overdue).toBe(true);
    expect(first.closedTotal).toBe(601); // the 600 and Fatima's, helped earlier
    expect(first.counts.find((c) => c.key === "helped")?.count).toBe(601);
    expect(first.counts.find((c) => c.key === "new")?.count).toBe(first.open.length);
    expect(first).toMatchObject({ page: 1, pages: 13 });
    expect(first.closed).toHaveLength(50);

    const second = await page(ocmwWorker, "?pagina=2");
    expect(second.page).toBe(2);
    expect(second.closed).toHaveLength(50);
    expect(second.closed.some((r) => first.closed.some((s) => s.id === r.id))).toBe(false);
    expect(second.open.map((r) => r.id)).toEqual(first.open.map((r) => r.id)); // open ones on every page

    // The referrer's "Verstuurd": the old one flagged there too; the last page holds the oldest closed one.
    const sentLast = await page(digihelper, "?bak=verstuurd&pagina=13");
    expect(sentLast.open.find((r) => r.id === oldId)?.overdue).toBe(true);
    expect(sentLast.page).toBe(13);
    expect(sentLast.closed).toHaveLength(1);
    expect((await page(digihelper, "?bak=verstuurd&pagina=onzin")).page).toBe(1);
    expect((await inbox(coordinator, "ontvangen")).overdueTotal).toBe(2);
    expect((await page(otherDigihelper, "")).closedTotal).toBe(0);
  });
});

describe("privacy page", () => {
  const path = "/beheer/antwerpen/privacy";
  it("is for coordinators only", async () => {
    expect((await run(() => privacyPage.loader(args(getAs(path, digihelper), M)))).status).toBe(403);
    expect((await run(() => privacyPage.loader(args(getAs(path, coordinator), M)))).status).toBe(200);
  });

  it("finds a resident by phone in another notation, exports and erases, all audit-logged", async () => {
    const search = await run(async () => privacyPage.action(args(await postAs(db, path, coordinator, { intent: "search", phone: "+32 470 12 34 56", email: "", name: "" }), M)));
    expect(search.status).toBe(200);
    const records = (search.data as { records: { ref: string; name: string }[] }).records;
    expect(records).toHaveLength(1);
    expect(records[0].name).toBe("Fatima El Amrani");

    const exported = await run(async () =>
      privacyExport.action(args(await postAs(db, `${path}/export`, coordinator, { records: [records[0].ref] }), M)),
    );
    expect(exported.status).toBe(200);
    expect(exported.response!.headers.get("Content-Disposition")).toMatch(/attachment/);
    const json = JSON.parse(await exported.response!.text());
    expect(json.doorverwijzingen[0].naam).toBe("Fatima El Amrani");
    expect(json.doorverwijzingen[0].geschiedenis[1].notitie).toBe("Afspraak op dinsdag om 10 uur.");

    const confirm = await run(async () =>
      privacyPage.action(args(await postAs(db, path, coordinator, { intent: "erase-confirm", phone: "0470123456", email: "", name: "", records: [records[0].ref] }), M)),
    );
    expect((confirm.data as { confirm: unknown[] }).confirm).toHaveLength(1);
    expect((await db.select().from(referrals).where(eq(referrals.residentName, "Fatima El Amrani")))).toHaveLength(1); // nothing erased yet

    const erased = await run(async () =>
      privacyPage.action(args(await postAs(db, path, coordinator, { intent: "erase", phone: "0470123456", email: "", name: "", records: [records[0].ref] }), M)),
    );
    expect((erased.data as { erased: number }).erased).toBe(1);
    const id = records[0].ref.split(":")[1];
    const [row] = await db.select().from(referrals).where(eq(referrals.id, id));
    expect(row).toMatchObject({ residentName: null, phone: null, email: null, reason: null, status: "helped" });
    expect(row.erasedAt).toBeInstanceOf(Date);
    expect(await db.select().from(outbox).where(eq(outbox.subjectRef, records[0].ref))).toHaveLength(0);
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.userEmail, "coordinator@antwerpen.test"))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["privacy.search", "privacy.export", "privacy.erase"]));
    // The referrer still sees the referral and its status, without the personal data.
    const after = await detail(digihelper, id);
    expect((after.data as { referral: { erased: boolean; residentName: string | null } }).referral).toMatchObject({ erased: true, residentName: null });
  });

  it("sets the retention period within 1 to 60 months", async () => {
    const bad = await run(async () => privacyPage.action(args(await postAs(db, path, coordinator, { intent: "retention", months: "0" }), M)));
    expect(bad.status).toBe(400);
    const ok = await run(async () => privacyPage.action(args(await postAs(db, path, coordinator, { intent: "retention", months: "12" }), M)));
    expect(ok.status).toBe(303);
    expect(((await run(() => privacyPage.loader(args(getAs(path, coordinator), M)))).data as { retentionMonths: number }).retentionMonths).toBe(12);
  });
});
