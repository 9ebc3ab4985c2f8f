import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { auditLog, governmentServices, helpContacts, helpContactServices, helpContactTopics, homeVisits, topics, users } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import type { Assignment } from "~/modules/auth/permissions";
import { seedOfferFixture, type OfferFixture } from "~/modules/offer/test-fixtures";
import { insightsCsv, insightsRows, serviceInsights, visibleServices } from "./insights.server";
import { tallyInput, type TallyInput } from "./schema";
import { addGovernmentService, changeGovernmentService, listGovernmentServices } from "./services.server";
import { deskPoints, logContact, tallyChoices, todayCounts, undoContact } from "./tally.server";

let database: Database;
let db: Db;
let f: OfferFixture;
let helper: { id: string; email: string };
let other: { id: string; email: string };
let coordinator: Assignment[];
let kielHelper: Assignment[];
let itsmeTopic: string;
let eboxTopic: string;
let hasseltTopic: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedOfferFixture(db);
  const [a, b] = await db
    .insert(users)
    .values([
      { email: "helper@test.be", name: "Mehmet Yılmaz", passwordHash: "x" },
      { email: "other@test.be", name: "Other Helper", passwordHash: "x" },
    ])
    .returning();
  helper = { id: a.id, email: a.email };
  other = { id: b.id, email: b.email };
  coordinator = [
    {
      role: "coordinator",
      municipalityId: f.antwerpen.id,
      organizationId: null,
      helpPointId: null,
    },
  ];
  kielHelper = [
    {
      role: "digihelper",
      municipalityId: f.antwerpen.id,
      organizationId: null,
      helpPointId: f.digipuntKiel,
    },
  ];
  const topicRows = await db.select().from(topics);
  itsmeTopic = topicRows.find((t) => t.municipalityId === f.antwerpen.id && t.code === "identity-login")!.id;
  eboxTopic = topicRows.find((t) => t.municipalityId === f.antwerpen.id && t.code === "ebox")!.id;
  hasseltTopic = topicRows.find((t) => t.municipalityId === f.hasselt.id)!.id;
});

afterAll(async () => {
  await database.close();
});

const input = (overrides: Partial<TallyInput> = {}): TallyInput =>
  tallyInput.parse({
    helpPointId: f.digipuntKiel,
    channel: "walk_in",
    topicIds: [],
    serviceIds: [],
    outcome: "solved",
    duration: "10_to_30",
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== null)),
  });

