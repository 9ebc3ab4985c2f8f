import { eq, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { courseRuns, courseSessions, registrations } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { NO_DEPARTMENT, staffAwareness, staffAwarenessCsv } from "./staff-awareness.server";
import { seedLearningFixture, type LearningFixture } from "./test-fixtures";

let database: Database;
let db: Db;
let f: LearningFixture;
const now = new Date();

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedLearningFixture(db, now);
});
afterAll(async () => {
  await database?.close();
});

/** A registration row written directly (not through registration): what the figures read. */
async function person(runId: string, department: string | null, options: { completed?: boolean; status?: "registered" | "waiting" | "cancelled" } = {}) {
  const status = options.status ?? "registered";
  await db.insert(registrations).values({
    runId,
    status,
    name: `Medewerker ${randomBytes(3).toString("hex")}`,
    department,
    code: randomBytes(3).toString("hex").toUpperCase(),
    manageTokenHash: randomBytes(16).toString("hex"),
    waitingSince: status === "waiting" ? new Date() : null,
    completedAt: options.completed ? new Date() : null,
  });
  if (status === "registered") {
    await db.update(courseRuns).set({ registeredCount: sql`${courseRuns.registeredCount} + 1` }).where(eq(courseRuns.id, runId));
  }
}

const quarterOf = (date: Date) => {
  const [y, m] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels", year: "numeric", month: "2-digit" }).format(date).split("-").map(Number);
  return `${y}-K${Math.floor((m - 1) / 3) + 1}`;
};

it("counts registered and completed employees per department, overall and per quarter", async () => {
  // The fixture's staff run starts in 5 days; an older run started in February 2025.
  const [oldRun] = await db.insert(courseRuns).values({ courseId: f.staffCourse, venue: "Stadhuis", capacity: 10 }).returning();
  await db.insert(courseSessions).values({ runId: oldRun.id, startsAt: new Date("2025-02-10T09:00:00Z"), endsAt: new Date("2025-02-10T11:00:00Z") });

  await person(f.staffRun, "Burgerzaken", { completed: true });
  await person(f.staffRun, "Burgerzaken");
  await person(f.staffRun, " burgerzaken ", { completed: true });
  await person(f.staffRun, "ICT");
  await person(f.staffRun, null);
  await person(f.staffRun, "=HYPERLINK(\"x\")");
  await person(f.staffRun, "ICT", { status: "cancelled" });
  await person(f.staffRun, "ICT", { status: "waiting" });
  await person(oldRun.id, "ICT", { completed: true });
  // Not a course for city staff: not counted.
  await person(f.run, "Burgerzaken", { completed: true });

  const data = await staffAwareness(db, f.offer.antwerpen.id);
  expect(data.courses).toBe(1);
  expect(data.departments).toEqual([
    { department: "=HYPERLINK(\"x\")", registered: 1, completed: 0, rate: 0 },
    { department: "Burgerzaken", registered: 3, completed: 2, rate: 2 / 3 },
    { department: "ICT", registered: 2, completed: 1, rate: 0.5 },
    { department: NO_DEPARTMENT, registered: 1, completed: 0, rate: 0 },
  ]);
  expect(data.total).toMatchObject({ registered: 7, completed: 3 });
  expect(data.quarters.map((q) => q.quarter)).toEqual(["2025-K1", quarterOf(new Date(now.getTime() + 5 * 24 * 3600_000))]);
  expect(data.quarters[0]).toMatchObject({ departments: [{ department: "ICT", registered: 1, completed: 1, rate: 1 }], total: { registered: 1, completed: 1 } });
  expect(data.quarters[1].total).toMatchObject({ registered: 6, completed: 2 });

  const csv = staffAwarenessCsv(data);
  expect(csv.startsWith("\uFEFFKwartaal;Dienst;Ingeschreven;Voltooid;Percentage voltooid\r\n")).toBe(true);
  expect(csv).toContain("2025-K1;ICT;1;1;100\r\n");
  expect(csv).toContain("Alle kwartalen;Burgerzaken;3;2;67\r\n");
  expect(csv).toContain("Alle kwartalen;Totaal;7;3;43\r\n");
  // A department typed as a formula stays text in a spreadsheet.
  expect(csv).toContain(`Alle kwartalen;"'=HYPERLINK(""x"")";1;0;0`);

  expect((await staffAwareness(db, f.offer.hasselt.id)).departments).toEqual([]);
});
