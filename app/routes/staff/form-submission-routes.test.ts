/**
 * A form sent twice is one record, not two: the creation forms of home visits (public and staff), donations
 * (public and staff), referrals and device applications, through their real loaders and actions. The same form
 * (same hidden submissionKey from the loader) sent twice at the same moment gives one record, one message, one
 * audit entry, and both answers lead to the same record (same code, same link); a new form (new key) is a new record.
 */
import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database, type Db } from "~/db/client.server";
import { auditLog, deviceApplications, donations, homeVisits, organizations, outbox, referrals } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { applicationFormFields } from "~/modules/devices/inventory-test-fixtures";
import { createStaffUser, seedOfferFixture, type OfferFixture, type StaffUser } from "~/modules/offer/test-fixtures";
import { hashToken } from "~/modules/shared/secrets.server";
import * as publicDonate from "../public/donate";
import * as publicHomeVisit from "../public/home-visit-request";
import * as applicationNew from "./device-application-new";
import * as donationNew from "./donation-new";
import * as homeVisitNew from "./home-visit-new";
import * as referralNew from "./referral-new";
import { args, getAs, postAs, run, type Outcome } from "./route-test-helpers";

let database: Database;
let db: Db;
let f: OfferFixture;
let coordinator: StaffUser;
let digihelper: StaffUser;
let officer: StaffUser;
let ocmw: string;

const M = { municipality: "antwerpen" };
const PUBLIC = { municipality: "antwerpen", lang: "fr" };

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  setDatabase(database);
  f = await seedOfferFixture(db);
  [{ id: ocmw }] = await db
    .insert(organizations)
    .values({ municipalityId: f.antwerpen.id, name: "OCMW Antwerpen", type: "ocmw", email: "onthaal@ocmw.test" })
    .returning({ id: organizations.id });
  coordinator = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.antwerpen.id });
  digihelper = await createStaffUser(db, "helper@kiel.test", "digihelper", { municipalityId: f.antwerpen.id, helpPointId: f.digipuntKiel });
  officer = await createStaffUser(db, "toestellen@antwerpen.test", "device_officer", { municipalityId: f.antwerpen.id });
}, 60_000);
afterAll(() => database.close());

/** The key the page's loader put in the form (a fresh one on every page view). */
function keyOf(page: Outcome): string {
  const data = page.data as { submissionKey?: string; values?: { submissionKey?: string } };
  const key = data.submissionKey ?? data.values?.submissionKey;
  expect(key).toMatch(/^[0-9a-f-]{36}$/);
  return key!;
}

/** The same form posted twice at the same moment (a double tap), as staff or (user null) on a public page. */
async function twice(path: string, user: StaffUser | null, fields: Record<string, string | string[]>, action: (a: never) => unknown, params: Record<string, string>) {
  // Both requests are built first: the second tap does not wait for the first answer.
  const requests = await Promise.all([postAs(db, path, user, fields), postAs(db, path, user, fields)]);
  return Promise.all(requests.map((request) => run(() => action(args(request, params)))));
}

const auditOf = (action: string, ids: string[]) => db.select().from(auditLog).where(and(eq(auditLog.action, action), inArray(auditLog.entityId, ids)));
const messagesOf = (ref: string) => db.select().from(outbox).where(eq(outbox.subjectRef, ref));

const homeVisitForm = (overrides: Record<string, string> = {}) => ({
  requesterKind: "resident",
  residentName: "Maria Verlinden",
  address: "Kroonstraat 12",
  postcode: "2140",
  phone: "0470 12 34 56",
  requesterName: "",
  requesterPhone: "",
  requesterOrganization: "",
  topic: "",
  whenSuits: "Dinsdagvoormiddag",
  whyNoTravel: "Stapt slecht",
  ...overrides,
});

