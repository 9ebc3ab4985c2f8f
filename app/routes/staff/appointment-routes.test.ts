/**
 * Route-level tests of appointments: the public booking, find and manage pages and the staff agenda and settings,
 * through their real loaders and actions against a test database.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDatabase, type Database, type Db } from "~/db/client.server";
import { appointmentPlanBlocks, appointments, appointmentSlots, appointmentTypes, auditLog, outbox } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { freeSlots, loadTypeContext } from "~/modules/appointments/appointments.server";
import { createStaffUser, seedOfferFixture, type OfferFixture, type StaffUser } from "~/modules/offer/test-fixtures";
import * as bookRoute from "../public/appointment-book";
import * as findRoute from "../public/appointment-find";
import * as manageRoute from "../public/appointment";
import * as agendaRoute from "./appointments-agenda";
import * as newRoute from "./appointment-new";
import * as settingsRoute from "./point-appointments";
import { args, getAs, postAs, run } from "./route-test-helpers";

let database: Database;
let db: Db;
let f: OfferFixture;
let typeId: string;
let coordinator: StaffUser;
let helperKiel: StaffUser;
let helperPermeke: StaffUser;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  setDatabase(database);
  f = await seedOfferFixture(db);
  coordinator = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.antwerpen.id });
  helperKiel = await createStaffUser(db, "helper@kiel.test", "digihelper", { municipalityId: f.antwerpen.id, helpPointId: f.digipuntKiel });
  helperPermeke = await createStaffUser(db, "helper@permeke.test", "digihelper", { municipalityId: f.antwerpen.id, helpPointId: f.permeke });
  // Every day, all day, no notice: the tests run at any hour with the real clock.
  const [type] = await db
    .insert(appointmentTypes)
    .values({ municipalityId: f.antwerpen.id, helpPointId: f.digipuntKiel, name: { nl: "Hulp met itsme" }, durationMinutes: 30, minNoticeHours: 0, horizonDays: 14, cancelCutoffHours: 0 })
    .returning();
  typeId = type.id;
  await db.insert(appointmentPlanBlocks).values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ appointmentTypeId: typeId, weekday, startsAt: "00:00", endsAt: "23:30", helpers: 1 })));
}, 60_000);
afterAll(() => database.close());

beforeEach(async () => {
  await db.delete(appointments);
  await db.delete(appointmentSlots);
  await db.delete(outbox);
});

/** A free time a few hours from now (so it is still to come while the test runs). */
async function freeTime(skip = 8): Promise<string> {
  const ctx = (await loadTypeContext(db, typeId))!;
  const slots = await freeSlots(db, ctx, new Date());
  return slots[skip].startsAt.toISOString();
}

const pub = (path: string, fields: Record<string, string>) => postAs(db, path, null, fields);
const bookPath = "/antwerpen/nl/afspraak/boeken";
const params = { municipality: "antwerpen", lang: "nl" };

