import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { and, asc, eq, inArray } from "drizzle-orm";
import iconv from "iconv-lite";
import type { Db } from "~/db/client.server";
import { districts, helpPoints, helpPointTopics, organizations, topics } from "~/db/schema";
import { recordAudit } from "~/modules/auth/audit.server";
import { createHelpPoint, InvalidReferenceError, type Actor } from "./help-points.server";
import { HELP_POINT_CSV_COLUMNS, HELP_POINT_TYPE_CSV_LABELS, MAX_CSV_ROWS } from "./csv-format";
import { HELP_POINT_TYPES, helpPointInput, type HelpPointInput } from "./schema";

/*
 * Import and export of help points as CSV. The column layout and the words people write are in ./csv-format
 * (shared with the import page); this module reads, checks, writes and exports.
 */

/** Other spellings people use in the header row. */
const HEADER_ALIASES: Record<string, string> = { "e-mail": "email", "e-mailadres": "email", telefoonnummer: "telefoon", type: "soort" };

const TYPE_ALIASES: Record<string, (typeof HELP_POINT_TYPES)[number]> = {
  popup: "popup",
  "pop up": "popup",
  "wifi-punt": "wifi_spot",
  wifipunt: "wifi_spot",
  "wifi-spot": "wifi_spot",
  "lokaal dienstencentrum": "service_centre",
};

const TRUE_WORDS = new Set(["ja", "j", "yes", "y", "waar", "true", "1", "x"]);
const FALSE_WORDS = new Set(["nee", "n", "no", "onwaar", "false", "0"]);

export interface CsvFieldError {
  /** Column name (see HELP_POINT_CSV_COLUMNS), or "regel" for the line as a whole. */
  field: string;
  message: string;
}

export interface CsvPreviewRow {
  /** Line in the file where the row starts; the header is line 1. */
  line: number;
  /** The cells by column name, as written in the file. */
  values: Record<string, string>;
  /** The validated help point, only when the row has no errors. */
  input?: HelpPointInput;
  errors: CsvFieldError[];
}

export interface CsvPreview {
  rows: CsvPreviewRow[];
  /** Problems with the file as a whole (header, quotes, size). Nothing is imported while there are any. */
  headerErrors: string[];
}

export class CsvImportError extends Error {}

// ---------------------------------------------------------------------------------------------------------
// Reading

/** The text of an uploaded file: UTF-8 with or without BOM, UTF-16 with BOM, otherwise Windows-1252 (Excel "CSV"). */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), "win1252");
  }
}

/** A file that is clearly not CSV (an Excel workbook, a PDF), with what to do instead; null when it may be CSV. */
export function notCsvMessage(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return "Dit is een Excel-bestand, geen CSV-bestand. Kies in Excel ‘Opslaan als’ en dan ‘CSV (gescheiden door lijstscheidingsteken)’, en laad dat bestand op.";
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) return "Dit is een PDF-bestand. Laad een CSV-bestand op.";
  return null;
}

const normalize = (value: string) => value.trim().replace(/\s+/g, " ").toLowerCase();

/** Undo the formula protection of the export: a ' before =, +, -, @. */
const unprotect = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);
/** Spreadsheet programs run cells that start with =, +, -, @ as formulas: put a ' before them. */
const protect = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const list = (value: string) =>
  value
    .split(/[,;|]/)
    .map((v) => v.trim())
    .filter(Boolean);

function detectDelimiter(headerLine: string): string {
  const counts = { ";": 0, ",": 0, "\t": 0 } as Record<string, number>;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best] = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ";";
}

function csvErrorMessage(error: unknown): string {
  const e = error as { code?: string; lines?: number };
  const at = e.lines ? `Regel ${e.lines}: ` : "";
  switch (e.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `${at}een aanhalingsteken (") wordt niet afgesloten. Controleer de aanhalingstekens in die regel.`;
    case "CSV_INVALID_CLOSING_QUOTE":
      return `${at}na een afsluitend aanhalingsteken (") staat nog tekst. Controleer de aanhalingstekens in die regel.`;
    default:
      return `${at}het bestand kan niet gelezen worden als CSV. Sla het in Excel op als ‘CSV (gescheiden door lijstscheidingsteken)’.`;
  }
}

