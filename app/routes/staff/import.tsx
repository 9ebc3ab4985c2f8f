import { asc, eq } from "drizzle-orm";
import { data, Form, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { organizations } from "~/db/schema";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { listDistricts, listTopics } from "~/modules/municipality/municipality.server";
import { HELP_POINT_CSV_COLUMNS, HELP_POINT_TYPE_CSV_LABELS, MAX_CSV_BYTES } from "~/modules/offer/csv-format";
import {
  CsvImportError,
  decodeCsv,
  importHelpPoints,
  notCsvMessage,
  parseHelpPointCsv,
  type CsvFieldError,
  type CsvPreview,
  type ImportResult,
} from "~/modules/offer/csv.server";
import { describedBy, ErrorSummary, FieldError } from "~/ui/form";
import type { Route } from "./+types/import";

/**
 * The request may carry the file (upload) or its text re-encoded as UTF-8 (confirm step), which can be up to
 * twice the size of a Windows-1252 file; plus a little room for the other form fields.
 */
const MAX_BODY_BYTES = 2 * MAX_CSV_BYTES + 64 * 1024;
/** More rows than this are counted in the summary but not listed one by one. */
const MAX_LISTED_ROWS = 1000;
const TOO_BIG = `Het bestand is te groot. Een CSV-bestand mag maximaal ${MAX_CSV_BYTES / 1024 / 1024} MB zijn. Splits het op in kleinere bestanden.`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "offer.manage");
  const db = getDb();
  const [orgs, districtRows, topicRows] = await Promise.all([
    db.select({ name: organizations.name }).from(organizations).where(eq(organizations.municipalityId, municipality.id)).orderBy(asc(organizations.name)),
    listDistricts(db, municipality.id),
    listTopics(db, municipality.id),
  ]);
  const url = new URL(request.url);
  const count = (name: string) => {
    const n = Number(url.searchParams.get(name));
    return Number.isInteger(n) && n > 0 ? n : 0;
  };
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    organizations: orgs.map((o) => o.name),
    districts: districtRows.map((d) => d.name),
    topics: topicRows.map((t) => ({ code: t.code, name: t.name.nl })),
    imported: count("geimporteerd"),
    skipped: count("overgeslagen"),
  };
}

interface PreviewView {
  fileName: string;
  /** The decoded file, sent back with the confirm form so the person need not upload it again. */
  text: string;
  headerErrors: string[];
  total: number;
  valid: number;
  invalid: number;
  rows: { line: number; name: string; type: string; organization: string; address: string; errors: CsvFieldError[] }[];
}

function previewView(preview: CsvPreview, text: string, fileName: string): PreviewView {
  const invalid = preview.rows.filter((r) => r.errors.length > 0).length;
  // With a long file, list the rows with errors first so none of them falls off the list.
  const listed = preview.rows.length > MAX_LISTED_ROWS ? [...preview.rows].sort((a, b) => Number(b.errors.length > 0) - Number(a.errors.length > 0)).slice(0, MAX_LISTED_ROWS).sort((a, b) => a.line - b.line) : preview.rows;
  return {
    fileName,
    text,
    headerErrors: preview.headerErrors,
    total: preview.rows.length,
    valid: preview.rows.length - invalid,
    invalid,
    rows: listed.map((r) => ({
      line: r.line,
      name: r.values.naam ?? "",
      type: r.values.soort ?? "",
      organization: r.values.organisatie ?? "",
      address: [r.values.straat, [r.values.postcode, r.values.gemeente].filter(Boolean).join(" ")].filter(Boolean).join(", "),
      errors: r.errors,
    })),
  };
}

/**
 * The request if its body fits, else null. Browsers send Content-Length with a form: a body that is too large is
 * refused on that header, before it is read. A body without the header (chunked) is read up to the limit.
 */
async function withBodyLimit(request: Request, max: number): Promise<Request | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null) return Number(declared) <= max ? request : null;
  if (!request.body) return request;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks) });
}

