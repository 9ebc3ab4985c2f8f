import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { readStaffForm, requireMunicipalityStaff, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { CsrfInput } from "~/modules/auth/staff-context";
import { listDistricts, listTopics } from "~/modules/municipality/municipality.server";
import { InputError } from "~/modules/offer/errors";
import {
  createHelpPoint,
  getHelpPoint,
  helpPointFormFromData,
  helpPointFormValues,
  InvalidReferenceError,
  markHelpPointChecked,
  staleCutoff,
  updateHelpPoint,
  type HelpPointFormValues,
} from "~/modules/offer/help-points.server";
import { dutchDate, EQUIPMENT_LABELS, HELP_POINT_TYPE_LABELS, SPOKEN_LANGUAGE_LABELS } from "~/modules/offer/labels";
import { organizationOptions } from "~/modules/offer/organizations.server";
import { EQUIPMENT, fieldErrors, HELP_POINT_TYPES, helpPointInput, serviceInput, STALE_MONTHS } from "~/modules/offer/schema";
import { createService, linkService, listPointServices, unlinkService } from "~/modules/offer/services.server";
import { ChoiceGroup, describedBy, FieldError, type FieldErrors, TextArea, TextField } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { StaffPageHead } from "~/ui/staff-page";
import type { Route } from "./+types/point-edit";

const MESSAGES: Record<string, string> = {
  nieuw: "Het hulppunt is aangemaakt. Vul nu ook de openingsuren in.",
  punt: "De gegevens van het hulppunt zijn opgeslagen.",
  nagekeken: "Bedankt. Het hulppunt staat nu als vandaag nagekeken.",
  "dienst-nieuw": "De nieuwe dienst is aangemaakt en wordt op dit hulppunt aangeboden.",
  "dienst-gekoppeld": "De dienst wordt nu ook op dit hulppunt aangeboden.",
  "dienst-los": "De dienst wordt niet meer op dit hulppunt aangeboden.",
};

const EMPTY_POINT: HelpPointFormValues = {
  name: "",
  type: "digipunt",
  organizationId: "",
  districtId: "",
  street: "",
  postcode: "",
  city: "",
  latitude: "",
  longitude: "",
  phone: "",
  email: "",
  walkIn: true,
  byAppointment: false,
  wheelchairAccessible: false,
  languages: ["nl"],
  equipment: [],
  topicCodes: [],
  description: "",
  accessibilityNotes: "",
};

interface ServiceFormValues {
  serviceName: string;
  serviceDescription: string;
  serviceFree: boolean;
}

type ActionResult = {
  form: "point" | "link" | "service";
  errors: FieldErrors;
  values?: HelpPointFormValues;
  serviceValues?: ServiceFormValues;
};

export async function loader({ request, params }: Route.LoaderArgs) {
  const isNew = !params.pointId;
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, isNew ? "offer.manage" : "offer.view");
  const db = getDb();
  const point = params.pointId ? await getHelpPoint(db, municipality.id, params.pointId) : null;
  if (params.pointId && !point) throw new Response("Hulppunt niet gevonden", { status: 404 });
  let canEdit = true;
  let canCheck = false;
  if (point) {
    const target = { municipalityId: municipality.id, organizationId: point.organizationId, helpPointId: point.id };
    canCheck = can(session.assignments, "offer.check", target);
    // A digihelper may open the page to stamp "checked"; changing the data needs offer.edit.
    if (!canCheck) requirePermission(session, "offer.edit", target);
    canEdit = can(session.assignments, "offer.edit", target);
  }
  const canManage = can(session.assignments, "offer.manage", { municipalityId: municipality.id });
  const [organizations, districts, topics, services] = await Promise.all([
    organizationOptions(db, municipality.id),
    listDistricts(db, municipality.id),
    listTopics(db, municipality.id),
    point && canEdit ? listPointServices(db, municipality.id, point.id) : null,
  ]);
  const message = new URL(request.url).searchParams.get("opgeslagen");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: new URL(request.url).pathname,
    point: point
      ? {
          id: point.id,
          name: point.name,
          organizationName: point.organizationName,
          organizationId: point.organizationId,
          updatedAt: point.updatedAt.toISOString(),
          lastCheckedAt: point.lastCheckedAt?.toISOString() ?? null,
          lastCheckedBy: point.lastCheckedBy,
          isStale: !point.lastCheckedAt || point.lastCheckedAt < staleCutoff(),
        }
      : null,
    values: point ? helpPointFormValues(point) : EMPTY_POINT,
    canEdit,
    canCheck,
    // Only people who manage the whole offer move a point to another organisation.
    organizations: canManage || !point ? organizations : organizations.filter((o) => o.id === point.organizationId),
    districts: districts.map((d) => ({ id: d.id, name: d.name })),
    topics: topics.map((t) => ({ code: t.code, name: t.name.nl })),
    services: services
      ? {
          linked: services.linked.map((s) => ({ id: s.id, name: s.name.nl, description: s.description?.nl ?? null, free: s.free })),
          available: services.available.map((s) => ({ id: s.id, name: s.name.nl })),
        }
      : null,
    message: message ? (MESSAGES[message] ?? null) : null,
  };
}

