import { data, Form, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { dutchDate } from "~/modules/offer/labels";
import { fieldErrors } from "~/modules/offer/schema";
import {
  auditSearch,
  erasePersonData,
  findPersonData,
  getRetentionMonths,
  KIND_LABELS,
  retentionInput,
  searchInput,
  setRetentionMonths,
  type PersonQuery,
  type PersonRecord,
} from "~/modules/privacy/privacy.server";
import { ErrorSummary, TextField, type FieldErrors } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/privacy";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "privacy.manage");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    retentionMonths: await getRetentionMonths(getDb(), municipality.id),
    saved: new URL(request.url).searchParams.get("bewaartermijn") === "opgeslagen",
  };
}

interface ShownRecord {
  ref: string;
  kind: string;
  name: string | null;
  contact: string;
  about: string;
  created: string;
  lastActivity: string;
  erased: boolean;
  blocker: string | null;
}

type ActionData = {
  errors: FieldErrors;
  query: { phone: string; email: string; name: string };
  records?: ShownRecord[];
  /** The records the coordinator is about to erase (confirm step). */
  confirm?: ShownRecord[];
  erased?: number;
  retention?: string;
};

const shown = (r: PersonRecord): ShownRecord => ({
  ref: r.ref,
  kind: KIND_LABELS[r.kind],
  name: r.name,
  contact: [r.phone, r.email].filter(Boolean).join(", "),
  about: r.about,
  created: dutchDate(r.createdAt),
  lastActivity: dutchDate(r.lastActivityAt),
  erased: r.erased,
  blocker: r.blocker,
});

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "privacy.manage");
  const form = await readStaffForm(request, session);
  const actor = { id: session.user.id, email: session.user.email };
  const db = getDb();
  const intent = String(form.get("intent") ?? "");
  const rawQuery = { phone: String(form.get("phone") ?? ""), email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") };

  if (intent === "retention") {
    const parsed = retentionInput.safeParse(form.get("months"));
    if (!parsed.success) return data<ActionData>({ errors: { months: parsed.error.issues[0].message }, query: rawQuery, retention: String(form.get("months") ?? "") }, { status: 400 });
    await setRetentionMonths(db, municipality.id, parsed.data, actor);
    throw redirect(`/beheer/${municipality.slug}/privacy?bewaartermijn=opgeslagen`, 303);
  }

  const parsed = searchInput.safeParse(rawQuery);
  if (!parsed.success) return data<ActionData>({ errors: fieldErrors(parsed.error), query: rawQuery }, { status: 400 });
  const query: PersonQuery = parsed.data;
  const search = async () => {
    const found = await findPersonData(db, municipality.id, query);
    await auditSearch(db, municipality.id, actor, query, found);
    return found;
  };
  const selected = form.getAll("records").map(String);

  switch (intent) {
    case "search":
      return data<ActionData>({ errors: {}, query: rawQuery, records: (await search()).map(shown) });
    case "erase-confirm":
    case "erase": {
      const found = await search();
      const chosen = found.filter((r) => selected.includes(r.ref) && !r.erased);
      if (chosen.length === 0) return data<ActionData>({ errors: { records: "Kies minstens één gegeven dat nog niet gewist is." }, query: rawQuery, records: found.map(shown) }, { status: 400 });
      const blockers = [...new Set(chosen.map((r) => r.blocker).filter((b): b is string => Boolean(b)))];
      if (blockers.length) return data<ActionData>({ errors: { records: `Niet gewist. ${blockers.join(" ")}` }, query: rawQuery, records: found.map(shown) }, { status: 409 });
      if (intent === "erase-confirm") return data<ActionData>({ errors: {}, query: rawQuery, records: found.map(shown), confirm: chosen.map(shown) });
      const result = await erasePersonData(db, municipality.id, chosen.map((r) => r.ref), actor);
      if (!result.ok) return data<ActionData>({ errors: { records: `Niet gewist. ${result.reasons.join(" ")}` }, query: rawQuery, records: found.map(shown) }, { status: 409 });
      return data<ActionData>({ errors: {}, query: rawQuery, records: (await findPersonData(db, municipality.id, query)).map(shown), erased: result.erased });
    }
    default:
      throw new Response("Onbekende actie", { status: 400 });
  }
}

function QueryFields({ query }: { query: ActionData["query"] }) {
  return (
    <>
      <input type="hidden" name="phone" value={query.phone} />
      <input type="hidden" name="email" value={query.email} />
      <input type="hidden" name="name" value={query.name} />
    </>
  );
}

