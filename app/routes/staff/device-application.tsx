import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { recordAudit } from "~/modules/auth/audit.server";
import { forbidden, readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { CsrfInput } from "~/modules/auth/staff-context";
import { decideApplication, getApplication } from "~/modules/devices/applications.server";
import { availableDevices, reserveDevice } from "~/modules/devices/lending.server";
import { APPLICATION_STATUS_LABELS, KIND_LABELS, LANGUAGE_NAMES_NL, LOAN_STATUS_LABELS, PURPOSE_LABELS } from "~/modules/devices/lending-labels";
import { listCriteria } from "~/modules/devices/settings.server";
import { addDaysTo, brusselsDate } from "~/modules/finder/opening-hours";
import { dutchDateTime } from "~/modules/offer/labels";
import { CheckboxGroup, dutchLongDate } from "~/ui/device-lending";
import { SelectField, TextArea, TextField, type FieldErrors } from "~/ui/form";
import styles from "~/ui/course-run.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { IntentForm, StaffPageHead, StaffSection } from "~/ui/staff-page";
import type { Route } from "./+types/device-application";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const SAVED: Record<string, string> = {
  nieuw: "De aanvraag is ingediend. De bewoner krijgt een bericht met de code.",
  goedgekeurd: "De aanvraag is goedgekeurd. De bewoner krijgt een bericht. Reserveer nu een toestel.",
  wachtlijst: "De aanvraag staat op de wachtlijst. De bewoner krijgt een bericht met de plaats.",
  geweigerd: "De aanvraag is geweigerd. De bewoner krijgt een bericht met uw uitleg.",
};

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.apply");
  const lends = can(session.assignments, "devices.lend", { municipalityId: municipality.id });
  const found = await getApplication(getDb(), municipality.id, params.applicationId ?? "");
  if (!found || (!lends && found.createdByUserId !== session.user.id)) throw new Response("Aanvraag niet gevonden", { status: 404 });
  return { session, municipality, lends, found };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality, lends, found } = await load(request, params);
  const db = getDb();
  await recordAudit(db, { actor: session.user, municipalityId: municipality.id, action: "device-application.view", entityType: "device_application", entityId: found.id });
  const criteria = await listCriteria(db, municipality.id);
  const today = brusselsDate();
  const activeLoans = found.loans.filter((l) => l.status !== "cancelled").length;
  const canReserve = lends && found.status === "approved" && activeLoans < found.kinds.length;
  const deviceOptions = canReserve ? (await Promise.all(found.kinds.map((k) => availableDevices(db, municipality.id, k, today, addDaysTo(today, 7))))).flat() : [];
  const saved = new URL(request.url).searchParams.get("opgeslagen");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: new URL(request.url).pathname,
    saved: saved ? (SAVED[saved] ?? null) : null,
    lends,
    canReserve,
    today,
    pickUpUntil: addDaysTo(today, 7),
    deviceOptions,
    criteria: criteria.filter((c) => c.active || found.criteriaChecked.includes(c.id)),
    app: {
      id: found.id,
      status: found.status,
      statusLabel: APPLICATION_STATUS_LABELS[found.status],
      position: found.position,
      name: found.applicantName ?? "(gewist)",
      code: found.code,
      phone: found.phone,
      email: found.email,
      language: LANGUAGE_NAMES_NL[found.language] ?? found.language,
      address: [found.address, found.postcode].filter(Boolean).join(", "),
      householdSize: found.householdSize,
      kinds: found.kinds.map((k) => KIND_LABELS[k]).join(", "),
      purpose: PURPOSE_LABELS[found.purpose],
      reason: found.reason,
      referrer: [found.referrerName, found.referrerContact].filter(Boolean).join(", "),
      fromReferral: Boolean(found.referralId),
      helpPoint: found.helpPointName,
      received: dutchDateTime(found.createdAt),
      decided: found.decidedAt ? dutchDateTime(found.decidedAt) : null,
      declineReason: found.declineReason,
      criteriaChecked: found.criteriaChecked,
      loans: found.loans.map((l) => ({ id: l.id, status: LOAN_STATUS_LABELS[l.status], assetTag: l.assetTag, kind: KIND_LABELS[l.kind], from: dutchLongDate(l.startsOn), until: dutchLongDate(l.endsOn) })),
    },
  };
}