describe("public booking", () => {
  it("refuses a phone number that is not one at the field, keeps the values, writes nothing", async () => {
    const startsAt = await freeTime();
    const out = await run(async () => bookRoute.action(args(await pub(bookPath, { type: typeId, startsAt, name: "Jan (test)", phone: "bel me", email: "", language: "nl", note: "" }), params)));
    expect(out.status).toBe(400);
    expect(out.data).toMatchObject({ errors: { phone: "appointments.errors.phone" }, values: { name: "Jan (test)", phone: "bel me" } });
    // The chosen time stays on the page with the error (it comes back with the answer, not only from the address).
    expect((out.data as { when?: string }).when).toMatch(/^\w+ \d{1,2} \w+ \d{4}, \d\d:\d\d – \d\d:\d\d$/);
    expect(await db.select().from(appointments)).toHaveLength(0);
  });

  it("books, redirects to the confirmation, and the same time then is taken with next free times", async () => {
    const startsAt = await freeTime();
    const fields = { type: typeId, startsAt, name: "Jan (test)", phone: "0470 11 22 33", email: "", language: "fr", note: "Geen kaartlezer" };
    const out = await run(async () => bookRoute.action(args(await pub(bookPath, fields), params)));
    expect(out.status).toBe(303);
    expect(out.location).toMatch(/^\/antwerpen\/fr\/afspraak\/[A-Za-z0-9_-]{43}\?nieuw=1$/);
    const token = out.location!.split("/")[4].split("?")[0];
    const page = await run(() => manageRoute.loader(args(getAs(`/antwerpen/fr/afspraak/${token}?nieuw=1`), { ...params, lang: "fr", token })));
    expect(page.data).toMatchObject({ isNew: true, view: { status: "booked", name: "Jan (test)" } });
    // In Arabic the day and the time are joined with the Arabic comma, as the day itself is (no Latin "," in between).
    const arabic = await run(() => manageRoute.loader(args(getAs(`/antwerpen/ar/afspraak/${token}`), { ...params, lang: "ar", token })));
    const arabicWhen = (arabic.data as { view: { when: string } }).view.when;
    expect(arabicWhen).toContain("، ");
    expect(arabicWhen).not.toContain(",");

    // Capacity 1: the next person for that time hears it was just taken, and which times are free.
    const again = await run(async () => bookRoute.action(args(await pub(bookPath, { ...fields, name: "Piet (test)", phone: "0470 11 22 44" }), params)));
    expect(again.status).toBe(409);
    const data = again.data as { errors: Record<string, string>; next: { startsAt: string }[] };
    expect(data.errors.startsAt).toBe("appointments.errors.full");
    expect(data.next.length).toBeGreaterThan(0);
    expect(data.next.map((n) => n.startsAt)).not.toContain(startsAt);
    expect(await db.select().from(appointments)).toHaveLength(1);
    // What Piet typed comes back, so the page offers the free times in the form with his input kept.
    expect(again.data).toMatchObject({ values: { name: "Piet (test)", phone: "0470 11 22 44", note: "Geen kaartlezer" } });

    // He sends the form without choosing one of those times: asked to choose, the free times again, input kept.
    const noTime = await run(async () => bookRoute.action(args(await pub(bookPath, { ...fields, startsAt: "", name: "Piet (test)", phone: "0470 11 22 44" }), params)));
    expect(noTime.status).toBe(400);
    expect(noTime.data).toMatchObject({ errors: { startsAt: "appointments.errors.time" }, values: { name: "Piet (test)", note: "Geen kaartlezer" } });
    expect((noTime.data as { next: unknown[] }).next.length).toBeGreaterThan(0);
  });

  it("a form sent twice (a double tap) books once; the second answer says she already has this time and where to find it", async () => {
    const startsAt = await freeTime();
    const fields = { type: typeId, startsAt, name: "Maria (test)", phone: "0470 55 66 77", email: "", language: "nl", note: "" };
    const [first, second] = await Promise.all([0, 1].map(async () => run(async () => bookRoute.action(args(await pub(bookPath, fields), params)))));
    const answers = [first, second].sort((a, b) => a.status - b.status);
    expect(answers.map((a) => a.status)).toEqual([303, 409]);
    expect(answers[1].data).toMatchObject({ errors: { startsAt: "appointments.errors.already_booked" }, values: { name: "Maria (test)" } });
    expect(await db.select().from(appointments)).toHaveLength(1);
  });

  it("refuses a time in the past that a form made up", async () => {
    const out = await run(async () =>
      bookRoute.action(args(await pub(bookPath, { type: typeId, startsAt: "2020-01-06T09:00:00.000Z", name: "Jan", phone: "0470 11 22 33", language: "nl" }), params)),
    );
    expect(out.status).toBe(409);
    expect(out.data).toMatchObject({ errors: { startsAt: "appointments.errors.past" } });
  });

  it("an unknown manage link is a 404; a wrong code finds nothing; the right code and number cancel", async () => {
    const unknown = await run(() => manageRoute.loader(args(getAs("/antwerpen/nl/afspraak/x"), { ...params, token: "A".repeat(43) })));
    expect(unknown.status).toBe(404);

    const startsAt = await freeTime();
    const booked = await run(async () => bookRoute.action(args(await pub(bookPath, { type: typeId, startsAt, name: "Jan", phone: "0470 11 22 33", language: "nl" }), params)));
    const [row] = await db.select().from(appointments);
    const findPath = "/antwerpen/nl/afspraak/zoeken";
    const wrong = await run(async () => findRoute.action(args(await pub(findPath, { code: row.code, contact: "0470 99 99 99" }), params)));
    expect(wrong.status).toBe(404);
    expect(wrong.data).toMatchObject({ found: false, errors: { code: "appointments.find.notFound" } });
    const notPhone = await run(async () => findRoute.action(args(await pub(findPath, { code: row.code, contact: "hallo" }), params)));
    expect(notPhone.data).toMatchObject({ errors: { contact: "appointments.find.errors.contactFormat" } });

    const cancel = await run(async () => findRoute.action(args(await pub(findPath, { code: row.code.toLowerCase(), contact: "+32 470 11 22 33", intent: "cancel" }), params)));
    expect(cancel.data).toMatchObject({ found: true, done: "cancelled", view: { status: "cancelled" } });
    const [slot] = await db.select().from(appointmentSlots);
    expect(slot.bookedCount).toBe(0);
    expect(booked.status).toBe(303);
  });
});

