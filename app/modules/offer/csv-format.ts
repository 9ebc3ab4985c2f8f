import type { HELP_POINT_TYPES, HelpPointInput } from "./schema";

/**
 * Help points as CSV, the way city staff keep them in Excel: `;`-separated, a header row with the Dutch
 * column names below, booleans as ja/nee, lists separated by commas, organisation and district by name.
 * Files may be UTF-8 (with or without BOM) or Windows-1252; exports are UTF-8 with BOM, `;` and CRLF,
 * so Excel opens them with the accents intact and an export imports again unchanged.
 *
 *   naam;soort;organisatie;district;straat;postcode;gemeente;breedtegraad;lengtegraad;telefoon;email;
 *   binnenlopen;afspraak;rolstoel;talen;uitrusting;onderwerpen;beschrijving;toegankelijkheid
 *
 * Only naam, soort, organisatie, straat, postcode and gemeente must be there; the other columns may be
 * left out and then take the value that "leeg" (empty) has below. Columns may come in any order.
 */
export interface CsvColumn {
  /** Column name in the header row. */
  header: string;
  /** Field of HelpPointInput the column fills. */
  field: keyof HelpPointInput;
  required: boolean;
  /** What to write, in plain Dutch. */
  help: string;
  example: string;
  /** Text the person typed: protected against spreadsheet formulas on export. */
  text?: boolean;
}

export const HELP_POINT_CSV_COLUMNS: readonly CsvColumn[] = [
  { header: "naam", field: "name", required: true, text: true, help: "Naam van het hulppunt. Elke naam komt maar één keer voor in de gemeente.", example: "Digipunt Bibliotheek Permeke" },
  { header: "soort", field: "type", required: true, help: "digipunt, openbare computerruimte, bibliotheek, dienstencentrum, pop-up of wifi.", example: "digipunt" },
  { header: "organisatie", field: "organizationId", required: true, text: true, help: "Naam van de organisatie, zoals ze in Digibrug staat. Maak een nieuwe organisatie eerst aan.", example: "Bibliotheek Antwerpen" },
  { header: "district", field: "districtId", required: false, text: true, help: "Naam van het district, of leeg.", example: "Antwerpen" },
  { header: "straat", field: "street", required: true, text: true, help: "Straat en huisnummer.", example: "De Coninckplein 25" },
  { header: "postcode", field: "postcode", required: true, help: "4 cijfers.", example: "2060" },
  { header: "gemeente", field: "city", required: true, text: true, help: "Gemeente van het adres.", example: "Antwerpen" },
  { header: "breedtegraad", field: "latitude", required: false, help: "Voor de kaart, met een komma of een punt. Leeg: niet op de kaart.", example: "51,2230" },
  { header: "lengtegraad", field: "longitude", required: false, help: "Voor de kaart, samen met de breedtegraad.", example: "4,4250" },
  { header: "telefoon", field: "phone", required: false, text: true, help: "Belgisch telefoonnummer, of leeg.", example: "03 338 38 00" },
  { header: "email", field: "email", required: false, text: true, help: "E-mailadres, of leeg.", example: "permeke@antwerpen.be" },
  { header: "binnenlopen", field: "walkIn", required: false, help: "Kan iemand zonder afspraak langskomen? ja of nee. Leeg betekent ja.", example: "ja" },
  { header: "afspraak", field: "byAppointment", required: false, help: "Kan iemand een afspraak maken? ja of nee. Leeg betekent nee.", example: "nee" },
  { header: "rolstoel", field: "wheelchairAccessible", required: false, help: "Toegankelijk met een rolstoel? ja of nee. Leeg betekent nee.", example: "ja" },
  { header: "talen", field: "languages", required: false, help: "Talen van de helpers als taalcodes, gescheiden door komma's. Leeg betekent nl.", example: "nl,fr,en" },
  { header: "uitrusting", field: "equipment", required: false, help: "computers, printer, scanner en/of wifi, gescheiden door komma's.", example: "computers,printer,wifi" },
  { header: "onderwerpen", field: "topicCodes", required: false, help: "Codes van de onderwerpen (lijst hieronder), gescheiden door komma's.", example: "taxes,ebox" },
  { header: "beschrijving", field: "description", required: false, text: true, help: "Korte uitleg in het Nederlands, of leeg.", example: "Gratis hulp bij formulieren en uw smartphone." },
  { header: "toegankelijkheid", field: "accessibilityNotes", required: false, text: true, help: "Uitleg over de toegang, of leeg.", example: "Lift aan de zij-ingang." },
];

/** The "soort" column in Dutch, as staff call it. The internal codes are accepted too. */
export const HELP_POINT_TYPE_CSV_LABELS: Record<(typeof HELP_POINT_TYPES)[number], string> = {
  digipunt: "digipunt",
  ocr: "openbare computerruimte",
  library: "bibliotheek",
  service_centre: "dienstencentrum",
  popup: "pop-up",
  wifi_spot: "wifi",
};

/** Largest file the import page accepts. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** One import is one transaction: keep it to a size a person can check in the preview. */
export const MAX_CSV_ROWS = 5000;
