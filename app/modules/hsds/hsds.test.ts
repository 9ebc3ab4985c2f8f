import Ajv, { type AnySchema, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import {
  courseRuns,
  courses,
  courseSessions,
  courseTopics,
  districts,
  helpPoints,
  helpPointTopics,
  municipalities,
  openingHours,
  organizations,
  scheduleExceptions,
  serviceAtLocation,
  services,
  topics,
} from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { addDaysTo, brusselsDate } from "~/modules/finder/opening-hours";
import {
  getOrganization,
  getService,
  getServiceAtLocation,
  getTaxonomy,
  getTaxonomyTerm,
  haversineDistanceKm,
  hsdsRoot,
  listOrganizations,
  listServiceAtLocations,
  listServices,
  listTaxonomies,
  listTaxonomyTerms,
  type HsdsPage,
  type HsdsResult,
} from "./hsds.server";
import { hsdsResponse } from "./http.server";

// ---------------------------------------------------------------------------------------------
// HSDS JSON Schemas (a copy lives in ./schemas so that CI on a clean clone has them)
// ---------------------------------------------------------------------------------------------

const SCHEMA_DIR = path.resolve(import.meta.dirname, "schemas");
const BASE = "https://hsds.digibrug.test/schema/";

type JsonObject = Record<string, unknown>;

/** Every object schema with properties also rejects properties it does not declare: catches typos in our output. */
function strict<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(strict) as T;
  if (!schema || typeof schema !== "object") return schema;
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    // "properties" maps names to schemas: recurse into each schema, not into the map as if it were one.
    copy[key] =
      key === "properties" || key === "definitions"
        ? Object.fromEntries(Object.entries(value as JsonObject).map(([k, v]) => [k, strict(v)]))
        : strict(value);
  }
  if (copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy as T;
}

function readSchemas(): Map<string, JsonObject> {
  const files = new Map<string, JsonObject>();
  for (const dir of ["", "compiled/"]) {
    for (const file of readdirSync(path.join(SCHEMA_DIR, dir))) {
      if (!file.endsWith(".json") || file === "openapi.json") continue;
      files.set(dir + file, JSON.parse(readFileSync(path.join(SCHEMA_DIR, dir, file), "utf8")) as JsonObject);
    }
  }
  return files;
}

const openapi = JSON.parse(readFileSync(path.join(SCHEMA_DIR, "openapi.json"), "utf8")) as {
  components: { schemas: { Page: { properties: JsonObject } } };
};

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const schemaFiles = readSchemas();
for (const [name, schema] of schemaFiles) ajv.addSchema({ ...strict(schema), $id: BASE + name });

/** A paginated list: the openapi Page (every field required here) with contents of the given item schema. */
function pageSchema(id: string, itemRef: string): AnySchema {
  const pageProperties = openapi.components.schemas.Page.properties;
  return {
    $id: BASE + id,
    type: "object",
    properties: { ...pageProperties, contents: { type: "array", items: { $ref: itemRef } } },
    required: [...Object.keys(pageProperties), "contents"],
    additionalProperties: false,
  };
}

/** A schema file extended with extra properties (the nested service of a service_at_location, ...). */
function extended(id: string, file: string, extra: JsonObject): AnySchema {
  const base = strict(schemaFiles.get(file)!);
  return { ...base, $id: BASE + id, properties: { ...(base.properties as JsonObject), ...extra } };
}

ajv.addSchema(pageSchema("page_services.json", "compiled/service_list.json"));
ajv.addSchema(pageSchema("page_service_at_locations.json", "compiled/service_at_location_list.json"));
ajv.addSchema(pageSchema("page_service_at_locations_full.json", "service_at_location_detail.json"));
ajv.addSchema(pageSchema("page_organizations.json", "compiled/organization_list.json"));
ajv.addSchema(pageSchema("page_taxonomies.json", "taxonomy.json"));
ajv.addSchema(pageSchema("page_taxonomy_terms.json", "taxonomy_term.json"));
ajv.addSchema(
  extended("service_at_location_detail.json", "service_at_location.json", {
    service: { $ref: "compiled/service_list.json" },
  }),
);
ajv.addSchema(
  extended("organization_detail.json", "organization.json", {
    services: { type: "array", items: { $ref: "compiled/service_list.json" } },
  }),
);
ajv.addSchema({
  $id: BASE + "root.json",
  type: "object",
  properties: {
    version: { type: "string", const: "3.0" },
    profile: { type: "string", format: "uri" },
    openapi_url: { type: "string", format: "uri" },
  },
  required: ["version", "profile", "openapi_url"],
  additionalProperties: false,
});

const validators = new Map<string, ValidateFunction>();
function expectValid(schemaName: string, body: unknown) {
  let validate = validators.get(schemaName);
  if (!validate) {
    validate = ajv.getSchema(BASE + schemaName);
    if (!validate) throw new Error(`No schema ${schemaName}`);
    validators.set(schemaName, validate);
  }
  const valid = validate(body);
  if (!valid) {
    throw new Error(`Not valid against ${schemaName}: ${ajv.errorsText(validate.errors, { separator: "\n" })}`);
  }
}

function body<T>(result: HsdsResult<T>): T {
  if (result.status !== 200) throw new Error(`Expected 200, got ${result.status}: ${result.body.error}`);
  return result.body;
}

type Item = Record<string, unknown> & { id: string };
const ids = (p: HsdsPage<Item> | { contents: Item[] }) => p.contents.map((c) => c.id);

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

let database: Database;
let db: Db;

const today = brusselsDate();
const f = {} as {
  muni: string;
  other: string;
  topicLaptop: string;
  topicItsme: string;
  topicWifi: string;
  otherTopic: string;
  org1: string;
  org2: string;
  otherOrg: string;
  p1: string;
  p2: string;
  p3: string;
  p4: string;
  p5inactive: string;
  p6: string;
  otherPoint: string;
  otherPointHasselt: string;
  s1: string;
  s2: string;
  s3: string;
  otherService: string;
  sal: Record<string, string>;
  otherSal: string;
};

