import { subMonths } from "date-fns";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { auditLog, helpPoints, helpPointTopics, topics } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import {
  createHelpPoint,
  getHelpPoint,
  helpPointFormFromData,
  helpPointFormValues,
  InvalidReferenceError,
  listHelpPoints,
  markHelpPointChecked,
  updateHelpPoint,
} from "./help-points.server";
import { helpPointInput } from "./schema";
import { createStaffUser, pointInput, seedOfferFixture, type OfferFixture } from "./test-fixtures";

let database: Database;
let db: Db;
let f: OfferFixture;
let actor: { id: string; email: string; name: string };

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedOfferFixture(db);
  actor = await createStaffUser(db, "digihelper@antwerpen.test", "digihelper", { municipalityId: f.antwerpen.id, helpPointId: f.permeke });
});
afterAll(() => database.close());

const topicCodesOf = async (pointId: string) =>
  (
    await db
      .select({ code: topics.code })
      .from(helpPointTopics)
      .innerJoin(topics, eq(topics.id, helpPointTopics.topicId))
      .where(eq(helpPointTopics.helpPointId, pointId))
  )
    .map((t) => t.code)
    .sort();

describe("createHelpPoint and updateHelpPoint", () => {
  it("creates a point with its topics and an audit entry", async () => {
    const id = await createHelpPoint(db, f.antwerpen.id, pointInput(f.digipunten, { districtId: f.borgerhout, topicCodes: ["identity-login", "ebox"] }), null);
    const point = await getHelpPoint(db, f.antwerpen.id, id);
    expect(point).toMatchObject({ name: "Digipunt Borgerhout", districtId: f.borgerhout, organizationName: "Digipunten Antwerpen" });
    expect(point!.description).toEqual({ nl: "Gratis hulp bij digitale vragen." });
    expect(await topicCodesOf(id)).toEqual(["ebox", "identity-login"]);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "create")));
    expect(entry.municipalityId).toBe(f.antwerpen.id);
    expect(entry.after).toMatchObject({ name: "Digipunt Borgerhout", topicCodes: ["identity-login", "ebox"] });
  });

  it("updates fields, replaces topics and keeps before and after in the audit log", async () => {
    const id = await createHelpPoint(db, f.antwerpen.id, pointInput(f.digipunten, { name: "Te wijzigen", topicCodes: ["ebox"] }), null);
    await updateHelpPoint(db, f.antwerpen.id, id, pointInput(f.digipunten, { name: "Gewijzigd", topicCodes: ["taxes", "identity-login"], equipment: ["wifi"] }), null);
    const point = await getHelpPoint(db, f.antwerpen.id, id);
    expect(point).toMatchObject({ name: "Gewijzigd", equipment: ["wifi"] });
    expect(await topicCodesOf(id)).toEqual(["identity-login", "taxes"]);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "update")));
    expect(entry.before).toMatchObject({ name: "Te wijzigen", topicCodes: ["ebox"] });
    expect(entry.after).toMatchObject({ name: "Gewijzigd", topicCodes: ["taxes", "identity-login"] });
  });

  it("refuses an organisation, district or topic of another municipality, and writes nothing", async () => {
    const before = (await db.select().from(helpPoints)).length;
    await expect(createHelpPoint(db, f.antwerpen.id, pointInput(f.stadHasselt), null)).rejects.toMatchObject({ field: "organizationId" });
    await expect(createHelpPoint(db, f.antwerpen.id, pointInput(f.digipunten, { districtId: f.kiewit }), null)).rejects.toBeInstanceOf(
      InvalidReferenceError,
    );
    await expect(createHelpPoint(db, f.antwerpen.id, pointInput(f.digipunten, { topicCodes: ["pensions"] }), null)).rejects.toMatchObject({
      field: "topicCodes",
    });
    expect((await db.select().from(helpPoints)).length).toBe(before);
    await expect(updateHelpPoint(db, f.antwerpen.id, f.digipuntKiel, pointInput(f.stadHasselt), null)).rejects.toBeInstanceOf(InvalidReferenceError);
    expect((await getHelpPoint(db, f.antwerpen.id, f.digipuntKiel))!.organizationId).toBe(f.digipunten);
  });

  it("does not find or update a point through another municipality", async () => {
    expect(await getHelpPoint(db, f.antwerpen.id, f.ocrHasselt)).toBeNull();
    expect(await getHelpPoint(db, f.antwerpen.id, "not-a-uuid")).toBeNull();
    await expect(updateHelpPoint(db, f.antwerpen.id, f.ocrHasselt, pointInput(f.digipunten), null)).rejects.toMatchObject({ status: 404 });
    await expect(markHelpPointChecked(db, f.antwerpen.id, f.ocrHasselt, actor)).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("the edit form", () => {
  it("round-trips a point through form values and the zod schema", async () => {
    const point = (await getHelpPoint(db, f.antwerpen.id, f.digipuntKiel))!;
    const values = helpPointFormValues(point);
    const form = new FormData();
    for (const [key, value] of Object.entries(values)) {
      if (Array.isArray(value)) for (const v of value) form.append(key, v);
      else if (typeof value === "boolean") {
        if (value) form.set(key, "on");
      } else form.set(key, value);
    }
    const parsed = helpPointInput.safeParse(helpPointFormFromData(form));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ name: "Digipunt Kiel", organizationId: f.digipunten, walkIn: true, byAppointment: false, latitude: null });
  });
});

