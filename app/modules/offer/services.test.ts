import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { auditLog, serviceAtLocation, services } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { InvalidReferenceError } from "./help-points.server";
import { createService, linkService, listOrganizationServices, listPointServices, unlinkService } from "./services.server";
import { createStaffUser, seedOfferFixture, type OfferFixture } from "./test-fixtures";

let database: Database;
let db: Db;
let f: OfferFixture;
let actor: { id: string; email: string };

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedOfferFixture(db);
  actor = await createStaffUser(db, "manager@digipunten.test", "organization_manager", { municipalityId: f.antwerpen.id, organizationId: f.digipunten });
});
afterAll(() => database.close());

describe("services at a help point", () => {
  it("creates a service and offers it at the point, audited", async () => {
    const id = await createService(db, f.antwerpen.id, f.digipunten, { name: "Hulp bij itsme", description: "Wij installeren itsme met u.", free: true }, actor, {
      helpPointId: f.digipuntKiel,
    });
    const { linked, available } = await listPointServices(db, f.antwerpen.id, f.digipuntKiel);
    expect(linked).toEqual([{ id, name: { nl: "Hulp bij itsme" }, description: { nl: "Wij installeren itsme met u." }, free: true }]);
    expect(available).toEqual([]);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "create")));
    expect(entry.after).toMatchObject({ name: "Hulp bij itsme", helpPointId: f.digipuntKiel, organizationId: f.digipunten });
  });

  it("links and unlinks an existing service of the organisation", async () => {
    const id = await createService(db, f.antwerpen.id, f.digipunten, { name: "Hulp bij de eBox", description: null, free: true }, actor);
    expect((await listPointServices(db, f.antwerpen.id, f.digipuntKiel)).available.map((s) => s.id)).toEqual([id]);
    await linkService(db, f.antwerpen.id, f.digipuntKiel, id, actor);
    await linkService(db, f.antwerpen.id, f.digipuntKiel, id, actor); // twice: no error, no second row
    expect(await db.select().from(serviceAtLocation).where(eq(serviceAtLocation.serviceId, id))).toHaveLength(1);
    expect((await listPointServices(db, f.antwerpen.id, f.digipuntKiel)).linked.map((s) => s.name.nl)).toEqual(["Hulp bij de eBox", "Hulp bij itsme"]);
    await unlinkService(db, f.antwerpen.id, f.digipuntKiel, id, actor);
    expect(await db.select().from(serviceAtLocation).where(eq(serviceAtLocation.serviceId, id))).toHaveLength(0);
    expect(await db.select().from(services).where(eq(services.id, id))).toHaveLength(1);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.userId, actor.id))).map((e) => e.action);
    expect(actions.filter((a) => a === "link")).toHaveLength(1);
    expect(actions).toContain("unlink");
    expect((await listOrganizationServices(db, f.antwerpen.id, f.digipunten)).length).toBe(2);
  });

  it("refuses a service of another organisation or municipality", async () => {
    const other = await createService(db, f.antwerpen.id, f.bibliotheek, { name: "Printen", description: null, free: false }, null);
    const hasselt = await createService(db, f.hasselt.id, f.stadHasselt, { name: "Pensioen online", description: null, free: true }, null);
    await expect(linkService(db, f.antwerpen.id, f.digipuntKiel, other, actor)).rejects.toBeInstanceOf(InvalidReferenceError);
    await expect(linkService(db, f.antwerpen.id, f.digipuntKiel, hasselt, actor)).rejects.toBeInstanceOf(InvalidReferenceError);
    await expect(linkService(db, f.antwerpen.id, f.digipuntKiel, "nonsense", actor)).rejects.toBeInstanceOf(InvalidReferenceError);
    await expect(linkService(db, f.hasselt.id, f.digipuntKiel, hasselt, actor)).rejects.toMatchObject({ status: 404 });
    await expect(
      createService(db, f.antwerpen.id, f.stadHasselt, { name: "X", description: null, free: true }, actor),
    ).rejects.toMatchObject({ field: "organizationId" });
    await expect(
      createService(db, f.antwerpen.id, f.bibliotheek, { name: "X", description: null, free: true }, actor, { helpPointId: f.digipuntKiel }),
    ).rejects.toBeInstanceOf(InvalidReferenceError);
    expect(await db.select().from(services).where(eq(services.name, { nl: "X" }))).toHaveLength(0);
  });
});