const coords = {
  p1: { lat: 51.2194, lng: 4.4025 },
  p2: { lat: 51.23, lng: 4.43 },
  p3: { lat: 51.19, lng: 4.39 },
  p4: { lat: 51.3, lng: 4.55 },
  p5inactive: { lat: 51.2196, lng: 4.4027 },
  p6: { lat: 51.221, lng: 4.4 },
  otherPoint: { lat: 51.2195, lng: 4.4026 },
  otherPointHasselt: { lat: 50.93, lng: 5.3378 },
};

async function seed() {
  const [muni, other] = await db
    .insert(municipalities)
    .values([
      { slug: "teststad", name: "Teststad", phone: "03 000 00 00", latitude: 51.22, longitude: 4.4 },
      { slug: "anderstad", name: "Anderstad", phone: "011 00 00 00", latitude: 50.93, longitude: 5.34 },
    ])
    .returning();
  f.muni = muni.id;
  f.other = other.id;

  const [district] = await db
    .insert(districts)
    .values({ municipalityId: muni.id, name: "Centrum", postcodes: ["2000"] })
    .returning();

  const [laptop, itsme, wifi, otherTopic] = await db
    .insert(topics)
    .values([
      {
        municipalityId: muni.id,
        code: "laptop",
        name: { nl: "Laptop lenen", fr: "Emprunter un portable" },
        position: 1,
      },
      { municipalityId: muni.id, code: "itsme", name: { nl: "itsme en eID" }, position: 2 },
      { municipalityId: muni.id, code: "wifi", name: { nl: "Wifi" }, position: 3 },
      { municipalityId: other.id, code: "laptop", name: { nl: "Laptop lenen (Anderstad)" }, position: 1 },
    ])
    .returning();
  Object.assign(f, { topicLaptop: laptop.id, topicItsme: itsme.id, topicWifi: wifi.id, otherTopic: otherTopic.id });

  const [org1, org2, otherOrg] = await db
    .insert(organizations)
    .values([
      {
        municipalityId: muni.id,
        name: "Bibliotheek Teststad",
        type: "library",
        description: { nl: "De stadsbibliotheek", fr: "La bibliothèque" },
        website: "www.bib-teststad.be",
        email: "bib@teststad.be",
        phone: "03 111 11 11",
      },
      { municipalityId: muni.id, name: "Digipunt vzw", type: "ngo", email: "not an email" },
      { municipalityId: other.id, name: "Bibliotheek Anderstad", type: "library" },
    ])
    .returning();
  Object.assign(f, { org1: org1.id, org2: org2.id, otherOrg: otherOrg.id });

  const point = (
    key: keyof typeof coords,
    values: Partial<typeof helpPoints.$inferInsert> & { name: string; postcode: string },
  ): typeof helpPoints.$inferInsert => ({
    municipalityId: muni.id,
    organizationId: org1.id,
    type: "digipunt",
    street: `${values.name}straat 1`,
    city: "Teststad",
    latitude: coords[key].lat,
    longitude: coords[key].lng,
    ...values,
  });
  const [p1, p2, p3, p4, p5, p6, op, opHasselt] = await db
    .insert(helpPoints)
    .values([
      point("p1", {
        name: "Bibliotheek Centrum",
        postcode: "2000",
        type: "library",
        districtId: district.id,
        description: { nl: "Hoofdbibliotheek", en: "Main library" },
        phone: "03 222 22 22",
        languages: ["nl", "fr", "ar"],
        wheelchairAccessible: true,
        accessibilityNotes: { nl: "Lift aan de achterkant" },
        byAppointment: true,
      }),
      point("p2", { name: "Digipunt Noord", postcode: "2060", organizationId: org2.id }),
      point("p3", { name: "Digipunt Zuid", postcode: "2020", organizationId: org2.id }),
      point("p4", { name: "Digipunt Ver", postcode: "2900", organizationId: org2.id }),
      point("p5inactive", { name: "Gesloten punt", postcode: "2000", active: false }),
      point("p6", {
        name: "Dienstencentrum Centrum",
        postcode: "2000",
        type: "service_centre",
        walkIn: false,
        byAppointment: true,
      }),
      {
        ...point("otherPoint", { name: "Bibliotheek Anderstad", postcode: "2000" }),
        municipalityId: other.id,
        organizationId: otherOrg.id,
      },
      {
        ...point("otherPointHasselt", { name: "Digipunt Hasselt", postcode: "3500" }),
        municipalityId: other.id,
        organizationId: otherOrg.id,
      },
    ])
    .returning();
  Object.assign(f, {
    p1: p1.id,
    p2: p2.id,
    p3: p3.id,
    p4: p4.id,
    p5inactive: p5.id,
    p6: p6.id,
    otherPoint: op.id,
    otherPointHasselt: opHasselt.id,
  });

  await db.insert(helpPointTopics).values([
    { helpPointId: p1.id, topicId: laptop.id },
    { helpPointId: p1.id, topicId: itsme.id },
    { helpPointId: p2.id, topicId: itsme.id },
    { helpPointId: p3.id, topicId: laptop.id },
    { helpPointId: p4.id, topicId: laptop.id },
    { helpPointId: p5.id, topicId: laptop.id },
    { helpPointId: op.id, topicId: otherTopic.id },
  ]);

  await db.insert(openingHours).values([
    { helpPointId: p1.id, weekday: 1, opens: "09:00", closes: "12:00" },
    { helpPointId: p1.id, weekday: 1, opens: "13:00", closes: "16:30" },
    { helpPointId: p1.id, weekday: 3, opens: "13:00", closes: "17:00" },
    { helpPointId: p1.id, weekday: 7, opens: "10:00", closes: "12:00" },
    { helpPointId: p2.id, weekday: 2, opens: "09:00", closes: "12:00" },
    { helpPointId: op.id, weekday: 2, opens: "09:00", closes: "12:00" },
  ]);
  await db.insert(scheduleExceptions).values([
    { helpPointId: p1.id, date: addDaysTo(today, 10), kind: "closed", reason: "Personeelsfeest" },
    { helpPointId: p1.id, date: addDaysTo(today, 12), kind: "open", opens: "10:00", closes: "12:00", reason: "Pop-up" },
    { helpPointId: p1.id, date: addDaysTo(today, -30), kind: "closed", reason: "Voorbij" },
  ]);

  const [s1, s2, s3, os] = await db
    .insert(services)
    .values([
      {
        municipalityId: muni.id,
        organizationId: org1.id,
        name: { nl: "Hulp met itsme", fr: "Aide avec itsme" },
        description: { nl: "We helpen je itsme te installeren." },
      },
      { municipalityId: muni.id, organizationId: org2.id, name: { nl: "Laptop lenen" }, free: false },
      { municipalityId: muni.id, organizationId: org1.id, name: { nl: "Computerles" } },
      { municipalityId: other.id, organizationId: otherOrg.id, name: { nl: "Hulp met itsme in Anderstad" } },
    ])
    .returning();
  Object.assign(f, { s1: s1.id, s2: s2.id, s3: s3.id, otherService: os.id });

  const links = [
    ["s1p1", s1.id, p1.id],
    ["s1p2", s1.id, p2.id],
    ["s2p1", s2.id, p1.id],
    ["s2p3", s2.id, p3.id],
    ["s2p4", s2.id, p4.id],
    ["s3p6", s3.id, p6.id],
    ["s3p5", s3.id, p5.id],
  ] as const;
  const salRows = await db
    .insert(serviceAtLocation)
    .values(links.map(([, serviceId, helpPointId]) => ({ serviceId, helpPointId })))
    .returning();
  f.sal = Object.fromEntries(links.map(([key], i) => [key, salRows[i].id]));
  const [otherSal] = await db.insert(serviceAtLocation).values({ serviceId: os.id, helpPointId: op.id }).returning();
  f.otherSal = otherSal.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await seed();
});

