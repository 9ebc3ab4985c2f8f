import { readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { auditLog, districts, helpPoints, helpPointTopics, municipalities, organizations, topics, users } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { decodeCsv, exportHelpPointsCsv, importHelpPoints, notCsvMessage, parseHelpPointCsv, type CsvPreview } from "./csv.server";
import { createHelpPoint } from "./help-points.server";
import type { HelpPointInput } from "./schema";

const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const HEADER =
  "naam;soort;organisatie;district;straat;postcode;gemeente;breedtegraad;lengtegraad;telefoon;email;binnenlopen;afspraak;rolstoel;talen;uitrusting;onderwerpen;beschrijving;toegankelijkheid";

let database: Database;
let db: Db;
let actor: { id: string; email: string };

interface Place {
  id: string;
  orgs: Record<string, string>;
}
let teststad: Place;
let anderstad: Place;

/** A municipality with the same reference data (districts, topics, organisations) as every other, plus its own extras. */
async function createPlace(slug: string, name: string, extraOrganizations: string[] = []): Promise<Place> {
  const [m] = await db.insert(municipalities).values({ slug, name, phone: "03 22 11 333", latitude: 51.2, longitude: 4.4 }).returning();
  await db.insert(districts).values([
    { municipalityId: m.id, name: "Centrum", postcodes: ["2000"] },
    { municipalityId: m.id, name: "Berchem", postcodes: ["2600"] },
  ]);
  await db.insert(topics).values([
    { municipalityId: m.id, code: "taxes", name: { nl: "Belastingen" }, position: 1 },
    { municipalityId: m.id, code: "ebox", name: { nl: "eBox" }, position: 2 },
    { municipalityId: m.id, code: "smartphone-basics", name: { nl: "Smartphone gebruiken" }, position: 3 },
  ]);
  const orgRows = await db
    .insert(organizations)
    .values([
      { municipalityId: m.id, name: "Stad Teststad", type: "city_department" as const },
      { municipalityId: m.id, name: "Bibliotheek Teststad", type: "library" as const },
      { municipalityId: m.id, name: "OCMW Teststad", type: "ocmw" as const },
      ...extraOrganizations.map((n) => ({ municipalityId: m.id, name: n, type: "ngo" as const })),
    ])
    .returning();
  return { id: m.id, orgs: Object.fromEntries(orgRows.map((o) => [o.name, o.id])) };
}

function pointInput(organizationId: string, overrides: Partial<HelpPointInput> = {}): HelpPointInput {
  return {
    name: "Bestaand Punt",
    type: "digipunt",
    organizationId,
    districtId: null,
    street: "Markt 1",
    postcode: "2000",
    city: "Teststad",
    latitude: null,
    longitude: null,
    phone: null,
    email: null,
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: false,
    languages: ["nl"],
    equipment: [],
    topicCodes: [],
    description: null,
    accessibilityNotes: null,
    ...overrides,
  };
}

const pointNames = async (municipalityId: string) =>
  (await db.select({ name: helpPoints.name }).from(helpPoints).where(eq(helpPoints.municipalityId, municipalityId)).orderBy(asc(helpPoints.name))).map(
    (p) => p.name,
  );

/** The points of a municipality without ids, by name, for comparing two municipalities. */
async function comparablePoints(municipalityId: string) {
  const rows = await db
    .select({
      point: helpPoints,
      organization: organizations.name,
      district: districts.name,
    })
    .from(helpPoints)
    .innerJoin(organizations, eq(organizations.id, helpPoints.organizationId))
    .leftJoin(districts, eq(districts.id, helpPoints.districtId))
    .where(eq(helpPoints.municipalityId, municipalityId))
    .orderBy(asc(helpPoints.name));
  const links = await db
    .select({ helpPointId: helpPointTopics.helpPointId, code: topics.code })
    .from(helpPointTopics)
    .innerJoin(topics, eq(topics.id, helpPointTopics.topicId))
    .where(eq(topics.municipalityId, municipalityId));
  return rows.map(({ point, organization, district }) => {
    const { id, municipalityId: _m, organizationId: _o, districtId: _d, createdAt: _c, updatedAt: _u, ...rest } = point;
    const codes = links.filter((l) => l.helpPointId === id).map((l) => l.code).sort();
    return { ...rest, organization, district, topicCodes: codes };
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const [user] = await db.insert(users).values({ email: "coordinator@teststad.be", name: "Coördinator", passwordHash: "x" }).returning();
  actor = { id: user.id, email: user.email };
  teststad = await createPlace("teststad", "Teststad");
  anderstad = await createPlace("anderstad", "Anderstad", ["Alleen Anderstad vzw"]);
  await createHelpPoint(db, teststad.id, pointInput(teststad.orgs["Stad Teststad"]), actor);
});

afterAll(async () => {
  await database?.close();
});

describe("decodeCsv", () => {
  it("reads UTF-8 with a BOM and drops the BOM", () => {
    const text = decodeCsv(fixture("help-points-valid-utf8-bom.csv"));
    expect(text.startsWith("naam;soort;")).toBe(true);
    expect(text).toContain("Digipunt Centrum");
  });

  it("reads UTF-8 without a BOM", () => {
    expect(decodeCsv(new TextEncoder().encode("naam\r\nCafé Ñandú\r\n"))).toBe("naam\r\nCafé Ñandú\r\n");
  });

  it("falls back to Windows-1252 when the bytes are not valid UTF-8", () => {
    const text = decodeCsv(fixture("help-points-windows-1252.csv"));
    expect(text).toContain("Dienstencentrum Sint-André");
    expect(text).toContain("Bibliothèque Molière");
    expect(text).toContain("Rue de l'Église 3");
    expect(text).toContain("computerhoek — hulp");
  });

  it("recognises an Excel workbook that is not CSV", () => {
    expect(notCsvMessage(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toMatch(/Excel/);
    expect(notCsvMessage(fixture("help-points-errors.csv"))).toBeNull();
  });
});

describe("parseHelpPointCsv", () => {
  it("accepts a valid file, with line numbers as in the file", async () => {
    const preview = await parseHelpPointCsv(db, teststad.id, decodeCsv(fixture("help-points-valid-utf8-bom.csv")));
    expect(preview.headerErrors).toEqual([]);
    // The first row's description spans lines 2 and 3.
    expect(preview.rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(preview.rows.every((r) => r.errors.length === 0 && r.input)).toBe(true);

    const [centrum, berchem, wifi] = preview.rows.map((r) => r.input!);
    expect(centrum).toMatchObject({
      name: "Digipunt Centrum",
      type: "digipunt",
      organizationId: teststad.orgs["Stad Teststad"],
      latitude: 51.2211,
      longitude: 4.3997,
      walkIn: true,
      byAppointment: true,
      wheelchairAccessible: true,
      languages: ["nl", "fr", "en"],
      equipment: ["computers", "printer", "scanner", "wifi"],
      topicCodes: ["taxes", "ebox"],
      description: 'Hulp bij formulieren; ook "itsme"\nen eBox.',
    });
    // Names of organisations and districts match whatever the case.
    expect(berchem.organizationId).toBe(teststad.orgs["Bibliotheek Teststad"]);
    expect(berchem.districtId).toBeTruthy();
    expect(berchem.type).toBe("library");
    expect(wifi).toMatchObject({ type: "wifi_spot", walkIn: false, byAppointment: false, languages: ["nl"], districtId: null });
    expect(preview.rows[0].values.naam).toBe("Digipunt Centrum");
  });

  it("accepts the Windows-1252 file with accented names", async () => {
    const preview = await parseHelpPointCsv(db, teststad.id, decodeCsv(fixture("help-points-windows-1252.csv")));
    expect(preview.headerErrors).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.input?.name, r.errors])).toEqual([
      [2, "Dienstencentrum Sint-André", []],
      [3, "Bibliothèque Molière", []],
    ]);
    expect(preview.rows[0].input?.type).toBe("service_centre");
  });

  it("reports every error at its line and column", async () => {
    const preview = await parseHelpPointCsv(db, teststad.id, decodeCsv(fixture("help-points-errors.csv")));
    expect(preview.headerErrors).toEqual([]);
    const byLine = Object.fromEntries(preview.rows.map((r) => [r.line, r.errors.map((e) => e.field)]));
    expect(byLine).toEqual({
      2: [],
      3: ["postcode"],
      4: ["organisatie"],
      5: ["binnenlopen"],
      6: ["naam"],
      7: ["naam"],
      8: ["naam"],
      9: ["soort", "district", "email", "onderwerpen"],
      10: [],
    });
    const message = (line: number, field: string) => preview.rows.find((r) => r.line === line)?.errors.find((e) => e.field === field)?.message;
    expect(message(3, "postcode")).toBe("Een postcode heeft 4 cijfers, bijvoorbeeld 2060.");
    expect(message(4, "organisatie")).toMatch(/Onbekende organisatie ‘Bestaat Niet vzw’/);
    expect(message(5, "binnenlopen")).toMatch(/ja of nee/);
    expect(message(6, "naam")).toBe("Vul de naam van het hulppunt in.");
    expect(message(7, "naam")).toMatch(/bestaat al in dit bestand, op regel 2/);
    expect(message(8, "naam")).toMatch(/bestaat al in deze gemeente/);
    expect(message(9, "soort")).toMatch(/Onbekende soort ‘kapsalon’/);
    expect(message(9, "onderwerpen")).toMatch(/onbekend-onderwerp/);
    expect(preview.rows.filter((r) => r.input).map((r) => r.line)).toEqual([2, 10]);
  });

  it("reports missing and unknown columns", async () => {
    const preview = await parseHelpPointCsv(db, teststad.id, "naam;soort;organisatie;straat;postkode;gemeente\r\nA;digipunt;Stad Teststad;Markt 1;2000;Teststad\r\n");
    expect(preview.rows).toEqual([]);
    expect(preview.headerErrors).toEqual(["De kolom ‘postkode’ kennen we niet. Gebruik alleen de kolommen uit de tabel.", "De kolom ‘postcode’ ontbreekt."]);
    const notCsv = await parseHelpPointCsv(db, teststad.id, "hallo wereld\r\n");
    expect(notCsv.headerErrors[0]).toMatch(/eerste regel moet de kolomnamen bevatten/);
    const empty = await parseHelpPointCsv(db, teststad.id, "\uFEFF");
    expect(empty.headerErrors[0]).toMatch(/leeg/);
  });

  it("reports an unclosed quote with its line", async () => {
    const preview = await parseHelpPointCsv(db, teststad.id, `${HEADER}\r\nA;digipunt;Stad Teststad;;"Markt 1;2000;Teststad;;;;;ja;nee;nee;nl;;;;\r\n`);
    expect(preview.headerErrors).toHaveLength(1);
    expect(preview.headerErrors[0]).toMatch(/^Regel \d+: een aanhalingsteken/);
  });

  it("detects a comma as separator and accepts columns in any order", async () => {
    const text = 'postcode,naam,soort,organisatie,straat,gemeente,breedtegraad,lengtegraad\n2000,Komma Punt,digipunt,Stad Teststad,"Markt 1, bus 2",Teststad,"51,2","4,4"\n';
    const preview = await parseHelpPointCsv(db, teststad.id, text);
    expect(preview.headerErrors).toEqual([]);
    expect(preview.rows[0].errors).toEqual([]);
    expect(preview.rows[0].input).toMatchObject({ name: "Komma Punt", street: "Markt 1, bus 2", latitude: 51.2, longitude: 4.4 });
  });

  it("never resolves another municipality's organisation", async () => {
    const text = `${HEADER}\r\nVreemd Punt;digipunt;Alleen Anderstad vzw;;Markt 1;2000;Teststad;;;;;ja;nee;nee;nl;;;;\r\n`;
    const inTeststad = await parseHelpPointCsv(db, teststad.id, text);
    expect(inTeststad.rows[0].errors).toEqual([{ field: "organisatie", message: expect.stringMatching(/Onbekende organisatie ‘Alleen Anderstad vzw’/) }]);
    const inAnderstad = await parseHelpPointCsv(db, anderstad.id, text);
    expect(inAnderstad.rows[0].errors).toEqual([]);
    expect(inAnderstad.rows[0].input?.organizationId).toBe(anderstad.orgs["Alleen Anderstad vzw"]);
  });
});

describe("importHelpPoints", () => {
  it("writes nothing when a row has errors and not only the valid rows are asked for", async () => {
    const before = await pointNames(teststad.id);
    const preview = await parseHelpPointCsv(db, teststad.id, decodeCsv(fixture("help-points-errors.csv")));
    await expect(importHelpPoints(db, teststad.id, preview, { onlyValid: false }, actor)).rejects.toThrow(/7 rijen hebben fouten/);
    expect(await pointNames(teststad.id)).toEqual(before);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.municipalityId, teststad.id), eq(auditLog.action, "import")));
    expect(audits).toEqual([]);
  });

  it("rolls back every row when one row fails while writing", async () => {
    const before = await pointNames(teststad.id);
    const good = pointInput(teststad.orgs["Stad Teststad"], { name: "Eerste Rij" });
    // A preview tampered with after parsing: the second row points at another municipality's organisation.
    const tampered: CsvPreview = {
      headerErrors: [],
      rows: [
        { line: 2, values: {}, input: good, errors: [] },
        { line: 3, values: {}, input: { ...good, name: "Tweede Rij", organizationId: anderstad.orgs["Stad Teststad"] }, errors: [] },
      ],
    };
    await expect(importHelpPoints(db, teststad.id, tampered, { onlyValid: false }, actor)).rejects.toThrow(/Regel 3: .*niets geïmporteerd/);
    expect(await pointNames(teststad.id)).toEqual(before);
  });

  it("writes only the valid rows when asked, with one audit entry for the import", async () => {
    const preview = await parseHelpPointCsv(db, teststad.id, decodeCsv(fixture("help-points-errors.csv")));
    const result = await importHelpPoints(db, teststad.id, preview, { onlyValid: true, fileName: "help-points-errors.csv" }, actor);
    expect(result).toMatchObject({ imported: 2, skipped: 7 });
    expect(await pointNames(teststad.id)).toEqual(["Bestaand Punt", "Digipunt Noord", "Pop-up Markt"]);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.municipalityId, teststad.id), eq(auditLog.action, "import")));
    expect(audit.userEmail).toBe("coordinator@teststad.be");
    expect(audit.after).toMatchObject({ imported: 2, skipped: 7, skippedLines: [3, 4, 5, 6, 7, 8, 9], fileName: "help-points-errors.csv" });

    // The same file again: the rows that were written now exist.
    const again = await parseHelpPointCsv(db, teststad.id, decodeCsv(fixture("help-points-errors.csv")));
    expect(again.rows.find((r) => r.line === 10)?.errors).toEqual([{ field: "naam", message: expect.stringMatching(/bestaat al/) }]);
  });

  it("imports a whole valid file", async () => {
    for (const file of ["help-points-valid-utf8-bom.csv", "help-points-windows-1252.csv"]) {
      const preview = await parseHelpPointCsv(db, teststad.id, decodeCsv(fixture(file)));
      await importHelpPoints(db, teststad.id, preview, { onlyValid: false }, actor);
    }
    expect(await pointNames(teststad.id)).toContain("Dienstencentrum Sint-André");
    expect(await pointNames(teststad.id)).toHaveLength(8);
  });
});