describe("home visits", () => {
  it("public page: sent twice at once is one request, one SMS, and both answers show the same code", async () => {
    const page = await run(() => publicHomeVisit.loader(args(getAs("/antwerpen/fr/hulp-aan-huis"), PUBLIC)));
    const submissionKey = keyOf(page);
    const again = await run(() => publicHomeVisit.loader(args(getAs("/antwerpen/fr/hulp-aan-huis"), PUBLIC)));
    expect(keyOf(again)).not.toBe(submissionKey);
    const answers = await twice("/antwerpen/fr/hulp-aan-huis", null, homeVisitForm({ residentName: "Rosa Peeters", submissionKey }), publicHomeVisit.action, PUBLIC);
    expect(answers.map((a) => a.status)).toEqual([303, 303]);
    expect(answers[1].location).toBe(answers[0].location);
    const code = new URL(answers[0].location!, "http://x").searchParams.get("code");
    const rows = await db.select().from(homeVisits).where(eq(homeVisits.residentName, "Rosa Peeters"));
    expect(rows.map((r) => r.code)).toEqual([code]);
    expect(rows[0].submissionKey).toBe(submissionKey);
    expect(await messagesOf(`home_visit:${rows[0].id}`)).toHaveLength(1);
    // Sent once more later (the browser sends it again): still that one request.
    const later = await run(async () => publicHomeVisit.action(args(await postAs(db, "/antwerpen/fr/hulp-aan-huis", null, homeVisitForm({ residentName: "Rosa Peeters", submissionKey })), PUBLIC)));
    expect(later.location).toBe(answers[0].location);
    expect(await db.select().from(homeVisits).where(eq(homeVisits.residentName, "Rosa Peeters"))).toHaveLength(1);
    // A new form (a new key) is a new request with its own code.
    const next = await run(async () =>
      publicHomeVisit.action(args(await postAs(db, "/antwerpen/fr/hulp-aan-huis", null, homeVisitForm({ residentName: "Rosa Peeters", submissionKey: keyOf(again) })), PUBLIC)),
    );
    expect(next.status).toBe(303);
    expect(next.location).not.toBe(answers[0].location);
    expect(await db.select().from(homeVisits).where(eq(homeVisits.residentName, "Rosa Peeters"))).toHaveLength(2);
  });

  it("public page: a form with errors comes back with the same key, so the corrected form is still one request", async () => {
    const submissionKey = keyOf(await run(() => publicHomeVisit.loader(args(getAs("/antwerpen/fr/hulp-aan-huis"), PUBLIC))));
    const wrong = await run(async () =>
      publicHomeVisit.action(args(await postAs(db, "/antwerpen/fr/hulp-aan-huis", null, homeVisitForm({ residentName: "Jan Claes", postcode: "21", submissionKey })), PUBLIC)),
    );
    expect(wrong.status).toBe(400);
    expect((wrong.data as { submissionKey: string }).submissionKey).toBe(submissionKey);
  });

  it("staff entry: sent twice at once is one request, one SMS, one audit entry, both answers open it", async () => {
    const page = await run(() => homeVisitNew.loader(args(getAs("/beheer/antwerpen/huisbezoeken/nieuw", coordinator), M)));
    const submissionKey = keyOf(page);
    const fields = { ...homeVisitForm({ residentName: "Louis Wouters" }), language: "nl", submissionKey };
    const answers = await twice("/beheer/antwerpen/huisbezoeken/nieuw", coordinator, fields, homeVisitNew.action, M);
    expect(answers.map((a) => a.status)).toEqual([303, 303]);
    expect(answers[1].location).toBe(answers[0].location);
    const rows = await db.select().from(homeVisits).where(eq(homeVisits.residentName, "Louis Wouters"));
    expect(rows).toHaveLength(1);
    expect(answers[0].location).toBe(`/beheer/antwerpen/huisbezoeken/${rows[0].id}?opgeslagen=nieuw`);
    expect(await messagesOf(`home_visit:${rows[0].id}`)).toHaveLength(1);
    expect(await auditOf("home_visit.create", [rows[0].id])).toHaveLength(1);
    // Without a key (an old page) it is written as before.
    const { submissionKey: _, ...withoutKey } = fields;
    await run(async () => homeVisitNew.action(args(await postAs(db, "/beheer/antwerpen/huisbezoeken/nieuw", coordinator, withoutKey), M)));
    expect(await db.select().from(homeVisits).where(eq(homeVisits.residentName, "Louis Wouters"))).toHaveLength(2);
  });
});

