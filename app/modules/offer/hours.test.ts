import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { auditLog, openingHours, scheduleExceptions } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { addDaysTo, brusselsDate, scheduleFrom } from "~/modules/finder/opening-hours";
import { InputError } from "./errors";
import { addException, deleteException, describeWeek, getWeeklyHours, latestPlannableDate, listExceptions, replaceWeeklyHours } from "./hours.server";
import { exceptionInput, hoursField, normaliseTime, weeklyHoursFromForm, weeklyHoursProblem } from "./schema";
import { createStaffUser, seedOfferFixture, type OfferFixture } from "./test-fixtures";

let database: Database;
let db: Db;
let f: OfferFixture;
let actor: { id: string; email: string };
const today = brusselsDate();

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedOfferFixture(db);
  actor = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.antwerpen.id });
});
afterAll(() => database.close());

const WEEK_WITH_BREAK = [
  { weekday: 1, opens: "09:00", closes: "12:00" },
  { weekday: 1, opens: "13:00", closes: "17:00" },
  { weekday: 3, opens: "13:30", closes: "16:00" },
];

describe("weekly hours form", () => {
  const form = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(entries)) data.set(k, v);
    return data;
  };

  it("reads blocks per weekday, sorted, with a break, and normalises times", () => {
    const { hours, errors } = weeklyHoursFromForm(
      form({ "h-1-0-opens": "13:00", "h-1-0-closes": "17u", "h-1-1-opens": "9.00", "h-1-1-closes": "12:00", "h-5-2-opens": "10", "h-5-2-closes": "11:30" }),
    );
    expect(errors).toEqual({});
    expect(hours).toEqual([
      { weekday: 1, opens: "09:00", closes: "12:00" },
      { weekday: 1, opens: "13:00", closes: "17:00" },
      { weekday: 5, opens: "10:00", closes: "11:30" },
    ]);
  });

  it("puts each problem at its field and keeps what was typed", () => {
    const { errors, values } = weeklyHoursFromForm(
      form({
        "h-1-0-opens": "25:00",
        "h-1-0-closes": "12:00",
        "h-2-0-opens": "14:00",
        "h-2-0-closes": "10:00",
        "h-3-0-opens": "09:00",
        "h-4-0-opens": "09:00",
        "h-4-0-closes": "12:00",
        "h-4-1-opens": "11:00",
        "h-4-1-closes": "15:00",
      }),
    );
    expect(errors[hoursField(1, 0, "opens")]).toMatch(/UU:MM/);
    expect(errors[hoursField(2, 0, "closes")]).toMatch(/later/);
    expect(errors[hoursField(3, 0, "closes")]).toMatch(/eindigt/);
    expect(errors[hoursField(4, 1, "opens")]).toMatch(/overlapt/);
    expect(values[hoursField(1, 0, "opens")]).toBe("25:00");
  });

  it("normalises the ways people write a time", () => {
    expect(normaliseTime("9")).toBe("09:00");
    expect(normaliseTime("9u30")).toBe("09:30");
    expect(normaliseTime(" 17.15 ")).toBe("17:15");
    expect(normaliseTime("24:00")).toBeNull();
    expect(normaliseTime("half tien")).toBeNull();
  });
});

