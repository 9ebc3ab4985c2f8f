import { data, Form, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { serviceNameInput } from "~/modules/help-log/schema";
import {
  addGovernmentService,
  changeGovernmentService,
  listGovernmentServices,
  ownerOptions,
  type ServiceChange,
} from "~/modules/help-log/services.server";
import { describedBy, ErrorSummary, FieldError, FieldFrame, type FieldErrors, SelectField } from "~/ui/form";
import styles from "~/ui/help-log.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/government-services";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const SAVED: Record<string, string> = {
  toegevoegd: "De dienst is toegevoegd. Digihelpers zien hem meteen in het formulier voor hulpvragen.",
  bewaard: "De dienst is bewaard.",
  verplaatst: "De volgorde is aangepast.",
  uit: "De dienst staat uit. Digihelpers zien hem niet meer; de cijfers blijven bewaard.",
  aan: "De dienst staat weer aan.",
};

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "help.manage");
  const db = getDb();
  const [services, owners] = await Promise.all([listGovernmentServices(db, municipality.id), ownerOptions(db, municipality.id)]);
  const saved = new URL(request.url).searchParams.get("opgeslagen");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: new URL(request.url).pathname,
    saved: saved ? (SAVED[saved] ?? null) : null,
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      ownerId: s.ownerOrganizationId ?? "",
      ownerName: s.ownerName,
      active: s.active,
    })),
    owners: owners.map((o) => ({
      id: o.id,
      name: o.name,
      city: o.type === "city_department",
    })),
  };
}

type ActionData = { errors: FieldErrors; values?: Record<string, string> };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "help.manage");
  const form = await readStaffForm(request, session);
  const actor = { id: session.user.id, email: session.user.email };
  const path = new URL(request.url).pathname;
  const db = getDb();
  const intent = String(form.get("intent") ?? "");
  const owner = String(form.get("ownerOrganizationId") ?? "").trim() || null;
  if (intent === "add") {
    const values = {
      name: String(form.get("name") ?? ""),
      ownerOrganizationId: owner ?? "",
    };
    const name = serviceNameInput.safeParse(values.name);
    if (!name.success) return data<ActionData>({ errors: { name: name.error.issues[0].message }, values }, { status: 400 });
    const result = await addGovernmentService(db, municipality.id, { name: name.data, ownerOrganizationId: owner }, actor);
    if (!result.ok) return data<ActionData>({ errors: { [result.field]: result.message }, values }, { status: 409 });
    throw redirect(`${path}?opgeslagen=toegevoegd`, 303);
  }
  const serviceId = String(form.get("serviceId") ?? "");
  let change: ServiceChange;
  let saved: string;
  if (intent === "edit") {
    const values = {
      [`name-${serviceId}`]: String(form.get("name") ?? ""),
      [`owner-${serviceId}`]: owner ?? "",
      editing: serviceId,
    };
    const name = serviceNameInput.safeParse(form.get("name"));
    if (!name.success)
      return data<ActionData>(
        {
          errors: { [`name-${serviceId}`]: name.error.issues[0].message },
          values,
        },
        { status: 400 },
      );
    change = { kind: "edit", name: name.data, ownerOrganizationId: owner };
    saved = "bewaard";
    const result = await changeGovernmentService(db, municipality.id, serviceId, change, actor);
    if (!result.ok) return data<ActionData>({ errors: { [result.field]: result.message }, values }, { status: 409 });
    throw redirect(`${path}?opgeslagen=${saved}`, 303);
  }
  if (intent === "up" || intent === "down") {
    change = { kind: "move", direction: intent };
    saved = "verplaatst";
  } else if (intent === "deactivate" || intent === "activate") {
    change = { kind: "active", active: intent === "activate" };
    saved = intent === "activate" ? "aan" : "uit";
  } else {
    throw new Response("Onbekende actie", { status: 400 });
  }
  const result = await changeGovernmentService(db, municipality.id, serviceId, change, actor);
  if (!result.ok) return data<ActionData>({ errors: { form: result.message } }, { status: 409 });
  throw redirect(`${path}?opgeslagen=${saved}`, 303);
}

function OwnerSelect({
  id,
  value,
  owners,
  error,
}: {
  id: string;
  value: string;
  owners: { id: string; name: string; city: boolean }[];
  error?: string;
}) {
  return (
    <SelectField
      id={id}
      name="ownerOrganizationId"
      label="Eigenaar (stadsdienst)"
      hint="De dienstverantwoordelijke van deze organisatie ziet waar bewoners vastlopen."
      value={value}
      error={error}
      empty="Geen eigenaar (alleen de coördinator ziet de cijfers)"
      options={owners.map((o) => ({ value: o.id, label: `${o.name}${o.city ? " (stad)" : ""}` }))}
    />
  );
}