afterAll(async () => {
  await database?.close();
});

/** Ids of the other municipality: none may ever show up in Teststad's API. */
function otherIds() {
  return [f.other, f.otherOrg, f.otherPoint, f.otherPointHasselt, f.otherService, f.otherSal, f.otherTopic];
}
const seen: unknown[] = [];
function remember<T>(value: T): T {
  seen.push(value);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe("HSDS root", () => {
  it("describes the API", async () => {
    const root = body(await hsdsRoot(db, "teststad"));
    expectValid("root.json", root);
    expect(root).toEqual({
      version: "3.0",
      profile: "https://openreferral.org/specification/3.0",
      openapi_url: expect.stringMatching(/^https:\/\/.*openapi\.json$/),
    });
  });

  it("answers 404 for an unknown or malformed municipality", async () => {
    for (const slug of ["nergens", "NOT A SLUG", ""]) {
      const result = await hsdsRoot(db, slug);
      expect(result.status).toBe(404);
      expect(result.body).toEqual({ error: expect.any(String) });
    }
    expect((await listServices(db, "nergens", {})).status).toBe(404);
    expect((await listServiceAtLocations(db, "nergens", {})).status).toBe(404);
    expect((await listOrganizations(db, "nergens", {})).status).toBe(404);
    expect((await listTaxonomies(db, "nergens", {})).status).toBe(404);
    expect((await listTaxonomyTerms(db, "nergens", {})).status).toBe(404);
    expect((await getService(db, "nergens", f.s1)).status).toBe(404);
  });
});

describe("HSDS services", () => {
  it("lists the municipality's services, sorted by name, with their organization", async () => {
    const list = remember(body(await listServices(db, "teststad", {})));
    expectValid("page_services.json", list);
    expect(ids(list)).toEqual([f.s3, f.s1, f.s2]); // Computerles, Hulp met itsme, Laptop lenen
    expect(list).toMatchObject({
      total_items: 3,
      total_pages: 1,
      page_number: 1,
      size: 3,
      first_page: true,
      last_page: true,
      empty: false,
    });
    const itsme = list.contents[1];
    expect(itsme).toMatchObject({
      name: "Hulp met itsme",
      description: "We helpen je itsme te installeren.",
      status: "active",
      organization_id: f.org1,
      fees_description: "Gratis",
      organization: { id: f.org1, name: "Bibliotheek Teststad", website: "https://www.bib-teststad.be/" },
    });
    expect(list.contents[2].fees_description).toBeUndefined();
  });

  it("paginates", async () => {
    const first = body(await listServices(db, "teststad", { per_page: "2" }));
    expectValid("page_services.json", first);
    expect(first).toMatchObject({
      total_items: 3,
      total_pages: 2,
      page_number: 1,
      size: 2,
      first_page: true,
      last_page: false,
      empty: false,
    });
    const second = body(await listServices(db, "teststad", { per_page: "2", page: "2" }));
    expect(second).toMatchObject({
      total_items: 3,
      total_pages: 2,
      page_number: 2,
      size: 1,
      first_page: false,
      last_page: true,
      empty: false,
    });
    expect([...ids(first), ...ids(second)]).toEqual([f.s3, f.s1, f.s2]);
    const beyond = body(await listServices(db, "teststad", { per_page: "2", page: "3" }));
    expectValid("page_services.json", beyond);
    expect(beyond).toMatchObject({
      total_items: 3,
      total_pages: 2,
      page_number: 3,
      size: 0,
      last_page: true,
      empty: true,
      contents: [],
    });
  });

  it("searches in every translation, case-insensitively", async () => {
    expect(ids(body(await listServices(db, "teststad", { search: "ITSME" })))).toEqual([f.s1]);
    expect(ids(body(await listServices(db, "teststad", { search: "aide avec" })))).toEqual([f.s1]);
    expect(ids(body(await listServices(db, "teststad", { search: "100%" })))).toEqual([]);
  });

  it("filters by taxonomy term (a topic of an active help point) and by organization", async () => {
    // laptop: p1 (s1, s2), p3 and p4 (s2); p5 (s3) is inactive
    const laptop = body(await listServices(db, "teststad", { taxonomy_term_id: f.topicLaptop }));
    expect(ids(laptop)).toEqual([f.s1, f.s2]);
    expect(ids(body(await listServices(db, "teststad", { taxonomy_term_id: f.topicWifi })))).toEqual([]);
    expect(ids(body(await listServices(db, "teststad", { taxonomy_term_id: f.otherTopic })))).toEqual([]);
    expect(ids(body(await listServices(db, "teststad", { organization_id: f.org2 })))).toEqual([f.s2]);
  });

  it("translates with the lang parameter and falls back to Dutch", async () => {
    const list = body(await listServices(db, "teststad", { lang: "fr" }));
    expect(list.contents.map((s) => s.name)).toEqual(["Aide avec itsme", "Computerles", "Laptop lenen"]);
    expect(list.contents[0].fees_description).toBe("Gratuit");
  });

  it("gives one complete service as service_with_definitions", async () => {
    const service = remember(body(await getService(db, "teststad", f.s1)));
    expectValid("compiled/service_with_definitions.json", service);
    expect(service).toMatchObject({
      id: f.s1,
      name: "Hulp met itsme",
      status: "active",
      organization: { id: f.org1, name: "Bibliotheek Teststad", description: "De stadsbibliotheek" },
    });
    const organization = service.organization as Item;
    expect(organization.phones).toEqual([expect.objectContaining({ number: "03 111 11 11", organization_id: f.org1 })]);

    const sals = service.service_at_locations as Item[];
    expect(sals.map((s) => s.id)).toEqual([f.sal.s1p1, f.sal.s1p2]); // sorted by point name
    const p1 = sals[0].location as Item;
    expect(p1).toMatchObject({
      id: f.p1,
      location_type: "physical",
      name: "Bibliotheek Centrum",
      description: "Hoofdbibliotheek",
      latitude: coords.p1.lat,
      longitude: coords.p1.lng,
      organization_id: f.org1,
      addresses: [
        {
          location_id: f.p1,
          address_1: "Bibliotheek Centrumstraat 1",
          city: "Teststad",
          postal_code: "2000",
          state_province: "Antwerpen",
          region: "Vlaanderen",
          country: "BE",
          address_type: "physical",
        },
      ],
      phones: [{ location_id: f.p1, number: "03 222 22 22", type: "voice" }],
      accessibility: [{ location_id: f.p1, description: "Rolstoeltoegankelijk", details: "Lift aan de achterkant" }],
    });
    expect((p1.languages as Item[]).map((l) => l.code)).toEqual(["nl", "fr", "ar"]);
    expect(sals[0].description).toBe("Vrij binnenlopen, Op afspraak");

    const schedules = p1.schedules as Item[];
    const weekly = schedules.filter((s) => s.freq === "WEEKLY");
    expect(weekly.map((s) => [s.byday, s.opens_at, s.closes_at])).toEqual([
      ["MO", "09:00", "12:00"],
      ["MO", "13:00", "16:30"],
      ["WE", "13:00", "17:00"],
      ["SU", "10:00", "12:00"],
    ]);
    expect(weekly[0]).toMatchObject({ location_id: f.p1, freq: "WEEKLY", interval: 1, wkst: "MO" });
    const exceptions = schedules.filter((s) => !s.freq);
    expect(exceptions).toEqual([
      expect.objectContaining({
        valid_from: addDaysTo(today, 10),
        valid_to: addDaysTo(today, 10),
        description: "Gesloten",
        notes: "Personeelsfeest",
      }),
      expect.objectContaining({
        valid_from: addDaysTo(today, 12),
        opens_at: "10:00",
        closes_at: "12:00",
        notes: "Pop-up",
      }),
    ]);
    expect(exceptions[0].opens_at).toBeUndefined();

    // Taxonomy terms through attributes, on the location and on the service
    expect((p1.attributes as Item[]).map((a) => a.taxonomy_term_id)).toEqual([f.topicLaptop, f.topicItsme]);
    const attributes = service.attributes as Item[];
    expect(attributes.map((a) => a.taxonomy_term_id)).toEqual([f.topicLaptop, f.topicItsme]);
    expect(attributes[0]).toMatchObject({
      link_id: f.s1,
      link_entity: "service",
      taxonomy_term: { id: f.topicLaptop, code: "laptop", name: "Laptop lenen", taxonomy_id: f.muni },
    });
    // The service speaks its points' languages
    expect((service.languages as Item[]).map((l) => l.code)).toEqual(["nl", "fr", "ar"]);

    // Derived ids are stable between calls
    const again = body(await getService(db, "teststad", f.s1));
    expect(again).toEqual(service);
  });

  it("translates a complete service", async () => {
    const service = body(await getService(db, "teststad", f.s1, { lang: "en" }));
    expectValid("compiled/service_with_definitions.json", service);
    const location = (service.service_at_locations as Item[])[0].location as Item;
    expect(location.description).toBe("Main library");
    expect((location.accessibility as Item[])[0].description).toBe("Wheelchair accessible");
    // No English name for the organisation description: Dutch
    expect((service.organization as Item).description).toBe("De stadsbibliotheek");
  });

  it("leaves inactive help points out of a service", async () => {
    const service = body(await getService(db, "teststad", f.s3));
    expectValid("compiled/service_with_definitions.json", service);
    expect((service.service_at_locations as Item[]).map((s) => s.location_id)).toEqual([f.p6]);
    expect(JSON.stringify(service)).not.toContain(f.p5inactive);
  });

  it("answers 404 for an unknown, malformed or other municipality's service", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "nope", f.otherService]) {
      const result = await getService(db, "teststad", id);
      expect(result.status).toBe(404);
      expect(result.body).toEqual({ error: "Unknown service" });
    }
    expect((await getService(db, "anderstad", f.otherService)).status).toBe(200);
  });
});