const invalid = (result: ActionResult) => data(result, { status: 400 });

export async function action({ request, params }: Route.ActionArgs) {
  const isNew = !params.pointId;
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, isNew ? "offer.manage" : "offer.view");
  const form = await readStaffForm(request, session);
  const db = getDb();
  const actor = { id: session.user.id, email: session.user.email };
  const intent = String(form.get("intent") ?? "");

  if (isNew) {
    if (intent !== "save") throw new Response("Onbekende actie", { status: 400 });
    const values = helpPointFormFromData(form);
    const parsed = helpPointInput.safeParse(values);
    if (!parsed.success) return invalid({ form: "point", errors: fieldErrors(parsed.error), values });
    let id: string;
    try {
      id = await createHelpPoint(db, municipality.id, parsed.data, actor);
    } catch (error) {
      if (error instanceof InvalidReferenceError) return invalid({ form: "point", errors: { [error.field]: error.message }, values });
      throw error;
    }
    throw redirect(`/beheer/${municipality.slug}/punten/${id}?opgeslagen=nieuw`);
  }

  const point = await getHelpPoint(db, municipality.id, params.pointId ?? "");
  if (!point) throw new Response("Hulppunt niet gevonden", { status: 404 });
  const target = { municipalityId: municipality.id, organizationId: point.organizationId, helpPointId: point.id };
  const done = (message: string) => redirect(`/beheer/${municipality.slug}/punten/${point.id}?opgeslagen=${message}`);

  switch (intent) {
    case "check": {
      requirePermission(session, "offer.check", target);
      await markHelpPointChecked(db, municipality.id, point.id, { ...actor, name: session.user.name });
      throw done("nagekeken");
    }
    case "save": {
      requirePermission(session, "offer.edit", target);
      const values = helpPointFormFromData(form);
      const parsed = helpPointInput.safeParse(values);
      if (!parsed.success) return invalid({ form: "point", errors: fieldErrors(parsed.error), values });
      if (parsed.data.organizationId !== point.organizationId && !can(session.assignments, "offer.edit", { ...target, organizationId: parsed.data.organizationId })) {
        return invalid({ form: "point", errors: { organizationId: "U kunt een hulppunt niet aan een andere organisatie geven." }, values });
      }
      try {
        await updateHelpPoint(db, municipality.id, point.id, parsed.data, actor);
      } catch (error) {
        if (error instanceof InvalidReferenceError) return invalid({ form: "point", errors: { [error.field]: error.message }, values });
        throw error;
      }
      throw done("punt");
    }
    case "link-service": {
      requirePermission(session, "offer.edit", target);
      try {
        await linkService(db, municipality.id, point.id, String(form.get("serviceId") ?? ""), actor);
      } catch (error) {
        if (error instanceof InvalidReferenceError) return invalid({ form: "link", errors: { serviceId: error.message } });
        throw error;
      }
      throw done("dienst-gekoppeld");
    }
    case "unlink-service": {
      requirePermission(session, "offer.edit", target);
      try {
        await unlinkService(db, municipality.id, point.id, String(form.get("serviceId") ?? ""), actor);
      } catch (error) {
        if (error instanceof InvalidReferenceError) return invalid({ form: "link", errors: { serviceId: error.message } });
        throw error;
      }
      throw done("dienst-los");
    }
    case "create-service": {
      requirePermission(session, "offer.edit", target);
      const serviceValues: ServiceFormValues = {
        serviceName: String(form.get("serviceName") ?? ""),
        serviceDescription: String(form.get("serviceDescription") ?? ""),
        serviceFree: form.has("serviceFree"),
      };
      const parsed = serviceInput.safeParse({ name: serviceValues.serviceName, description: serviceValues.serviceDescription, free: serviceValues.serviceFree });
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error);
        return invalid({
          form: "service",
          errors: { serviceName: errors.name, serviceDescription: errors.description },
          serviceValues,
        });
      }
      try {
        await createService(db, municipality.id, point.organizationId, parsed.data, actor, { helpPointId: point.id });
      } catch (error) {
        if (error instanceof InvalidReferenceError || error instanceof InputError) {
          return invalid({ form: "service", errors: { serviceName: error.message }, serviceValues });
        }
        throw error;
      }
      throw done("dienst-nieuw");
    }
    default:
      throw new Response("Onbekende actie", { status: 400 });
  }
}

