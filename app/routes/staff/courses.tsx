import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { listCoursesForStaff, waitingCounts } from "~/modules/learning/catalogue.server";
import { COURSE_LEVEL_LABELS, runPlaceLabel } from "~/modules/learning/staff-labels";
import { dutchDateTime } from "~/modules/offer/labels";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { DataTable, FilterLinks } from "~/ui/staff-page";
import type { Route } from "./+types/courses";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "learning.view");
  const db = getDb();
  const showAll = new URL(request.url).searchParams.get("alle") === "1";
  const courses = await listCoursesForStaff(db, municipality.id);
  const waiting = await waitingCounts(
    db,
    courses.flatMap((c) => c.runs.map((r) => r.id)),
  );
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    showAll,
    canCreate: can(session.assignments, "learning.manage", { municipalityId: municipality.id }),
    courses: courses.map((c) => {
      const runs = showAll ? c.runs : c.runs.filter((r) => !r.finished);
      return {
        id: c.id,
        title: c.title,
        organizerName: c.organizerName,
        level: c.level,
        published: c.published,
        hiddenRuns: c.runs.length - runs.length,
        canEdit: can(session.assignments, "learning.manage", { municipalityId: municipality.id, organizationId: c.organizerId }),
        runs: runs.map((r) => ({
          id: r.id,
          place: runPlaceLabel(r),
          start: r.sessions[0] ? dutchDateTime(r.sessions[0].startsAt) : null,
          sessions: r.sessions.length,
          capacity: r.capacity,
          registeredCount: r.registeredCount,
          freePlaces: r.freePlaces,
          waiting: waiting.get(r.id) ?? 0,
          cancelled: r.cancelled,
          finished: r.finished,
        })),
      };
    }),
  };
}

export default function StaffCourses({ loaderData }: Route.ComponentProps) {
  const { municipality, showAll, canCreate, courses } = loaderData;
  const base = `/beheer/${municipality.slug}/cursussen`;
  return (
    <>
      <title>{`Cursussen — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Cursussen</h1>
      <p>
        Alle cursussen in {municipality.name}, met hun reeksen. Een reeks is een groep met een aantal plaatsen, op één plek, met een
        of meer lessen.
      </p>
      {canCreate ? (
        <p className="actions">
          <Link to={`${base}/nieuw`} className="button">
            Nieuwe cursus
          </Link>
        </p>
      ) : null}
      <FilterLinks
        links={[
          { to: base, label: "Lopende en komende reeksen", current: !showAll },
          { to: `${base}?alle=1`, label: "Ook afgelopen reeksen", current: showAll },
        ]}
      />
      {courses.length === 0 ? (
        <p>Er zijn nog geen cursussen.</p>
      ) : (
        <DataTable caption={`Cursussen: ${courses.length}`} columns={["Cursus", "Organisator", "Reeksen", "Op de site"]}>
          {courses.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`${base}/${c.id}`}>
                  {c.title}
                  {c.canEdit ? <span className="visually-hidden"> (bewerken)</span> : null}
                </Link>
                <br />
                <span className="muted">{COURSE_LEVEL_LABELS[c.level]}</span>
              </th>
              <td>{c.organizerName}</td>
              <td>
                {c.runs.length === 0 ? (
                  <span className="muted">Geen {showAll ? "" : "lopende of komende "}reeksen</span>
                ) : (
                  <ul className="run-list">
                    {c.runs.map((r) => (
                      <li key={r.id}>
                        <Link to={`${base}/${c.id}/reeksen/${r.id}`}>
                          {r.start ?? "Nog geen lessen"}
                          <span className="visually-hidden">: inschrijvingen van {c.title}</span>
                        </Link>{" "}
                        · {r.place} · {r.sessions} {r.sessions === 1 ? "les" : "lessen"}
                        <br />
                        {r.cancelled ? (
                          <strong className="stale">Geannuleerd</strong>
                        ) : (
                          <>
                            {r.registeredCount} van {r.capacity} ingeschreven ·{" "}
                            {r.freePlaces > 0 ? `${r.freePlaces} vrij` : <strong>volzet</strong>}
                            {r.waiting > 0 ? ` · ${r.waiting} op de wachtlijst` : null}
                            {r.finished ? <span className="muted"> · afgelopen</span> : null}
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {c.hiddenRuns > 0 ? (
                  <span className="muted">
                    {c.hiddenRuns} afgelopen {c.hiddenRuns === 1 ? "reeks" : "reeksen"} verborgen
                  </span>
                ) : null}
              </td>
              <td>
                {c.published ? (
                  <a href={`/${municipality.slug}/nl/cursussen/${c.id}`}>
                    Ja, bekijk<span className="visually-hidden"> {c.title} op de publieke site</span>
                  </a>
                ) : (
                  "Nee"
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