describe("HSDS service_at_locations", () => {
  it("lists the links of active help points", async () => {
    const list = remember(body(await listServiceAtLocations(db, "teststad", {})));
    expectValid("page_service_at_locations.json", list);
    expect(list).toMatchObject({ total_items: 6, total_pages: 1, page_number: 1, size: 6, empty: false });
    expect(ids(list)).not.toContain(f.sal.s3p5);
    // sorted by service name, then point name
    expect(ids(list)).toEqual([f.sal.s3p6, f.sal.s1p1, f.sal.s1p2, f.sal.s2p1, f.sal.s2p4, f.sal.s2p3]);
    expect(list.contents[1]).toMatchObject({
      service_id: f.s1,
      location_id: f.p1,
      location: { id: f.p1, location_type: "physical", name: "Bibliotheek Centrum", latitude: coords.p1.lat },
      service: { id: f.s1, name: "Hulp met itsme", organization: { id: f.org1 } },
    });
  });

  it("nests complete locations with full=true", async () => {
    const list = remember(body(await listServiceAtLocations(db, "teststad", { full: "true" })));
    expectValid("page_service_at_locations_full.json", list);
    const first = list.contents.find((c) => c.location_id === f.p1)!;
    expect((first.location as Item).addresses).toEqual([
      expect.objectContaining({ postal_code: "2000", country: "BE" }),
    ]);
  });

  it("searches service and help point names, case-insensitively", async () => {
    expect(ids(body(await listServiceAtLocations(db, "teststad", { search: "noord" })))).toEqual([f.sal.s1p2]);
    expect(ids(body(await listServiceAtLocations(db, "teststad", { search: "COMPUTER" })))).toEqual([f.sal.s3p6]);
    expect(ids(body(await listServiceAtLocations(db, "teststad", { search: "gesloten" })))).toEqual([]);
  });

  it("filters by taxonomy term", async () => {
    const itsme = body(await listServiceAtLocations(db, "teststad", { taxonomy_term_id: f.topicItsme }));
    expect(ids(itsme)).toEqual([f.sal.s1p1, f.sal.s1p2, f.sal.s2p1]);
    const upper = body(await listServiceAtLocations(db, "teststad", { taxonomy_term_id: f.topicItsme.toUpperCase() }));
    expect(ids(upper)).toEqual(ids(itsme));
  });

  it("filters by postcode", async () => {
    const list = body(await listServiceAtLocations(db, "teststad", { postcode: "2000" }));
    expect(ids(list)).toEqual([f.sal.s3p6, f.sal.s1p1, f.sal.s2p1]);
  });

  it("finds links around a postcode's centre, sorted by distance", async () => {
    // Centre of 2000: the average of Teststad's help points with that postcode (p1, p5, p6)
    const centre = {
      lat: (coords.p1.lat + coords.p5inactive.lat + coords.p6.lat) / 3,
      lng: (coords.p1.lng + coords.p5inactive.lng + coords.p6.lng) / 3,
    };
    const list = remember(body(await listServiceAtLocations(db, "teststad", { postcode: "2000", proximity: "5000" })));
    expectValid("page_service_at_locations.json", list);
    const distances = list.contents.map((c) => {
      const location = c.location as { latitude: number; longitude: number };
      return haversineDistanceKm(centre, { lat: location.latitude, lng: location.longitude });
    });
    expect(distances.every((d) => d <= 5)).toBe(true);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    // p4 is about 13 km away; the other municipality's point next door never shows
    expect(list.contents.map((c) => c.location_id)).not.toContain(f.p4);
    expect(new Set(list.contents.map((c) => c.location_id))).toEqual(new Set([f.p1, f.p2, f.p3, f.p6]));
    expect(list.total_items).toBe(5);

    const wide = body(await listServiceAtLocations(db, "teststad", { postcode: "2000", proximity: "20000" }));
    expect(wide.total_items).toBe(6);
    expect(wide.contents.at(-1)!.location_id).toBe(f.p4);

    // With a topic, and paginated
    const laptop = body(
      await listServiceAtLocations(db, "teststad", {
        postcode: "2000",
        proximity: "20000",
        taxonomy_term_id: f.topicLaptop,
        per_page: "2",
      }),
    );
    expect(laptop).toMatchObject({ total_items: 4, total_pages: 2, size: 2, first_page: true, last_page: false });
    expect(laptop.contents.map((c) => c.location_id)).toEqual([f.p1, f.p1]);
    const laptop2 = body(
      await listServiceAtLocations(db, "teststad", {
        postcode: "2000",
        proximity: "20000",
        taxonomy_term_id: f.topicLaptop,
        per_page: "2",
        page: "2",
      }),
    );
    expect(laptop2.contents.map((c) => c.location_id)).toEqual([f.p3, f.p4]);
  });

  it("takes the postcode's centre from any help point in the database when the municipality has none there", async () => {
    // Only Anderstad has a point in 3500 (Hasselt): Teststad's points are sorted by distance from it
    const list = body(await listServiceAtLocations(db, "teststad", { postcode: "3500", proximity: "200000" }));
    expect(list.total_items).toBe(6);
    expect(list.contents.at(0)!.location_id).toBe(f.p4); // the most easterly
    expect(JSON.stringify(list)).not.toContain(f.otherPointHasselt);
    // No help point anywhere in that postcode: nothing to measure from
    const none = body(await listServiceAtLocations(db, "teststad", { postcode: "8000", proximity: "50000" }));
    expectValid("page_service_at_locations.json", none);
    expect(none).toMatchObject({ total_items: 0, total_pages: 0, size: 0, empty: true, contents: [] });
  });

  it("rejects invalid parameters with a 400 and a plain message", async () => {
    const bad: Record<string, string>[] = [
      { page: "0" },
      { page: "-1" },
      { page: "abc" },
      { page: "1.5" },
      { per_page: "201" },
      { per_page: "0" },
      { proximity: "abc", postcode: "2000" },
      { proximity: "-3", postcode: "2000" },
      { proximity: "5000" },
      { postcode: "200" },
      { postcode: "20000" },
      { postcode: "abcd" },
      { taxonomy_term_id: "laptop" },
      { organization_id: "1" },
      { full: "yes" },
      { lang: "Nederlands" },
    ];
    for (const params of bad) {
      const result = await listServiceAtLocations(db, "teststad", params);
      expect(result.status, JSON.stringify(params)).toBe(400);
      expect(result.body).toEqual({ error: expect.any(String) });
    }
    expect((await listServiceAtLocations(db, "teststad", { per_page: "201" })).body).toEqual({
      error: "per_page must be at most 200",
    });
    expect((await listServiceAtLocations(db, "teststad", { page: "x" })).body).toEqual({
      error: "page must be a positive integer",
    });
    expect((await listServices(db, "teststad", { page: "0" })).status).toBe(400);
    expect((await listOrganizations(db, "teststad", { per_page: "500" })).status).toBe(400);
    expect((await listTaxonomyTerms(db, "teststad", { page: "x" })).status).toBe(400);
    expect((await listTaxonomies(db, "teststad", { page: "x" })).status).toBe(400);
    // A URLSearchParams works as well; an empty value counts as absent
    const fromUrl = await listServiceAtLocations(
      db,
      "teststad",
      new URLSearchParams("search=&per_page=2&per_page=500"),
    );
    expect(fromUrl.status).toBe(200);
  });

  it("gives one link with its complete location and its service", async () => {
    const sal = remember(body(await getServiceAtLocation(db, "teststad", f.sal.s2p3)));
    expectValid("service_at_location_detail.json", sal);
    expect(sal).toMatchObject({
      id: f.sal.s2p3,
      service_id: f.s2,
      location_id: f.p3,
      description: "Vrij binnenlopen",
      location: { id: f.p3, addresses: [{ postal_code: "2020" }] },
      service: { id: f.s2, organization: { id: f.org2, name: "Digipunt vzw" } },
    });
    // An invalid e-mail address is left out rather than breaking the format
    expect((sal.service as Item & { organization: Item }).organization.email).toBeUndefined();
    for (const id of [f.sal.s3p5, f.otherSal, "x"]) {
      expect((await getServiceAtLocation(db, "teststad", id)).status).toBe(404);
    }
  });
});