const pledgeForm = (overrides: Record<string, string> = {}) => ({
  organizationName: "Dubbel Klik NV",
  count_laptop: "4",
  minimumSpecs: "",
  pickupAddress: "Meir 1, 2000 Antwerpen",
  pickupDate: "",
  contactName: "Els Janssens",
  contactEmail: "els@dubbelklik.example",
  contactPhone: "",
  note: "",
  ...overrides,
});
const donationsOf = (organizationName: string) =>
  db
    .select({ id: donations.id, impactTokenHash: donations.impactTokenHash })
    .from(donations)
    .innerJoin(organizations, eq(organizations.id, donations.donorOrganizationId))
    .where(eq(organizations.name, organizationName));

describe("donations", () => {
  it("public pledge: sent twice at once is one donation and one e-mail; the repeat says the link is in the e-mail", async () => {
    const submissionKey = keyOf(await run(() => publicDonate.loader(args(getAs("/antwerpen/fr/lenen/schenken"), PUBLIC))));
    const answers = await twice("/antwerpen/fr/lenen/schenken", null, pledgeForm({ submissionKey }), publicDonate.action, PUBLIC);
    // One goes on to the impact page; the other cannot show that link again (only its hash is stored) and thanks.
    expect(answers.map((a) => a.status).sort()).toEqual([200, 303]);
    const redirected = answers.find((a) => a.status === 303)!;
    const thanked = answers.find((a) => a.status === 200)!;
    expect((thanked.data as { sent?: boolean }).sent).toBe(true);
    const token = redirected.location!.match(/schenking\/([A-Za-z0-9_-]{43})\?nieuw=1$/)![1];
    const rows = await donationsOf("Dubbel Klik NV");
    expect(rows).toHaveLength(1);
    expect(rows[0].impactTokenHash).toBe(hashToken(token));
    const mails = await messagesOf(`donation:${rows[0].id}`);
    expect(mails).toHaveLength(1);
    expect(mails[0].body).toContain(`/antwerpen/fr/schenking/${token}`);
    expect(await db.select().from(organizations).where(eq(organizations.name, "Dubbel Klik NV"))).toHaveLength(1);
    // Sent again later: still one donation and one e-mail.
    const later = await run(async () => publicDonate.action(args(await postAs(db, "/antwerpen/fr/lenen/schenken", null, pledgeForm({ submissionKey })), PUBLIC)));
    expect((later.data as { sent?: boolean }).sent).toBe(true);
    expect(await donationsOf("Dubbel Klik NV")).toHaveLength(1);
    expect(await messagesOf(`donation:${rows[0].id}`)).toHaveLength(1);
    // A new form is a new donation with another link.
    const next = await run(async () =>
      publicDonate.action(args(await postAs(db, "/antwerpen/fr/lenen/schenken", null, pledgeForm({ submissionKey: crypto.randomUUID() })), PUBLIC)),
    );
    expect(next.status).toBe(303);
    expect(next.location).not.toBe(redirected.location);
    expect(await donationsOf("Dubbel Klik NV")).toHaveLength(2);
  });

  it("staff entry: sent twice at once is one donation, one e-mail, one audit entry, both answers open it", async () => {
    const submissionKey = keyOf(await run(() => donationNew.loader(args(getAs("/beheer/antwerpen/schenkingen/nieuw", officer), M))));
    const fields = { ...pledgeForm({ organizationName: "Telefoon Bedrijf BV" }), language: "nl", submissionKey };
    const answers = await twice("/beheer/antwerpen/schenkingen/nieuw", officer, fields, donationNew.action, M);
    expect(answers.map((a) => a.status)).toEqual([303, 303]);
    const rows = await donationsOf("Telefoon Bedrijf BV");
    expect(rows).toHaveLength(1);
    expect(answers.map((a) => a.location)).toEqual([0, 1].map(() => `/beheer/antwerpen/schenkingen/${rows[0].id}?opgeslagen=nieuw`));
    expect(await messagesOf(`donation:${rows[0].id}`)).toHaveLength(1);
    expect(await auditOf("donation.create", [rows[0].id])).toHaveLength(1);
  });
});

