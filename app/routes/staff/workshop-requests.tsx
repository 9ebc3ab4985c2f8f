import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { translated } from "~/i18n/languages";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { formatSession } from "~/modules/learning/registration-format";
import { gradeLabelNl } from "~/modules/learning/workshop-schema";
import { listWorkshopRequests, type WorkshopStatus } from "~/modules/learning/workshops.server";
import { dutchDate } from "~/modules/offer/labels";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { DataTable, FilterLinks, StatusWithDetail } from "~/ui/staff-page";
import type { Route } from "./+types/workshop-requests";

const STATUS_LABELS: Record<WorkshopStatus, string> = { new: "Nieuw", planned: "Gepland", declined: "Geweigerd" };
const FILTERS: { value: WorkshopStatus | null; label: string }[] = [
  { value: "new", label: "Nieuw" },
  { value: "planned", label: "Gepland" },
  { value: "declined", label: "Geweigerd" },
  { value: null, label: "Alle aanvragen" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "learning.manage");
  const raw = new URL(request.url).searchParams.get("status");
  const status: WorkshopStatus | null = raw === "new" || raw === "planned" || raw === "declined" ? raw : raw === "alle" ? null : "new";
  const rows = await listWorkshopRequests(getDb(), municipality.id, status ? { status } : {});
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    status,
    requests: rows.map((r) => ({
      id: r.id,
      status: r.status,
      school: r.schoolName,
      topic: r.topicName ? translated(r.topicName, "nl") : "Iets anders",
      grade: gradeLabelNl(r.grade),
      pupils: r.pupils,
      received: dutchDate(r.createdAt),
      planned: r.planned ? formatSession(r.planned.startsAt, r.planned.endsAt, "nl") : null,
    })),
  };
}

export default function WorkshopRequests({ loaderData }: Route.ComponentProps) {
  const { municipality, status, requests } = loaderData;
  const base = `/beheer/${municipality.slug}/scholen`;
  const title = status ? `Aanvragen van scholen: ${STATUS_LABELS[status].toLowerCase()}` : "Aanvragen van scholen";
  return (
    <>
      <title>{`${title} — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Aanvragen van scholen</h1>
      <p>
        Scholen vragen een workshop aan voor een klas via de publieke site (<a href={`/${municipality.slug}/nl/scholen`}>aanvraagformulier</a>). Plan
        een aanvraag als een cursusreeks op de school, of weiger ze met een reden. De school krijgt telkens een bericht.
      </p>
      <FilterLinks links={FILTERS.map((f) => ({ to: `${base}?status=${f.value ?? "alle"}`, label: f.label, current: status === f.value }))} />
      {requests.length === 0 ? (
        <p>{status === "new" ? "Er zijn geen nieuwe aanvragen." : "Er zijn geen aanvragen."}</p>
      ) : (
        <DataTable wide caption={`${title}: ${requests.length}`} columns={["School", "Ontvangen", "Klas", "Leerlingen", "Onderwerp", "Stand"]}>
          {requests.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`${base}/${r.id}`}>{r.school}</Link>
              </th>
              <td>{r.received}</td>
              <td>{r.grade}</td>
              <td>{r.pupils}</td>
              <td>{r.topic}</td>
              <td>
                <StatusWithDetail status={STATUS_LABELS[r.status]} detail={r.planned} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
