import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { dutchDate } from "~/modules/offer/labels";
import { STATUS_LABELS, TARGET_LABELS } from "~/modules/referrals/referral-schema";
import { listReferrals, overdueCount } from "~/modules/referrals/referrals.server";
import { PICK_UP_WORKING_DAYS } from "~/modules/referrals/working-days";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/referrals";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "help.refer");
  const box = new URL(request.url).searchParams.get("bak") === "verstuurd" ? "sent" : "received";
  const db = getDb();
  const now = new Date();
  const rows = await listReferrals(db, municipality.id, { userId: session.user.id, assignments: session.assignments }, box, now);
  const coordinator = can(session.assignments, "referrals.receive", { municipalityId: municipality.id });
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    box,
    overdueTotal: coordinator ? await overdueCount(db, municipality.id, now) : null,
    referrals: rows.map((r) => ({
      id: r.id,
      sent: dutchDate(r.createdAt),
      target: TARGET_LABELS[r.target],
      receiver: r.receiver,
      from: r.from,
      topic: r.topic,
      status: STATUS_LABELS[r.status],
      overdue: r.overdue,
      erased: r.erased,
    })),
  };
}

export default function Referrals({ loaderData }: Route.ComponentProps) {
  const { municipality, box, overdueTotal, referrals } = loaderData;
  const base = `/beheer/${municipality.slug}/doorverwijzingen`;
  const title = box === "sent" ? "Doorverwijzingen: verstuurd" : "Doorverwijzingen: ontvangen";
  const overdueHere = referrals.filter((r) => r.overdue).length;
  return (
    <>
      <title>{`${title} — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Doorverwijzingen</h1>
      <p className="actions">
        <Link to={`/beheer/${municipality.slug}/doorverwijzen`} className="button">
          Een bewoner doorverwijzen
        </Link>
      </p>
      {overdueTotal ? (
        <div className="notice" role="status">
          <p>
            <strong className="referral-overdue">
              {overdueTotal === 1 ? "1 doorverwijzing is" : `${overdueTotal} doorverwijzingen zijn`} al meer dan {PICK_UP_WORKING_DAYS} werkdagen niet
              opgepikt.
            </strong>{" "}
            Ze staan in de lijst met &ldquo;Te laat&rdquo;.
          </p>
        </div>
      ) : null}
      <nav aria-label="Ontvangen of verstuurd">
        <ul className="filter-links">
          <li>
            <Link to={base} aria-current={box === "received" ? "page" : undefined}>
              Ontvangen
            </Link>
          </li>
          <li>
            <Link to={`${base}?bak=verstuurd`} aria-current={box === "sent" ? "page" : undefined}>
              Verstuurd
            </Link>
          </li>
        </ul>
      </nav>
      <p className="hint">
        {box === "received"
          ? `Doorverwijzingen voor u of uw organisatie. Neem binnen ${PICK_UP_WORKING_DAYS} werkdagen contact op met de bewoner.`
          : "Doorverwijzingen die u of uw hulppunt verstuurde, en hoe ver ze staan."}{" "}
        Namen en contactgegevens staan op de pagina van elke doorverwijzing; wie ze bekijkt, komt in het logboek.
      </p>
      {referrals.length === 0 ? (
        <p>{box === "received" ? "U hebt geen doorverwijzingen ontvangen." : "U hebt nog geen doorverwijzingen verstuurd."}</p>
      ) : (
        <div className="table-wrap">
          <table className="data wide-table">
            <caption className="visually-hidden">
              {`${title}: ${referrals.length}`}
              {overdueHere ? `, waarvan ${overdueHere} te laat` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Verstuurd</th>
                <th scope="col">Naar</th>
                <th scope="col">Van</th>
                <th scope="col">Onderwerp</th>
                <th scope="col">Stand</th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`${base}/${r.id}`}>{r.sent}</Link>
                  </th>
                  <td>
                    {r.target}
                    {r.receiver ? <span className="muted">: {r.receiver}</span> : null}
                  </td>
                  <td>{r.from}</td>
                  <td>{r.topic ?? "—"}</td>
                  <td>
                    {r.status}
                    {r.overdue ? (
                      <>
                        {" "}
                        <strong className="referral-overdue">Te laat</strong>
                      </>
                    ) : null}
                    {r.erased ? <span className="muted"> (gegevens gewist)</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
