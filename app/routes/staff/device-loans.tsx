import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { listLoans, returnDevice, type LoanFilter } from "~/modules/devices/lending.server";
import { CONDITION_LABELS, KIND_LABELS, LOAN_STATUS_LABELS, type Condition } from "~/modules/devices/lending-labels";
import { brusselsDate } from "~/modules/finder/opening-hours";
import { dutchLongDate } from "~/ui/device-lending";
import { ErrorSummary, SavedNotice, SelectField, TextField, type FieldErrors } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { DataTable, FilterLinks, staffTitle } from "~/ui/staff-page";
import type { Route } from "./+types/device-loans";

const FILTERS: { value: LoanFilter; label: string }[] = [
  { value: "active", label: "Lopend" },
  { value: "reserved", label: "Klaar om mee te geven" },
  { value: "on_loan", label: "Uitgeleend" },
  { value: "ended", label: "Afgelopen" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.lend");
  const url = new URL(request.url);
  const filter = FILTERS.find((f) => f.value === url.searchParams.get("toon"))?.value ?? "active";
  const today = brusselsDate();
  const rows = await listLoans(getDb(), municipality.id, filter);
  const returned = url.searchParams.get("teruggebracht");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    filter,
    saved: returned ? `Toestel ${returned} is teruggenomen. Het moet nu gewist worden voor het opnieuw uitgeleend wordt.` : null,
    loans: rows.map((l) => ({
      id: l.id,
      name: l.name ?? "(gewist)",
      assetTag: l.assetTag,
      kind: KIND_LABELS[l.kind],
      status: LOAN_STATUS_LABELS[l.status],
      overdue: l.status === "on_loan" && l.endsOn < today,
      period: `${dutchLongDate(l.startsOn)} – ${dutchLongDate(l.endsOn)}`,
      extensions: l.extensions,
    })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.lend");
  const form = await readStaffForm(request, session);
  const values = { assetTag: String(form.get("assetTag") ?? "").trim(), condition: String(form.get("condition") ?? "") };
  const errors: FieldErrors = {};
  if (!values.assetTag) errors.assetTag = "Vul het nummer op het etiket in, zoals ANT-00042.";
  if (!(values.condition in CONDITION_LABELS)) errors.condition = "Kies in welke staat het toestel is.";
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  const result = await returnDevice(getDb(), municipality.id, { assetTag: values.assetTag }, { condition: values.condition as Condition }, { id: session.user.id, email: session.user.email });
  if (!result.ok) return data({ errors: { assetTag: result.message } as FieldErrors, values }, { status: 409 });
  throw redirect(`/beheer/${municipality.slug}/uitlenen/uitleningen/${result.loanId}?opgeslagen=teruggebracht`, 303);
}

export default function DeviceLoans({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, filter, loans, saved } = loaderData;
  const errors: FieldErrors = actionData?.errors ?? {};
  const hasErrors = Object.values(errors).some(Boolean);
  const base = `/beheer/${municipality.slug}/uitlenen/uitleningen`;
  const label = FILTERS.find((f) => f.value === filter)!.label;
  return (
    <>
      <title>{staffTitle(`Uitleningen: ${label.toLowerCase()}`, municipality.name, hasErrors)}</title>
      <h1>Uitleningen</h1>
      <p className="actions">
        <Link to={`/beheer/${municipality.slug}/uitlenen/aanvragen`}>Aanvragen</Link>
        <Link to={`/beheer/${municipality.slug}/uitlenen/te-laat`}>Te laat</Link>
      </p>
      <SavedNotice message={hasErrors ? null : saved} />
      <ErrorSummary errors={errors} />
      <section aria-labelledby="return-title" className="finder-form">
        <h2 id="return-title">Toestel terugnemen</h2>
        <p className="hint">Typ of scan het nummer op het etiket. Ontbrekende spullen en schade noteert u daarna op de pagina van de uitlening.</p>
        <Form method="post" noValidate className="inline-form">
          <CsrfInput />
          <TextField id="assetTag" label="Nummer van het toestel" value={actionData?.values.assetTag ?? ""} error={errors.assetTag} />
          <SelectField
            id="condition"
            label="Staat"
            value={actionData?.values.condition ?? "good"}
            error={errors.condition}
            options={Object.entries(CONDITION_LABELS).map(([value, l]) => ({ value, label: l }))}
          />
          <div className="field">
            <button type="submit" className="button">
              Terugnemen
            </button>
          </div>
        </Form>
      </section>
      <FilterLinks links={FILTERS.map((f) => ({ to: `${base}?toon=${f.value}`, label: f.label, current: filter === f.value }))} />
      {loans.length === 0 ? (
        <p>Er zijn geen uitleningen in deze lijst.</p>
      ) : (
        <DataTable caption={`Uitleningen: ${label.toLowerCase()}, ${loans.length}`} columns={["Toestel", "Bewoner", "Periode", "Stand"]}>
          {loans.map((l) => (
            <tr key={l.id}>
              <th scope="row" className="asset-tag-cell">
                <Link to={`${base}/${l.id}`}>{l.assetTag}</Link> <span className="muted">{l.kind}</span>
              </th>
              <td>{l.name}</td>
              <td>
                {l.period}
                {l.extensions ? <span className="muted"> ({l.extensions}× verlengd)</span> : null}
              </td>
              <td>{l.overdue ? <strong className="stale">Te laat</strong> : l.status}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