async function service(name: string, ownerOrganizationId: string | null = null, municipalityId = f.antwerpen.id) {
  const result = await addGovernmentService(db, municipalityId, { name, ownerOrganizationId }, helper);
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

describe("the tally form's rules", () => {
  it("asks for the point, the outcome and the duration; a remark is one line of at most 200 characters", () => {
    const parsed = tallyInput.safeParse({
      topicIds: [],
      serviceIds: [],
      remark: "x".repeat(201),
    });
    expect(parsed.success).toBe(false);
    const fields = new Set(parsed.error!.issues.map((i) => i.path[0]));
    for (const field of ["helpPointId", "channel", "outcome", "duration", "remark"]) expect(fields).toContain(field);
    const ok = tallyInput.parse({
      helpPointId: f.digipuntKiel,
      channel: "phone",
      topicIds: [],
      serviceIds: [],
      outcome: "partly",
      duration: "under_10",
      remark: "  eBox-code\n komt   niet aan ",
    });
    expect(ok.remark).toBe("eBox-code komt niet aan");
    expect(ok.ageBand).toBeNull();
    expect(ok.firstVisit).toBeNull();
  });
});

describe("logging a help contact", () => {
  it("offers a digihelper only their own point, a coordinator every point", async () => {
    expect((await deskPoints(db, f.antwerpen.id, kielHelper)).map((p) => p.id)).toEqual([f.digipuntKiel]);
    expect((await deskPoints(db, f.antwerpen.id, coordinator)).map((p) => p.id).sort()).toEqual([f.digipuntKiel, f.permeke].sort());
  });

  it("writes the contact with its topics and services, and counts it for today at that point", async () => {
    const ebox = await service("eBox");
    const now = new Date("2026-11-20T10:00:00Z");
    const before = (await todayCounts(db, [f.digipuntKiel], now)).get(f.digipuntKiel) ?? 0;
    const result = await logContact(
      db,
      f.antwerpen.id,
      input({
        topicIds: [eboxTopic, itsmeTopic],
        serviceIds: [ebox],
        outcome: "partly",
        remark: "eBox-code komt niet aan",
      }),
      helper,
      kielHelper,
      now,
    );
    expect(result.ok).toBe(true);
    const id = result.ok ? result.id : "";
    const [row] = await db.select().from(helpContacts).where(eq(helpContacts.id, id));
    expect(row).toMatchObject({
      helpPointId: f.digipuntKiel,
      helperUserId: helper.id,
      outcome: "partly",
      remark: "eBox-code komt niet aan",
    });
    expect(await db.select().from(helpContactTopics).where(eq(helpContactTopics.contactId, id))).toHaveLength(2);
    expect(await db.select().from(helpContactServices).where(eq(helpContactServices.contactId, id))).toHaveLength(1);
    expect((await todayCounts(db, [f.digipuntKiel], now)).get(f.digipuntKiel)).toBe(before + 1);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "help_contact.log"), eq(auditLog.entityId, id))),
    ).toHaveLength(1);
  });

  it("counts by the Brussels day: 00:30 in Brussels is today, 23:30 the evening before is not", async () => {
    const now = new Date("2026-12-02T11:00:00Z");
    await logContact(db, f.antwerpen.id, input({ helpPointId: f.permeke }), helper, coordinator, new Date("2026-12-01T23:30:00Z")); // 00:30 on 2 Dec in Brussels
    await logContact(db, f.antwerpen.id, input({ helpPointId: f.permeke }), helper, coordinator, new Date("2026-12-01T22:30:00Z")); // 23:30 on 1 Dec
    expect((await todayCounts(db, [f.permeke], now)).get(f.permeke)).toBe(1);
  });

  it("refuses another organisation's point, a topic or service of another city, and writes nothing", async () => {
    const hasseltService = await service("Stad Hasselt e-loket", null, f.hasselt.id);
    const count = async () => (await db.select().from(helpContacts)).length;
    const start = await count();
    const wrongPoint = await logContact(db, f.antwerpen.id, input({ helpPointId: f.permeke }), helper, kielHelper);
    expect(wrongPoint).toEqual({
      ok: false,
      errors: { helpPointId: expect.stringContaining("eigen hulppunt") },
    });
    const wrongCity = await logContact(db, f.antwerpen.id, input({ helpPointId: f.ocrHasselt }), helper, coordinator);
    expect(wrongCity.ok).toBe(false);
    const wrongTopic = await logContact(db, f.antwerpen.id, input({ topicIds: [hasseltTopic], serviceIds: [hasseltService] }), helper, kielHelper);
    expect(wrongTopic).toEqual({
      ok: false,
      errors: { topicIds: expect.any(String), serviceIds: expect.any(String) },
    });
    expect(await count()).toBe(start);
  });

  it("takes 20 contacts logged at the same moment without losing one", async () => {
    const now = new Date("2026-11-21T12:00:00Z");
    const before = (await todayCounts(db, [f.digipuntKiel], now)).get(f.digipuntKiel) ?? 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => logContact(db, f.antwerpen.id, input({ topicIds: [itsmeTopic] }), helper, kielHelper, now)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await todayCounts(db, [f.digipuntKiel], now)).get(f.digipuntKiel)).toBe(before + 20);
  });
});

describe("the same form sent twice", () => {
  it("is one contact: a double tap on Opslaan (also at the same moment) logs it once and answers with the same contact", async () => {
    const now = new Date("2026-11-22T10:00:00Z");
    const before = (await todayCounts(db, [f.digipuntKiel], now)).get(f.digipuntKiel) ?? 0;
    const submissionKey = "6f1d3a52-0c4e-4f0e-9d5b-8a1c2e3f4a5b";
    const twice = await Promise.all([0, 1, 2].map(() => logContact(db, f.antwerpen.id, input({ topicIds: [itsmeTopic], submissionKey }), helper, kielHelper, now)));
    expect(twice.every((r) => r.ok)).toBe(true);
    expect(new Set(twice.map((r) => (r.ok ? r.id : null))).size).toBe(1);
    expect((await todayCounts(db, [f.digipuntKiel], now)).get(f.digipuntKiel)).toBe(before + 1);
    const [contact] = twice;
    const topicsOfIt = await db.select().from(helpContactTopics).where(eq(helpContactTopics.contactId, contact.ok ? contact.id : ""));
    expect(topicsOfIt).toHaveLength(1);
    // The next form has a key of its own and is a new contact.
    await logContact(db, f.antwerpen.id, input({ submissionKey: "0b5e9c1a-7d2f-4a3b-8c6d-1e2f3a4b5c6d" }), helper, kielHelper, now);
    expect((await todayCounts(db, [f.digipuntKiel], now)).get(f.digipuntKiel)).toBe(before + 2);
  });
});

