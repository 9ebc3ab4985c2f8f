/**
 * Route-level tests: loaders and actions called directly with a Request that carries a real session cookie,
 * against a test database. They prove the server-side checks (permission per entity, CSRF, municipality scope).
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database, type Db } from "~/db/client.server";
import { auditLog, helpPoints, openingHours, organizations } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { createStaffUser, seedOfferFixture, type OfferFixture, type StaffUser } from "~/modules/offer/test-fixtures";
import * as auditRoute from "./audit";
import * as organizationEdit from "./organization-edit";
import * as pointEdit from "./point-edit";
import * as pointHours from "./point-hours";
import * as points from "./points";
import { args, BASE, getAs, postAs, run } from "./route-test-helpers";

let database: Database;
let db: Db;
let f: OfferFixture;
let coordinator: StaffUser;
let hasseltCoordinator: StaffUser;
let manager: StaffUser;
let digihelper: StaffUser;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  setDatabase(database);
  f = await seedOfferFixture(db);
  coordinator = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.antwerpen.id });
  hasseltCoordinator = await createStaffUser(db, "coordinator@hasselt.test", "coordinator", { municipalityId: f.hasselt.id });
  manager = await createStaffUser(db, "manager@digipunten.test", "organization_manager", { municipalityId: f.antwerpen.id, organizationId: f.digipunten });
  digihelper = await createStaffUser(db, "helper@permeke.test", "digihelper", { municipalityId: f.antwerpen.id, helpPointId: f.permeke });
});
afterAll(() => database.close());

const get = getAs;
const post = (path: string, user: StaffUser, fields: Record<string, string | string[]>, options: { csrf?: boolean } = {}) =>
  postAs(db, path, user, fields, options);

// Route arguments as React Router passes them; the tests only need request and params.

const pointForm = (organizationId: string, overrides: Record<string, string | string[]> = {}) => ({
  intent: "save",
  name: "Digipunt Kiel",
  type: "digipunt",
  organizationId,
  districtId: f.kiel,
  street: "Sint-Bernardsesteenweg 1",
  postcode: "2020",
  city: "Antwerpen",
  latitude: "",
  longitude: "",
  phone: "",
  email: "",
  walkIn: "on",
  languages: ["nl", "fr"],
  equipment: ["computers"],
  topicCodes: ["identity-login"],
  description: "Gratis hulp bij digitale vragen.",
  accessibilityNotes: "",
  ...overrides,
});

describe("permissions", () => {
  it("an organisation manager cannot open or edit another organisation's point", async () => {
    const path = `/beheer/antwerpen/punten/${f.permeke}`;
    const params = { municipality: "antwerpen", pointId: f.permeke };
    expect((await run(() => pointEdit.loader(args(get(path, manager), params)))).status).toBe(403);
    const save = await run(async () => pointEdit.action(args(await post(path, manager, pointForm(f.bibliotheek, { name: "Overgenomen" })), params)));
    expect(save.status).toBe(403);
    expect((await run(() => pointHours.loader(args(get(`${path}/uren`, manager), params)))).status).toBe(403);
    const [row] = await db.select({ name: helpPoints.name }).from(helpPoints).where(eq(helpPoints.id, f.permeke));
    expect(row.name).toBe("Bibliotheek Permeke");
  });

  it("an organisation manager edits their own point but cannot give it to another organisation or create points", async () => {
    const path = `/beheer/antwerpen/punten/${f.digipuntKiel}`;
    const params = { municipality: "antwerpen", pointId: f.digipuntKiel };
    const page = await run(() => pointEdit.loader(args(get(path, manager), params)));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ canEdit: true, canCheck: true });
    expect((page.data as { organizations: { id: string }[] }).organizations.map((o) => o.id)).toEqual([f.digipunten]);
    const move = await run(async () => pointEdit.action(args(await post(path, manager, pointForm(f.bibliotheek)), params)));
    expect(move.status).toBe(400);
    expect(move.data).toMatchObject({ errors: { organizationId: expect.any(String) } });
    expect((await run(() => pointEdit.loader(args(get("/beheer/antwerpen/punten/nieuw", manager), { municipality: "antwerpen" })))).status).toBe(403);
    expect((await run(() => auditRoute.loader(args(get("/beheer/antwerpen/audit", manager), { municipality: "antwerpen" })))).status).toBe(403);
  });

  it("the points list shows every point but an edit link only for one's own", async () => {
    const list = await run(() => points.loader(args(get("/beheer/antwerpen/punten", manager), { municipality: "antwerpen" })));
    expect(list.status).toBe(200);
    const rows = (list.data as { points: { id: string; canEdit: boolean }[]; canCreate: boolean }).points;
    expect(rows.find((p) => p.id === f.digipuntKiel)?.canEdit).toBe(true);
    expect(rows.find((p) => p.id === f.permeke)?.canEdit).toBe(false);
    expect(rows.some((p) => p.id === f.ocrHasselt)).toBe(false);
    expect((list.data as { canCreate: boolean }).canCreate).toBe(false);
  });

  it("a coordinator of Hasselt gets 403 on Antwerp pages", async () => {
    const params = { municipality: "antwerpen" };
    expect((await run(() => points.loader(args(get("/beheer/antwerpen/punten", hasseltCoordinator), params)))).status).toBe(403);
    expect(
      (await run(() => pointEdit.loader(args(get(`/beheer/antwerpen/punten/${f.digipuntKiel}`, hasseltCoordinator), { ...params, pointId: f.digipuntKiel }))))
        .status,
    ).toBe(403);
    expect((await run(() => auditRoute.loader(args(get("/beheer/antwerpen/audit", hasseltCoordinator), params)))).status).toBe(403);
    const rename = await run(async () =>
      organizationEdit.action(
        args(await post(`/beheer/antwerpen/organisaties/${f.digipunten}`, hasseltCoordinator, { intent: "save", name: "X", type: "ngo" }), {
          ...params,
          organizationId: f.digipunten,
        }),
      ),
    );
    expect(rename.status).toBe(403);
  });

  it("a point of another municipality is not found (404)", async () => {
    const params = { municipality: "antwerpen", pointId: f.ocrHasselt };
    expect((await run(() => pointEdit.loader(args(get(`/beheer/antwerpen/punten/${f.ocrHasselt}`, coordinator), params)))).status).toBe(404);
    expect((await run(() => pointHours.loader(args(get(`/beheer/antwerpen/punten/${f.ocrHasselt}/uren`, coordinator), params)))).status).toBe(404);
    const orgParams = { municipality: "antwerpen", organizationId: f.stadHasselt };
    expect((await run(() => organizationEdit.loader(args(get(`/beheer/antwerpen/organisaties/${f.stadHasselt}`, coordinator), orgParams)))).status).toBe(404);
  });

  it("without a session the person is sent to the login page", async () => {
    const anonymous = new Request(`${BASE}/beheer/antwerpen/punten`);
    const outcome = await run(() => points.loader(args(anonymous, { municipality: "antwerpen" })));
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/beheer/inloggen?terug=%2Fbeheer%2Fantwerpen%2Fpunten");
  });

  it("a digihelper may stamp 'checked' on their point, but not change it", async () => {
    const path = `/beheer/antwerpen/punten/${f.permeke}`;
    const params = { municipality: "antwerpen", pointId: f.permeke };
    const page = await run(() => pointEdit.loader(args(get(path, digihelper), params)));
    expect(page.data).toMatchObject({ canEdit: false, canCheck: true, services: null });
    const save = await run(async () => pointEdit.action(args(await post(path, digihelper, pointForm(f.bibliotheek, { name: "Anders" })), params)));
    expect(save.status).toBe(403);
    const check = await run(async () => pointEdit.action(args(await post(path, digihelper, { intent: "check" }), params)));
    expect(check).toMatchObject({ status: 302, location: `${path}?opgeslagen=nagekeken` });
    const [row] = await db.select().from(helpPoints).where(eq(helpPoints.id, f.permeke));
    expect(row.lastCheckedBy).toBe(digihelper.name);
    expect(row.name).toBe("Bibliotheek Permeke");
  });
});

describe("CSRF and saving", () => {
  const path = () => `/beheer/antwerpen/punten/${f.digipuntKiel}`;
  const params = () => ({ municipality: "antwerpen", pointId: f.digipuntKiel });

  it("refuses a POST without the csrf field (403) and changes nothing", async () => {
    const request = await post(path(), coordinator, pointForm(f.digipunten, { name: "Zonder token" }), { csrf: false });
    expect((await run(() => pointEdit.action(args(request, params())))).status).toBe(403);
    const wrong = await post(path(), coordinator, { ...pointForm(f.digipunten, { name: "Fout token" }), csrf: "not-the-token" }, { csrf: false });
    expect((await run(() => pointEdit.action(args(wrong, params())))).status).toBe(403);
    const [row] = await db.select({ name: helpPoints.name }).from(helpPoints).where(eq(helpPoints.id, f.digipuntKiel));
    expect(row.name).toBe("Digipunt Kiel");
  });

  it("a valid POST changes the data, audits it and redirects with a success message", async () => {
    const request = await post(path(), coordinator, pointForm(f.digipunten, { name: "Digipunt Kiel-Zuid", byAppointment: "on", topicCodes: ["ebox", "taxes"] }));
    const outcome = await run(() => pointEdit.action(args(request, params())));
    expect(outcome).toMatchObject({ status: 302, location: `${path()}?opgeslagen=punt` });
    const [row] = await db.select().from(helpPoints).where(eq(helpPoints.id, f.digipuntKiel));
    expect(row).toMatchObject({ name: "Digipunt Kiel-Zuid", byAppointment: true, languages: ["nl", "fr"] });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, f.digipuntKiel), eq(auditLog.action, "update")));
    expect(entry).toMatchObject({ userId: coordinator.id, userEmail: coordinator.email });
    const page = await run(() => pointEdit.loader(args(get(`${path()}?opgeslagen=punt`, coordinator), params())));
    expect(page.data).toMatchObject({ message: expect.stringMatching(/opgeslagen/), values: { topicCodes: ["ebox", "taxes"] } });
  });

  it("invalid input gives 400 with errors at the fields and keeps what was typed", async () => {
    const request = await post(path(), coordinator, pointForm(f.digipunten, { name: "", postcode: "20", walkIn: [], topicCodes: ["pensions"] }));
    const outcome = await run(() => pointEdit.action(args(request, params())));
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({
      form: "point",
      errors: { name: expect.any(String), postcode: expect.stringMatching(/4 cijfers/), walkIn: expect.any(String) },
      values: { name: "", postcode: "20", walkIn: false },
    });
  });

  it("creates a point and a service at it", async () => {
    const request = await post("/beheer/antwerpen/punten/nieuw", coordinator, pointForm(f.bibliotheek, { name: "Bib Deurne", postcode: "2100", city: "Deurne", districtId: "" }));
    const created = await run(() => pointEdit.action(args(request, { municipality: "antwerpen" })));
    expect(created.status).toBe(302);
    const id = created.location!.match(/punten\/([0-9a-f-]{36})\?opgeslagen=nieuw$/)![1];
    const params = { municipality: "antwerpen", pointId: id };
    const service = await run(async () =>
      pointEdit.action(args(await post(`/beheer/antwerpen/punten/${id}`, coordinator, { intent: "create-service", serviceName: "Printen en scannen", serviceFree: "on" }), params)),
    );
    expect(service).toMatchObject({ status: 302, location: `/beheer/antwerpen/punten/${id}?opgeslagen=dienst-nieuw` });
    const empty = await run(async () =>
      pointEdit.action(args(await post(`/beheer/antwerpen/punten/${id}`, coordinator, { intent: "create-service", serviceName: " " }), params)),
    );
    expect(empty).toMatchObject({ status: 400, data: { form: "service", errors: { serviceName: expect.any(String) } } });
    const page = await run(() => pointEdit.loader(args(get(`/beheer/antwerpen/punten/${id}`, coordinator), params)));
    expect(page.data).toMatchObject({ services: { linked: [{ name: "Printen en scannen", free: true }] } });
  });
});

describe("hours and organisations", () => {
  it("saves weekly hours with a break, and shows field errors for bad ones", async () => {
    const path = `/beheer/antwerpen/punten/${f.digipuntKiel}/uren`;
    const params = { municipality: "antwerpen", pointId: f.digipuntKiel };
    const good = await post(path, manager, { intent: "hours", "h-2-0-opens": "09:00", "h-2-0-closes": "12:00", "h-2-1-opens": "13:00", "h-2-1-closes": "16:30" });
    expect(await run(() => pointHours.action(args(good, params)))).toMatchObject({ status: 302, location: `${path}?opgeslagen=uren` });
    expect(await db.select().from(openingHours).where(eq(openingHours.helpPointId, f.digipuntKiel))).toHaveLength(2);

    const bad = await post(path, manager, { intent: "hours", "h-2-0-opens": "16:00", "h-2-0-closes": "12:00" });
    const outcome = await run(() => pointHours.action(args(bad, params)));
    expect(outcome).toMatchObject({ status: 400, data: { form: "hours", errors: { "h-2-0-closes": expect.any(String) }, values: { "h-2-0-opens": "16:00" } } });
    expect(await db.select().from(openingHours).where(eq(openingHours.helpPointId, f.digipuntKiel))).toHaveLength(2);

    const past = await post(path, manager, { intent: "add-closure", "closure-date": "2020-01-01", "closure-reason": "" });
    expect(await run(() => pointHours.action(args(past, params)))).toMatchObject({
      status: 400,
      data: { form: "closure", errors: { "closure-date": expect.stringMatching(/voorbij/) } },
    });

    const page = await run(() => pointHours.loader(args(get(path, manager), params)));
    expect(page.status).toBe(200);
    expect((page.data as { preview: unknown[] }).preview).toHaveLength(7);
  });

  it("shows the duplicate organisation name at the field", async () => {
    const outcome = await run(async () =>
      organizationEdit.action(
        args(await post("/beheer/antwerpen/organisaties/nieuw", coordinator, { intent: "save", name: "Bibliotheek Permeke", type: "library" }), {
          municipality: "antwerpen",
        }),
      ),
    );
    expect(outcome).toMatchObject({ status: 400, data: { errors: { name: "Er is al een organisatie met deze naam." }, values: { name: "Bibliotheek Permeke" } } });
    expect((await db.select().from(organizations).where(eq(organizations.name, "Bibliotheek Permeke"))).length).toBe(1);
  });

  it("an organisation manager edits their own organisation only", async () => {
    const own = await run(async () =>
      organizationEdit.action(
        args(await post(`/beheer/antwerpen/organisaties/${f.digipunten}`, manager, { intent: "save", name: "Digipunten Antwerpen", type: "city_department", phone: "03 22 11 333" }), {
          municipality: "antwerpen",
          organizationId: f.digipunten,
        }),
      ),
    );
    expect(own).toMatchObject({ status: 302, location: `/beheer/antwerpen/organisaties/${f.digipunten}?opgeslagen=1` });
    const other = await run(() =>
      organizationEdit.loader(args(get(`/beheer/antwerpen/organisaties/${f.bibliotheek}`, manager), { municipality: "antwerpen", organizationId: f.bibliotheek })),
    );
    expect(other.status).toBe(403);
    expect((await run(() => organizationEdit.loader(args(get("/beheer/antwerpen/organisaties/nieuw", manager), { municipality: "antwerpen" })))).status).toBe(403);
  });

  it("the audit page lists the changes for a coordinator", async () => {
    const outcome = await run(() => auditRoute.loader(args(get("/beheer/antwerpen/audit", coordinator), { municipality: "antwerpen" })));
    expect(outcome.status).toBe(200);
    const entries = (outcome.data as { entries: { action: string; who: string }[] }).entries;
    expect(entries.length).toBeGreaterThan(3);
    expect(entries.some((e) => e.action === "update_hours" && e.who.includes("manager@digipunten.test"))).toBe(true);
  });
});
