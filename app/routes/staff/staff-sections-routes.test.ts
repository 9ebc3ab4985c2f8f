/**
 * The staff navigation never shows a link to a page that would refuse the person, and never hides a page from
 * someone it would open for: for each kind of staff member, every page in the sections is opened through its real
 * loader with a real session, and the answer (refused or not) must match whether the navigation shows the link.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database, type Db } from "~/db/client.server";
import { createTestDatabase } from "~/db/test-database";
import type { Role } from "~/modules/auth/permissions";
import { readSession } from "~/modules/auth/session.server";
import { createStaffUser, seedOfferFixture, type OfferFixture } from "~/modules/offer/test-fixtures";
import routes from "~/routes";
import { args, getAs, run } from "./route-test-helpers";
import { accessFor, SECTIONS, staffNavigation } from "./staff-sections";

let database: Database;
let db: Db;
let f: OfferFixture;

afterAll(async () => {
  await database.close();
});

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  setDatabase(database);
  f = await seedOfferFixture(db);
});

/** The route module file of a staff page, from app/routes.ts. */
function fileOf(pagePath: string): string {
  const staff = routes.find((r) => r.path === "beheer");
  const route = staff?.children?.find((r) => r.path === `:municipality/${pagePath}`);
  if (!route) throw new Error(`No route for ${pagePath}`);
  return route.file;
}

const PEOPLE: { role: Role; scope: () => { organizationId?: string; helpPointId?: string } }[] = [
  { role: "coordinator", scope: () => ({}) },
  { role: "digihelper", scope: () => ({ helpPointId: f.digipuntKiel }) },
  { role: "organization_manager", scope: () => ({ organizationId: f.bibliotheek }) },
  { role: "trainer", scope: () => ({}) },
  { role: "device_officer", scope: () => ({}) },
  { role: "service_owner", scope: () => ({ organizationId: f.digipunten }) },
];

describe("staff navigation against the pages' own permission checks", () => {
  for (const person of PEOPLE) {
    it(`${person.role}: a link is shown exactly when its page opens`, async () => {
      const user = await createStaffUser(db, `${person.role}@nav.test`, person.role, { municipalityId: f.antwerpen.id, ...person.scope() });
      const session = await readSession(db, getAs("/beheer", user));
      if (!session) throw new Error("no session");
      const navigation = staffNavigation(accessFor(session.assignments, f.antwerpen.id), "antwerpen", "/beheer/antwerpen/overzicht");
      const shown = new Set<string>();
      for (const section of navigation.sections) {
        for (const page of staffNavigation(accessFor(session.assignments, f.antwerpen.id), "antwerpen", section.href).current!.pages) shown.add(page.href);
      }
      const mismatches: string[] = [];
      for (const page of SECTIONS.flatMap((s) => s.pages)) {
        const href = `/beheer/antwerpen/${page.path}`;
        const route = (await import(/* @vite-ignore */ path.resolve(import.meta.dirname, "..", "..", fileOf(page.path)))) as {
          loader: (a: unknown) => unknown;
        };
        const outcome = await run(() => route.loader(args(getAs(href, user), { municipality: "antwerpen" }))).catch((error: Error) => {
          mismatches.push(`${href}: ${error.message}`);
          return null;
        });
        if (!outcome) continue;
        const opens = outcome.status === 200;
        if (!opens && outcome.status !== 403) mismatches.push(`${href}: HTTP ${outcome.status}`);
        if (opens !== shown.has(href)) mismatches.push(`${href}: ${opens ? "opens but is not in the navigation" : "is in the navigation but refuses"}`);
      }
      expect(mismatches).toEqual([]);
    });
  }
});