describe("undo the last one", () => {
  it("lets the helper who logged it undo it within ten minutes, nobody else and not later", async () => {
    const at = new Date("2026-11-23T09:00:00Z");
    const logged = await logContact(db, f.antwerpen.id, input(), helper, kielHelper, at);
    const id = logged.ok ? logged.id : "";
    expect((await undoContact(db, f.antwerpen.id, id, other, new Date(at.getTime() + 60_000))).ok).toBe(false);
    expect((await undoContact(db, f.antwerpen.id, id, helper, new Date(at.getTime() + 11 * 60_000))).ok).toBe(false);
    expect(await db.select().from(helpContacts).where(eq(helpContacts.id, id))).toHaveLength(1);
    expect(await undoContact(db, f.antwerpen.id, id, helper, new Date(at.getTime() + 9 * 60_000))).toEqual({ ok: true });
    expect(await db.select().from(helpContacts).where(eq(helpContacts.id, id))).toHaveLength(0);
  });

  it("closes a home visit when its contact is logged, and opens it again on undo", async () => {
    const [visit] = await db
      .insert(homeVisits)
      .values({
        municipalityId: f.antwerpen.id,
        status: "planned",
        requesterKind: "resident",
        code: "HVTEST",
        assignedUserId: helper.id,
        scheduledAt: new Date("2026-11-24T13:00:00Z"),
        lastActivityAt: new Date("2026-11-01T00:00:00Z"),
      })
      .returning();
    const wrongChannel = await logContact(db, f.antwerpen.id, input({ homeVisitId: visit.id }), helper, kielHelper);
    expect(wrongChannel.ok).toBe(false);
    const at = new Date("2026-11-24T14:00:00Z");
    const logged = await logContact(db, f.antwerpen.id, input({ channel: "home_visit", homeVisitId: visit.id }), helper, kielHelper, at);
    expect(logged.ok).toBe(true);
    const [done] = await db.select().from(homeVisits).where(eq(homeVisits.id, visit.id));
    expect(done.status).toBe("done");
    expect(done.lastActivityAt.toISOString()).toBe(at.toISOString());
    await undoContact(db, f.antwerpen.id, logged.ok ? logged.id : "", helper, new Date(at.getTime() + 60_000));
    const [again] = await db.select().from(homeVisits).where(eq(homeVisits.id, visit.id));
    expect(again.status).toBe("planned");
  });
});

