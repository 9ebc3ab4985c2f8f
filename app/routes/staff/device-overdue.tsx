import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { KIND_LABELS } from "~/modules/devices/lending-labels";
import { listOverdue } from "~/modules/devices/lending.server";
import { brusselsDate } from "~/modules/finder/opening-hours";
import { dutchDateTime } from "~/modules/offer/labels";
import { dutchLongDate } from "~/ui/device-lending";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { DataTable } from "~/ui/staff-page";
import { telHref } from "~/ui/phone-link";
import type { Route } from "./+types/device-overdue";

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.lend");
  const today = brusselsDate();
  const rows = await listOverdue(getDb(), municipality.id);
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    loans: rows.map((l) => ({
      id: l.id,
      assetTag: l.assetTag,
      kind: KIND_LABELS[l.kind],
      name: l.name ?? "(gewist)",
      phone: l.phone,
      due: dutchLongDate(l.endsOn),
      late: daysBetween(l.endsOn, today),
      lastContact: l.lastContactAt ? dutchDateTime(l.lastContactAt) : null,
      contacts: Number(l.contacts),
    })),
  };
}

export default function DeviceOverdue({ loaderData }: Route.ComponentProps) {
  const { municipality, loans } = loaderData;
  const base = `/beheer/${municipality.slug}/uitlenen/uitleningen`;
  return (
    <>
      <title>{`Te laat teruggebracht (${loans.length}) — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Te laat teruggebracht</h1>
      <p>
        Deze toestellen hadden terug moeten zijn. Bel de bewoner of stuur een herinnering vanop de pagina van de uitlening, en noteer elk contact. Vaak is er een
        goede reden: zoek samen een oplossing (verlengen, ophalen, schenken).
      </p>
      <p className="actions">
        <Link to={base}>Alle uitleningen</Link>
      </p>
      {loans.length === 0 ? (
        <p>Er zijn geen toestellen te laat.</p>
      ) : (
        <DataTable caption={`Te laat: ${loans.length} toestellen`} columns={["Toestel", "Bewoner", "Moest terug", "Laatste contact"]}>
          {loans.map((l) => (
            <tr key={l.id}>
              <th scope="row" className="asset-tag-cell">
                <Link to={`${base}/${l.id}`}>{l.assetTag}</Link> <span className="muted">{l.kind}</span>
              </th>
              <td>
                {l.name}
                {l.phone ? (
                  <>
                    <br />
                    <a href={telHref(l.phone)}>{l.phone}</a>
                  </>
                ) : null}
              </td>
              <td>
                {l.due}
                <br />
                <strong className="stale">{l.late === 1 ? "1 dag te laat" : `${l.late} dagen te laat`}</strong>
              </td>
              <td>{l.lastContact ? `${l.lastContact} (${l.contacts} in totaal)` : "Nog geen contact"}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