describe("HSDS organizations", () => {
  it("lists the municipality's organizations", async () => {
    const list = remember(body(await listOrganizations(db, "teststad", {})));
    expectValid("page_organizations.json", list);
    expect(ids(list)).toEqual([f.org1, f.org2]);
    expect(list.contents[0]).toEqual({
      id: f.org1,
      name: "Bibliotheek Teststad",
      description: "De stadsbibliotheek",
      email: "bib@teststad.be",
      website: "https://www.bib-teststad.be/",
    });
    expect(list.contents[1]).toEqual({ id: f.org2, name: "Digipunt vzw", description: "" });
    expect(ids(body(await listOrganizations(db, "teststad", { search: "digi" })))).toEqual([f.org2]);
  });

  it("gives one organization with its locations and services", async () => {
    const org = remember(body(await getOrganization(db, "teststad", f.org2, { lang: "fr" })));
    expectValid("organization_detail.json", org);
    expect((org.locations as Item[]).map((l) => l.id)).toEqual([f.p2, f.p4, f.p3]); // by name: Noord, Ver, Zuid
    expect((org.services as Item[]).map((s) => s.id)).toEqual([f.s2]);
    const org1 = remember(body(await getOrganization(db, "teststad", f.org1)));
    expectValid("organization_detail.json", org1);
    expect((org1.locations as Item[]).map((l) => l.id)).toEqual([f.p1, f.p6]); // not the inactive point
    for (const id of [f.otherOrg, "00000000-0000-0000-0000-000000000000", "bib"]) {
      expect((await getOrganization(db, "teststad", id)).status).toBe(404);
    }
  });
});

