import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { forbidden, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { serviceInsights, serviceTotals, visibleServices } from "~/modules/help-log/insights.server";
import { OUTCOME_LABELS, OUTCOMES } from "~/modules/help-log/labels";
import { dutchDate } from "~/modules/offer/labels";
import styles from "~/ui/help-log.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/insights";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const MONTHS = 6;
const monthLabel = (month: string) =>
  new Intl.DateTimeFormat("nl-BE", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${month}-15T12:00:00Z`));

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "staff.access");
  const db = getDb();
  const services = await visibleServices(db, municipality.id, session.assignments);
  const mayAll = can(session.assignments, "help.insights", {
    municipalityId: municipality.id,
  });
  const isOwner = session.assignments.some((a) => a.role === "service_owner" && a.municipalityId === municipality.id);
  if (!mayAll && !isOwner) forbidden();
  const requested = new URL(request.url).searchParams.get("dienst");
  if (requested && !services.some((s) => s.id === requested)) forbidden();
  const selected = services.find((s) => s.id === requested) ?? null;
  const [totals, detail] = await Promise.all([
    serviceTotals(
      db,
      municipality.id,
      services.map((s) => s.id),
      new Date(),
      MONTHS,
    ),
    selected ? serviceInsights(db, municipality.id, selected.id, new Date(), MONTHS) : null,
  ]);
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    mayAll,
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      active: s.active,
      total: totals.get(s.id) ?? 0,
    })),
    selected:
      selected && detail
        ? {
            id: selected.id,
            name: selected.name,
            total: detail.total,
            months: detail.months.map((m) => ({
              label: monthLabel(m.month),
              count: m.count,
            })),
            topics: detail.topics,
            outcomes: OUTCOMES.map((o) => ({
              label: OUTCOME_LABELS[o],
              count: detail.outcomes[o],
            })),
            remarks: detail.remarks.map((r) => ({
              date: dutchDate(r.at),
              remark: r.remark,
              point: r.point,
            })),
          }
        : null,
  };
}

export default function Insights({ loaderData }: Route.ComponentProps) {
  const { municipality, mayAll, services, selected } = loaderData;
  const base = `/beheer/${municipality.slug}/inzichten`;
  const max = selected ? Math.max(1, ...selected.months.map((m) => m.count)) : 1;
  const title = selected ? `Waar bewoners vastlopen: ${selected.name}` : "Waar bewoners vastlopen";
  return (
    <>
      <title>{`${title} — ${municipality.name} — Digibrug beheer`}</title>
      {selected ? (
        <p>
          <Link to={base}>Terug naar alle diensten</Link>
        </p>
      ) : null}
      <h1>{title}</h1>
      {selected ? (
        <>
          <p className="lead">
            {selected.total} {selected.total === 1 ? "hulpvraag" : "hulpvragen"} in de laatste {MONTHS} maanden, genoteerd door digihelpers. Anoniem:
            er staan geen namen in.
          </p>
          <p>
            <a href={`${base}.csv?dienst=${selected.id}`} download>
              Download als CSV (voor Excel)
            </a>
          </p>
          <h2 id="months-title">Per maand</h2>
          <ul className="bars" aria-labelledby="months-title">
            {selected.months.map((m) => (
              <li key={m.label}>
                <span>{m.label}</span>
                <span className="bar" style={{ inlineSize: `${(m.count / max) * 100}%` }} aria-hidden="true" />
                <span>{m.count}</span>
              </li>
            ))}
          </ul>
          <h2>Onderwerpen</h2>
          {selected.topics.length ? (
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">Hulpvragen per onderwerp</caption>
                <thead>
                  <tr>
                    <th scope="col">Onderwerp</th>
                    <th scope="col">Hulpvragen</th>
                  </tr>
                </thead>
                <tbody>
                  {selected.topics.map((t) => (
                    <tr key={t.name}>
                      <th scope="row">{t.name}</th>
                      <td>{t.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>Er is nog geen onderwerp genoteerd.</p>
          )}
          <h2>Hoe liep het af?</h2>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">Hulpvragen per resultaat</caption>
              <thead>
                <tr>
                  <th scope="col">Resultaat</th>
                  <th scope="col">Hulpvragen</th>
                </tr>
              </thead>
              <tbody>
                {selected.outcomes.map((o) => (
                  <tr key={o.label}>
                    <th scope="row">{o.label}</th>
                    <td>{o.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Wat digihelpers opmerkten</h2>
          {selected.remarks.length ? (
            <ul className="remarks">
              {selected.remarks.map((r, i) => (
                <li key={i}>
                  {r.remark} <span className="muted">({[r.date, r.point].filter(Boolean).join(", ")})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>Er zijn nog geen opmerkingen.</p>
          )}
        </>
      ) : (
        <>
          <p className="lead">
            Digihelpers noteren bij elke hulpvraag over welke dienst het ging. Hier ziet u per dienst hoe vaak bewoners hulp nodig hadden, waarmee, en
            wat de digihelpers opmerkten. Zo kan de dienst het probleem bij de bron oplossen.
          </p>
          {mayAll ? null : <p>U ziet de diensten waarvan uw afdeling eigenaar is.</p>}
          {services.length === 0 ? (
            <p>
              {mayAll
                ? "Er zijn nog geen diensten. Voeg ze toe bij Diensten."
                : "Uw afdeling is nog geen eigenaar van een dienst. Vraag het aan de coördinator."}
            </p>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">Hulpvragen per dienst, laatste {MONTHS} maanden</caption>
                <thead>
                  <tr>
                    <th scope="col">Dienst</th>
                    <th scope="col">Hulpvragen (laatste {MONTHS} maanden)</th>
                  </tr>
                </thead>
                <tbody>
                  {services.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <Link to={`${base}?dienst=${s.id}`}>{s.name}</Link>
                        {s.active ? null : <span className="muted"> (staat uit)</span>}
                      </th>
                      <td>{s.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {services.length ? (
            <p>
              <a href={`${base}.csv`} download>
                Download alles als CSV (voor Excel)
              </a>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
