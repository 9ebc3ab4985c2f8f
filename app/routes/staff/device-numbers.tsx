import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { pledgedText } from "~/modules/devices/donation-schema";
import { DEVICE_STATUSES } from "~/modules/devices/inventory.server";
import { DEVICE_STATUS_LABELS } from "~/modules/devices/lifecycle.server";
import { deviceBankNumbers, numbersPerDonation } from "~/modules/devices/numbers.server";
import { dutchDate } from "~/modules/offer/labels";
import styles from "~/ui/device-bank.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/device-numbers";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.view");
  const db = getDb();
  const [numbers, perDonation] = await Promise.all([deviceBankNumbers(db, municipality.id), numbersPerDonation(db, municipality.id)]);
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    canManage: can(session.assignments, "devices.manage", { municipalityId: municipality.id }),
    numbers,
    byStatus: DEVICE_STATUSES.map((s) => ({ status: s, label: DEVICE_STATUS_LABELS[s], n: numbers.byStatus[s] ?? 0 })),
    donations: perDonation.map((d) => ({ ...d, pledged: pledgedText(d.pledged), createdAt: dutchDate(d.createdAt) })),
  };
}

export default function DeviceNumbers({ loaderData }: Route.ComponentProps) {
  const { municipality, canManage, numbers, byStatus, donations } = loaderData;
  const base = `/beheer/${municipality.slug}/toestellen`;
  const headline = [
    ["Toestellen in de toestellenbank", numbers.total],
    ["Toestellen ooit uitgeleend", numbers.devicesLent],
    ["Nu uitgeleend", numbers.onLoanNow],
    ["Te laat terug", numbers.overdue],
    ["Geschonken aan bewoners", numbers.gifted],
    ["Aanvragen op de wachtlijst", numbers.applicationsWaiting],
    ["Aanvragen nog te beslissen", numbers.applicationsSubmitted],
    ["Lang niet gezien", numbers.notSeen],
  ] as const;
  return (
    <>
      <title>{`Cijfers van de toestellenbank — ${municipality.name} — Digibrug beheer`}</title>
      <p>
        <Link to={base}>Terug naar de toestellen</Link>
      </p>
      <h1>Cijfers van de toestellenbank</h1>
      <dl className="count-grid">
        {headline.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      {numbers.notSeen > 0 ? (
        <p>
          <Link to={`${base}?nietgezien=1`}>Toon de toestellen die lang niet gezien zijn</Link>
        </p>
      ) : null}

      <section aria-labelledby="status-title">
        <h2 id="status-title">Toestellen per stand</h2>
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Aantal toestellen per stand</caption>
            <thead>
              <tr>
                <th scope="col">Stand</th>
                <th scope="col">Aantal</th>
              </tr>
            </thead>
            <tbody>
              {byStatus.map((s) => (
                <tr key={s.status}>
                  <th scope="row">
                    <Link to={`${base}?status=${s.status}`}>{s.label}</Link>
                  </th>
                  <td>{s.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="donations-title">
        <h2 id="donations-title">Per schenking</h2>
        {donations.length === 0 ? (
          <p>Nog geen schenkingen.</p>
        ) : (
          <div className="table-wrap">
            <table className="data wide-table">
              <caption className="visually-hidden">Wat er met de toestellen van elke schenking gebeurde</caption>
              <thead>
                <tr>
                  <th scope="col">Schenker</th>
                  <th scope="col">Beloofd</th>
                  <th scope="col">Ontvangen</th>
                  <th scope="col">Gewist</th>
                  <th scope="col">Klaar</th>
                  <th scope="col">Uitgeleend</th>
                  <th scope="col">Geschonken</th>
                  <th scope="col">Herstelling of afgevoerd</th>
                </tr>
              </thead>
              <tbody>
                {donations.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{canManage ? <Link to={`/beheer/${municipality.slug}/schenkingen/${d.id}`}>{d.donorName}</Link> : d.donorName}</th>
                    <td>{d.pledged}</td>
                    <td>{d.received}</td>
                    <td>{d.wiped}</td>
                    <td>{d.ready}</td>
                    <td>{d.lentOut}</td>
                    <td>{d.gifted}</td>
                    <td>{d.repairOrRetired}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
