/**
 * Turn an audit entry's before/after snapshots into a short list of changed fields that a person can read.
 * Pure: used by the audit page and its tests.
 */

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export const AUDIT_FIELD_LABELS: Record<string, string> = {
  name: "Naam",
  type: "Soort",
  organizationId: "Organisatie",
  districtId: "District",
  description: "Beschrijving",
  street: "Straat en huisnummer",
  postcode: "Postcode",
  city: "Gemeente",
  latitude: "Breedtegraad",
  longitude: "Lengtegraad",
  website: "Website",
  email: "E-mail",
  phone: "Telefoon",
  walkIn: "Binnenlopen zonder afspraak",
  byAppointment: "Op afspraak",
  wheelchairAccessible: "Toegankelijk met een rolstoel",
  languages: "Talen",
  equipment: "Uitrusting",
  topicCodes: "Onderwerpen",
  accessibilityNotes: "Uitleg over toegankelijkheid",
  free: "Gratis",
  active: "Actief",
  lastCheckedAt: "Laatst nagekeken",
  date: "Datum",
  kind: "Soort",
  opens: "Van",
  closes: "Tot",
  reason: "Reden",
  helpPoint: "Hulppunt",
  helpPointId: "Hulppunt",
  service: "Dienst",
  maandag: "Maandag",
  dinsdag: "Dinsdag",
  woensdag: "Woensdag",
  donderdag: "Donderdag",
  vrijdag: "Vrijdag",
  zaterdag: "Zaterdag",
  zondag: "Zondag",
};

/** Changes are listed in this order (PostgreSQL jsonb does not keep the order of keys). */
const FIELD_ORDER = new Map(Object.keys(AUDIT_FIELD_LABELS).map((key, i) => [key, i]));

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: "Aangemaakt",
  update: "Gewijzigd",
  delete: "Verwijderd",
  check: "Nagekeken",
  update_hours: "Openingsuren gewijzigd",
  add_closure: "Sluiting toegevoegd",
  add_extra_opening: "Extra opening toegevoegd",
  delete_closure: "Sluiting verwijderd",
  delete_extra_opening: "Extra opening verwijderd",
  link: "Dienst aangeboden op een hulppunt",
  unlink: "Dienst niet meer aangeboden op een hulppunt",
  import: "Geïmporteerd",
  export: "Geëxporteerd",
  view: "Persoonsgegevens bekeken",
  register: "Ingeschreven",
  cancel: "Geannuleerd",
  move: "Verplaatst",
  open_link: "Bevestiging geopend",
  attendance: "Aanwezigheid genoteerd",
  plan: "Ingepland",
  decline: "Geweigerd",
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  help_point: "Hulppunt",
  organization: "Organisatie",
  service: "Dienst",
  service_at_location: "Dienst op een hulppunt",
  schedule_exception: "Sluiting of extra opening",
  user: "Medewerker",
  course: "Cursus",
  course_run: "Reeks van een cursus",
  course_session: "Les",
  registration: "Inschrijving",
  course_run_registrations: "Inschrijvingen van een reeks",
  workshop_request: "Vraag van een school",
  staff_awareness: "Opleiding personeel",
};

const VALUE_LABELS: Record<string, string> = {
  closed: "gesloten",
  open: "extra open",
};

/** Keys that describe the row rather than what a person changed. */
const IGNORED = new Set(["id", "municipalityId", "createdAt", "updatedAt", "lastCheckedBy"]);

const dateTime = (value: Date) =>
  new Intl.DateTimeFormat("nl-BE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Brussels" }).format(value);

type Snapshot = Record<string, unknown>;

const isSnapshot = (value: unknown): value is Snapshot => Boolean(value) && typeof value === "object" && !Array.isArray(value);

/** One value as text; null when it is empty. `names` turns ids (organisation, district) into names. */
export function displayValue(value: unknown, names: Record<string, string> = {}): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? "ja" : "nee";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return dateTime(new Date(value));
    return names[value] ?? VALUE_LABELS[value] ?? value;
  }
  if (value instanceof Date) return dateTime(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => displayValue(v, names)).filter((v): v is string => v !== null);
    return items.length ? items.join(", ") : null;
  }
  if (isSnapshot(value)) {
    // Translated text: show the Dutch.
    if (typeof value.nl === "string") return displayValue(value.nl, names);
    return JSON.stringify(value);
  }
  return String(value);
}

/** The fields that differ between before and after (a creation lists what was filled in, a deletion what was there). */
export function auditChanges(before: unknown, after: unknown, names: Record<string, string> = {}): FieldChange[] {
  const b = isSnapshot(before) ? before : null;
  const a = isSnapshot(after) ? after : null;
  if (!a && !b) return [];
  const keys = Object.keys(a ?? b!)
    .filter((k) => !IGNORED.has(k))
    .sort((x, y) => (FIELD_ORDER.get(x) ?? Infinity) - (FIELD_ORDER.get(y) ?? Infinity));
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const from = b ? displayValue(b[field], names) : null;
    const to = a ? displayValue(a[field], names) : null;
    if (from === to) continue;
    changes.push({ field, label: AUDIT_FIELD_LABELS[field] ?? field, before: from, after: to });
  }
  return changes;
}