describe("referrals", () => {
  const referralForm = (overrides: Record<string, string> = {}) => ({
    target: "ocmw",
    toOrganizationId: ocmw,
    toHelpPointId: "",
    residentName: "Fatima El Amrani",
    phone: "0470 12 34 56",
    email: "",
    language: "fr",
    topicId: "",
    reason: "Zoekt goedkoop internet.",
    consent: "yes",
    ...overrides,
  });

  it("sent twice at once is one referral, one message to the resident and one to the receiver, one audit entry", async () => {
    const submissionKey = keyOf(await run(() => referralNew.loader(args(getAs("/beheer/antwerpen/doorverwijzen", digihelper), M))));
    const fields = referralForm({ residentName: "Karim Haddad", submissionKey });
    const answers = await twice("/beheer/antwerpen/doorverwijzen", digihelper, fields, referralNew.action, M);
    expect(answers.map((a) => a.status)).toEqual([303, 303]);
    const rows = await db.select().from(referrals).where(eq(referrals.residentName, "Karim Haddad"));
    expect(rows).toHaveLength(1);
    // Both answers say the same: the resident got a message.
    expect(answers.map((a) => a.location)).toEqual([0, 1].map(() => `/beheer/antwerpen/doorverwijzingen/${rows[0].id}?verstuurd=bericht`));
    const messages = await messagesOf(`referral:${rows[0].id}`);
    expect(messages.map((m) => m.template).sort()).toEqual(["referralNew", "referralResident"]);
    expect(await auditOf("referral.create", [rows[0].id])).toHaveLength(1);
    // A new form is a new referral.
    await run(async () => referralNew.action(args(await postAs(db, "/beheer/antwerpen/doorverwijzen", digihelper, { ...fields, submissionKey: crypto.randomUUID() }), M)));
    expect(await db.select().from(referrals).where(eq(referrals.residentName, "Karim Haddad"))).toHaveLength(2);
  });
});

describe("device applications", () => {
  const applicationForm = (overrides: Record<string, string | string[]> = {}) => applicationFormFields(f.digipuntKiel, overrides);


  it("sent twice at once is one application (not refused by its own household limit), one message, one audit entry", async () => {
    const page = await run(() => applicationNew.loader(args(getAs("/beheer/antwerpen/uitlenen/aanvragen/nieuw", digihelper), M)));
    const submissionKey = keyOf(page);
    const fields = applicationForm({ applicantName: "Dubbel Tik", address: "Dubbelstraat 2", submissionKey });
    const answers = await twice("/beheer/antwerpen/uitlenen/aanvragen/nieuw", digihelper, fields, applicationNew.action, M);
    expect(answers.map((a) => a.status)).toEqual([303, 303]);
    const rows = await db.select().from(deviceApplications).where(eq(deviceApplications.applicantName, "Dubbel Tik"));
    expect(rows).toHaveLength(1);
    expect(answers.map((a) => a.location)).toEqual([0, 1].map(() => `/beheer/antwerpen/uitlenen/aanvragen/${rows[0].id}?opgeslagen=nieuw`));
    expect(await db.select().from(outbox).where(like(outbox.subjectRef, `%${rows[0].id}%`))).toHaveLength(1);
    expect(await auditOf("device-application.create", [rows[0].id])).toHaveLength(1);
    // Errors keep the key in the form.
    const wrong = await run(async () =>
      applicationNew.action(args(await postAs(db, "/beheer/antwerpen/uitlenen/aanvragen/nieuw", digihelper, { ...fields, applicantName: "" }), M)),
    );
    expect(wrong.status).toBe(400);
    expect((wrong.data as { values: { submissionKey: string } }).values.submissionKey).toBe(submissionKey);
    // A new form for another household is a new application.
    const next = await run(async () =>
      applicationNew.action(
        args(await postAs(db, "/beheer/antwerpen/uitlenen/aanvragen/nieuw", digihelper, { ...fields, address: "Dubbelstraat 4", submissionKey: crypto.randomUUID() }), M),
      ),
    );
    expect(next.status).toBe(303);
    expect(await db.select().from(deviceApplications).where(eq(deviceApplications.applicantName, "Dubbel Tik"))).toHaveLength(2);
  });
});