type ActionResult = { uploadError: string; preview?: undefined; importError?: undefined } | { uploadError?: undefined; preview: PreviewView; importError?: string };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "offer.manage");
  const limited = await withBodyLimit(request, MAX_BODY_BYTES);
  if (!limited) return data<ActionResult>({ uploadError: TOO_BIG }, { status: 413 });
  const form = await readStaffForm(limited, session);
  const db = getDb();

  if (form.get("intent") === "preview") {
    const file = form.get("bestand");
    if (!(file instanceof File) || file.size === 0) {
      return data<ActionResult>({ uploadError: "Kies een CSV-bestand om op te laden." }, { status: 400 });
    }
    if (file.size > MAX_CSV_BYTES) return data<ActionResult>({ uploadError: TOO_BIG }, { status: 413 });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const notCsv = notCsvMessage(bytes);
    if (notCsv) return data<ActionResult>({ uploadError: notCsv }, { status: 400 });
    const text = decodeCsv(bytes);
    const preview = await parseHelpPointCsv(db, municipality.id, text);
    return data<ActionResult>({ preview: previewView(preview, text, file.name.slice(0, 200)) });
  }

  if (form.get("intent") === "import") {
    const text = String(form.get("csv") ?? "");
    const fileName = String(form.get("bestandsnaam") ?? "").slice(0, 200);
    if (!text.trim()) return data<ActionResult>({ uploadError: "Het bestand is niet meer beschikbaar. Laad het opnieuw op." }, { status: 400 });
    if (Buffer.byteLength(text, "utf8") > 2 * MAX_CSV_BYTES) return data<ActionResult>({ uploadError: TOO_BIG }, { status: 413 });
    // Check the file again on the server: never trust the preview the browser saw.
    const preview = await parseHelpPointCsv(db, municipality.id, text);
    let result: ImportResult;
    try {
      result = await importHelpPoints(db, municipality.id, preview, { onlyValid: form.get("mode") !== "all", fileName }, session.user);
    } catch (error) {
      if (!(error instanceof CsvImportError)) throw error;
      return data<ActionResult>({ preview: previewView(preview, text, fileName), importError: error.message }, { status: 400 });
    }
    const query = new URLSearchParams({ geimporteerd: String(result.imported) });
    if (result.skipped) query.set("overgeslagen", String(result.skipped));
    throw redirect(`/beheer/${municipality.slug}/import?${query}`);
  }

  return data<ActionResult>({ uploadError: "Onbekende actie. Laad de pagina opnieuw." }, { status: 400 });
}