describe("HSDS taxonomies", () => {
  it("has one taxonomy per municipality", async () => {
    const list = remember(body(await listTaxonomies(db, "teststad", {})));
    expectValid("page_taxonomies.json", list);
    expect(list).toMatchObject({ total_items: 1, total_pages: 1, size: 1 });
    expect(list.contents[0]).toMatchObject({ id: f.muni, name: "Digibrug help topics Teststad" });
    expect(body(await getTaxonomy(db, "teststad", f.muni))).toEqual(list.contents[0]);
    expect((await getTaxonomy(db, "teststad", f.other)).status).toBe(404);
  });

  it("lists the municipality's topics as taxonomy terms", async () => {
    const list = remember(body(await listTaxonomyTerms(db, "teststad", {})));
    expectValid("page_taxonomy_terms.json", list);
    expect(ids(list)).toEqual([f.topicLaptop, f.topicItsme, f.topicWifi]);
    expect(list.contents[0]).toMatchObject({
      code: "laptop",
      name: "Laptop lenen",
      taxonomy_id: f.muni,
      language: "nl",
    });
    const fr = body(await listTaxonomyTerms(db, "teststad", { lang: "fr" }));
    expect(fr.contents[0]).toMatchObject({ name: "Emprunter un portable", language: "fr" });
    expect(fr.contents[1]).toMatchObject({ name: "itsme en eID", language: "nl" });
    expect(ids(body(await listTaxonomyTerms(db, "teststad", { search: "wifi" })))).toEqual([f.topicWifi]);
    expect(ids(body(await listTaxonomyTerms(db, "teststad", { taxonomy_id: f.other })))).toEqual([]);
    expect(body(await listTaxonomyTerms(db, "teststad", { per_page: "2", page: "2" }))).toMatchObject({
      total_items: 3,
      total_pages: 2,
      size: 1,
      last_page: true,
    });
    const term = body(await getTaxonomyTerm(db, "teststad", f.topicItsme));
    expectValid("taxonomy_term.json", term);
    expect((await getTaxonomyTerm(db, "teststad", f.otherTopic)).status).toBe(404);
  });
});

describe("HSDS tenant isolation", () => {
  it("never shows the other municipality's data", () => {
    expect(seen.length).toBeGreaterThan(5);
    const json = JSON.stringify(seen);
    for (const id of otherIds()) expect(json).not.toContain(id);
    expect(json).not.toContain("Anderstad");
  });
});

