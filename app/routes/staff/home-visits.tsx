import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { recordAudit } from "~/modules/auth/audit.server";
import { forbidden, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { listHomeVisits } from "~/modules/home-visits/home-visits.server";
import { STATUS_LABELS, type HomeVisitStatus } from "~/modules/home-visits/labels";
import { dutchDate, dutchDateTime } from "~/modules/offer/labels";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { DataTable, FilterLinks, StatusWithDetail } from "~/ui/staff-page";
import type { Route } from "./+types/home-visits";

const FILTERS: { value: string; label: string; statuses: HomeVisitStatus[] }[] = [
  {
    value: "open",
    label: "Te plannen en gepland",
    statuses: ["requested", "planned"],
  },
  { value: "gedaan", label: "Gedaan", statuses: ["done"] },
  { value: "geannuleerd", label: "Geannuleerd", statuses: ["cancelled"] },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  // Coordinators see every visit; a digihelper the visits assigned to them (and nothing when there are none).
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "staff.access");
  const manage = can(session.assignments, "help.manage", { municipalityId: municipality.id });
  if (!manage && !session.assignments.some((a) => a.role === "digihelper" || a.role === "organization_manager")) forbidden();
  const raw = new URL(request.url).searchParams.get("stand");
  const filter = FILTERS.find((f) => f.value === raw) ?? FILTERS[0];
  const db = getDb();
  const rows = await listHomeVisits(db, municipality.id, filter.statuses, manage ? undefined : session.user.id);
  // The list shows names: a staff view of personal data.
  await recordAudit(db, {
    actor: session.user,
    municipalityId: municipality.id,
    action: "home_visit.list",
    entityType: "home_visit",
    after: { filter: filter.value, count: rows.length },
  });
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    manage,
    filter: filter.value,
    visits: rows.map((r) => ({
      id: r.id,
      status: r.status,
      code: r.code,
      name: r.residentName ?? "(gewist)",
      postcode: r.postcode ?? "",
      topic: r.topic ?? "Iets anders",
      planned: r.scheduledAt ? `${dutchDateTime(r.scheduledAt)}${r.helperName ? `, ${r.helperName}` : ""}` : null,
      received: dutchDate(r.createdAt),
    })),
  };
}

export default function HomeVisits({ loaderData }: Route.ComponentProps) {
  const { municipality, manage, filter, visits } = loaderData;
  const base = `/beheer/${municipality.slug}/huisbezoeken`;
  const current = FILTERS.find((f) => f.value === filter) ?? FILTERS[0];
  return (
    <>
      <title>{`Huisbezoeken: ${current.label.toLowerCase()} — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Huisbezoeken</h1>
      {manage ? (
        <>
          <p>
            Bewoners, familie of hulpverleners vragen hulp aan huis via de publieke site (
            <a href={`/${municipality.slug}/nl/hulp-aan-huis`}>het formulier</a>) of via de telefoon. Kies een digihelper en een moment: de bewoner
            krijgt een sms (bij een gsm-nummer) en u kunt een brief afdrukken.
          </p>
          <p>
            <Link to={`${base}/nieuw`} className="button">
              Huisbezoek invoeren
            </Link>
          </p>
        </>
      ) : (
        <p>De huisbezoeken die de coördinator aan u gaf. Open een bezoek voor het adres; na het bezoek kiest u ‘Markeren als gedaan’.</p>
      )}
      <FilterLinks links={FILTERS.map((f) => ({ to: `${base}?stand=${f.value}`, label: f.label, current: f.value === filter }))} />
      {visits.length === 0 ? (
        <p>Er zijn hier geen huisbezoeken.</p>
      ) : (
        <DataTable wide caption={`Huisbezoeken: ${current.label.toLowerCase()}: ${visits.length}`} columns={["Bewoner", "Postcode", "Onderwerp", "Ontvangen", "Stand"]}>
          {visits.map((v) => (
            <tr key={v.id}>
              <th scope="row">
                <Link to={`${base}/${v.id}`}>{v.name}</Link> <span className="muted">({v.code})</span>
              </th>
              <td>{v.postcode}</td>
              <td>{v.topic}</td>
              <td>{v.received}</td>
              <td>
                <StatusWithDetail status={STATUS_LABELS[v.status]} detail={v.planned} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