interface References {
  organizations: Map<string, string>;
  districts: Map<string, string>;
  /** Lower-case code or Dutch name → code. */
  topics: Map<string, string>;
  existingNames: Set<string>;
}

async function loadReferences(db: Db, municipalityId: string): Promise<References> {
  const [orgs, dists, tops, points] = await Promise.all([
    db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.municipalityId, municipalityId)),
    db.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.municipalityId, municipalityId)),
    db.select({ code: topics.code, name: topics.name }).from(topics).where(eq(topics.municipalityId, municipalityId)),
    db.select({ name: helpPoints.name }).from(helpPoints).where(eq(helpPoints.municipalityId, municipalityId)),
  ]);
  const topicMap = new Map<string, string>();
  for (const t of tops) topicMap.set(normalize(t.name.nl), t.code);
  for (const t of tops) topicMap.set(t.code.toLowerCase(), t.code);
  return {
    organizations: new Map(orgs.map((o) => [normalize(o.name), o.id])),
    districts: new Map(dists.map((d) => [normalize(d.name), d.id])),
    topics: topicMap,
    existingNames: new Set(points.map((p) => normalize(p.name))),
  };
}

function parseBoolean(value: string, fallback: boolean): boolean | null {
  const v = normalize(value);
  if (v === "") return fallback;
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return null;
}

/** "regel" first, then the columns in file order. */
const columnOrder = (field: string) => HELP_POINT_CSV_COLUMNS.findIndex((c) => c.header === field);

const FIELD_TO_HEADER = new Map(HELP_POINT_CSV_COLUMNS.map((c) => [c.field as string, c.header]));

/** Turn one row's cells into a checked help point, collecting every problem per column. */
function checkRow(values: Record<string, string>, refs: References): { input?: HelpPointInput; errors: CsvFieldError[] } {
  const errors: CsvFieldError[] = [];
  const fail = (field: string, message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message });
  };
  const cell = (header: string) => values[header] ?? "";

  const typeText = normalize(cell("soort"));
  let type: string | undefined;
  if (typeText) {
    type =
      (Object.entries(HELP_POINT_TYPE_CSV_LABELS).find(([, label]) => label === typeText)?.[0] as string | undefined) ??
      (HELP_POINT_TYPES as readonly string[]).find((code) => code === typeText) ??
      TYPE_ALIASES[typeText];
    if (!type) fail("soort", `Onbekende soort ‘${cell("soort")}’. Kies uit: ${Object.values(HELP_POINT_TYPE_CSV_LABELS).join(", ")}.`);
  } else {
    fail("soort", "Vul de soort hulppunt in, bijvoorbeeld digipunt.");
  }

  const organizationName = cell("organisatie");
  const organizationId = organizationName ? refs.organizations.get(normalize(organizationName)) : undefined;
  if (!organizationName) fail("organisatie", "Vul de naam van de organisatie in.");
  else if (!organizationId) fail("organisatie", `Onbekende organisatie ‘${organizationName}’. Controleer de schrijfwijze, of maak de organisatie eerst aan.`);

  const districtName = cell("district");
  const districtId = districtName ? refs.districts.get(normalize(districtName)) : null;
  if (districtName && !districtId) fail("district", `Onbekend district ‘${districtName}’. Kies een district uit de lijst, of laat leeg.`);

  const booleans: Record<string, boolean> = {};
  for (const [header, fallback] of [["binnenlopen", true], ["afspraak", false], ["rolstoel", false]] as const) {
    const value = parseBoolean(cell(header), fallback);
    if (value === null) fail(header, `Schrijf ja of nee, niet ‘${cell(header)}’.`);
    else booleans[header] = value;
  }

  const topicCodes: string[] = [];
  const unknownTopics: string[] = [];
  for (const topic of list(cell("onderwerpen"))) {
    const code = refs.topics.get(normalize(topic));
    if (code) {
      if (!topicCodes.includes(code)) topicCodes.push(code);
    } else unknownTopics.push(topic);
  }
  if (unknownTopics.length) fail("onderwerpen", `Onbekend onderwerp: ${unknownTopics.join(", ")}. Gebruik de codes uit de lijst.`);

  const languages = list(cell("talen")).map((l) => l.toLowerCase());
  const candidate = {
    name: cell("naam"),
    type,
    organizationId: organizationId ?? "",
    districtId: districtId ?? null,
    street: cell("straat"),
    postcode: cell("postcode"),
    city: cell("gemeente"),
    latitude: cell("breedtegraad"),
    longitude: cell("lengtegraad"),
    phone: cell("telefoon"),
    email: cell("email"),
    walkIn: booleans.binnenlopen ?? true,
    byAppointment: booleans.afspraak ?? false,
    wheelchairAccessible: booleans.rolstoel ?? false,
    languages: languages.length ? [...new Set(languages)] : ["nl"],
    equipment: [...new Set(list(cell("uitrusting")).map((e) => e.toLowerCase()))],
    topicCodes,
    description: cell("beschrijving"),
    accessibilityNotes: cell("toegankelijkheid"),
  };
  const parsed = helpPointInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_TO_HEADER.get(String(issue.path[0] ?? "")) ?? "regel";
      fail(field, issue.message);
    }
  }
  return parsed.success && errors.length === 0 ? { input: parsed.data, errors } : { errors };
}