describe("staff agenda", () => {
  const agendaPath = (date: string) => `/beheer/antwerpen/agenda?punt=${f.digipuntKiel}&dag=${date}`;

  it("shows only a helper's own point, audit-logs the view, checks in with CSRF", async () => {
    const startsAt = await freeTime();
    await run(async () => bookRoute.action(args(await pub(bookPath, { type: typeId, startsAt, name: "Jan (test)", phone: "0470 11 22 33", language: "nl" }), params)));
    const [row] = await db.select().from(appointments);
    const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date(startsAt));

    const other = await run(() => agendaRoute.loader(args(getAs(agendaPath(date), helperPermeke), { municipality: "antwerpen" })));
    expect(other.status).toBe(404);
    const anonymous = await run(() => agendaRoute.loader(args(getAs(agendaPath(date), null), { municipality: "antwerpen" })));
    expect(anonymous.status).toBe(302);

    const before = (await db.select().from(auditLog).where(eq(auditLog.action, "appointment.view_agenda"))).length;
    const page = await run(() => agendaRoute.loader(args(getAs(agendaPath(date), helperKiel), { municipality: "antwerpen" })));
    expect(page.status).toBe(200);
    expect((page.data as { rows: { name: string }[] }).rows.map((r) => r.name)).toEqual(["Jan (test)"]);
    expect((await db.select().from(auditLog).where(eq(auditLog.action, "appointment.view_agenda"))).length).toBe(before + 1);

    const noCsrf = await run(async () => agendaRoute.action(args(await postAs(db, agendaPath(date), helperKiel, { intent: "check_in", id: row.id }, { csrf: false }), { municipality: "antwerpen" })));
    expect(noCsrf.status).toBe(403);
    const checkIn = await run(async () => agendaRoute.action(args(await postAs(db, agendaPath(date), helperKiel, { intent: "check_in", id: row.id }), { municipality: "antwerpen" })));
    expect(checkIn.status).toBe(303);
    const [after] = await db.select().from(appointments);
    expect(after.status).toBe("checked_in");
  });

  it("books on behalf without contact details and adds a walk-in", async () => {
    const startsAt = await freeTime(3);
    const path = `/beheer/antwerpen/agenda/nieuw?punt=${f.digipuntKiel}`;
    const booked = await run(async () =>
      newRoute.action(args(await postAs(db, path, helperKiel, { intent: "book", type: typeId, startsAt, channel: "phone", name: "", phone: "", email: "", language: "nl", note: "" }), { municipality: "antwerpen" })),
    );
    expect(booked.status).toBe(200);
    expect(booked.data).toMatchObject({ booked: { hasContact: false } });
    const walkIn = await run(async () => newRoute.action(args(await postAs(db, path, helperKiel, { intent: "walkin", walkinType: "", walkinName: "", walkinLanguage: "ar" }), { municipality: "antwerpen" })));
    expect(walkIn.status).toBe(303);
    const rows = await db.select().from(appointments);
    expect(rows.map((r) => r.channel).sort()).toEqual(["phone", "walk_in"]);
    expect(await db.select().from(outbox)).toHaveLength(0);
  });
});

describe("appointment settings of a help point", () => {
  it("needs help.manage on the point; a coordinator adds a type and a plan block", async () => {
    const path = `/beheer/antwerpen/punten/${f.permeke}/afspraken`;
    const p = { municipality: "antwerpen", pointId: f.permeke };
    expect((await run(() => settingsRoute.loader(args(getAs(path, helperPermeke), p)))).status).toBe(403);
    const created = await run(async () =>
      settingsRoute.action(
        args(
          await postAs(db, path, coordinator, {
            intent: "save-type",
            nameNl: "Vraag over je eBox",
            nameFr: "",
            nameEn: "",
            nameAr: "",
            topicId: "",
            durationMinutes: "20",
            bufferMinutes: "0",
            minNoticeHours: "2",
            horizonDays: "28",
            cancelCutoffHours: "2",
            active: "on",
          }),
          p,
        ),
      ),
    );
    expect(created.status).toBe(303);
    const [type] = await db.select().from(appointmentTypes).where(eq(appointmentTypes.helpPointId, f.permeke));
    const badBlock = await run(async () => settingsRoute.action(args(await postAs(db, path, coordinator, { intent: "add-block", typeId: type.id, weekday: "2", from: "12:00", to: "09:00", helpers: "1" }), p)));
    expect(badBlock.status).toBe(400);
    expect(badBlock.data).toMatchObject({ errors: { [`to-${type.id}`]: "Het einduur moet na het beginuur liggen." } });
    const block = await run(async () => settingsRoute.action(args(await postAs(db, path, coordinator, { intent: "add-block", typeId: type.id, weekday: "2", from: "09:00", to: "12:00", helpers: "2" }), p)));
    expect(block.status).toBe(303);
    const page = await run(() => settingsRoute.loader(args(getAs(path, coordinator), p)));
    expect((page.data as { types: { blocks: unknown[] }[] }).types[0].blocks).toEqual([{ id: expect.any(String), weekday: 2, startsAt: "09:00", endsAt: "12:00", helpers: 2 }]);
  });
});
