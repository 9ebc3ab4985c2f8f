import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { listHelpPoints, staleCutoff } from "~/modules/offer/help-points.server";
import { dutchDate, HELP_POINT_TYPE_LABELS } from "~/modules/offer/labels";
import { STALE_MONTHS } from "~/modules/offer/schema";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { DataTable, FilterLinks } from "~/ui/staff-page";
import type { Route } from "./+types/points";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "offer.view");
  const stale = new URL(request.url).searchParams.get("stale") === "1";
  const now = new Date();
  const db = getDb();
  const [all, stalePoints] = await Promise.all([
    listHelpPoints(db, municipality.id, { now }),
    listHelpPoints(db, municipality.id, { stale: true, now }),
  ]);
  const cutoff = staleCutoff(now);
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    stale,
    counts: { all: all.length, stale: stalePoints.length },
    canCreate: can(session.assignments, "offer.manage", { municipalityId: municipality.id }),
    points: (stale ? stalePoints : all).map((p) => {
      const target = { municipalityId: municipality.id, organizationId: p.organizationId, helpPointId: p.id };
      return {
        id: p.id,
        name: p.name,
        type: p.type,
        active: p.active,
        organizationName: p.organizationName,
        districtName: p.districtName,
        lastCheckedAt: p.lastCheckedAt?.toISOString() ?? null,
        lastCheckedBy: p.lastCheckedBy,
        isStale: !p.lastCheckedAt || p.lastCheckedAt < cutoff,
        canEdit: can(session.assignments, "offer.edit", target),
        canCheck: can(session.assignments, "offer.check", target),
      };
    }),
  };
}

export default function Points({ loaderData }: Route.ComponentProps) {
  const { municipality, stale, counts, canCreate, points } = loaderData;
  const base = `/beheer/${municipality.slug}/punten`;
  const title = stale ? `Hulppunten die ${STALE_MONTHS} maanden niet nagekeken zijn` : "Hulppunten";
  return (
    <>
      <title>{`${title} — ${municipality.name} — Digibrug beheer`}</title>
      <h1>{title}</h1>
      <p>
        Kijk elk hulppunt minstens om de {STALE_MONTHS} maanden na. Bewoners zien op de publieke site wanneer iemand het laatst
        heeft nagekeken of de gegevens kloppen.
      </p>
      {canCreate ? (
        <p className="actions">
          <Link to={`${base}/nieuw`} className="button">
            Nieuw hulppunt
          </Link>
        </p>
      ) : null}
      <FilterLinks
        links={[
          { to: base, label: `Alle hulppunten (${counts.all})`, current: !stale },
          { to: `${base}?stale=1`, label: `Niet nagekeken in ${STALE_MONTHS} maanden (${counts.stale})`, current: stale },
        ]}
      />
      {points.length === 0 ? (
        <p>{stale ? `Alle hulppunten zijn de voorbije ${STALE_MONTHS} maanden nagekeken. Goed bezig!` : "Er zijn nog geen hulppunten."}</p>
      ) : (
        <DataTable wide caption={`${title}: ${points.length}`} columns={["Naam", "Soort", "Organisatie", "District", "Laatst nagekeken", "Acties"]}>
          {points.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.canEdit || p.canCheck ? <Link to={`${base}/${p.id}`}>{p.name}</Link> : p.name}
                {p.active ? null : <span className="muted"> (niet actief)</span>}
              </th>
              <td>{HELP_POINT_TYPE_LABELS[p.type]}</td>
              <td>{p.organizationName}</td>
              <td>{p.districtName ?? "—"}</td>
              <td>
                {p.lastCheckedAt ? dutchDate(p.lastCheckedAt) : "Nooit"}
                {p.lastCheckedBy ? <span className="muted"> door {p.lastCheckedBy}</span> : null}
                {p.isStale ? (
                  <>
                    <br />
                    <span className="stale">Nakijken</span>
                  </>
                ) : null}
              </td>
              <td>
                <ul className="inline-list">
                  {p.canEdit ? (
                    <>
                      <li>
                        <Link to={`${base}/${p.id}`}>
                          Bewerken<span className="visually-hidden"> {p.name}</span>
                        </Link>
                      </li>
                      <li>
                        <Link to={`${base}/${p.id}/uren`}>
                          Openingsuren<span className="visually-hidden"> van {p.name}</span>
                        </Link>
                      </li>
                    </>
                  ) : p.canCheck ? (
                    <li>
                      <Link to={`${base}/${p.id}`}>
                        Nakijken<span className="visually-hidden"> {p.name}</span>
                      </Link>
                    </li>
                  ) : null}
                  <li>
                    <a href={`/${municipality.slug}/nl/punt/${p.id}`}>
                      Publieke pagina<span className="visually-hidden"> van {p.name}</span>
                    </a>
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