describe("replaceWeeklyHours", () => {
  it("replaces all hours with breaks in one go and audits the week before and after", async () => {
    await replaceWeeklyHours(db, f.antwerpen.id, f.digipuntKiel, [{ weekday: 2, opens: "10:00", closes: "12:00" }], actor);
    await replaceWeeklyHours(db, f.antwerpen.id, f.digipuntKiel, WEEK_WITH_BREAK, actor);
    expect(await getWeeklyHours(db, f.antwerpen.id, f.digipuntKiel)).toEqual(WEEK_WITH_BREAK);
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, f.digipuntKiel), eq(auditLog.action, "update_hours")))
      .orderBy(auditLog.at);
    const last = entries.at(-1)!;
    expect(last.before).toMatchObject({ maandag: "gesloten", dinsdag: "10:00–12:00" });
    expect(last.after).toMatchObject({ maandag: "09:00–12:00, 13:00–17:00", dinsdag: "gesloten", woensdag: "13:30–16:00" });
    expect(last.userId).toBe(actor.id);
  });

  it("refuses bad input and writes nothing", async () => {
    const bad = [
      [{ weekday: 1, opens: "12:00", closes: "09:00" }],
      [{ weekday: 8, opens: "09:00", closes: "12:00" }],
      [{ weekday: 1, opens: "9h", closes: "12:00" }],
      [
        { weekday: 1, opens: "09:00", closes: "12:00" },
        { weekday: 1, opens: "11:00", closes: "14:00" },
      ],
      [
        { weekday: 1, opens: "08:00", closes: "09:00" },
        { weekday: 1, opens: "10:00", closes: "11:00" },
        { weekday: 1, opens: "12:00", closes: "13:00" },
        { weekday: 1, opens: "14:00", closes: "15:00" },
      ],
    ];
    const auditCount = (await db.select().from(auditLog)).length;
    for (const hours of bad) {
      expect(weeklyHoursProblem(hours)).not.toBeNull();
      await expect(replaceWeeklyHours(db, f.antwerpen.id, f.digipuntKiel, hours, actor)).rejects.toBeInstanceOf(InputError);
    }
    expect(await getWeeklyHours(db, f.antwerpen.id, f.digipuntKiel)).toEqual(WEEK_WITH_BREAK);
    expect((await db.select().from(auditLog)).length).toBe(auditCount);
  });

  it("rolls back the hours when the audit entry cannot be written", async () => {
    // An actor that is not a user row makes the audit insert fail after the hours were replaced.
    const ghost = { id: "00000000-0000-4000-8000-000000000000", email: "ghost@example.test" };
    await expect(replaceWeeklyHours(db, f.antwerpen.id, f.digipuntKiel, [{ weekday: 6, opens: "09:00", closes: "10:00" }], ghost)).rejects.toThrow();
    expect(await getWeeklyHours(db, f.antwerpen.id, f.digipuntKiel)).toEqual(WEEK_WITH_BREAK);
  });

  it("is not reachable through another municipality", async () => {
    const hasseltHours = [{ weekday: 2, opens: "09:00", closes: "12:00" }, { weekday: 4, opens: "13:00", closes: "16:00" }];
    await replaceWeeklyHours(db, f.hasselt.id, f.ocrHasselt, hasseltHours, actor);
    await expect(replaceWeeklyHours(db, f.antwerpen.id, f.ocrHasselt, [], actor)).rejects.toMatchObject({ status: 404 });
    await expect(getWeeklyHours(db, f.antwerpen.id, f.ocrHasselt)).rejects.toMatchObject({ status: 404 });
    expect(await getWeeklyHours(db, f.hasselt.id, f.ocrHasselt)).toEqual(hasseltHours);
  });

  it("describes a week for the audit log", () => {
    expect(describeWeek([{ weekday: 7, opens: "10:00:00", closes: "12:00:00" }])).toMatchObject({ zondag: "10:00–12:00", maandag: "gesloten" });
  });
});

