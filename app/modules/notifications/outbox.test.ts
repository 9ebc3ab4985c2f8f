import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { municipalities, outbox } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { enqueueMessage, MAX_ATTEMPTS, processOutbox, toInternational } from "./outbox.server";
import type { Transport } from "./transport.server";

let database: Database;
let municipalityId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const [m] = await database.db.insert(municipalities).values({ slug: "teststad", name: "Teststad", phone: "09 000 00 00", latitude: 51, longitude: 4 }).returning();
  municipalityId = m.id;
});
afterAll(async () => {
  await database?.close();
});

const message = (to: { phone?: string; email?: string }) => ({
  municipalityId,
  to,
  language: "nl",
  template: "test",
  params: { name: "Fatima" },
});

describe("outbox", () => {
  it("writes an SMS when there is a phone number, an e-mail otherwise, nothing when there is neither", async () => {
    expect(await enqueueMessage(database.db, message({ phone: "0470 12 34 56", email: "a@b.be" }))).toBe(1);
    expect(await enqueueMessage(database.db, message({ email: "a@b.be" }))).toBe(1);
    expect(await enqueueMessage(database.db, message({}))).toBe(0);
    const rows = await database.db.select().from(outbox).where(eq(outbox.municipalityId, municipalityId));
    expect(rows.map((r) => [r.channel, r.recipient]).sort()).toEqual([
      ["email", "a@b.be"],
      ["sms", "+32470123456"],
    ]);
    await database.db.delete(outbox);
  });

  it("loses nothing when the provider is down, retries later, and gives up visibly after the last attempt", async () => {
    await enqueueMessage(database.db, message({ phone: "0470 12 34 56" }));
    const down: Transport = { send: async () => Promise.reject(new Error("gateway unreachable")) };
    let now = new Date(Date.now() + 1000);
    expect(await processOutbox(database.db, down, now)).toEqual({ sent: 0, failed: 1 });
    // Not due again at once: backoff
    expect(await processOutbox(database.db, down, now)).toEqual({ sent: 0, failed: 0 });
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      now = new Date(now.getTime() + 7 * 3600_000);
      await processOutbox(database.db, down, now);
    }
    const [failed] = await database.db.select().from(outbox);
    expect(failed.status).toBe("failed");
    expect(failed.attempts).toBe(MAX_ATTEMPTS);
    expect(failed.lastError).toBe("gateway unreachable");
    await database.db.delete(outbox);
  });

  it("sends each due message exactly once, even with two workers at the same time", async () => {
    for (let i = 0; i < 10; i++) await enqueueMessage(database.db, message({ email: `p${i}@b.be` }));
    const delivered: string[] = [];
    const up: Transport = {
      send: async (m) => {
        delivered.push(m.recipient);
        return { delivered: true };
      },
    };
    const now = new Date(Date.now() + 1000);
    await Promise.all([processOutbox(database.db, up, now), processOutbox(database.db, up, now)]);
    expect(delivered.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `p${i}@b.be`).sort());
    const rows = await database.db.select().from(outbox);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
  });

  it("writes Belgian numbers in international form", () => {
    expect(toInternational("0470/12.34.56")).toBe("+32470123456");
    expect(toInternational("+32 470 12 34 56")).toBe("+32470123456");
    expect(toInternational("0032470123456")).toBe("+32470123456");
  });
});