/**
 * Read a CSV file's text into a preview: every row with its line number, its cells and its errors per column.
 * Names are checked against the file itself and against the help points that already exist in the municipality.
 * Nothing is written.
 */
export async function parseHelpPointCsv(db: Db, municipalityId: string, text: string): Promise<CsvPreview> {
  // One line-ending style keeps csv-parse's line count equal to the lines a person sees in the file.
  let source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  // Excel writes "sep=;" as a first line when asked to; keep the line (empty) so line numbers stay right.
  let delimiter: string | undefined;
  const sep = /^sep=(.)\n/i.exec(source);
  if (sep) {
    delimiter = sep[1];
    source = `\n${source.slice(sep[0].length)}`;
  }
  if (!source.trim()) return { rows: [], headerErrors: ["Het bestand is leeg. De eerste regel moet de kolomnamen bevatten."] };
  const firstLine = source.split("\n").find((line) => line.trim() !== "") ?? "";
  delimiter ??= detectDelimiter(firstLine);

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(source, { delimiter, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    return { rows: [], headerErrors: [csvErrorMessage(error)] };
  }

  const [headerRecord, ...dataRecords] = records;
  const headerErrors: string[] = [];
  const known = new Map(HELP_POINT_CSV_COLUMNS.map((c) => [c.header, c]));
  const headers = headerRecord.record.map((h) => {
    const name = normalize(unprotect(h).replace(/^\uFEFF/, ""));
    return HEADER_ALIASES[name] ?? name;
  });
  // Excel sometimes adds empty columns at the end.
  let width = headers.length;
  while (width > 0 && headers[width - 1] === "") width--;
  const usedHeaders = headers.slice(0, width);
  if (!usedHeaders.some((h) => known.has(h))) {
    headerErrors.push(
      `De eerste regel moet de kolomnamen bevatten, gescheiden door een puntkomma: ${HELP_POINT_CSV_COLUMNS.map((c) => c.header).join(";")}.`,
    );
    return { rows: [], headerErrors };
  }
  usedHeaders.forEach((h, i) => {
    if (h === "") headerErrors.push(`Kolom ${i + 1} heeft geen naam in de eerste regel.`);
    else if (!known.has(h)) headerErrors.push(`De kolom ‘${headerRecord.record[i].trim()}’ kennen we niet. Gebruik alleen de kolommen uit de tabel.`);
    else if (usedHeaders.indexOf(h) !== i) headerErrors.push(`De kolom ‘${h}’ staat er meer dan één keer in.`);
  });
  for (const column of HELP_POINT_CSV_COLUMNS) {
    if (column.required && !usedHeaders.includes(column.header)) headerErrors.push(`De kolom ‘${column.header}’ ontbreekt.`);
  }
  const dataCount = dataRecords.filter((r) => r.record.some((v) => v.trim() !== "")).length;
  if (dataCount === 0) headerErrors.push("Het bestand heeft geen hulppunten: alleen de regel met kolomnamen.");
  if (dataCount > MAX_CSV_ROWS) headerErrors.push(`Het bestand heeft ${dataCount} rijen. Importeer maximaal ${MAX_CSV_ROWS} rijen per keer.`);
  if (headerErrors.length) return { rows: [], headerErrors };

  const refs = await loadReferences(db, municipalityId);
  const namesInFile = new Map<string, number>();
  const rows: CsvPreviewRow[] = [];
  for (const { record, info } of dataRecords) {
    if (record.every((v) => v.trim() === "")) continue;
    const newlines = record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    const line = info.lines - newlines;
    const values: Record<string, string> = {};
    usedHeaders.forEach((h, i) => {
      values[h] = unprotect((record[i] ?? "").trim());
    });
    const extra = record.slice(usedHeaders.length).filter((v) => v.trim() !== "");
    const { input, errors } = checkRow(values, refs);
    if (extra.length) {
      const sign = delimiter === ";" ? "puntkomma" : delimiter === "," ? "komma" : "tab";
      errors.unshift({
        field: "regel",
        message: `Deze regel heeft meer waarden dan er kolommen zijn. Staat er een ${sign} in een waarde zonder aanhalingstekens?`,
      });
    }
    const name = normalize(values.naam ?? "");
    if (name) {
      const earlier = namesInFile.get(name);
      if (refs.existingNames.has(name)) {
        errors.unshift({ field: "naam", message: `Een hulppunt met de naam ‘${values.naam}’ bestaat al in deze gemeente.` });
      } else if (earlier !== undefined) {
        errors.unshift({ field: "naam", message: `De naam ‘${values.naam}’ bestaat al in dit bestand, op regel ${earlier}.` });
      } else {
        namesInFile.set(name, line);
      }
    }
    errors.sort((a, b) => columnOrder(a.field) - columnOrder(b.field));
    rows.push(errors.length ? { line, values, errors } : { line, values, input, errors });
  }
  return { rows, headerErrors };
}

// ---------------------------------------------------------------------------------------------------------
// Writing

export interface ImportResult {
  imported: number;
  skipped: number;
  ids: string[];
}

/**
 * Write the rows of a preview in one transaction: all of them, or with onlyValid only the rows without errors.
 * Pass a preview made on the server from the file's text, never one sent by the browser.
 * Throws CsvImportError, and writes nothing, when there is nothing to write or a row is refused.
 */
export async function importHelpPoints(
  db: Db,
  municipalityId: string,
  preview: CsvPreview,
  options: { onlyValid: boolean; fileName?: string },
  actor: Actor | null,
): Promise<ImportResult> {
  if (preview.headerErrors.length) throw new CsvImportError("Het bestand heeft fouten. Er is niets geïmporteerd.");
  const bad = preview.rows.filter((r) => r.errors.length > 0 || !r.input);
  const good = preview.rows.filter((r) => r.errors.length === 0 && r.input);
  if (!options.onlyValid && bad.length) {
    throw new CsvImportError(
      `${bad.length === 1 ? "1 rij heeft" : `${bad.length} rijen hebben`} fouten, dus er is niets geïmporteerd. Verbeter het bestand, of importeer alleen de goede rijen.`,
    );
  }
  if (good.length === 0) throw new CsvImportError("Er is geen enkele rij in orde. Er is niets geïmporteerd.");
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const ids: string[] = [];
    for (const row of good) {
      try {
        ids.push(await createHelpPoint(txDb, municipalityId, row.input!, actor));
      } catch (error) {
        if (error instanceof InvalidReferenceError) {
          throw new CsvImportError(`Regel ${row.line}: ${error.message} Er is niets geïmporteerd.`);
        }
        throw error;
      }
    }
    await recordAudit(txDb, {
      actor,
      municipalityId,
      action: "import",
      entityType: "help_point",
      after: {
        format: "csv",
        fileName: options.fileName?.slice(0, 200) ?? null,
        imported: ids.length,
        skipped: bad.length,
        skippedLines: bad.map((r) => r.line),
      },
    });
    return { imported: ids.length, skipped: bad.length, ids };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Export

const decimal = (value: number | null) => (value == null ? "" : String(value).replace(".", ","));
const yesNo = (value: boolean) => (value ? "ja" : "nee");

/** All help points of the municipality in the import format: UTF-8 with BOM, `;`, CRLF. */
export async function exportHelpPointsCsv(db: Db, municipalityId: string): Promise<string> {
  const points = await db
    .select({
      id: helpPoints.id,
      name: helpPoints.name,
      type: helpPoints.type,
      organization: organizations.name,
      district: districts.name,
      street: helpPoints.street,
      postcode: helpPoints.postcode,
      city: helpPoints.city,
      latitude: helpPoints.latitude,
      longitude: helpPoints.longitude,
      phone: helpPoints.phone,
      email: helpPoints.email,
      walkIn: helpPoints.walkIn,
      byAppointment: helpPoints.byAppointment,
      wheelchairAccessible: helpPoints.wheelchairAccessible,
      languages: helpPoints.languages,
      equipment: helpPoints.equipment,
      description: helpPoints.description,
      accessibilityNotes: helpPoints.accessibilityNotes,
    })
    .from(helpPoints)
    .innerJoin(organizations, eq(organizations.id, helpPoints.organizationId))
    .leftJoin(districts, eq(districts.id, helpPoints.districtId))
    .where(eq(helpPoints.municipalityId, municipalityId))
    .orderBy(asc(helpPoints.name), asc(helpPoints.id));

  const topicsByPoint = new Map<string, string[]>();
  if (points.length) {
    const links = await db
      .select({ helpPointId: helpPointTopics.helpPointId, code: topics.code })
      .from(helpPointTopics)
      .innerJoin(topics, eq(topics.id, helpPointTopics.topicId))
      .where(and(eq(topics.municipalityId, municipalityId), inArray(helpPointTopics.helpPointId, points.map((p) => p.id))))
      .orderBy(asc(topics.position), asc(topics.code));
    for (const link of links) topicsByPoint.set(link.helpPointId, [...(topicsByPoint.get(link.helpPointId) ?? []), link.code]);
  }

  const rows = points.map((p) => {
    const cells: Record<string, string> = {
      naam: p.name,
      soort: HELP_POINT_TYPE_CSV_LABELS[p.type],
      organisatie: p.organization,
      district: p.district ?? "",
      straat: p.street,
      postcode: p.postcode,
      gemeente: p.city,
      breedtegraad: decimal(p.latitude),
      lengtegraad: decimal(p.longitude),
      telefoon: p.phone ?? "",
      email: p.email ?? "",
      binnenlopen: yesNo(p.walkIn),
      afspraak: yesNo(p.byAppointment),
      rolstoel: yesNo(p.wheelchairAccessible),
      talen: p.languages.join(","),
      uitrusting: p.equipment.join(","),
      onderwerpen: (topicsByPoint.get(p.id) ?? []).join(","),
      beschrijving: p.description?.nl ?? "",
      toegankelijkheid: p.accessibilityNotes?.nl ?? "",
    };
    return HELP_POINT_CSV_COLUMNS.map((c) => (c.text ? protect(cells[c.header]) : cells[c.header]));
  });
  return stringify([HELP_POINT_CSV_COLUMNS.map((c) => c.header), ...rows], {
    delimiter: ";",
    record_delimiter: "\r\n",
    quote_record_delimiter: true,
    bom: true,
  });
}