export default function GovernmentServices({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, path, saved, services, owners } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  const hasErrors = Object.values(errors).some(Boolean);
  return (
    <>
      <title>{`${hasErrors ? "Fout: " : ""}Diensten in het hulpvragenlogboek — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Diensten</h1>
      <p>
        Digihelpers kiezen bij elke hulpvraag over welke dienst het ging: het e-loket van de stad, MyMinfin, itsme … Zet bij elke dienst van de stad
        de stadsdienst die er eigenaar van is. Die ziet dan in <a href={`/beheer/${municipality.slug}/inzichten`}>Inzichten</a> waar bewoners
        vastlopen.
      </p>
      {saved && !hasErrors ? (
        <div className="success" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      {errors.form ? (
        <div id="form" tabIndex={-1}>
          <FieldError id="form" message={errors.form} />
        </div>
      ) : null}
      {services.length === 0 ? <p>Er zijn nog geen diensten.</p> : null}
      <ol className="service-items">
        {services.map((s, i) => {
          const editing = values.editing === s.id;
          return (
            <li key={s.id} className="staff-section service-item">
              <h2>
                {s.name}
                {s.active ? null : <span className="muted"> (staat uit)</span>}
              </h2>
              <Form method="post" action={path} noValidate className="inline-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="edit" />
                <input type="hidden" name="serviceId" value={s.id} />
                <FieldFrame id={`name-${s.id}`} label="Naam" error={errors[`name-${s.id}`]}>
                  <input
                    id={`name-${s.id}`}
                    name="name"
                    type="text"
                    defaultValue={editing ? values[`name-${s.id}`] : s.name}
                    aria-invalid={errors[`name-${s.id}`] ? true : undefined}
                    aria-describedby={describedBy(`name-${s.id}`, {
                      error: errors[`name-${s.id}`],
                    })}
                  />
                </FieldFrame>
                <OwnerSelect
                  id={`owner-${s.id}`}
                  value={editing ? values[`owner-${s.id}`] : s.ownerId}
                  owners={owners}
                  error={errors[`owner-${s.id}`]}
                />
                <button type="submit" className="button">
                  Bewaren<span className="visually-hidden">: {s.name}</span>
                </button>
              </Form>
              <div className="service-actions">
                {i > 0 ? (
                  <Form method="post" action={path}>
                    <CsrfInput />
                    <input type="hidden" name="serviceId" value={s.id} />
                    <button type="submit" name="intent" value="up" className="button button-secondary button-small">
                      Hoger
                      <span className="visually-hidden"> in de lijst: {s.name}</span>
                    </button>
                  </Form>
                ) : null}
                {i < services.length - 1 ? (
                  <Form method="post" action={path}>
                    <CsrfInput />
                    <input type="hidden" name="serviceId" value={s.id} />
                    <button type="submit" name="intent" value="down" className="button button-secondary button-small">
                      Lager
                      <span className="visually-hidden"> in de lijst: {s.name}</span>
                    </button>
                  </Form>
                ) : null}
                <Form method="post" action={path}>
                  <CsrfInput />
                  <input type="hidden" name="serviceId" value={s.id} />
                  <button type="submit" name="intent" value={s.active ? "deactivate" : "activate"} className="button button-secondary button-small">
                    {s.active ? "Uitzetten" : "Weer aanzetten"}
                    <span className="visually-hidden">: {s.name}</span>
                  </button>
                </Form>
              </div>
            </li>
          );
        })}
      </ol>
      <section className="staff-section" aria-labelledby="add-title">
        <h2 id="add-title">Dienst toevoegen</h2>
        <Form method="post" action={path} noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="add" />
          <FieldFrame id="name" label="Naam van de dienst" hint="Zoals bewoners en digihelpers hem kennen, bijvoorbeeld: Kind en Gezin." error={errors.name}>
            <input
              id="name"
              name="name"
              type="text"
              defaultValue={values.name ?? ""}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={describedBy("name", {
                hint: true,
                error: errors.name,
              })}
            />
          </FieldFrame>
          <OwnerSelect id="ownerOrganizationId" value={values.ownerOrganizationId ?? ""} owners={owners} error={errors.ownerOrganizationId} />
          <button type="submit" className="button">
            Dienst toevoegen
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