export default function PointEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, point, canEdit, canCheck, organizations, districts, topics, services, path } = loaderData;
  const result = actionData as ActionResult | undefined;
  const errors: FieldErrors = result?.errors ?? {};
  const values = result?.form === "point" && result.values ? result.values : loaderData.values;
  const serviceValues = result?.serviceValues ?? { serviceName: "", serviceDescription: "", serviceFree: true };
  const pointErrors = result?.form === "point" ? errors : {};
  const base = `/beheer/${municipality.slug}/punten`;
  const heading = point ? point.name : "Nieuw hulppunt";

  const languageOptions = [
    ...Object.entries(SPOKEN_LANGUAGE_LABELS).map(([value, label]) => ({ value, label })),
    ...values.languages.filter((code) => !SPOKEN_LANGUAGE_LABELS[code]).map((code) => ({ value: code, label: code })),
  ];

  return (
    <>
      <StaffPageHead municipalityName={municipality.name} heading={heading} back={{ to: base, label: "Terug naar de hulppunten" }} saved={loaderData.message} errors={errors}>
        {point ? <p className="muted">{point.organizationName}</p> : null}
      </StaffPageHead>

      {point ? (
        <section aria-labelledby="checked-title">
          <h2 id="checked-title">Nagekeken</h2>
          <p>
            {point.lastCheckedAt
              ? `Laatst nagekeken op ${dutchDate(point.lastCheckedAt)}${point.lastCheckedBy ? ` door ${point.lastCheckedBy}` : ""}.`
              : "Nog nooit nagekeken."}
            {point.isStale ? <strong className="stale"> Dit is langer dan {STALE_MONTHS} maanden geleden.</strong> : null}
          </p>
          {canCheck ? (
            <Form method="post" action={path}>
              <CsrfInput />
              <input type="hidden" name="intent" value="check" />
              <p className="hint">Klopt alles op deze pagina, ook de openingsuren? Dan ziet een bewoner dat iemand het vandaag nakeek.</p>
              <button type="submit" className="button button-secondary">
                Ik heb dit vandaag nagekeken
              </button>
            </Form>
          ) : null}
          {canEdit ? (
            <p>
              <Link to={`${base}/${point.id}/uren`}>Openingsuren, sluitingen en extra openingen aanpassen</Link>
            </p>
          ) : null}
          {canEdit ? (
            <p>
              <Link to={`${base}/${point.id}/afspraken`}>Afspraken: soorten hulp en weekplan</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {canEdit ? (
        <section aria-labelledby="details-title" className={point ? "staff-section" : undefined}>
          <h2 id="details-title">Gegevens van het hulppunt</h2>
          <Form method="post" action={path} noValidate key={point?.updatedAt ?? "new"}>
            <CsrfInput />
            <input type="hidden" name="intent" value="save" />
            <TextField id="name" label="Naam" value={values.name} error={pointErrors.name} />
            <div className="field">
              <label htmlFor="type">Soort hulppunt</label>
              <FieldError id="type" message={pointErrors.type} />
              <select id="type" name="type" defaultValue={values.type} aria-invalid={pointErrors.type ? true : undefined} aria-describedby={describedBy("type", { error: pointErrors.type })}>
                {HELP_POINT_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {HELP_POINT_TYPE_LABELS[t]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="organizationId">Organisatie</label>
              <FieldError id="organizationId" message={pointErrors.organizationId} />
              <select
                id="organizationId"
                name="organizationId"
                defaultValue={values.organizationId}
                aria-invalid={pointErrors.organizationId ? true : undefined}
                aria-describedby={describedBy("organizationId", { error: pointErrors.organizationId })}
              >
                {point ? null : <option value="">Kies een organisatie</option>}
                {organizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="districtId">District of deelgemeente</label>
              <FieldError id="districtId" message={pointErrors.districtId} />
              <select
                id="districtId"
                name="districtId"
                defaultValue={values.districtId}
                aria-invalid={pointErrors.districtId ? true : undefined}
                aria-describedby={describedBy("districtId", { error: pointErrors.districtId })}
              >
                <option value="">Geen district</option>
                {districts.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
            <TextArea
              id="description"
              label="Beschrijving (in het Nederlands)"
              hint="Schrijf kort en eenvoudig wat een bewoner hier kan doen."
              value={values.description}
              error={pointErrors.description}
            />

            <fieldset className="field">
              <legend>Adres</legend>
              <TextField id="street" label="Straat en huisnummer" value={values.street} error={pointErrors.street} autoComplete="off" />
              <TextField id="postcode" label="Postcode" value={values.postcode} error={pointErrors.postcode} className="input-short" />
              <TextField id="city" label="Gemeente" value={values.city} error={pointErrors.city} />
              <TextField
                id="latitude"
                label="Breedtegraad (niet verplicht)"
                hint="Voor de kaart, bijvoorbeeld 51.2194."
                value={values.latitude}
                error={pointErrors.latitude}
              />
              <TextField
                id="longitude"
                label="Lengtegraad (niet verplicht)"
                hint="Voor de kaart, bijvoorbeeld 4.4025."
                value={values.longitude}
                error={pointErrors.longitude}
              />
            </fieldset>

            <fieldset className="field">
              <legend>Contact</legend>
              <TextField id="phone" label="Telefoon (niet verplicht)" type="tel" hint="Bijvoorbeeld 03 22 11 333." value={values.phone} error={pointErrors.phone} />
              <TextField id="email" label="E-mailadres (niet verplicht)" type="email" value={values.email} error={pointErrors.email} />
            </fieldset>

            <fieldset className="field" aria-describedby={describedBy("walkIn", { error: pointErrors.walkIn })}>
              <legend>Hoe kan een bewoner langskomen?</legend>
              <FieldError id="walkIn" message={pointErrors.walkIn} />
              <div className="checkboxes">
                <div className="checkbox">
                  <input type="checkbox" id="walkIn" name="walkIn" defaultChecked={values.walkIn} />
                  <label htmlFor="walkIn">Binnenlopen zonder afspraak</label>
                </div>
                <div className="checkbox">
                  <input type="checkbox" id="byAppointment" name="byAppointment" defaultChecked={values.byAppointment} />
                  <label htmlFor="byAppointment">Op afspraak</label>
                </div>
              </div>
            </fieldset>

            <fieldset className="field">
              <legend>Toegankelijkheid</legend>
              <div className="checkboxes">
                <div className="checkbox">
                  <input type="checkbox" id="wheelchairAccessible" name="wheelchairAccessible" defaultChecked={values.wheelchairAccessible} />
                  <label htmlFor="wheelchairAccessible">Toegankelijk met een rolstoel</label>
                </div>
              </div>
              <TextArea
                id="accessibilityNotes"
                label="Uitleg over toegankelijkheid (niet verplicht)"
                hint="Bijvoorbeeld: ingang aan de zijkant, lift naar de eerste verdieping, ringleiding aan de balie."
                value={values.accessibilityNotes}
                error={pointErrors.accessibilityNotes}
              />
            </fieldset>

            <ChoiceGroup columns
              name="languages"
              legend="Talen die de helpers spreken"
              options={languageOptions}
              checked={values.languages}
              error={pointErrors.languages}
            />
            <ChoiceGroup columns
              name="equipment"
              legend="Uitrusting voor bewoners"
              options={EQUIPMENT.map((e) => ({ value: e, label: EQUIPMENT_LABELS[e] }))}
              checked={values.equipment}
              error={pointErrors.equipment}
            />
            {topics.length ? (
              <ChoiceGroup columns
                name="topicCodes"
                legend="Onderwerpen waarmee het hulppunt helpt"
                options={topics.map((t) => ({ value: t.code, label: t.name }))}
                checked={values.topicCodes}
                error={pointErrors.topicCodes}
              />
            ) : null}
            <button type="submit" className="button">
              {point ? "Gegevens opslaan" : "Hulppunt aanmaken"}
            </button>
          </Form>
        </section>
      ) : null}

      {point && services ? (
        <section aria-labelledby="services-title" className="staff-section">
          <h2 id="services-title">Diensten op dit hulppunt</h2>
          {services.linked.length === 0 ? (
            <p>Hier worden nog geen diensten aangeboden.</p>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">Diensten op dit hulppunt</caption>
                <thead>
                  <tr>
                    <th scope="col">Dienst</th>
                    <th scope="col">Gratis</th>
                    <th scope="col">Actie</th>
                  </tr>
                </thead>
                <tbody>
                  {services.linked.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        {s.name}
                        {s.description ? (
                          <>
                            <br />
                            <span className="muted">{s.description}</span>
                          </>
                        ) : null}
                      </th>
                      <td>{s.free ? "Ja" : "Nee"}</td>
                      <td>
                        <Form method="post" action={path}>
                          <CsrfInput />
                          <input type="hidden" name="intent" value="unlink-service" />
                          <input type="hidden" name="serviceId" value={s.id} />
                          <button type="submit" className="button button-secondary">
                            Niet meer aanbieden<span className="visually-hidden">: {s.name}</span>
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          {services.available.length ? (
            <>
              <h3 id="link-title">Een dienst van {point.organizationName} hier aanbieden</h3>
              <Form method="post" action={path} className="inline-form" aria-labelledby="link-title">
                <CsrfInput />
                <input type="hidden" name="intent" value="link-service" />
                <div className="field">
                  <label htmlFor="serviceId">Dienst</label>
                  <FieldError id="serviceId" message={result?.form === "link" ? errors.serviceId : undefined} />
                  <select
                    id="serviceId"
                    name="serviceId"
                    aria-invalid={result?.form === "link" && errors.serviceId ? true : undefined}
                    aria-describedby={describedBy("serviceId", { error: result?.form === "link" ? errors.serviceId : undefined })}
                  >
                    {services.available.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="button button-secondary">
                  Hier aanbieden
                </button>
              </Form>
            </>
          ) : null}

          <h3 id="new-service-title">Nieuwe dienst</h3>
          <p className="hint">De dienst hoort bij {point.organizationName} en wordt meteen op dit hulppunt aangeboden.</p>
          <Form method="post" action={path} noValidate aria-labelledby="new-service-title">
            <CsrfInput />
            <input type="hidden" name="intent" value="create-service" />
            <TextField
              id="serviceName"
              label="Naam van de dienst (in het Nederlands)"
              hint="Bijvoorbeeld: Hulp bij itsme."
              value={serviceValues.serviceName}
              error={result?.form === "service" ? errors.serviceName : undefined}
            />
            <TextArea
              id="serviceDescription"
              label="Beschrijving (niet verplicht)"
              value={serviceValues.serviceDescription}
              error={result?.form === "service" ? errors.serviceDescription : undefined}
            />
            <div className="checkboxes">
              <div className="checkbox">
                <input type="checkbox" id="serviceFree" name="serviceFree" defaultChecked={serviceValues.serviceFree} />
                <label htmlFor="serviceFree">Gratis</label>
              </div>
            </div>
            <button type="submit" className="button button-secondary">
              Dienst aanmaken
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
