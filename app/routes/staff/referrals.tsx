import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { dutchDate } from "~/modules/offer/labels";
import { REFERRAL_STATUSES, STATUS_LABELS, TARGET_LABELS } from "~/modules/referrals/referral-schema";
import { CLOSED_PAGE_SIZE, listReferrals, overdueCount, type ReferralListItem } from "~/modules/referrals/referrals.server";
import { PICK_UP_WORKING_DAYS } from "~/modules/referrals/working-days";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { DataTable, StatusWithDetail } from "~/ui/staff-page";
import type { Route } from "./+types/referrals";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "help.refer");
  const url = new URL(request.url);
  const box = url.searchParams.get("bak") === "verstuurd" ? "sent" : "received";
  const page = Number(url.searchParams.get("pagina") ?? "1");
  const db = getDb();
  const now = new Date();
  const list = await listReferrals(db, municipality.id, { userId: session.user.id, assignments: session.assignments }, box, {
    page: Number.isFinite(page) ? page : 1,
    now,
  });
  const coordinator = can(session.assignments, "referrals.receive", { municipalityId: municipality.id });
  const row = (r: ReferralListItem) => ({
    id: r.id,
    sent: dutchDate(r.createdAt),
    target: TARGET_LABELS[r.target],
    receiver: r.receiver,
    from: r.from,
    topic: r.topic,
    status: STATUS_LABELS[r.status],
    overdue: r.overdue,
    erased: r.erased,
  });
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    box,
    overdueTotal: coordinator ? await overdueCount(db, municipality.id, now) : null,
    counts: [
      ...REFERRAL_STATUSES.map((s) => ({ key: s, label: STATUS_LABELS[s], count: list.counts[s] })),
      ...(list.counts.erased > 0 ? [{ key: "erased", label: "Gegevens gewist", count: list.counts.erased }] : []),
    ],
    open: list.open.map(row),
    closed: list.closed.map(row),
    closedTotal: list.closedTotal,
    page: list.page,
    pages: list.pages,
    pageSize: CLOSED_PAGE_SIZE,
  };
}

type Row = Awaited<ReturnType<typeof loader>>["open"][number];

function ReferralTable({ rows, caption, base }: { rows: Row[]; caption: string; base: string }) {
  return (
    <DataTable wide caption={caption} columns={["Verstuurd", "Naar", "Van", "Onderwerp", "Stand"]}>
      {rows.map((r) => (
        <tr key={r.id}>
          <th scope="row">
            <Link to={`${base}/${r.id}`}>{r.sent}</Link>
          </th>
          <td>
            <StatusWithDetail status={r.target} detail={r.receiver} />
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
    </DataTable>
  );
}

export default function Referrals({ loaderData }: Route.ComponentProps) {
  const { municipality, box, overdueTotal, counts, open, closed, closedTotal, page, pages, pageSize } = loaderData;
  const base = `/beheer/${municipality.slug}/doorverwijzingen`;
  const title = box === "sent" ? "Doorverwijzingen: verstuurd" : "Doorverwijzingen: ontvangen";
  const overdueHere = open.filter((r) => r.overdue).length;
  const pageHref = (n: number) => `${base}?${box === "sent" ? "bak=verstuurd&" : ""}pagina=${n}#afgehandeld`;
  const first = (page - 1) * pageSize + 1;
  const last = first + closed.length - 1;
  return (
    <>
      <title>{`${title}${pages > 1 && page > 1 ? `, pagina ${page} van ${pages}` : ""} — ${municipality.name} — Digibrug beheer`}</title>
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
      <p id="referral-counts-title">
        <strong>Aantal per stand</strong>
      </p>
      <ul className="inline-list" aria-labelledby="referral-counts-title">
        {counts.map((c) => (
          <li key={c.key}>
            {c.label}: {c.count}
          </li>
        ))}
      </ul>

      <h2 id="open">Nog open: {open.length}</h2>
      {open.length === 0 ? (
        <p>{box === "received" ? "Er wacht geen doorverwijzing op u." : "Geen van uw doorverwijzingen is nog open."}</p>
      ) : (
        <>
          <p className="hint">Nieuw of contact opgenomen. Ze staan hier allemaal, de nieuwste bovenaan.</p>
          <ReferralTable rows={open} base={base} caption={`${title}, nog open: ${open.length}${overdueHere ? `, waarvan ${overdueHere} te laat` : ""}`} />
        </>
      )}

      <h2 id="afgehandeld">Afgehandeld: {closedTotal}</h2>
      {closedTotal === 0 ? (
        <p>{box === "received" ? "U hebt nog geen doorverwijzing afgehandeld." : "Nog geen van uw doorverwijzingen is afgehandeld."}</p>
      ) : (
        <>
          <p className="hint">
            Geholpen, niet bereikt of afgewezen, en die waarvan de gegevens gewist zijn. De nieuwste bovenaan
            {pages > 1 ? `; u ziet ${first} tot ${last} van ${closedTotal}` : ""}.
          </p>
          <ReferralTable rows={closed} base={base} caption={`${title}, afgehandeld: ${first} tot ${last} van ${closedTotal}`} />
          {pages > 1 ? (
            <nav aria-label="Pagina's van de afgehandelde doorverwijzingen" className="pagination">
              {page > 1 ? <Link to={pageHref(page - 1)}>Nieuwere</Link> : null}
              <span>
                Pagina {page} van {pages}
              </span>
              {page < pages ? <Link to={pageHref(page + 1)}>Oudere</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
