import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { auditLog, homeVisits, outbox } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { createStaffUser, seedOfferFixture, type OfferFixture, type StaffUser } from "~/modules/offer/test-fixtures";
import { cancelHomeVisit, createHomeVisit, getHomeVisit, helperOptions, letterTexts, planHomeVisit } from "./home-visits.server";
import { parseHomeVisit, type HomeVisitValues } from "./schema";

let database: Database;
let db: Db;
let f: OfferFixture;
let coordinator: StaffUser;
let helper: StaffUser;
let hasseltHelper: StaffUser;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedOfferFixture(db);
  coordinator = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.antwerpen.id });
  helper = await createStaffUser(db, "mehmet.yilmaz@antwerpen.test", "digihelper", { municipalityId: f.antwerpen.id, helpPointId: f.digipuntKiel });
  hasseltHelper = await createStaffUser(db, "fatma@hasselt.test", "digihelper", { municipalityId: f.hasselt.id, helpPointId: f.ocrHasselt });
});

afterAll(async () => {
  await database.close();
});

const values = (overrides: Partial<HomeVisitValues> = {}): HomeVisitValues => ({
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

function parsed(overrides: Partial<HomeVisitValues> = {}) {
  const result = parseHomeVisit(values(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const actor = () => ({ id: coordinator.id, email: coordinator.email });
const messagesFor = (id: string) => db.select().from(outbox).where(eq(outbox.subjectRef, `home_visit:${id}`));

describe("the request form", () => {
  it("names every missing field at once, in the form's order, as message keys", () => {
    const result = parseHomeVisit(
      values({
        requesterKind: "relative",
        residentName: "",
        postcode: "21400",
        phone: "12",
        whenSuits: " ",
        whyNoTravel: "",
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        residentName: "homeVisit.errors.residentName",
        postcode: "homeVisit.errors.postcode",
        phone: "homeVisit.errors.phone",
        requesterName: "homeVisit.errors.requesterName",
        whenSuits: "homeVisit.errors.whenSuits",
        whyNoTravel: "homeVisit.errors.whyNoTravel",
      },
    });
  });
});

describe("a home-visit request", () => {
  it("gets a code and an SMS in the resident's language when the phone is a mobile number", async () => {
    const result = await createHomeVisit(db, f.antwerpen.id, parsed(), {
      language: "fr",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const [message] = await messagesFor(result.id);
    expect(message).toMatchObject({
      channel: "sms",
      recipient: "+32470123456",
      language: "fr",
      template: "homeVisitReceived",
    });
    expect(message.body).toContain(result.code);
    expect(message.body).toContain("03 22 11 333");
  });

  it("texts the relative's mobile when the resident only has a landline, and nobody when there is no mobile", async () => {
    const relative = await createHomeVisit(
      db,
      f.antwerpen.id,
      parsed({
        requesterKind: "relative",
        phone: "03 123 45 67",
        requesterName: "Jan",
        requesterPhone: "0486 11 22 33",
      }),
    );
    expect(relative.ok && (await messagesFor(relative.id))[0].recipient).toBe("+32486112233");
    const landline = await createHomeVisit(db, f.antwerpen.id, parsed({ phone: "03 123 45 67" }));
    expect(landline.ok && (await messagesFor(landline.id))).toEqual([]);
  });

  it("refuses a topic of another city and writes nothing", async () => {
    const before = (await db.select().from(homeVisits)).length;
    const result = await createHomeVisit(db, f.antwerpen.id, parsed({ topic: "00000000-0000-4000-8000-000000000000" }));
    expect(result).toEqual({
      ok: false,
      errors: { topic: "homeVisit.errors.topic" },
    });
    expect((await db.select().from(homeVisits)).length).toBe(before);
  });
});

describe("planning a home visit", () => {
  it("offers the city's own helpers only, refuses one from elsewhere and a moment in the past", async () => {
    const helpers = (await helperOptions(db, f.antwerpen.id)).map((h) => h.id);
    expect(helpers).toEqual(expect.arrayContaining([coordinator.id, helper.id]));
    expect(helpers).not.toContain(hasseltHelper.id);
    const created = await createHomeVisit(db, f.antwerpen.id, parsed());
    const id = created.ok ? created.id : "";
    const now = new Date("2026-11-25T10:00:00Z");
    expect(
      await planHomeVisit(db, f.antwerpen.id, id, { assignedUserId: hasseltHelper.id, date: "2026-12-01", time: "14:00" }, actor(), now),
    ).toMatchObject({ ok: false, field: "assignedUserId" });
    expect(await planHomeVisit(db, f.antwerpen.id, id, { assignedUserId: helper.id, date: "2026-11-24", time: "14:00" }, actor(), now)).toMatchObject(
      { ok: false, field: "date" },
    );
    expect((await getHomeVisit(db, f.antwerpen.id, id))?.status).toBe("requested");
  });

  it("plans it, texts the day, the time and the helper's first name, and texts again when it moves", async () => {
    const created = await createHomeVisit(db, f.antwerpen.id, parsed(), {
      language: "nl",
    });
    const id = created.ok ? created.id : "";
    const now = new Date("2026-11-25T10:00:00Z");
    expect(await planHomeVisit(db, f.antwerpen.id, id, { assignedUserId: helper.id, date: "2026-12-01", time: "14:00" }, actor(), now)).toEqual({
      ok: true,
      sms: true,
    });
    const visit = await getHomeVisit(db, f.antwerpen.id, id);
    expect(visit).toMatchObject({
      status: "planned",
      assignedUserId: helper.id,
    });
    expect(visit?.scheduledAt?.toISOString()).toBe("2026-12-01T13:00:00.000Z");
    expect(visit?.lastActivityAt.toISOString()).toBe(now.toISOString());
    await planHomeVisit(db, f.antwerpen.id, id, { assignedUserId: helper.id, date: "2026-12-02", time: "10:30" }, actor(), now);
    const messages = (await messagesFor(id)).filter((m) => m.template !== "homeVisitReceived");
    expect(messages.map((m) => m.template)).toEqual(["homeVisitPlanned", "homeVisitMoved"]);
    expect(messages[0].body).toContain("dinsdag 1 december 2026");
    expect(messages[0].body).toContain("14:00");
    expect(messages[0].body).toContain("mehmet.yilmaz ");
    expect(messages[1].body).toContain("10:30");
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.filter((a) => a.action === "home_visit.plan")).toHaveLength(2);
  });

  it("cannot plan a cancelled visit; the letter speaks the resident's language", async () => {
    const created = await createHomeVisit(db, f.antwerpen.id, parsed({ phone: "03 123 45 67" }), { language: "ar" });
    const id = created.ok ? created.id : "";
    const now = new Date("2026-11-25T10:00:00Z");
    expect(await planHomeVisit(db, f.antwerpen.id, id, { assignedUserId: helper.id, date: "2026-12-03", time: "09:00" }, actor(), now)).toEqual({
      ok: true,
      sms: false,
    });
    const visit = (await getHomeVisit(db, f.antwerpen.id, id))!;
    const letter = letterTexts(visit, "Mehmet Yılmaz", {
      name: "Antwerpen",
      phone: "03 22 11 333",
    });
    expect(letter.lang).toBe("ar");
    expect(letter.who).toContain("Mehmet");
    expect(letter.who).not.toContain("Yılmaz");
    expect(letter.change).toContain("03 22 11 333");
    expect(letter.when).toContain("09:00");
    expect((await cancelHomeVisit(db, f.antwerpen.id, id, actor())).ok).toBe(true);
    expect(await planHomeVisit(db, f.antwerpen.id, id, { assignedUserId: helper.id, date: "2026-12-04", time: "09:00" }, actor(), now)).toMatchObject(
      { ok: false, field: "form" },
    );
  });
});
