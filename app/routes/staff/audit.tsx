import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from "~/modules/auth/audit-diff";
import { AUDIT_PAGE_SIZE, listAuditLog } from "~/modules/auth/audit-log.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { dutchDateTime } from "~/modules/offer/labels";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/audit";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "audit.view");
  const page = Number(new URL(request.url).searchParams.get("pagina") ?? "1");
  const log = await listAuditLog(getDb(), municipality.id, Number.isFinite(page) ? page : 1, AUDIT_PAGE_SIZE);
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    ...log,
    entries: log.entries.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}

function entityHref(slug: string, entityType: string, entityId: string | null): string | null {
  if (!entityId) return null;
  if (entityType === "help_point") return `/beheer/${slug}/punten/${entityId}`;
  if (entityType === "organization") return `/beheer/${slug}/organisaties/${entityId}`;
  return null;
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { municipality, entries, page, pages, total } = loaderData;
  const base = `/beheer/${municipality.slug}/audit`;
  return (
    <>
      <title>{`Logboek${pages > 1 ? `, pagina ${page} van ${pages}` : ""} — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Logboek</h1>
      <p>
        Wie veranderde wat aan het aanbod van {municipality.name}, en wanneer. Het nieuwste staat bovenaan. In totaal {total}{" "}
        {total === 1 ? "wijziging" : "wijzigingen"}.
      </p>
      {entries.length === 0 ? (
        <p>Er staat nog niets in het logboek.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{`Logboek, pagina ${page} van ${pages}`}</caption>
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Wie</th>
                <th scope="col">Wat</th>
                <th scope="col">Onderdeel</th>
                <th scope="col">Wijzigingen</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const href = e.entityExists ? entityHref(municipality.slug, e.entityType, e.entityId) : null;
                return (
                  <tr key={e.id}>
                    <th scope="row">
                      <time dateTime={e.at}>{dutchDateTime(e.at)}</time>
                    </th>
                    <td>{e.who}</td>
                    <td>{AUDIT_ACTION_LABELS[e.action] ?? e.action}</td>
                    <td>
                      {AUDIT_ENTITY_LABELS[e.entityType] ?? e.entityType}
                      {e.entityName ? (
                        <>
                          {": "}
                          {href ? <Link to={href}>{e.entityName}</Link> : e.entityName}
                        </>
                      ) : null}
                    </td>
                    <td>
                      {e.changes.length === 0 ? (
                        "—"
                      ) : (
                        <ul className="change-list">
                          {e.changes.map((c) => (
                            <li key={c.field}>
                              <strong>{c.label}</strong>:{" "}
                              {e.kind === "created" ? (
                                c.after
                              ) : e.kind === "deleted" ? (
                                c.before
                              ) : (
                                <>
                                  <span className="muted">was</span> {c.before ?? "leeg"}, <span className="muted">nu</span> {c.after ?? "leeg"}
                                </>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="Pagina's van het logboek" className="pagination">
          {page > 1 ? <Link to={`${base}?pagina=${page - 1}`}>Nieuwere wijzigingen</Link> : null}
          <span>
            Pagina {page} van {pages}
          </span>
          {page < pages ? <Link to={`${base}?pagina=${page + 1}`}>Oudere wijzigingen</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
