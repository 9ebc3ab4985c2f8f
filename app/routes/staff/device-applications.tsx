import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { listApplications } from "~/modules/devices/applications.server";
import { APPLICATION_STATUS_LABELS, KIND_LABELS, type ApplicationStatus } from "~/modules/devices/lending-labels";
import { dutchDate } from "~/modules/offer/labels";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { DataTable, FilterLinks } from "~/ui/staff-page";
import type { Route } from "./+types/device-applications";

const FILTERS: { value: ApplicationStatus | null; label: string }[] = [
  { value: "submitted", label: "Nieuw" },
  { value: "waiting", label: "Wachtlijst" },
  { value: "approved", label: "Goedgekeurd" },
  { value: "fulfilled", label: "Meegegeven" },
  { value: "declined", label: "Geweigerd" },
  { value: null, label: "Alle aanvragen" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.apply");
  const lends = can(session.assignments, "devices.lend", { municipalityId: municipality.id });
  const raw = new URL(request.url).searchParams.get("status");
  const status = (FILTERS.find((f) => f.value === raw)?.value ?? (raw === "alle" ? null : "submitted")) as ApplicationStatus | null;
  // Who only applies on behalf of residents sees the applications they made; the device bank sees all.
  const rows = await listApplications(getDb(), municipality.id, { status, createdBy: lends ? null : session.user.id });
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    status,
    lends,
    applications: rows.map((r) => ({
      id: r.id,
      name: r.name ?? "(gewist)",
      code: r.code,
      status: APPLICATION_STATUS_LABELS[r.status],
      kinds: r.kinds.map((k) => KIND_LABELS[k]).join(", "),
      received: dutchDate(r.createdAt),
      helpPoint: r.helpPoint,
      referral: r.referral,
      position: r.position,
    })),
  };
}

export default function DeviceApplications({ loaderData }: Route.ComponentProps) {
  const { municipality, status, applications, lends } = loaderData;
  const base = `/beheer/${municipality.slug}/uitlenen/aanvragen`;
  const filterLabel = FILTERS.find((f) => f.value === status)?.label ?? "Alle aanvragen";
  return (
    <>
      <title>{`Aanvragen voor een toestel: ${filterLabel.toLowerCase()} — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Aanvragen voor een toestel</h1>
      <p>
        {lends
          ? "Bewoners vragen een laptop, tablet of data aan bij een hulppunt of via een maatschappelijk werker. Beslis over elke aanvraag: de bewoner en de doorverwijzer krijgen telkens een bericht."
          : "Hier ziet u de aanvragen die u zelf ingediend hebt. De uitleendienst beslist; de bewoner krijgt telkens een bericht."}
      </p>
      <p className="actions">
        <Link className="button" to={`${base}/nieuw`}>
          Nieuwe aanvraag
        </Link>
        {lends ? (
          <>
            <Link to={`/beheer/${municipality.slug}/uitlenen/uitleningen`}>Uitleningen</Link>
            <Link to={`/beheer/${municipality.slug}/uitlenen/te-laat`}>Te laat</Link>
          </>
        ) : null}
      </p>
      <FilterLinks links={FILTERS.map((f) => ({ to: `${base}?status=${f.value ?? "alle"}`, label: f.label, current: status === f.value }))} />
      {applications.length === 0 ? (
        <p>Er zijn geen aanvragen in deze lijst.</p>
      ) : (
        <DataTable
          wide
          caption={`Aanvragen: ${filterLabel.toLowerCase()}, ${applications.length}`}
          columns={[...(status === "waiting" ? ["Plaats"] : []), "Bewoner", "Code", "Wat", "Ontvangen", "Via", "Stand"]}
        >
          {applications.map((a) => (
            <tr key={a.id}>
              {status === "waiting" ? <td>{a.position}</td> : null}
              <th scope="row">
                <Link to={`${base}/${a.id}`}>{a.name}</Link>
              </th>
              <td className="code-inline">{a.code}</td>
              <td>{a.kinds}</td>
              <td>{a.received}</td>
              <td>{[a.helpPoint, a.referral ? "doorverwezen" : null].filter(Boolean).join(", ") || "—"}</td>
              <td>{a.status}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