type ActionData = {
  form: "decide" | "decline" | "reserve";
  errors: FieldErrors;
  values?: Record<string, string | string[]>;
  alternatives?: { id: string; label: string }[];
};

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality, found } = await load(request, params);
  if (!can(session.assignments, "devices.lend", { municipalityId: municipality.id })) forbidden();
  const form = await readStaffForm(request, session);
  const actor = { id: session.user.id, email: session.user.email };
  const db = getDb();
  const path = new URL(request.url).pathname;
  const intent = String(form.get("intent") ?? "");
  if (intent === "approve" || intent === "wait") {
    const criteriaChecked = form.getAll("criteriaChecked").map(String);
    const result = await decideApplication(db, municipality.id, found.id, { decision: intent, criteriaChecked }, actor);
    if (!result.ok) {
      return data<ActionData>({ form: "decide", errors: { [result.field === "criteria" ? "criteriaChecked" : "decide-form"]: result.message }, values: { criteriaChecked } }, { status: 409 });
    }
    throw redirect(`${path}?opgeslagen=${intent === "approve" ? "goedgekeurd" : "wachtlijst"}`, 303);
  }
  if (intent === "decline") {
    const reason = String(form.get("declineReason") ?? "").trim();
    if (reason.length < 5) {
      return data<ActionData>({ form: "decline", errors: { declineReason: "Schrijf in eenvoudige woorden waarom de bewoner geen toestel kan lenen. De bewoner krijgt deze uitleg." }, values: { declineReason: reason } }, { status: 400 });
    }
    const result = await decideApplication(db, municipality.id, found.id, { decision: "decline", reason: reason.slice(0, 500) }, actor);
    if (!result.ok) return data<ActionData>({ form: "decline", errors: { declineReason: result.message }, values: { declineReason: reason } }, { status: 409 });
    throw redirect(`${path}?opgeslagen=geweigerd`, 303);
  }
  if (intent === "reserve") {
    const values = { deviceId: String(form.get("deviceId") ?? ""), startsOn: String(form.get("startsOn") ?? ""), endsOn: String(form.get("endsOn") ?? "") };
    const result = await reserveDevice(db, municipality.id, { applicationId: found.id, ...values }, actor);
    if (!result.ok) {
      return data<ActionData>({ form: "reserve", errors: { [result.field]: result.message }, values, alternatives: result.alternatives }, { status: 409 });
    }
    throw redirect(`/beheer/${municipality.slug}/uitlenen/uitleningen/${result.loanId}?opgeslagen=gereserveerd`, 303);
  }
  throw new Response("Onbekende actie", { status: 400 });
}

