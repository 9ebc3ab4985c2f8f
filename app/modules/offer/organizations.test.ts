import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { auditLog, organizations } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { listAuditLog } from "~/modules/auth/audit-log.server";
import { InputError, isUniqueViolation } from "./errors";
import { createOrganization, DUPLICATE_NAME_MESSAGE, getOrganization, listOrganizations, updateOrganization } from "./organizations.server";
import { organizationInput } from "./schema";
import { createStaffUser, seedOfferFixture, type OfferFixture } from "./test-fixtures";

let database: Database;
let db: Db;
let f: OfferFixture;
let actor: { id: string; email: string };

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedOfferFixture(db);
  actor = await createStaffUser(db, "coordinator@antwerpen.test", "coordinator", { municipalityId: f.antwerpen.id });
});
afterAll(() => database.close());

const input = (overrides: Partial<Record<string, string>> = {}) =>
  organizationInput.parse({ name: "Vzw Digitaal", type: "ngo", description: "", website: "https://digitaal.example", email: "", phone: "", ...overrides });

describe("organisations", () => {
  it("creates an organisation, audited", async () => {
    const id = await createOrganization(db, f.antwerpen.id, input(), actor);
    expect(await getOrganization(db, f.antwerpen.id, id)).toMatchObject({ name: "Vzw Digitaal", type: "ngo", website: "https://digitaal.example", email: null });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "create")));
    expect(entry).toMatchObject({ userId: actor.id, municipalityId: f.antwerpen.id, entityType: "organization", before: null });
    expect(entry.after).toMatchObject({ name: "Vzw Digitaal", type: "ngo" });
  });

  it("refuses a second organisation with the same name in the municipality, at the name field", async () => {
    const count = (await db.select().from(organizations)).length;
    const error = await createOrganization(db, f.antwerpen.id, input({ name: "Digipunten Antwerpen" }), actor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).errors).toEqual({ name: DUPLICATE_NAME_MESSAGE });
    expect((await db.select().from(organizations)).length).toBe(count);
    // The same name in another municipality is fine.
    await expect(createOrganization(db, f.hasselt.id, input({ name: "Digipunten Antwerpen" }), null)).resolves.toMatch(/-/);
    // Renaming onto an existing name is refused too.
    await expect(updateOrganization(db, f.antwerpen.id, f.bibliotheek, input({ name: "Digipunten Antwerpen", type: "library" }), actor)).rejects.toMatchObject({
      errors: { name: DUPLICATE_NAME_MESSAGE },
    });
    expect((await getOrganization(db, f.antwerpen.id, f.bibliotheek))!.name).toBe("Bibliotheek Permeke");
  });

  it("updates an organisation with before and after in the audit log", async () => {
    await updateOrganization(db, f.antwerpen.id, f.bibliotheek, input({ name: "Bibliotheek Permeke", type: "library", phone: "03 338 38 00" }), actor);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, f.bibliotheek), eq(auditLog.action, "update")));
    expect(entry.before).toMatchObject({ name: "Bibliotheek Permeke", phone: null, website: null });
    expect(entry.after).toMatchObject({ name: "Bibliotheek Permeke", phone: "03 338 38 00", website: "https://digitaal.example" });

    const log = await listAuditLog(db, f.antwerpen.id);
    const row = log.entries.find((e) => e.entityId === f.bibliotheek && e.action === "update")!;
    expect(row.entityName).toBe("Bibliotheek Permeke");
    expect(row.entityExists).toBe(true);
    expect(row.kind).toBe("changed");
    expect(row.who).toContain("coordinator@antwerpen.test");
    expect(row.changes).toEqual([
      { field: "website", label: "Website", before: null, after: "https://digitaal.example" },
      { field: "phone", label: "Telefoon", before: null, after: "03 338 38 00" },
    ]);
  });

  it("keeps another municipality's organisation out of reach", async () => {
    expect(await getOrganization(db, f.antwerpen.id, f.stadHasselt)).toBeNull();
    await expect(updateOrganization(db, f.antwerpen.id, f.stadHasselt, input({ name: "Overname" }), actor)).rejects.toMatchObject({ status: 404 });
    expect((await getOrganization(db, f.hasselt.id, f.stadHasselt))!.name).toBe("Stad Hasselt");
    const list = await listOrganizations(db, f.antwerpen.id);
    expect(list.map((o) => o.name)).not.toContain("Stad Hasselt");
    expect(list.find((o) => o.id === f.digipunten)?.helpPointCount).toBe(1);
  });

  it("recognises unique violations, also wrapped", () => {
    expect(isUniqueViolation({ code: "23505", constraint: "organization_name_per_municipality" }, "organization_name_per_municipality")).toBe(true);
    expect(isUniqueViolation(new Error("wrapped", { cause: { code: "23505", constraint_name: "x" } }), "x")).toBe(true);
    expect(isUniqueViolation({ code: "23503" })).toBe(false);
  });
});

describe("audit log listing", () => {
  it("is newest first, paginated and limited to the municipality", async () => {
    for (let i = 0; i < 4; i++) await createOrganization(db, f.hasselt.id, input({ name: `Hasselt partner ${i}` }), null);
    const first = await listAuditLog(db, f.hasselt.id, 1, 3);
    expect(first.total).toBe(5);
    expect(first.pages).toBe(2);
    expect(first.entries.map((e) => e.entityName)).toEqual(["Hasselt partner 3", "Hasselt partner 2", "Hasselt partner 1"]);
    const second = await listAuditLog(db, f.hasselt.id, 2, 3);
    expect(second.entries).toHaveLength(2);
    expect(second.entries.every((e) => e.who === "systeem" && e.kind === "created")).toBe(true);
    // a page past the end shows the last one
    expect((await listAuditLog(db, f.hasselt.id, 99, 3)).page).toBe(2);
    const antwerp = await listAuditLog(db, f.antwerpen.id);
    expect(antwerp.entries.some((e) => e.entityName?.startsWith("Hasselt partner"))).toBe(false);
  });
});