describe("HSDS responses", () => {
  it("are JSON with open CORS and a short cache", async () => {
    const response = hsdsResponse(await listServices(db, "teststad", {}));
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(response.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(((await response.json()) as HsdsPage<Item>).total_items).toBe(3);

    const bad = hsdsResponse(await listServices(db, "teststad", { page: "0" }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await bad.json()).toEqual({ error: "page must be a positive integer" });

    const missing = hsdsResponse(await hsdsRoot(db, "nergens"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "Unknown municipality" });
  });
});

describe("HSDS service_at_locations at scale", () => {
  it("finds exactly the nearest tagged points among 10,000 (postcode + proximity + taxonomy term)", async () => {
    const [big] = await db
      .insert(municipalities)
      .values({ slug: "grootstad", name: "Grootstad", phone: "09 000 00 00", latitude: 51.05, longitude: 3.72 })
      .returning();
    const [topic] = await db
      .insert(topics)
      .values({ municipalityId: big.id, code: "laptop", name: { nl: "Laptop" } })
      .returning();
    const [org] = await db
      .insert(organizations)
      .values({ municipalityId: big.id, name: "Grootstad", type: "city_department" })
      .returning();
    const [service] = await db
      .insert(services)
      .values({ municipalityId: big.id, organizationId: org.id, name: { nl: "Digitale hulp" } })
      .returning();

    // A deterministic spread of points over about 60 × 60 km around Ghent
    const count = 10_000;
    const points = Array.from({ length: count }, (_, i) => {
      const lat = 50.8 + ((i * 7919) % 10_000) / 10_000 / 2;
      const lng = 3.4 + ((i * 104_729) % 10_000) / 10_000 / 1.2;
      return {
        municipalityId: big.id,
        organizationId: org.id,
        name: `Punt ${i}`,
        type: "digipunt" as const,
        street: "Straat 1",
        postcode: i % 50 === 0 ? "9000" : String(9001 + (i % 90)),
        city: "Grootstad",
        latitude: lat,
        longitude: lng,
      };
    });
    const inserted: { id: string; latitude: number | null; longitude: number | null; postcode: string }[] = [];
    for (let i = 0; i < count; i += 1000) {
      inserted.push(
        ...(await db
          .insert(helpPoints)
          .values(points.slice(i, i + 1000))
          .returning({
            id: helpPoints.id,
            latitude: helpPoints.latitude,
            longitude: helpPoints.longitude,
            postcode: helpPoints.postcode,
          })),
      );
    }
    const tagged = inserted.filter((_, i) => i % 3 === 0);
    for (let i = 0; i < inserted.length; i += 1000) {
      const chunk = inserted.slice(i, i + 1000);
      await db.insert(serviceAtLocation).values(chunk.map((p) => ({ serviceId: service.id, helpPointId: p.id })));
    }
    for (let i = 0; i < tagged.length; i += 1000) {
      await db
        .insert(helpPointTopics)
        .values(tagged.slice(i, i + 1000).map((p) => ({ helpPointId: p.id, topicId: topic.id })));
    }

    const inPostcode = inserted.filter((p) => p.postcode === "9000");
    const centre = {
      lat: inPostcode.reduce((s, p) => s + p.latitude!, 0) / inPostcode.length,
      lng: inPostcode.reduce((s, p) => s + p.longitude!, 0) / inPostcode.length,
    };
    const expected = tagged
      .map((p) => ({ id: p.id, d: haversineDistanceKm(centre, { lat: p.latitude!, lng: p.longitude! }) }))
      .filter((p) => p.d <= 3)
      .sort((a, b) => a.d - b.d);

    const query = { postcode: "9000", proximity: "3000", taxonomy_term_id: topic.id, per_page: "200" };
    await listServiceAtLocations(db, "grootstad", query); // warm up
    const list = body(await listServiceAtLocations(db, "grootstad", query));

    expectValid("page_service_at_locations.json", list);
    expect(list.total_items).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(10);
    expect(list.contents.map((c) => c.location_id)).toEqual(expected.slice(0, 200).map((p) => p.id));

    const full = body(await listServiceAtLocations(db, "grootstad", { ...query, full: "true" }));
    expectValid("page_service_at_locations_full.json", full);
  });
});

describe("HSDS courses as services", () => {
  const c = {} as {
    org: string;
    point: string;
    topic: string;
    service: string;
    course: string;
    paidCourse: string;
    run: string;
    venueRun: string;
    sessions: string[];
    hidden: string[];
  };
  const DAY = 24 * 3600_000;
  const future = (days: number, hourUtc: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + hourUtc * 3600_000);

  beforeAll(async () => {
    const [muni] = await db
      .insert(municipalities)
      .values({ slug: "cursusstad", name: "Cursusstad", phone: "09 000 00 00", latitude: 51.05, longitude: 3.72 })
      .returning();
    const [topic] = await db.insert(topics).values({ municipalityId: muni.id, code: "smartphone", name: { nl: "Smartphone", en: "Smartphone" } }).returning();
    const [org] = await db
      .insert(organizations)
      .values({ municipalityId: muni.id, name: "Dienstencentrum Cursusstad", type: "service_centre", description: { nl: "Voor senioren" } })
      .returning();
    const [point] = await db
      .insert(helpPoints)
      .values({
        municipalityId: muni.id,
        organizationId: org.id,
        name: "LDC De Linde",
        type: "service_centre",
        street: "Lindestraat 1",
        postcode: "9000",
        city: "Cursusstad",
        latitude: 51.05,
        longitude: 3.72,
      })
      .returning();
    const [service] = await db.insert(services).values({ municipalityId: muni.id, organizationId: org.id, name: { nl: "Zitdag digitale hulp" } }).returning();
    const [course, paidCourse, unpublished, pastOnly, cancelledOnly] = await db
      .insert(courses)
      .values([
        {
          municipalityId: muni.id,
          organizerId: org.id,
          title: { nl: "Smartphone voor beginners", en: "Smartphone for beginners" },
          description: { nl: "Bellen, berichten en foto's." },
          level: "starter",
          audiences: ["seniors"],
          instructionLanguage: "nl",
        },
        {
          municipalityId: muni.id,
          organizerId: org.id,
          title: { nl: "Veilig online bankieren" },
          level: "basic",
          audiences: ["adults"],
          priceCents: 1000,
          uitpasPriceCents: 200,
          mode: "online",
        },
        { municipalityId: muni.id, organizerId: org.id, title: { nl: "Niet gepubliceerd" }, level: "basic", audiences: ["adults"], published: false },
        { municipalityId: muni.id, organizerId: org.id, title: { nl: "Voorbij" }, level: "basic", audiences: ["adults"] },
        { municipalityId: muni.id, organizerId: org.id, title: { nl: "Geannuleerd" }, level: "basic", audiences: ["adults"] },
      ])
      .returning();
    await db.insert(courseTopics).values({ courseId: course.id, topicId: topic.id });
    const [run, venueRun, unpublishedRun, pastRun, cancelledRun] = await db
      .insert(courseRuns)
      .values([
        { courseId: course.id, helpPointId: point.id, capacity: 12, registeredCount: 3 },
        { courseId: paidCourse.id, venue: "Online via Teams", capacity: 20 },
        { courseId: unpublished.id, helpPointId: point.id, capacity: 5 },
        { courseId: pastOnly.id, helpPointId: point.id, capacity: 5 },
        { courseId: cancelledOnly.id, helpPointId: point.id, capacity: 5, cancelled: true },
      ])
      .returning();
    const sessions = await db
      .insert(courseSessions)
      .values([
        { runId: run.id, startsAt: future(-7, 8), endsAt: future(-7, 10) },
        { runId: run.id, startsAt: future(7, 8), endsAt: future(7, 10) },
        { runId: run.id, startsAt: future(14, 8), endsAt: future(14, 10) },
      ])
      .returning();
    await db.insert(courseSessions).values([
      { runId: venueRun.id, startsAt: future(3, 17), endsAt: future(3, 19) },
      { runId: unpublishedRun.id, startsAt: future(3, 8), endsAt: future(3, 10) },
      { runId: pastRun.id, startsAt: future(-3, 8), endsAt: future(-3, 10) },
      { runId: cancelledRun.id, startsAt: future(3, 8), endsAt: future(3, 10) },
    ]);
    Object.assign(c, {
      org: org.id,
      point: point.id,
      topic: topic.id,
      service: service.id,
      course: course.id,
      paidCourse: paidCourse.id,
      run: run.id,
      venueRun: venueRun.id,
      sessions: sessions.map((x) => x.id),
      hidden: [unpublished.id, pastOnly.id, cancelledOnly.id],
    });
  });

  it("lists published courses with sessions to come after the other services", async () => {
    const list = body(await listServices(db, "cursusstad", {}));
    expectValid("page_services.json", list);
    expect(ids(list)).toEqual([c.service, c.course, c.paidCourse]);
    expect(list.total_items).toBe(3);
    expect(list.contents[1]).toMatchObject({
      name: "Smartphone voor beginners",
      description: "Bellen, berichten en foto's.",
      status: "active",
      organization_id: c.org,
      fees_description: "Gratis",
      organization: { id: c.org, name: "Dienstencentrum Cursusstad" },
    });
    expect(list.contents[2].fees_description).toMatch(/^€\s10; Met UiTPAS-kansentarief: €\s2$/);
    for (const hidden of c.hidden) expect(ids(list)).not.toContain(hidden);

    // Pages run on from the services into the courses.
    const first = body(await listServices(db, "cursusstad", { per_page: "2" }));
    const second = body(await listServices(db, "cursusstad", { per_page: "2", page: "2" }));
    expect([...ids(first), ...ids(second)]).toEqual([c.service, c.course, c.paidCourse]);
    expect(second).toMatchObject({ total_items: 3, total_pages: 2, size: 1, last_page: true });

    expect(ids(body(await listServices(db, "cursusstad", { search: "bankieren" })))).toEqual([c.paidCourse]);
    expect(ids(body(await listServices(db, "cursusstad", { taxonomy_term_id: c.topic })))).toEqual([c.course]);
    expect(ids(body(await listServices(db, "cursusstad", { organization_id: c.org })))).toEqual([c.service, c.course, c.paidCourse]);
    expect(body(await listServices(db, "cursusstad", { lang: "en" })).contents[1].name).toBe("Smartphone for beginners");
    // Teststad's lists are untouched by another municipality's courses.
    expect(ids(body(await listServices(db, "teststad", {})))).toEqual([f.s3, f.s1, f.s2]);
  });

  it("gives a course as a complete service with its sessions as schedules, valid against the schema", async () => {
    const service = body(await getService(db, "cursusstad", c.course));
    expectValid("compiled/service_with_definitions.json", service);
    expect(service).toMatchObject({ id: c.course, name: "Smartphone voor beginners", organization: { id: c.org, description: "Voor senioren" } });
    const schedules = service.schedules as Item[];
    // The past session is left out; the others count as lessons 2 and 3 of 3.
    expect(schedules.map((x) => x.id)).toEqual([c.sessions[1], c.sessions[2]]);
    const start = future(7, 8);
    const date = brusselsDate(start);
    expect(schedules[0]).toMatchObject({
      service_id: c.course,
      location_id: c.point,
      service_at_location_id: c.run,
      valid_from: date,
      valid_to: date,
      dtstart: date,
      until: date,
      description: "Smartphone voor beginners (les 2 van 3)",
      attending_type: "Ter plaatse",
    });
    expect(schedules[0].opens_at).toMatch(/^(09|10):00$/);
    expect(schedules[0].timezone).toBe(schedules[0].opens_at === "09:00" ? 1 : 2);
    const sals = service.service_at_locations as Item[];
    expect(sals).toHaveLength(1);
    expect(sals[0]).toMatchObject({ id: c.run, service_id: c.course, location_id: c.point, description: "12 plaatsen, 9 vrij" });
    expect((sals[0].location as Item).name).toBe("LDC De Linde");
    expect(service.languages).toEqual([expect.objectContaining({ code: "nl", service_id: c.course })]);
    expect((service.attributes as Item[]).map((a) => a.taxonomy_term_id)).toEqual([c.topic]);

    const paid = body(await getService(db, "cursusstad", c.paidCourse, { lang: "en" }));
    expectValid("compiled/service_with_definitions.json", paid);
    expect(paid.service_at_locations).toEqual([]);
    expect((paid.schedules as Item[])[0]).toMatchObject({ attending_type: "Online", notes: "Online via Teams" });
    expect((paid.schedules as Item[])[0].location_id).toBeUndefined();
    expect((paid.cost_options as Item[]).map((o) => [o.option, o.amount, o.currency])).toEqual([
      ["Standard price", 10, "EUR"],
      ["With UiTPAS reduced rate", 2, "EUR"],
    ]);

    for (const hidden of c.hidden) expect((await getService(db, "cursusstad", hidden)).status).toBe(404);
    expect((await getService(db, "teststad", c.course)).status).toBe(404);
  });

  it("gives a run at a help point as a service_at_location", async () => {
    const sal = body(await getServiceAtLocation(db, "cursusstad", c.run));
    expectValid("service_at_location_detail.json", sal);
    expect(sal).toMatchObject({ id: c.run, service_id: c.course, location_id: c.point, service: { id: c.course } });
    expect((sal.schedules as Item[]).map((x) => x.id)).toEqual([c.sessions[1], c.sessions[2]]);
    expect((await getServiceAtLocation(db, "cursusstad", c.venueRun)).status).toBe(404);
    expect((await getServiceAtLocation(db, "teststad", c.run)).status).toBe(404);
  });
});
