import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { createTestDatabase } from "~/db/test-database";
import { courseRuns } from "~/db/schema";
import { eq, sql } from "drizzle-orm";
import { seedLearningFixture } from "./test-fixtures";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

it("the database itself refuses to fill a run beyond its capacity", async () => {
  const f = await seedLearningFixture(database.db);
  await database.db.update(courseRuns).set({ registeredCount: 2 }).where(eq(courseRuns.id, f.run));
  await expect(
    database.db.update(courseRuns).set({ registeredCount: sql`${courseRuns.registeredCount} + 1` }).where(eq(courseRuns.id, f.run)),
  ).rejects.toThrow();
});