describe("the list of services", () => {
  it("adds services at the end, refuses a duplicate name and an owner from another city", async () => {
    const a = await service("Kind en Gezin");
    const duplicate = await addGovernmentService(db, f.antwerpen.id, { name: "Kind en Gezin", ownerOrganizationId: null }, helper);
    expect(duplicate).toEqual({
      ok: false,
      field: "name",
      message: "Er is al een dienst met deze naam.",
    });
    const foreignOwner = await addGovernmentService(db, f.antwerpen.id, { name: "VDAB", ownerOrganizationId: f.stadHasselt }, helper);
    expect(foreignOwner.ok).toBe(false);
    const list = await listGovernmentServices(db, f.antwerpen.id);
    expect(list.at(-1)?.id).toBe(a);
  });

  it("moves a service up, renames it, sets its owner, and hides it from the desk when switched off", async () => {
    const first = await service("Bankapp");
    const second = await service("Mypension");
    await changeGovernmentService(db, f.antwerpen.id, second, { kind: "move", direction: "up" }, helper);
    let names = (await listGovernmentServices(db, f.antwerpen.id)).map((s) => s.name);
    expect(names.indexOf("Mypension")).toBe(names.indexOf("Bankapp") - 1);
    await changeGovernmentService(
      db,
      f.antwerpen.id,
      first,
      {
        kind: "edit",
        name: "Bankapp (KBC, Belfius …)",
        ownerOrganizationId: f.digipunten,
      },
      helper,
    );
    const renamed = (await listGovernmentServices(db, f.antwerpen.id)).find((s) => s.id === first)!;
    expect(renamed).toMatchObject({
      name: "Bankapp (KBC, Belfius …)",
      ownerName: "Digipunten Antwerpen",
    });
    const clash = await changeGovernmentService(db, f.antwerpen.id, first, { kind: "edit", name: "Mypension", ownerOrganizationId: null }, helper);
    expect(clash).toEqual({
      ok: false,
      field: `name-${first}`,
      message: "Er is al een dienst met deze naam.",
    });
    await changeGovernmentService(db, f.antwerpen.id, second, { kind: "active", active: false }, helper);
    names = (await tallyChoices(db, f.antwerpen.id)).services.map((s) => s.name);
    expect(names).not.toContain("Mypension");
    expect(names).toContain("Bankapp (KBC, Belfius …)");
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "government_service"), eq(auditLog.entityId, second))),
    ).toHaveLength(3);
  });
});

describe("insights per service", () => {
  it("shows a service owner only the services of their department; a coordinator all", async () => {
    const owned = await service("Stad Antwerpen e-loket", f.digipunten);
    const notOwned = await service("Bibliotheekpas online", f.bibliotheek);
    const owner: Assignment[] = [
      {
        role: "service_owner",
        municipalityId: f.antwerpen.id,
        organizationId: f.digipunten,
        helpPointId: null,
      },
    ];
    const mine = (await visibleServices(db, f.antwerpen.id, owner)).map((s) => s.id);
    expect(mine).toContain(owned);
    expect(mine).not.toContain(notOwned);
    const all = (await visibleServices(db, f.antwerpen.id, coordinator)).map((s) => s.id);
    expect(all).toEqual(expect.arrayContaining([owned, notOwned]));
    expect(await visibleServices(db, f.hasselt.id, owner)).toEqual([]);
  });

  it("counts per month, topic and outcome, lists the remarks, and exports them safely", async () => {
    const id = await service("itsme (insights)");
    const log = (at: string, outcome: TallyInput["outcome"], remark: string | null) =>
      logContact(db, f.antwerpen.id, input({ serviceIds: [id], topicIds: [itsmeTopic], outcome, remark }), helper, kielHelper, new Date(at));
    await log("2026-09-30T22:30:00Z", "solved", null); // 00:30 on 1 October in Brussels (summer time)
    await log("2026-10-15T09:00:00Z", "come_back", "itsme vraagt opnieuw de kaart te scannen");
    await log("2026-11-03T09:00:00Z", "partly", '=HYPERLINK("x")');
    const insights = await serviceInsights(db, f.antwerpen.id, id, new Date("2026-11-25T12:00:00Z"), 3);
    expect(insights.months).toEqual([
      { month: "2026-09", count: 0 },
      { month: "2026-10", count: 2 },
      { month: "2026-11", count: 1 },
    ]);
    expect(insights.total).toBe(3);
    expect(insights.topics).toEqual([{ name: "Inloggen met itsme", count: 3 }]);
    expect(insights.outcomes).toEqual({
      solved: 1,
      partly: 1,
      referred: 0,
      come_back: 1,
    });
    expect(insights.remarks.map((r) => r.remark)).toEqual(['=HYPERLINK("x")', "itsme vraagt opnieuw de kaart te scannen"]);
    const csv = insightsCsv(await insightsRows(db, f.antwerpen.id, [id], new Date("2026-11-25T12:00:00Z")));
    expect(csv.startsWith("\uFEFFDienst;Datum;Maand")).toBe(true);
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).toContain("2026-10-01;2026-10;Digipunt Kiel;Binnengelopen;Inloggen met itsme;Opgelost");
  });
});

describe("demo of this module", () => {
  it("has a service list without duplicates", async () => {
    const rows = await db.select().from(governmentServices).where(eq(governmentServices.municipalityId, f.antwerpen.id));
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });
});