export default function Privacy({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, retentionMonths, saved } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const hasErrors = Object.values(errors).some(Boolean);
  const query = result?.query ?? { phone: "", email: "", name: "" };
  const records = result?.records;
  const confirm = result?.confirm;
  return (
    <>
      <title>{`${hasErrors ? "Fout: " : ""}Privacy — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Privacy: gegevens van een bewoner</h1>
      <p>
        Vraagt een bewoner welke gegevens we bewaren, of vraagt de bewoner ze te wissen? Zoek de bewoner hier. U vindt afspraken, huisbezoeken,
        doorverwijzingen, inschrijvingen voor cursussen en aanvragen voor een toestel. Elke zoekopdracht, export en wissing komt in het logboek.
      </p>
      {saved && !hasErrors ? (
        <div className="success" role="status">
          <p>De bewaartermijn is opgeslagen.</p>
        </div>
      ) : null}
      {result?.erased ? (
        <div className="success" role="status">
          <p>{result.erased === 1 ? "1 gegeven is gewist." : `${result.erased} gegevens zijn gewist.`} De anonieme tellingen blijven bewaard.</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />

      <section aria-labelledby="search-title">
        <h2 id="search-title">Een bewoner zoeken</h2>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="search" />
          <TextField id="phone" label="Telefoonnummer" hint="Bijvoorbeeld 0470 12 34 56" type="tel" value={query.phone} error={errors.phone} />
          <TextField id="email" label="E-mailadres" type="email" value={query.email} error={errors.email} />
          <TextField id="name" label="Naam of een deel van de naam" value={query.name} error={errors.name} />
          <button type="submit" className="button">
            Zoeken
          </button>
        </Form>
      </section>

      {confirm ? (
        <section className="staff-section" aria-labelledby="confirm-title">
          <h2 id="confirm-title">Zeker wissen?</h2>
          <p>
            U wist de persoonsgegevens van {confirm.length === 1 ? "dit gegeven" : `deze ${confirm.length} gegevens`}. Dat kan niet ongedaan worden
            gemaakt. De berichten aan de bewoner worden ook gewist. Anonieme tellingen blijven.
          </p>
          <ul>
            {confirm.map((r) => (
              <li key={r.ref}>
                {r.kind}: {r.name ?? "zonder naam"}, {r.about} ({r.created})
              </li>
            ))}
          </ul>
          <form method="post" className="actions">
            <CsrfInput />
            <QueryFields query={query} />
            {confirm.map((r) => (
              <input key={r.ref} type="hidden" name="records" value={r.ref} />
            ))}
            <button type="submit" name="intent" value="erase" className="button button-danger">
              Ja, definitief wissen
            </button>
          </form>
        </section>
      ) : null}

      {records ? (
        <section className="staff-section" aria-labelledby="results-title">
          <h2 id="results-title">{records.length === 0 ? "Niets gevonden" : records.length === 1 ? "1 gegeven gevonden" : `${records.length} gegevens gevonden`}</h2>
          {records.length === 0 ? (
            <p>Er zijn geen gegevens met dit telefoonnummer, e-mailadres of deze naam.</p>
          ) : (
            <form method="post" className="privacy-records">
              <CsrfInput />
              <QueryFields query={query} />
              <fieldset className="field" id="records" tabIndex={-1}>
                <legend>Kies de gegevens van deze bewoner</legend>
                <p className="hint">Vink aan wat echt over deze persoon gaat: een gedeeld telefoonnummer of dezelfde naam kan van iemand anders zijn.</p>
                <div className="checkboxes">
                  {records.map((r) => (
                    <div className="checkbox" key={r.ref}>
                      <input type="checkbox" id={`record-${r.ref}`} name="records" value={r.ref} />
                      <label htmlFor={`record-${r.ref}`}>
                        <strong>{r.kind}</strong>: {r.erased ? "gegevens gewist" : `${r.name ?? "zonder naam"}${r.contact ? `, ${r.contact}` : ""}`}. {r.about}. Gemaakt op {r.created},
                        laatst gebruikt op {r.lastActivity}.{r.blocker ? <strong className="referral-overdue"> Kan nu niet gewist worden: {r.blocker}</strong> : null}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
              <div className="actions">
                <button type="submit" formAction={`/beheer/${municipality.slug}/privacy/export`} className="button button-secondary">
                  Exporteren (JSON-bestand)
                </button>
                <button type="submit" name="intent" value="erase-confirm" className="button button-danger">
                  Wissen…
                </button>
              </div>
            </form>
          )}
        </section>
      ) : null}

      <section className="staff-section" aria-labelledby="retention-title">
        <h2 id="retention-title">Bewaartermijn</h2>
        <p>
          Persoonsgegevens van afspraken, huisbezoeken, doorverwijzingen en aanvragen voor een toestel worden automatisch gewist zoveel maanden na het
          laatste contact. Aanvragen met een toestel dat nog uitgeleend is, blijven tot het toestel terug is. Inschrijvingen voor cursussen wist u hier op
          vraag.
        </p>
        <Form method="post" noValidate className="inline-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="retention" />
          <TextField id="months" label="Aantal maanden (1 tot 60)" type="number" min="1" max="60" className="input-short" value={result?.retention ?? String(retentionMonths)} error={errors.months} />
          <button type="submit" className="button">
            Bewaartermijn opslaan
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
