/**
 * Test fixtures for the offer module: two municipalities (Antwerpen, Hasselt) with districts, topics,
 * organisations and help points, and staff users with a session. Not a test file itself.
 */
import type { Db } from "~/db/client.server";
import { districts, helpPoints, municipalities, organizations, roleAssignments, topics, users } from "~/db/schema";
import { createSession, SESSION_COOKIE } from "~/modules/auth/session.server";
import type { Role } from "~/modules/auth/permissions";
import type { HelpPointInput } from "./schema";

export interface OfferFixture {
  antwerpen: { id: string; slug: string };
  hasselt: { id: string; slug: string };
  /** Antwerp districts */
  kiel: string;
  borgerhout: string;
  /** Hasselt district */
  kiewit: string;
  /** Antwerp organisations */
  digipunten: string;
  bibliotheek: string;
  /** Hasselt organisation */
  stadHasselt: string;
  /** Antwerp help points: one per organisation */
  digipuntKiel: string;
  permeke: string;
  /** Hasselt help point */
  ocrHasselt: string;
}

export async function seedOfferFixture(db: Db): Promise<OfferFixture> {
  const [antwerpen, hasselt] = await db
    .insert(municipalities)
    .values([
      { slug: "antwerpen", name: "Antwerpen", phone: "03 22 11 333", latitude: 51.2194, longitude: 4.4025 },
      { slug: "hasselt", name: "Hasselt", phone: "011 23 90 00", latitude: 50.9307, longitude: 5.3325 },
    ])
    .returning();
  const [kiel, borgerhout, kiewit] = await db
    .insert(districts)
    .values([
      { municipalityId: antwerpen.id, name: "Antwerpen", postcodes: ["2000", "2020"] },
      { municipalityId: antwerpen.id, name: "Borgerhout", postcodes: ["2140"] },
      { municipalityId: hasselt.id, name: "Kiewit", postcodes: ["3500"] },
    ])
    .returning();
  await db.insert(topics).values([
    { municipalityId: antwerpen.id, code: "identity-login", name: { nl: "Inloggen met itsme" }, position: 1 },
    { municipalityId: antwerpen.id, code: "ebox", name: { nl: "eBox" }, position: 2 },
    { municipalityId: antwerpen.id, code: "taxes", name: { nl: "Belastingen" }, position: 3 },
    { municipalityId: hasselt.id, code: "identity-login", name: { nl: "Inloggen met itsme" }, position: 1 },
    { municipalityId: hasselt.id, code: "pensions", name: { nl: "Pensioen" }, position: 2 },
  ]);
  const [digipunten, bibliotheek, stadHasselt] = await db
    .insert(organizations)
    .values([
      { municipalityId: antwerpen.id, name: "Digipunten Antwerpen", type: "city_department" },
      { municipalityId: antwerpen.id, name: "Bibliotheek Permeke", type: "library" },
      { municipalityId: hasselt.id, name: "Stad Hasselt", type: "city_department" },
    ])
    .returning();
  const [digipuntKiel, permeke, ocrHasselt] = await db
    .insert(helpPoints)
    .values([
      {
        municipalityId: antwerpen.id,
        organizationId: digipunten.id,
        districtId: kiel.id,
        name: "Digipunt Kiel",
        type: "digipunt",
        street: "Sint-Bernardsesteenweg 1",
        postcode: "2020",
        city: "Antwerpen",
      },
      {
        municipalityId: antwerpen.id,
        organizationId: bibliotheek.id,
        districtId: kiel.id,
        name: "Bibliotheek Permeke",
        type: "library",
        street: "De Coninckplein 25",
        postcode: "2060",
        city: "Antwerpen",
      },
      {
        municipalityId: hasselt.id,
        organizationId: stadHasselt.id,
        districtId: kiewit.id,
        name: "OCR Hasselt",
        type: "ocr",
        street: "Limburgplein 1",
        postcode: "3500",
        city: "Hasselt",
      },
    ])
    .returning();
  return {
    antwerpen: { id: antwerpen.id, slug: antwerpen.slug },
    hasselt: { id: hasselt.id, slug: hasselt.slug },
    kiel: kiel.id,
    borgerhout: borgerhout.id,
    kiewit: kiewit.id,
    digipunten: digipunten.id,
    bibliotheek: bibliotheek.id,
    stadHasselt: stadHasselt.id,
    digipuntKiel: digipuntKiel.id,
    permeke: permeke.id,
    ocrHasselt: ocrHasselt.id,
  };
}

/** A complete, valid help point input for an organisation; override what the test is about. */
export function pointInput(organizationId: string, overrides: Partial<HelpPointInput> = {}): HelpPointInput {
  return {
    name: "Digipunt Borgerhout",
    type: "digipunt",
    organizationId,
    districtId: null,
    street: "Turnhoutsebaan 100",
    postcode: "2140",
    city: "Borgerhout",
    latitude: 51.2125,
    longitude: 4.4401,
    phone: "03 22 11 333",
    email: null,
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    languages: ["nl", "fr"],
    equipment: ["computers", "printer"],
    topicCodes: ["identity-login"],
    description: "Gratis hulp bij digitale vragen.",
    accessibilityNotes: null,
    ...overrides,
  };
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  /** Cookie header value that carries a real session. */
  cookie: string;
}

/** A staff user with one role and a live session. */
export async function createStaffUser(
  db: Db,
  email: string,
  role: Role,
  scope: { municipalityId?: string | null; organizationId?: string | null; helpPointId?: string | null },
): Promise<StaffUser> {
  const [user] = await db
    .insert(users)
    .values({ email, name: email.split("@")[0], passwordHash: "not-used-in-tests" })
    .returning();
  await db.insert(roleAssignments).values({
    userId: user.id,
    role,
    municipalityId: scope.municipalityId ?? null,
    organizationId: scope.organizationId ?? null,
    helpPointId: scope.helpPointId ?? null,
  });
  const token = await createSession(db, user.id);
  return { id: user.id, email: user.email, name: user.name, cookie: `${SESSION_COOKIE}=${encodeURIComponent(token)}` };
}