describe("exportHelpPointsCsv", () => {
  it("writes UTF-8 with BOM, semicolons and CRLF, and protects against formulas", async () => {
    await createHelpPoint(
      db,
      teststad.id,
      pointInput(teststad.orgs["OCMW Teststad"], { name: "=SOM(1;2) Formulepunt", phone: "+32 3 221 13 33", description: "-- geen formule --" }),
      actor,
    );
    const csv = await exportHelpPointsCsv(db, teststad.id);
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(csv).toContain('"\'=SOM(1;2) Formulepunt"');
    expect(csv).toContain("'+32 3 221 13 33");
    expect(csv).toContain("Dienstencentrum Sint-André;dienstencentrum;OCMW Teststad;Centrum;Kerkstraat 12;2000;Teststad;51,21;4,41;");
    expect(csv.endsWith("\r\n")).toBe(true);
    // Encoded as a file, it decodes back to the same text.
    expect(`\uFEFF${decodeCsv(new Uint8Array(Buffer.from(csv, "utf8")))}`).toBe(csv);
  });

  it("round-trips: an export imports into another municipality as the same points", async () => {
    const exported = await exportHelpPointsCsv(db, teststad.id);
    const preview = await parseHelpPointCsv(db, anderstad.id, decodeCsv(new Uint8Array(Buffer.from(exported, "utf8"))));
    expect(preview.headerErrors).toEqual([]);
    expect(preview.rows.filter((r) => r.errors.length)).toEqual([]);
    const result = await importHelpPoints(db, anderstad.id, preview, { onlyValid: false }, actor);
    expect(result.imported).toBe(9);

    expect(await comparablePoints(anderstad.id)).toEqual(await comparablePoints(teststad.id));
    expect(await exportHelpPointsCsv(db, anderstad.id)).toBe(exported);
    const names = await pointNames(anderstad.id);
    expect(names).toContain("=SOM(1;2) Formulepunt");
    expect(names).toContain("Bibliothèque Molière");
  });

  it("survives a trip through Windows-1252, as Excel may save it", async () => {
    const exported = await exportHelpPointsCsv(db, teststad.id);
    const legacy = iconv.encode(exported.replace(/^\uFEFF/, ""), "win1252");
    const text = decodeCsv(new Uint8Array(legacy));
    expect(text).toContain("Bibliothèque Molière");
    // Every name exists already in Teststad: all rows are refused as duplicates.
    const preview = await parseHelpPointCsv(db, teststad.id, text);
    expect(preview.rows.every((r) => r.errors.some((e) => e.field === "naam" && /bestaat al/.test(e.message)))).toBe(true);
  });
});
