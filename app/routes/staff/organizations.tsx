import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { ORGANIZATION_TYPE_LABELS } from "~/modules/offer/labels";
import { listOrganizations } from "~/modules/offer/organizations.server";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { DataTable } from "~/ui/staff-page";
import { telHref } from "~/ui/phone-link";
import type { Route } from "./+types/organizations";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "offer.view");
  const organizations = await listOrganizations(getDb(), municipality.id);
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    canCreate: can(session.assignments, "offer.manage", { municipalityId: municipality.id }),
    organizations: organizations.map((o) => ({
      ...o,
      canEdit: can(session.assignments, "organization.edit", { municipalityId: municipality.id, organizationId: o.id }),
    })),
  };
}

export default function Organizations({ loaderData }: Route.ComponentProps) {
  const { municipality, canCreate, organizations } = loaderData;
  const base = `/beheer/${municipality.slug}/organisaties`;
  return (
    <>
      <title>{`Organisaties — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Organisaties</h1>
      <p>De partners die hulppunten en diensten aanbieden in {municipality.name}.</p>
      {canCreate ? (
        <p className="actions">
          <Link to={`${base}/nieuw`} className="button">
            Nieuwe organisatie
          </Link>
        </p>
      ) : null}
      {organizations.length === 0 ? (
        <p>Er zijn nog geen organisaties.</p>
      ) : (
        <DataTable wide caption={`Organisaties: ${organizations.length}`} columns={["Naam", "Soort", "Hulppunten", "Telefoon", "Website"]}>
          {organizations.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.canEdit ? <Link to={`${base}/${o.id}`}>{o.name}</Link> : o.name}</th>
              <td>{ORGANIZATION_TYPE_LABELS[o.type]}</td>
              <td>{o.helpPointCount}</td>
              <td>{o.phone ? <a href={telHref(o.phone)}>{o.phone}</a> : "—"}</td>
              <td>
                {o.website ? (
                  <a href={o.website} rel="noopener noreferrer">
                    {o.website.replace(/^https?:\/\//, "")}
                  </a>
                ) : (
                  "—"
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