export default function DeviceApplication({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, path, saved, lends, canReserve, deviceOptions, criteria, app, today, pickUpUntil } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const decideErrors = result?.form === "decide" ? errors : {};
  const declineErrors = result?.form === "decline" ? errors : {};
  const reserveErrors = result?.form === "reserve" ? errors : {};
  const checked = (result?.form === "decide" ? (result.values?.criteriaChecked as string[]) : null) ?? app.criteriaChecked;
  const reserveValues = (result?.form === "reserve" ? result.values : null) as Record<string, string> | null;
  const options = [...(result?.alternatives ?? []), ...deviceOptions.filter((d) => !result?.alternatives?.some((a) => a.id === d.id))];
  const heading = `Aanvraag van ${app.name}`;
  const undecided = app.status === "submitted" || app.status === "waiting";
  return (
    <>
      <StaffPageHead municipalityName={municipality.name} heading={heading} back={{ to: `/beheer/${municipality.slug}/uitlenen/aanvragen`, label: "Terug naar de aanvragen" }} saved={saved} errors={errors} />
      <div className={`status-panel is-${app.status === "declined" ? "declined" : app.status === "approved" || app.status === "fulfilled" ? "planned" : "new"}`}>
        <p>
          <strong>Stand: {app.statusLabel}</strong>
          {app.position ? ` (plaats ${app.position} op de wachtlijst)` : null}
        </p>
        <p>
          Code: <span className="code-inline">{app.code}</span>
        </p>
        {app.declineReason ? <p>Reden: {app.declineReason}</p> : null}
        {app.decided ? <p className="muted">Beslist op {app.decided}</p> : null}
      </div>

      <h2>De aanvraag</h2>
      <dl className="facts">
        <div>
          <dt>Wat</dt>
          <dd>{app.kinds}</dd>
        </div>
        <div>
          <dt>Waarvoor</dt>
          <dd>{app.purpose}</dd>
        </div>
        {app.reason ? (
          <div>
            <dt>Uitleg</dt>
            <dd className="pre-line">{app.reason}</dd>
          </div>
        ) : null}
        <div>
          <dt>Adres</dt>
          <dd>{app.address}</dd>
        </div>
        <div>
          <dt>Gezin</dt>
          <dd>{app.householdSize === 1 ? "Woont alleen" : `${app.householdSize} personen`}</dd>
        </div>
        <div>
          <dt>Contact</dt>
          <dd>
            {[app.phone, app.email].filter(Boolean).join(", ") || "Geen"} · berichten in het {app.language}
          </dd>
        </div>
        <div>
          <dt>Doorverwijzer</dt>
          <dd>
            {/* "Geen (uit een doorverwijzing)" read as a contradiction: say what is known. */}
            {app.referrer
              ? `${app.referrer}${app.fromReferral ? " (uit een doorverwijzing)" : ""}`
              : app.fromReferral
                ? "Uit een doorverwijzing, zonder naam of contact van de doorverwijzer"
                : "Geen"}
          </dd>
        </div>
        <div>
          <dt>Ontvangen</dt>
          <dd>
            {app.received}
            {app.helpPoint ? `, ${app.helpPoint}` : ""}
          </dd>
        </div>
      </dl>

      {app.loans.length ? (
        <section aria-labelledby="loans-title">
          <h2 id="loans-title">Toestellen</h2>
          <ul>
            {app.loans.map((l) => (
              <li key={l.id}>
                {lends ? <Link to={`/beheer/${municipality.slug}/uitlenen/uitleningen/${l.id}`}>{`${l.assetTag} (${l.kind})`}</Link> : `${l.assetTag} (${l.kind})`}: {l.status}, {l.from} tot {l.until}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {lends && undecided ? (
        <StaffSection id="decide" title="Beslissen">
          <Form method="post" action={path} noValidate id="decide-form" tabIndex={-1}>
            <CsrfInput />
            {decideErrors["decide-form"] ? <p className="field-error" id="decide-form-error">{decideErrors["decide-form"]}</p> : null}
            {criteria.length ? (
              <CheckboxGroup
                id="criteriaChecked"
                name="criteriaChecked"
                legend="Wat hebt u nagekeken?"
                hint="Vink aan wat u gezien hebt. We bewaren geen kopie van documenten."
                options={criteria.map((c) => ({ value: c.id, label: `${c.label}${c.required ? "" : " (niet verplicht)"}` }))}
                checked={checked}
                error={decideErrors.criteriaChecked}
              />
            ) : (
              <p className="hint">
                Er zijn geen criteria ingesteld. <Link to={`/beheer/${municipality.slug}/uitlenen/instellingen`}>Stel ze in</Link>.
              </p>
            )}
            <div className="actions">
              <button type="submit" className="button" name="intent" value="approve">
                Goedkeuren
              </button>
              {app.status === "submitted" ? (
                <button type="submit" className="button button-secondary" name="intent" value="wait">
                  Op de wachtlijst zetten
                </button>
              ) : null}
            </div>
          </Form>
        </StaffSection>
      ) : null}

      {lends && canReserve ? (
        <StaffSection id="reserve" title="Toestel reserveren">
          <p className="hint">De bewoner krijgt een bericht: waar en wanneer het toestel klaarligt.</p>
          {options.length === 0 ? (
            <p>Er is nu geen toestel van deze soort klaar om uit te lenen. Zet de aanvraag op de wachtlijst of kom later terug.</p>
          ) : (
            <IntentForm path={path} intent="reserve">
              {result?.alternatives?.length ? <p className="notice">Deze toestellen zijn in die periode wel vrij: {result.alternatives.map((a) => a.label).join("; ")}.</p> : null}
              <SelectField id="deviceId" label="Toestel" value={reserveValues?.deviceId ?? ""} error={reserveErrors.deviceId} empty="Kies een toestel" options={options.map((d) => ({ value: d.id, label: d.label }))} />
              <div className="hours-row">
                <TextField id="startsOn" label="Ophalen vanaf" type="date" className="input-date" value={reserveValues?.startsOn ?? today} error={reserveErrors.startsOn} min={today} />
                <TextField id="endsOn" label="Ophalen tot en met" type="date" className="input-date" value={reserveValues?.endsOn ?? pickUpUntil} error={reserveErrors.endsOn} min={today} />
              </div>
              <button type="submit" className="button">
                Reserveren
              </button>
            </IntentForm>
          )}
        </StaffSection>
      ) : null}

      {lends && (undecided || (app.status === "approved" && app.loans.every((l) => l.status === LOAN_STATUS_LABELS.cancelled))) ? (
        <StaffSection id="decline" title="Weigeren">
          <IntentForm path={path} intent="decline">
            <TextArea
              id="declineReason"
              label="Waarom kan de bewoner geen toestel lenen?"
              hint="De bewoner en de doorverwijzer krijgen deze uitleg. Schrijf kort en vriendelijk, en zeg wat wel kan."
              value={(declineErrors.declineReason ? (result?.values?.declineReason as string) : "") ?? ""}
              error={declineErrors.declineReason}
            />
            <button type="submit" className="button button-secondary">
              Aanvraag weigeren
            </button>
          </IntentForm>
        </StaffSection>
      ) : null}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