export default function ImportPage({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, imported, skipped } = loaderData;
  const uploadError = actionData?.uploadError;
  const preview = actionData?.preview;
  const hasError = Boolean(uploadError || actionData?.importError || preview?.headerErrors.length);
  return (
    <>
      <title>{`${hasError ? "Fout: " : ""}Hulppunten importeren en exporteren — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Hulppunten importeren en exporteren</h1>

      {imported > 0 && !actionData ? (
        <div className="success" role="status">
          <p>
            <strong>{plural(imported, "hulppunt", "hulppunten")} geïmporteerd.</strong>
            {skipped > 0 ? ` ${plural(skipped, "rij met fouten is", "rijen met fouten zijn")} overgeslagen.` : ""}
          </p>
          <p>
            <a href={`/beheer/${municipality.slug}/punten`}>Bekijk de hulppunten</a>
          </p>
        </div>
      ) : null}

      {preview ? <Preview preview={preview} importError={actionData?.importError} /> : null}

      <h2 id="importeren">{preview ? "Een ander bestand opladen" : "Hulppunten importeren"}</h2>
      <p>
        Laad een CSV-bestand op met één hulppunt per regel. U ziet eerst een controle van elke regel. Er wordt pas iets opgeslagen als u dat
        bevestigt.
      </p>
      <ErrorSummary errors={{ bestand: uploadError }} />
      <Form method="post" encType="multipart/form-data" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="preview" />
        <div className="field">
          <label htmlFor="bestand">CSV-bestand</label>
          <p className="hint" id="bestand-hint">
            Maximaal {MAX_CSV_BYTES / 1024 / 1024} MB. Bewaar het in Excel met ‘Opslaan als’ en ‘CSV (gescheiden door lijstscheidingsteken)’.
          </p>
          <FieldError id="bestand" message={uploadError} />
          <input
            id="bestand"
            name="bestand"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={uploadError ? true : undefined}
            aria-describedby={describedBy("bestand", { hint: true, error: uploadError })}
          />
        </div>
        <button type="submit" className="button">
          Bestand controleren
        </button>
      </Form>

      <h2>Hulppunten exporteren</h2>
      <p>
        Download alle hulppunten van {municipality.name} in hetzelfde formaat. Zo hebt u meteen een voorbeeld met de juiste kolommen: pas het aan in
        Excel en laad het opnieuw op. Punten die al bestaan, worden niet opnieuw geïmporteerd.
      </p>
      <p>
        <a href={`/beheer/${municipality.slug}/export.csv`} className="button button-secondary" download>
          Download alle hulppunten (CSV)
        </a>
      </p>

      <FormatHelp loaderData={loaderData} />
    </>
  );
}

function Preview({ preview, importError }: { preview: PreviewView; importError?: string }) {
  const hidden = preview.total - preview.rows.length;
  return (
    <section aria-labelledby="controle">
      <h2 id="controle">Controle van {preview.fileName || "het bestand"}</h2>
      {importError ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h3>Er is niets geïmporteerd</h3>
          <p>{importError}</p>
        </div>
      ) : null}
      {preview.headerErrors.length ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h3>Dit bestand kunnen we niet lezen</h3>
          <ul>
            {preview.headerErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          <p>Verbeter het bestand en laad het opnieuw op. Bekijk hieronder welke kolommen er moeten zijn.</p>
        </div>
      ) : (
        <>
          <p className="lead" role="status">
            {plural(preview.valid, "rij", "rijen")} in orde, {plural(preview.invalid, "rij", "rijen")} met fouten. Er is nog niets opgeslagen.
          </p>
          <div className="table-wrap">
            <table className="data wide-table">
              <caption className="visually-hidden">Elke regel van het bestand met het resultaat van de controle</caption>
              <thead>
                <tr>
                  <th scope="col">Regel</th>
                  <th scope="col">Naam</th>
                  <th scope="col">Soort</th>
                  <th scope="col">Organisatie</th>
                  <th scope="col">Adres</th>
                  <th scope="col">Resultaat</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.line}>
                    <th scope="row">{row.line}</th>
                    <td>{row.name}</td>
                    <td>{row.type}</td>
                    <td>{row.organization}</td>
                    <td>{row.address}</td>
                    <td>
                      {row.errors.length === 0 ? (
                        <span className="status-open">In orde</span>
                      ) : (
                        <ul className="field-error">
                          {row.errors.map((e) => (
                            <li key={e.field}>
                              <span className="visually-hidden">Fout: </span>
                              {e.field === "regel" ? e.message : `${e.field}: ${e.message}`}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {hidden > 0 ? <p className="muted">Nog {plural(hidden, "rij", "rijen")} in orde, niet getoond.</p> : null}
          {preview.valid > 0 ? (
            <Form method="post" encType="multipart/form-data">
              <CsrfInput />
              <input type="hidden" name="intent" value="import" />
              <input type="hidden" name="csv" value={preview.text} />
              <input type="hidden" name="bestandsnaam" value={preview.fileName} />
              {preview.invalid > 0 ? (
                <fieldset className="field">
                  <legend>Wat wilt u importeren?</legend>
                  <div className="radios">
                    <div className="radio">
                      <input type="radio" id="mode-valid" name="mode" value="valid" defaultChecked />
                      <label htmlFor="mode-valid">Alleen de goede rijen importeren ({preview.valid})</label>
                    </div>
                    <div className="radio">
                      <input type="radio" id="mode-all" name="mode" value="all" aria-describedby="mode-all-hint" />
                      <label htmlFor="mode-all">Alles importeren ({preview.total})</label>
                    </div>
                    <p className="hint" id="mode-all-hint">
                      Alles importeren kan pas als geen enkele rij een fout heeft.
                    </p>
                  </div>
                </fieldset>
              ) : (
                <input type="hidden" name="mode" value="all" />
              )}
              <button type="submit" className="button">
                Importeren
              </button>
            </Form>
          ) : (
            <p>Geen enkele rij is in orde. Verbeter het bestand en laad het opnieuw op.</p>
          )}
        </>
      )}
    </section>
  );
}

function FormatHelp({ loaderData }: { loaderData: Route.ComponentProps["loaderData"] }) {
  const example = `${HELP_POINT_CSV_COLUMNS.map((c) => c.header).join(";")}\n${HELP_POINT_CSV_COLUMNS.map((c) => (c.example.includes(";") ? `"${c.example}"` : c.example)).join(";")}`;
  return (
    <section aria-labelledby="formaat">
      <h2 id="formaat">Hoe ziet het bestand eruit?</h2>
      <ul>
        <li>De eerste regel bevat de namen van de kolommen. Daarna volgt één hulppunt per regel.</li>
        <li>Kolommen worden gescheiden door een puntkomma (;). Dat doet Excel vanzelf. Een komma mag ook.</li>
        <li>Letters met accenten mogen: het bestand mag UTF-8 zijn of het formaat dat Excel op Windows gebruikt.</li>
        <li>Schrijf ja of nee bij binnenlopen, afspraak en rolstoel.</li>
        <li>Zet meerdere waarden in één cel met een komma ertussen, bijvoorbeeld nl,fr.</li>
        <li>Organisaties en districten schrijft u met hun naam. Hoofdletters maken niet uit.</li>
        <li>
          Cellen die beginnen met =, +, - of @ krijgen bij de export een ’ ervoor, zodat Excel ze niet als formule uitvoert. Bij het importeren
          halen we die ’ weer weg.
        </li>
      </ul>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">De kolommen van het bestand</caption>
          <thead>
            <tr>
              <th scope="col">Kolom</th>
              <th scope="col">Verplicht</th>
              <th scope="col">Wat schrijft u?</th>
              <th scope="col">Voorbeeld</th>
            </tr>
          </thead>
          <tbody>
            {HELP_POINT_CSV_COLUMNS.map((c) => (
              <tr key={c.header}>
                <th scope="row">
                  <code>{c.header}</code>
                </th>
                <td>{c.required ? "ja" : "nee"}</td>
                <td>{c.help}</td>
                <td>
                  <code>{c.example}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 id="csv-example">Voorbeeld</h3>
      {/* Focusable so keyboard users can scroll the wide example sideways (axe: scrollable-region-focusable). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="csv-example">
        <pre>
          <code>{example}</code>
        </pre>
      </div>
      <h3>Waarden die u kunt gebruiken</h3>
      <details>
        <summary>Soorten hulppunt</summary>
        <ul>
          {Object.entries(HELP_POINT_TYPE_CSV_LABELS).map(([code, label]) => (
            <li key={code}>{label}</li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Organisaties in {loaderData.municipality.name} ({loaderData.organizations.length})</summary>
        {loaderData.organizations.length ? (
          <ul>
            {loaderData.organizations.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        ) : (
          <p>Er zijn nog geen organisaties. Maak ze eerst aan.</p>
        )}
      </details>
      <details>
        <summary>Districten ({loaderData.districts.length})</summary>
        <ul>
          {loaderData.districts.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Onderwerpen ({loaderData.topics.length})</summary>
        <ul>
          {loaderData.topics.map((t) => (
            <li key={t.code}>
              <code>{t.code}</code> — {t.name}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
