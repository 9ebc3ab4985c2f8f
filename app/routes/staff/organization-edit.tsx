import { data, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { readStaffForm, requireMunicipalityStaff, requirePermission } from "~/modules/auth/guard.server";
import { InputError } from "~/modules/offer/errors";
import { HELP_POINT_TYPE_LABELS, ORGANIZATION_TYPE_LABELS } from "~/modules/offer/labels";
import {
  createOrganization,
  getOrganization,
  organizationHelpPoints,
  updateOrganization,
  type OrganizationRow,
} from "~/modules/offer/organizations.server";
import { fieldErrors, organizationInput, ORGANIZATION_TYPES } from "~/modules/offer/schema";
import { listOrganizationServices } from "~/modules/offer/services.server";
import { type FieldErrors, SelectField, TextArea, TextField } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { IntentForm, StaffPageHead, StaffSection } from "~/ui/staff-page";
import type { Route } from "./+types/organization-edit";

const MESSAGES: Record<string, string> = {
  nieuw: "De organisatie is aangemaakt.",
  "1": "De gegevens van de organisatie zijn opgeslagen.",
};

interface OrganizationFormValues {
  name: string;
  type: string;
  description: string;
  website: string;
  email: string;
  phone: string;
}

type ActionResult = { errors: FieldErrors; values: OrganizationFormValues };

const formValues = (o: OrganizationRow | null): OrganizationFormValues => ({
  name: o?.name ?? "",
  type: o?.type ?? "",
  description: o?.description?.nl ?? "",
  website: o?.website ?? "",
  email: o?.email ?? "",
  phone: o?.phone ?? "",
});

/** New: needs offer.manage. Existing: organization.edit on that organisation of this municipality (404 for another). */
async function access(request: Request, params: Route.LoaderArgs["params"]) {
  const isNew = !params.organizationId;
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, isNew ? "offer.manage" : "offer.view");
  if (!params.organizationId) return { session, municipality, organization: null };
  const organization = await getOrganization(getDb(), municipality.id, params.organizationId);
  if (!organization) throw new Response("Organisatie niet gevonden", { status: 404 });
  requirePermission(session, "organization.edit", { municipalityId: municipality.id, organizationId: organization.id });
  return { session, municipality, organization };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, organization } = await access(request, params);
  const db = getDb();
  const [points, services] = organization
    ? await Promise.all([organizationHelpPoints(db, municipality.id, organization.id), listOrganizationServices(db, municipality.id, organization.id)])
    : [[], []];
  const message = new URL(request.url).searchParams.get("opgeslagen");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: new URL(request.url).pathname,
    organization: organization ? { id: organization.id, name: organization.name, updatedAt: organization.updatedAt.toISOString() } : null,
    values: formValues(organization),
    points,
    services: services.map((s) => ({ id: s.id, name: s.name.nl, free: s.free })),
    message: message ? (MESSAGES[message] ?? null) : null,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality, organization } = await access(request, params);
  const form = await readStaffForm(request, session);
  if (String(form.get("intent") ?? "") !== "save") throw new Response("Onbekende actie", { status: 400 });
  const values: OrganizationFormValues = {
    name: String(form.get("name") ?? ""),
    type: String(form.get("type") ?? ""),
    description: String(form.get("description") ?? ""),
    website: String(form.get("website") ?? ""),
    email: String(form.get("email") ?? ""),
    phone: String(form.get("phone") ?? ""),
  };
  const parsed = organizationInput.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const db = getDb();
  const actor = { id: session.user.id, email: session.user.email };
  let id = organization?.id;
  try {
    if (organization) await updateOrganization(db, municipality.id, organization.id, parsed.data, actor);
    else id = await createOrganization(db, municipality.id, parsed.data, actor);
  } catch (error) {
    if (error instanceof InputError) return data<ActionResult>({ errors: error.errors, values }, { status: 400 });
    throw error;
  }
  throw redirect(`/beheer/${municipality.slug}/organisaties/${id}?opgeslagen=${organization ? "1" : "nieuw"}`);
}


export default function OrganizationEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, organization, points, services, path } = loaderData;
  const result = actionData as ActionResult | undefined;
  const errors: FieldErrors = result?.errors ?? {};
  const values = result?.values ?? loaderData.values;
  const heading = organization ? organization.name : "Nieuwe organisatie";
  return (
    <>
      <StaffPageHead municipalityName={municipality.name} heading={heading} back={{ to: `/beheer/${municipality.slug}/organisaties`, label: "Terug naar de organisaties" }} saved={loaderData.message} errors={errors} />
      <IntentForm path={path} intent="save" key={organization?.updatedAt ?? "new"}>
        <TextField id="name" label="Naam" value={values.name} error={errors.name} />
        <SelectField
          id="type"
          label="Soort organisatie"
          value={values.type}
          error={errors.type}
          empty={organization ? undefined : "Kies een soort"}
          options={ORGANIZATION_TYPES.map((t) => ({ value: t, label: ORGANIZATION_TYPE_LABELS[t] }))}
        />
        <TextArea id="description" label="Beschrijving (in het Nederlands, niet verplicht)" value={values.description} error={errors.description} />
        <TextField id="website" label="Website (niet verplicht)" type="url" hint="Begint met https://" value={values.website} error={errors.website} />
        <TextField id="email" label="E-mailadres (niet verplicht)" type="email" value={values.email} error={errors.email} />
        <TextField id="phone" label="Telefoon (niet verplicht)" type="tel" hint="Bijvoorbeeld 03 22 11 333." value={values.phone} error={errors.phone} />
        <button type="submit" className="button">
          {organization ? "Gegevens opslaan" : "Organisatie aanmaken"}
        </button>
      </IntentForm>

      {organization ? (
        <>
          <StaffSection id="points" title="Hulppunten van deze organisatie">
            {points.length === 0 ? (
              <p>Deze organisatie heeft nog geen hulppunten.</p>
            ) : (
              <ul>
                {points.map((p) => (
                  <li key={p.id}>
                    <Link to={`/beheer/${municipality.slug}/punten/${p.id}`}>{p.name}</Link> <span className="muted">({HELP_POINT_TYPE_LABELS[p.type]})</span>
                  </li>
                ))}
              </ul>
            )}
          </StaffSection>
          <section aria-labelledby="services-title">
            <h2 id="services-title">Diensten van deze organisatie</h2>
            {services.length === 0 ? (
              <p>Nog geen diensten. U maakt een dienst aan op de pagina van een hulppunt.</p>
            ) : (
              <ul>
                {services.map((s) => (
                  <li key={s.id}>
                    {s.name}
                    {s.free ? null : <span className="muted"> (betalend)</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
