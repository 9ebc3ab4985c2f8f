/**
 * Route tests of the help-question log, services, insights and home visits: real loaders and actions with a
 * session cookie, proving the server-side checks per help point, per service owner and per municipality.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database, type Db } from "~/db/client.server";
import { auditLog, helpContacts, homeVisits } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { addGovernmentService } from "~/modules/help-log/services.server";
import { createStaffUser, seedOfferFixture, type OfferFixture, type StaffUser } from "~/modules/offer/test-fixtures";
import * as homeVisitRequest from "../public/home-visit-request";
import * as governmentServicesRoute from "./government-services";
import * as helpLog from "./help-log";
import * as homeVisitRoute from "./home-visit";
import * as homeVisitLetter from "./home-visit-letter";
import * as homeVisitsRoute from "./home-visits";
import * as insights from "./insights";
import * as insightsCsv from "./insights-csv";
import { args, getAs, postAs, run } from "./route-test-helpers";

let database: Database;
let db: Db;
let f: OfferFixture;
let coordinator: StaffUser;
let kielHelper: StaffUser;
let ownerDigipunten: StaffUser;
let trainer: StaffUser;
let eloket: string;
let libraryService: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  setDatabase(database);
  f = await seedOfferFixture(db);
  coordinator = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.antwerpen.id });
  kielHelper = await createStaffUser(db, "helper@kiel.test", "digihelper", {
    municipalityId: f.antwerpen.id,
    helpPointId: f.digipuntKiel,
  });
  ownerDigipunten = await createStaffUser(db, "owner@digipunten.test", "service_owner", {
    municipalityId: f.antwerpen.id,
    organizationId: f.digipunten,
  });
  trainer = await createStaffUser(db, "trainer@antwerpen.test", "trainer", {
    municipalityId: f.antwerpen.id,
  });
  const actor = { id: coordinator.id, email: coordinator.email };
  const a = await addGovernmentService(db, f.antwerpen.id, { name: "Stad Antwerpen e-loket", ownerOrganizationId: f.digipunten }, actor);
  const b = await addGovernmentService(db, f.antwerpen.id, { name: "Bibliotheekpas", ownerOrganizationId: f.bibliotheek }, actor);
  eloket = a.ok ? a.id : "";
  libraryService = b.ok ? b.id : "";
});

afterAll(async () => {
  await database.close();
});

const TALLY = "/beheer/antwerpen/hulpvragen";
const params = { municipality: "antwerpen" };
const tallyFields = (overrides: Record<string, string | string[]> = {}) => ({
  helpPointId: f.digipuntKiel,
  channel: "walk_in",
  outcome: "solved",
  duration: "10_to_30",
  serviceIds: [eloket],
  ...overrides,
});

describe("the tally page", () => {
  it("shows a digihelper only their own point, and refuses people without a desk", async () => {
    const page = await run(() => helpLog.loader(args(getAs(TALLY, kielHelper), params)));
    expect(page.status).toBe(200);
    expect((page.data as { points: { id: string }[] }).points.map((p) => p.id)).toEqual([f.digipuntKiel]);
    expect((await run(() => helpLog.loader(args(getAs(TALLY, ownerDigipunten), params)))).status).toBe(403);
    expect((await run(() => helpLog.loader(args(getAs(TALLY, trainer), params)))).status).toBe(403);
    expect((await run(() => helpLog.loader(args(getAs(TALLY, null), params)))).status).toBe(302);
  });

  it("saves a contact, remembers the point in a cookie and comes back ready for the next person", async () => {
    const before = (await db.select().from(helpContacts)).length;
    const result = await run(async () => helpLog.action(args(await postAs(db, TALLY, kielHelper, tallyFields()), params)));
    expect(result.status).toBe(303);
    expect(result.location).toMatch(/^\/beheer\/antwerpen\/hulpvragen\?opgeslagen=[0-9a-f-]{36}$/);
    expect(result.response?.headers.get("Set-Cookie")).toContain(`digibrug_tally_point=${f.digipuntKiel}`);
    expect((await db.select().from(helpContacts)).length).toBe(before + 1);
    const page = await run(() => helpLog.loader(args(getAs(result.location!, kielHelper), params)));
    const data = page.data as {
      saved: { id: string } | null;
      points: { today: number }[];
    };
    expect(data.saved?.id).toBe(result.location!.split("=")[1]);
    expect(data.points[0].today).toBeGreaterThanOrEqual(1);
  });

  it("refuses another organisation's point and bad input at the field, and writes nothing", async () => {
    const before = (await db.select().from(helpContacts)).length;
    const otherPoint = await run(async () =>
      helpLog.action(args(await postAs(db, TALLY, kielHelper, tallyFields({ helpPointId: f.permeke })), params)),
    );
    expect(otherPoint.status).toBe(400);
    expect((otherPoint.data as { errors: Record<string, string> }).errors.helpPointId).toContain("eigen hulppunt");
    const bad = await run(async () =>
      helpLog.action(args(await postAs(db, TALLY, kielHelper, tallyFields({ outcome: "", remark: "x".repeat(300) })), params)),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.data as { errors: Record<string, string> }).errors).sort()).toEqual(["outcome", "remark"]);
    const noCsrf = await run(async () => helpLog.action(args(await postAs(db, TALLY, kielHelper, tallyFields(), { csrf: false }), params)));
    expect(noCsrf.status).toBe(403);
    expect((await db.select().from(helpContacts)).length).toBe(before);
  });

  it("undoes the helper's own last contact", async () => {
    const saved = await run(async () => helpLog.action(args(await postAs(db, TALLY, kielHelper, tallyFields()), params)));
    const id = saved.location!.split("=")[1];
    const undo = await run(async () =>
      helpLog.action(
        args(
          await postAs(db, TALLY, kielHelper, {
            intent: "undo",
            contactId: id,
          }),
          params,
        ),
      ),
    );
    expect(undo).toMatchObject({
      status: 303,
      location: `${TALLY}?ongedaan=1`,
    });
    expect(await db.select().from(helpContacts).where(eq(helpContacts.id, id))).toHaveLength(0);
  });
});

describe("insights per service", () => {
  const INSIGHTS = "/beheer/antwerpen/inzichten";

  it("shows a service owner their department's services only, and refuses another department's", async () => {
    const list = await run(() => insights.loader(args(getAs(INSIGHTS, ownerDigipunten), params)));
    expect((list.data as { services: { id: string }[] }).services.map((s) => s.id)).toEqual([eloket]);
    const own = await run(() => insights.loader(args(getAs(`${INSIGHTS}?dienst=${eloket}`, ownerDigipunten), params)));
    expect((own.data as { selected: { name: string; total: number } }).selected).toMatchObject({ name: "Stad Antwerpen e-loket" });
    expect((await run(() => insights.loader(args(getAs(`${INSIGHTS}?dienst=${libraryService}`, ownerDigipunten), params)))).status).toBe(403);
    expect((await run(() => insightsCsv.loader(args(getAs(`${INSIGHTS}.csv?dienst=${libraryService}`, ownerDigipunten), params)))).status).toBe(403);
    expect((await run(() => insights.loader(args(getAs(INSIGHTS, kielHelper), params)))).status).toBe(403);
  });

  it("lets the coordinator see every service and export them, with the export in the audit log", async () => {
    const list = await run(() => insights.loader(args(getAs(INSIGHTS, coordinator), params)));
    expect((list.data as { services: { id: string }[] }).services.map((s) => s.id).sort()).toEqual([eloket, libraryService].sort());
    const csv = await run(() => insightsCsv.loader(args(getAs(`${INSIGHTS}.csv`, coordinator), params)));
    expect(csv.status).toBe(200);
    const text = await csv.response!.text();
    expect(text).toContain("Stad Antwerpen e-loket;");
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "help_insights"), eq(auditLog.userId, coordinator.id))),
    ).toHaveLength(1);
  });
});

describe("the list of services", () => {
  const SERVICES = "/beheer/antwerpen/diensten";
  it("is kept by the coordinator; a digihelper and a service owner cannot change it", async () => {
    expect((await run(() => governmentServicesRoute.loader(args(getAs(SERVICES, kielHelper), params)))).status).toBe(403);
    expect(
      (
        await run(async () =>
          governmentServicesRoute.action(
            args(
              await postAs(db, SERVICES, ownerDigipunten, {
                intent: "add",
                name: "VDAB",
              }),
              params,
            ),
          ),
        )
      ).status,
    ).toBe(403);
    const empty = await run(async () =>
      governmentServicesRoute.action(args(await postAs(db, SERVICES, coordinator, { intent: "add", name: " " }), params)),
    );
    expect(empty.status).toBe(400);
    expect((empty.data as { errors: Record<string, string> }).errors.name).toBeTruthy();
    const added = await run(async () =>
      governmentServicesRoute.action(
        args(
          await postAs(db, SERVICES, coordinator, {
            intent: "add",
            name: "VDAB",
          }),
          params,
        ),
      ),
    );
    expect(added).toMatchObject({
      status: 303,
      location: `${SERVICES}?opgeslagen=toegevoegd`,
    });
  });
});

describe("home visits", () => {
  it("takes a public request: bad input at the field without writing, a good one to the page with the code", async () => {
    const path = "/antwerpen/nl/hulp-aan-huis";
    const publicParams = { municipality: "antwerpen", lang: "nl" };
    const before = (await db.select().from(homeVisits)).length;
    const bad = await run(async () =>
      homeVisitRequest.action(
        args(
          await postAs(db, path, null, {
            requesterKind: "resident",
            residentName: "Maria",
          }),
          publicParams,
        ),
      ),
    );
    expect(bad.status).toBe(400);
    expect((bad.data as { errors: Record<string, string> }).errors).toMatchObject({
      address: "homeVisit.errors.address",
      phone: "homeVisit.errors.phone",
    });
    expect((await db.select().from(homeVisits)).length).toBe(before);
    const good = await run(async () =>
      homeVisitRequest.action(
        args(
          await postAs(db, path, null, {
            requesterKind: "resident",
            residentName: "Maria",
            address: "Kroonstraat 12",
            postcode: "2140",
            phone: "0470 12 34 56",
            whenSuits: "Dinsdag",
            whyNoTravel: "Stapt slecht",
          }),
          publicParams,
        ),
      ),
    );
    expect(good.status).toBe(303);
    expect(good.location).toMatch(/^\/antwerpen\/nl\/hulp-aan-huis\/ontvangen\?code=[A-Z2-9]{6}$/);
  });

  it("is planned by the coordinator only; every view of the personal data is in the audit log", async () => {
    const [visit] = await db.select().from(homeVisits).where(eq(homeVisits.municipalityId, f.antwerpen.id));
    const path = `/beheer/antwerpen/huisbezoeken/${visit.id}`;
    const p = { ...params, visitId: visit.id };
    // A digihelper sees only the visits assigned to them: none yet.
    const helperList = await run(() => homeVisitsRoute.loader(args(getAs("/beheer/antwerpen/huisbezoeken", kielHelper), params)));
    expect(helperList.status).toBe(200);
    expect((helperList.data as { visits: unknown[] }).visits).toEqual([]);
    expect((await run(() => homeVisitRoute.loader(args(getAs(path, kielHelper), p)))).status).toBe(403);
    expect((await run(() => homeVisitsRoute.loader(args(getAs("/beheer/antwerpen/huisbezoeken", trainer), params)))).status).toBe(403);
    expect((await run(() => homeVisitRoute.loader(args(getAs(path, coordinator), p)))).status).toBe(200);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "home_visit.view"), eq(auditLog.entityId, visit.id))),
    ).toHaveLength(1);
    // No letter before it is planned.
    expect((await run(() => homeVisitLetter.loader(args(getAs(`${path}/brief`, coordinator), p)))).status).toBe(409);
    const past = await run(async () =>
      homeVisitRoute.action(
        args(
          await postAs(db, path, coordinator, {
            intent: "plan",
            assignedUserId: kielHelper.id,
            date: "2020-01-01",
            time: "10:00",
          }),
          p,
        ),
      ),
    );
    expect(past.status).toBe(409);
    expect((past.data as { errors: Record<string, string> }).errors.date).toBe("Kies een moment in de toekomst.");
    const year = new Date().getUTCFullYear() + 1;
    const planned = await run(async () =>
      homeVisitRoute.action(
        args(
          await postAs(db, path, coordinator, {
            intent: "plan",
            assignedUserId: kielHelper.id,
            date: `${year}-03-10`,
            time: "14:00",
          }),
          p,
        ),
      ),
    );
    expect(planned).toMatchObject({
      status: 303,
      location: `${path}?opgeslagen=gepland`,
    });
    const letter = await run(() => homeVisitLetter.loader(args(getAs(`${path}/brief`, coordinator), p)));
    expect(letter.status).toBe(200);
    expect((letter.data as { text: { who: string; when: string } }).text.who).toContain("helper");
    expect((letter.data as { text: { who: string; when: string } }).text.when).toContain("14:00");
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "home_visit.letter"), eq(auditLog.entityId, visit.id))),
    ).toHaveLength(1);
    // Now the assigned digihelper sees it (to know the address), but cannot plan, cancel or print.
    const mine = await run(() => homeVisitsRoute.loader(args(getAs("/beheer/antwerpen/huisbezoeken", kielHelper), params)));
    expect((mine.data as { visits: { id: string }[] }).visits.map((v) => v.id)).toEqual([visit.id]);
    const asHelper = await run(() => homeVisitRoute.loader(args(getAs(path, kielHelper), p)));
    expect(asHelper.status).toBe(200);
    expect((asHelper.data as { manage: boolean; visit: { address: string } }).manage).toBe(false);
    expect((asHelper.data as { visit: { address: string } }).visit.address).toBe("Kroonstraat 12");
    expect((await run(async () => homeVisitRoute.action(args(await postAs(db, path, kielHelper, { intent: "cancel" }), p)))).status).toBe(403);
    expect((await run(() => homeVisitLetter.loader(args(getAs(`${path}/brief`, kielHelper), p)))).status).toBe(403);
  });
});