describe("stale list", () => {
  it("lists points never checked or not checked for 6 months, only of the municipality", async () => {
    const now = new Date();
    await db.update(helpPoints).set({ lastCheckedAt: now }).where(eq(helpPoints.id, f.digipuntKiel));
    await db.update(helpPoints).set({ lastCheckedAt: subMonths(now, 7) }).where(eq(helpPoints.id, f.permeke));
    const fresh5 = await createHelpPoint(db, f.antwerpen.id, pointInput(f.digipunten, { name: "Recent nagekeken" }), null);
    await db.update(helpPoints).set({ lastCheckedAt: subMonths(now, 5) }).where(eq(helpPoints.id, fresh5));

    const stale = await listHelpPoints(db, f.antwerpen.id, { stale: true, now });
    const names = stale.map((p) => p.name);
    expect(names).toContain("Bibliotheek Permeke");
    expect(names).not.toContain("Digipunt Kiel");
    expect(names).not.toContain("Recent nagekeken");
    expect(names).not.toContain("OCR Hasselt");
    expect(stale.every((p) => p.lastCheckedAt === null || p.lastCheckedAt < subMonths(now, 6))).toBe(true);
    // never checked points are in it too
    expect(stale.some((p) => p.lastCheckedAt === null)).toBe(true);

    const all = await listHelpPoints(db, f.antwerpen.id, { now });
    expect(all.map((p) => p.name)).toContain("Digipunt Kiel");
    expect(all.find((p) => p.name === "Digipunt Kiel")).toMatchObject({ organizationName: "Digipunten Antwerpen", districtName: "Antwerpen" });
    expect(all.some((p) => p.name === "OCR Hasselt")).toBe(false);
  });

  it("marks a point checked today and audits it", async () => {
    await markHelpPointChecked(db, f.antwerpen.id, f.permeke, { ...actor, name: "Sara" });
    const point = await getHelpPoint(db, f.antwerpen.id, f.permeke);
    expect(point!.lastCheckedBy).toBe("Sara");
    expect(Date.now() - point!.lastCheckedAt!.getTime()).toBeLessThan(60_000);
    const stale = await listHelpPoints(db, f.antwerpen.id, { stale: true });
    expect(stale.map((p) => p.id)).not.toContain(f.permeke);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, f.permeke), eq(auditLog.action, "check")));
    expect(entry).toMatchObject({ userId: actor.id, userEmail: "digihelper@antwerpen.test", municipalityId: f.antwerpen.id });
  });
});
