import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { DONATION_STATUS_LABELS, pledgedText } from "~/modules/devices/donation-schema";
import { listDonations } from "~/modules/devices/donations.server";
import { dutchDate } from "~/modules/offer/labels";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { DataTable } from "~/ui/staff-page";
import type { Route } from "./+types/donations";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.manage");
  const rows = await listDonations(getDb(), municipality.id);
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    donations: rows.map((d) => ({
      id: d.id,
      donor: d.donorName,
      status: DONATION_STATUS_LABELS[d.status],
      pledged: pledgedText(d.pledged),
      pickup: d.pickupDate ? dutchDate(d.pickupDate) : "—",
      created: dutchDate(d.createdAt),
      devices: d.devices,
    })),
  };
}

export default function Donations({ loaderData }: Route.ComponentProps) {
  const { municipality, donations } = loaderData;
  const base = `/beheer/${municipality.slug}/schenkingen`;
  return (
    <>
      <title>{`Schenkingen — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Schenkingen</h1>
      <p>
        Bedrijven en organisaties beloven toestellen via de publieke site (<a href={`/${municipality.slug}/nl/lenen/schenken`}>schenkingsformulier</a>) of u
        noteert de belofte zelf. Als de toestellen binnen zijn, registreert u ze bij de schenking: elk toestel krijgt een nummer en een etiket.
      </p>
      <div className="actions">
        <Link to={`${base}/nieuw`} className="button">
          Nieuwe schenking noteren
        </Link>
        <Link to={`/beheer/${municipality.slug}/toestellen`}>Naar de toestellen</Link>
      </div>
      {donations.length === 0 ? (
        <p>Er zijn nog geen schenkingen.</p>
      ) : (
        <DataTable wide caption={`Schenkingen: ${donations.length}`} columns={["Schenker", "Beloofd", "Geregistreerd", "Ophalen vanaf", "Stand", "Gemeld op"]}>
          {donations.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                <Link to={`${base}/${d.id}`}>{d.donor}</Link>
              </th>
              <td>{d.pledged}</td>
              <td>{d.devices}</td>
              <td>{d.pickup}</td>
              <td>{d.status}</td>
              <td>{d.created}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