describe("exceptions", () => {
  const tomorrow = addDaysTo(today, 1);

  it("parses a closure and an extra opening", () => {
    expect(exceptionInput.parse({ kind: "closed", date: tomorrow, reason: "" })).toEqual({ kind: "closed", date: tomorrow, reason: null });
    expect(exceptionInput.parse({ kind: "open", date: tomorrow, opens: "9u", closes: "12:00", reason: "Markt" })).toEqual({
      kind: "open",
      date: tomorrow,
      opens: "09:00",
      closes: "12:00",
      reason: "Markt",
    });
    expect(exceptionInput.safeParse({ kind: "open", date: tomorrow, opens: "12:00", closes: "09:00" }).success).toBe(false);
    expect(exceptionInput.safeParse({ kind: "closed", date: "2027-02-30" }).success).toBe(false);
  });

  it("adds a closure and an extra opening, applied in the schedule", async () => {
    // Find the next Monday and the next Saturday after tomorrow.
    let monday = tomorrow;
    while (new Date(`${monday}T12:00:00Z`).getUTCDay() !== 1) monday = addDaysTo(monday, 1);
    let saturday = tomorrow;
    while (new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6) saturday = addDaysTo(saturday, 1);

    const closureId = await addException(db, f.antwerpen.id, f.digipuntKiel, { kind: "closed", date: monday, reason: "Opleiding" }, actor);
    await addException(db, f.antwerpen.id, f.digipuntKiel, { kind: "open", date: saturday, opens: "10:00", closes: "13:00", reason: "Pop-up op de markt" }, actor);

    const list = await listExceptions(db, f.antwerpen.id, f.digipuntKiel, today);
    expect(list.find((e) => e.id === closureId)).toMatchObject({ kind: "closed", date: monday, reason: "Opleiding", opens: null });
    expect(list.find((e) => e.date === saturday)).toMatchObject({ kind: "open", opens: "10:00", closes: "13:00" });

    const weekly = await getWeeklyHours(db, f.antwerpen.id, f.digipuntKiel);
    const days = scheduleFrom(tomorrow, 14, weekly, list);
    expect(days.find((d) => d.date === monday)).toMatchObject({ intervals: [], closedReason: "Opleiding" });
    expect(days.find((d) => d.date === saturday)).toMatchObject({ intervals: [{ opens: "10:00", closes: "13:00" }], extra: true });

    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, closureId), eq(auditLog.action, "add_closure")));
    expect(entry.after).toMatchObject({ helpPoint: "Digipunt Kiel", date: monday, kind: "closed", reason: "Opleiding" });

    await expect(addException(db, f.antwerpen.id, f.digipuntKiel, { kind: "closed", date: monday, reason: null }, actor)).rejects.toMatchObject({
      errors: { date: expect.stringMatching(/al een sluiting/) },
    });
  });

  it("refuses dates in the past and more than two years ahead", async () => {
    const count = (await db.select().from(scheduleExceptions)).length;
    await expect(addException(db, f.antwerpen.id, f.digipuntKiel, { kind: "closed", date: addDaysTo(today, -1), reason: null }, actor)).rejects.toMatchObject({
      errors: { date: expect.stringMatching(/voorbij/) },
    });
    await expect(
      addException(db, f.antwerpen.id, f.digipuntKiel, { kind: "closed", date: addDaysTo(latestPlannableDate(today), 1), reason: null }, actor),
    ).rejects.toMatchObject({ errors: { date: expect.stringMatching(/2 jaar/) } });
    expect((await db.select().from(scheduleExceptions)).length).toBe(count);
    // today and the last plannable day are fine
    await addException(db, f.antwerpen.id, f.permeke, { kind: "closed", date: today, reason: null }, actor);
    await addException(db, f.antwerpen.id, f.permeke, { kind: "closed", date: latestPlannableDate(today), reason: null }, actor);
  });

  it("deletes an exception of the point only, audited", async () => {
    const id = await addException(db, f.antwerpen.id, f.digipuntKiel, { kind: "closed", date: addDaysTo(today, 30), reason: "Verlof" }, actor);
    await expect(deleteException(db, f.antwerpen.id, f.permeke, id, actor)).rejects.toMatchObject({ status: 404 });
    await expect(deleteException(db, f.hasselt.id, f.digipuntKiel, id, actor)).rejects.toMatchObject({ status: 404 });
    await deleteException(db, f.antwerpen.id, f.digipuntKiel, id, actor);
    expect(await db.select().from(scheduleExceptions).where(eq(scheduleExceptions.id, id))).toEqual([]);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "delete_closure")));
    expect(entry.before).toMatchObject({ reason: "Verlof", kind: "closed" });
  });

  it("does not add exceptions to another municipality's point", async () => {
    await expect(addException(db, f.antwerpen.id, f.ocrHasselt, { kind: "closed", date: tomorrow, reason: null }, actor)).rejects.toMatchObject({ status: 404 });
    expect(await db.select().from(openingHours).where(eq(openingHours.helpPointId, f.ocrHasselt))).toHaveLength(2);
  });
});
