import { Form, Link } from "react-router";
import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { DEVICE_KINDS, isDeviceKind, KIND_LABELS_NL, CONDITION_LABELS_NL } from "~/modules/devices/donation-schema";
import { DEVICE_STATUSES, isDeviceStatus, listDevices, locationOptions, stockCounts } from "~/modules/devices/inventory.server";
import { DEVICE_STATUS_LABELS, type DeviceStatus } from "~/modules/devices/lifecycle.server";
import { isUuid } from "~/modules/offer/help-points.server";
import { dutchDate } from "~/modules/offer/labels";
import styles from "~/ui/device-bank.css?url";
import { SavedNotice, SelectField } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { DataTable } from "~/ui/staff-page";
import type { Route } from "./+types/devices";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** Columns of the stock table: statuses grouped the way a device officer thinks about the shelf. */
const GROUPS: { label: string; statuses: DeviceStatus[] }[] = [
  { label: "Nog te wissen", statuses: ["received", "returned"] },
  { label: "Gewist of klaar", statuses: ["wiped", "ready"] },
  { label: "Gereserveerd", statuses: ["reserved"] },
  { label: "Uitgeleend", statuses: ["on_loan"] },
  { label: "In herstelling", statuses: ["in_repair"] },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.view");
  const url = new URL(request.url);
  const kind = url.searchParams.get("soort");
  const status = url.searchParams.get("status");
  const location = url.searchParams.get("plaats");
  const filters = {
    kind: isDeviceKind(kind) ? kind : null,
    status: isDeviceStatus(status) ? status : null,
    location: location === "none" || (location && isUuid(location)) ? location : null,
    notSeen: url.searchParams.get("nietgezien") === "1",
  };
  const db = getDb();
  const [devices, counts, locations] = await Promise.all([
    listDevices(db, municipality.id, filters),
    stockCounts(db, municipality.id, { ...filters, status: null }),
    locationOptions(db, municipality.id),
  ]);
  // Stock per kind and location, statuses in groups (retired and given devices are no longer stock).
  const rows = new Map<string, { kind: string; location: string; cells: number[]; total: number }>();
  for (const c of counts) {
    const group = GROUPS.findIndex((g) => g.statuses.includes(c.status));
    if (group < 0) continue;
    const key = `${c.kind}|${c.locationId ?? ""}`;
    const row = rows.get(key) ?? { kind: KIND_LABELS_NL[c.kind], location: c.location ?? "Geen vaste plaats", cells: GROUPS.map(() => 0), total: 0 };
    row.cells[group] += c.n;
    row.total += c.n;
    rows.set(key, row);
  }
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    canManage: can(session.assignments, "devices.manage", { municipalityId: municipality.id }),
    created: Number(url.searchParams.get("nieuw")) || 0,
    filters: { kind: filters.kind ?? "", status: filters.status ?? "", location: filters.location ?? "", notSeen: filters.notSeen },
    locations,
    statuses: DEVICE_STATUSES.map((s) => ({ value: s, label: DEVICE_STATUS_LABELS[s] })),
    stock: [...rows.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.location.localeCompare(b.location)),
    devices: devices.map((d) => ({
      id: d.id,
      assetTag: d.assetTag,
      kind: KIND_LABELS_NL[d.kind],
      model: [d.make, d.model].filter(Boolean).join(" "),
      status: DEVICE_STATUS_LABELS[d.status],
      condition: CONDITION_LABELS_NL[d.condition],
      location: d.location ?? "—",
      lastSeen: dutchDate(d.lastSeenAt),
      notSeen: d.notSeen,
    })),
  };
}

export default function Devices({ loaderData }: Route.ComponentProps) {
  const { municipality, canManage, created, filters, locations, statuses, stock, devices } = loaderData;
  const base = `/beheer/${municipality.slug}/toestellen`;
  const filtered = Boolean(filters.kind || filters.status || filters.location || filters.notSeen);
  return (
    <>
      <title>{`Toestellen — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Toestellen</h1>
      <SavedNotice message={created ? `${created === 1 ? "1 toestel is geregistreerd." : `${created} toestellen zijn geregistreerd.`} Druk de etiketten af via de pagina van elk toestel.` : null} />
      <ul className="filter-links">
        <li>
          <Link to={`${base}/cijfers`}>Cijfers van de toestellenbank</Link>
        </li>
        {canManage ? (
          <>
            <li>
              <Link to={`/beheer/${municipality.slug}/schenkingen`}>Schenkingen</Link>
            </li>
            <li>
              <Link to={`${base}/nieuw`}>Gekochte toestellen registreren</Link>
            </li>
          </>
        ) : null}
      </ul>

      <section aria-labelledby="filter-title">
        <h2 id="filter-title">Zoeken</h2>
        <Form method="get" action={base} className="inline-form">
          <SelectField id="soort" label="Soort" value={filters.kind} empty="Alle soorten" options={DEVICE_KINDS.map((k) => ({ value: k, label: KIND_LABELS_NL[k] }))} />
          <SelectField id="status" label="Stand" value={filters.status} empty="Alle standen" options={statuses} />
          <SelectField
            id="plaats"
            label="Plaats"
            value={filters.location}
            empty="Alle plaatsen"
            options={[{ value: "none", label: "Geen vaste plaats" }, ...locations.map((l) => ({ value: l.id, label: l.name }))]}
          />
          <div className="checkbox field">
            <input type="checkbox" id="nietgezien" name="nietgezien" value="1" defaultChecked={filters.notSeen} />
            <label htmlFor="nietgezien">Alleen lang niet gezien</label>
          </div>
          <button type="submit" className="button">
            Zoeken
          </button>
          {filtered ? <Link to={base}>Alles tonen</Link> : null}
        </Form>
      </section>

      <section aria-labelledby="stock-title">
        <h2 id="stock-title">Voorraad per soort en plaats</h2>
        {stock.length === 0 ? (
          <p>Er zijn geen toestellen{filtered ? " die passen bij uw zoekopdracht" : ""}.</p>
        ) : (
          <DataTable caption="Aantal toestellen per soort, plaats en stand" columns={["Soort", "Plaats", ...GROUPS.map((g) => g.label), "Samen"]}>
            {stock.map((row) => (
              <tr key={`${row.kind}|${row.location}`}>
                <th scope="row">{row.kind}</th>
                <td>{row.location}</td>
                {row.cells.map((n, i) => (
                  <td key={GROUPS[i].label}>{n}</td>
                ))}
                <td>{row.total}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="list-title">
        <h2 id="list-title">Toestellen ({devices.length})</h2>
        {devices.length === 0 ? (
          <p>Geen toestellen gevonden.</p>
        ) : (
          <DataTable wide caption={`Toestellen: ${devices.length}`} columns={["Nummer", "Soort", "Merk en model", "Stand", "Staat", "Plaats", "Laatst gezien"]}>
            {devices.map((d) => (
              <tr key={d.id}>
                <th scope="row" className="asset-tag-cell">
                  <Link to={`${base}/${d.id}`}>{d.assetTag}</Link>
                </th>
                <td>{d.kind}</td>
                <td>{d.model}</td>
                <td>{d.status}</td>
                <td>{d.condition}</td>
                <td>{d.location}</td>
                <td>
                  {d.lastSeen}
                  {d.notSeen ? <span className="not-seen"> — lang niet gezien, controleer</span> : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
