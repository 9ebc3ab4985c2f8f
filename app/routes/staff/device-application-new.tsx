import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { locationOptions } from "~/modules/devices/inventory.server";
import { LANGUAGE_NAMES, LANGUAGES } from "~/i18n/languages";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { applicationInput, createApplication, referralPrefill } from "~/modules/devices/applications.server";
import { DEVICE_KINDS, KIND_LABELS, PURPOSE_LABELS, PURPOSES } from "~/modules/devices/lending-labels";
import { getSettings, listCriteria } from "~/modules/devices/settings.server";
import { fieldErrors } from "~/modules/offer/schema";
import { newSubmissionKey, submissionKeyOf } from "~/modules/shared/submission.server";
import { CheckboxGroup, RadioGroup } from "~/ui/device-lending";
import { ErrorSummary, SelectField, TextArea, TextField, type FieldErrors } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/device-application-new";

type Values = {
  applicantName: string;
  phone: string;
  email: string;
  language: string;
  kinds: string[];
  purpose: string;
  householdSize: string;
  postcode: string;
  address: string;
  reason: string;
  referrerName: string;
  referrerContact: string;
  criteriaChecked: string[];
  helpPointId: string;
  referralId: string;
  /** The form's own key (hidden): the same form sent twice is one application. */
  submissionKey: string;
};

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.apply");
  const db = getDb();
  const referralId = new URL(request.url).searchParams.get("verwijzing");
  const prefill = referralId ? await referralPrefill(db, municipality.id, referralId) : null;
  const points = await locationOptions(db, municipality.id);
  const ownPoint = session.assignments.find((a) => a.municipalityId === municipality.id && a.helpPointId)?.helpPointId ?? "";
  const settings = await getSettings(db, municipality.id);
  const values: Values = {
    applicantName: prefill?.applicantName ?? "",
    phone: prefill?.phone ?? "",
    email: prefill?.email ?? "",
    language: prefill?.language ?? "nl",
    kinds: ["laptop"],
    purpose: "",
    householdSize: "",
    postcode: "",
    address: "",
    reason: prefill?.reason ?? "",
    referrerName: "",
    referrerContact: "",
    criteriaChecked: [],
    helpPointId: ownPoint,
    referralId: prefill?.id ?? "",
    submissionKey: newSubmissionKey(),
  };
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    points,
    criteria: await listCriteria(db, municipality.id, { activeOnly: true }),
    settings: { maxDevicesPerHousehold: settings.maxDevicesPerHousehold, requiresReferral: settings.requiresReferral, requiresCourse: settings.requiresCourse },
    fromReferral: Boolean(prefill),
    referralMissing: Boolean(referralId && !prefill),
    values,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.apply");
  const form = await readStaffForm(request, session);
  const text = (name: string) => String(form.get(name) ?? "");
  const values: Values = {
    applicantName: text("applicantName"),
    phone: text("phone"),
    email: text("email"),
    language: text("language"),
    kinds: form.getAll("kinds").map(String),
    purpose: text("purpose"),
    householdSize: text("householdSize"),
    postcode: text("postcode"),
    address: text("address"),
    reason: text("reason"),
    referrerName: text("referrerName"),
    referrerContact: text("referrerContact"),
    criteriaChecked: form.getAll("criteriaChecked").map(String),
    helpPointId: text("helpPointId"),
    referralId: text("referralId"),
    submissionKey: text("submissionKey"),
  };
  const parsed = applicationInput.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) as FieldErrors, values }, { status: 400 });
  const result = await createApplication(getDb(), municipality.id, { ...parsed.data, submissionKey: submissionKeyOf(form) }, { id: session.user.id, email: session.user.email });
  if (!result.ok) return data({ errors: { [result.field]: result.message } as FieldErrors, values }, { status: 409 });
  throw redirect(`/beheer/${municipality.slug}/uitlenen/aanvragen/${result.id}?opgeslagen=nieuw`, 303);
}

export default function DeviceApplicationNew({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, points, criteria, settings, fromReferral, referralMissing } = loaderData;
  const errors: FieldErrors = actionData?.errors ?? {};
  const v: Values = actionData?.values ?? loaderData.values;
  const hasErrors = Object.values(errors).some(Boolean);
  return (
    <div className="narrow">
      <title>{`${hasErrors ? "Fout: " : ""}Nieuwe aanvraag voor een toestel — ${municipality.name} — Digibrug beheer`}</title>
      <p>
        <Link to={`/beheer/${municipality.slug}/uitlenen/aanvragen`}>Terug naar de aanvragen</Link>
      </p>
      <h1>Nieuwe aanvraag voor een toestel</h1>
      <p>
        Vul de aanvraag samen met de bewoner in. Kopieer of bewaar geen documenten over het inkomen: vink alleen aan wat u gezien of nagekeken hebt.
        De bewoner krijgt een bericht met een code.
      </p>
      {fromReferral ? (
        <p className="notice">Naam, telefoon, e-mail, taal en uitleg komen uit de doorverwijzing. Kijk ze samen met de bewoner na.</p>
      ) : null}
      {referralMissing ? <p className="notice">Deze doorverwijzing vinden we niet (meer). Vul de aanvraag zelf in.</p> : null}
      <ul>
        <li>{settings.maxDevicesPerHousehold === 1 ? "Per gezin kan één toestel tegelijk." : `Per gezin kunnen hoogstens ${settings.maxDevicesPerHousehold} toestellen tegelijk.`}</li>
        {settings.requiresReferral ? <li>Een toestel kan alleen na een doorverwijzing door het OCMW of een maatschappelijk werker.</li> : null}
        {settings.requiresCourse ? <li>De bewoner moet eerst een cursus afronden.</li> : null}
      </ul>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="referralId" value={v.referralId} />
        <input type="hidden" name="submissionKey" value={v.submissionKey} />
        <h2>De bewoner</h2>
        <TextField id="applicantName" label="Naam" value={v.applicantName} error={errors.applicantName} autoComplete="off" />
        <TextField id="phone" label="Gsm-nummer (niet verplicht)" hint="Op een gsm-nummer komt een sms. Anders een e-mail." value={v.phone} error={errors.phone} type="tel" inputMode="tel" />
        <TextField id="email" label="E-mailadres (niet verplicht)" value={v.email} error={errors.email} type="email" />
        <SelectField id="language" label="Taal van de berichten" value={v.language} error={errors.language} options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
        <TextField id="householdSize" label="Met hoeveel mensen woont de bewoner?" hint="Tel de bewoner mee. 1 als de bewoner alleen woont." value={v.householdSize} error={errors.householdSize} className="input-short" inputMode="numeric" />
        <TextField id="postcode" label="Postcode" value={v.postcode} error={errors.postcode} className="input-short" inputMode="numeric" />
        <TextField id="address" label="Straat en huisnummer" hint="Met busnummer, bijvoorbeeld Turnhoutsebaan 12 bus 3. Zo tellen we de toestellen per gezin." value={v.address} error={errors.address} />

        <h2>Wat en waarom</h2>
        <CheckboxGroup id="kinds" name="kinds" legend="Wat heeft de bewoner nodig?" options={DEVICE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} checked={v.kinds} error={errors.kinds} />
        <RadioGroup id="purpose" name="purpose" legend="Waarvoor vooral?" options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }))} value={v.purpose} error={errors.purpose} />
        <TextArea id="reason" label="Uitleg (niet verplicht)" hint="Kort: wat wil de bewoner ermee doen? Geen gegevens over gezondheid of inkomen." value={v.reason} error={errors.reason} />

        {criteria.length ? (
          <CheckboxGroup
            id="criteriaChecked"
            name="criteriaChecked"
            legend="Wat hebt u nagekeken?"
            hint="Vink aan wat u gezien hebt. We bewaren geen kopie van documenten."
            options={criteria.map((c) => ({ value: c.id, label: `${c.label}${c.required ? "" : " (niet verplicht)"}` }))}
            checked={v.criteriaChecked}
            error={errors.criteriaChecked}
          />
        ) : null}

        <h2>Doorverwijzer (niet verplicht)</h2>
        <p className="hint">Een maatschappelijk werker of het OCMW. Die krijgt een kort bericht bij elke stap.</p>
        <TextField id="referrerName" label="Naam en organisatie" value={v.referrerName} error={errors.referrerName} />
        <TextField id="referrerContact" label="E-mailadres of gsm-nummer" value={v.referrerContact} error={errors.referrerContact} />
        <SelectField id="helpPointId" label="Hulppunt waar de aanvraag gedaan wordt" value={v.helpPointId} error={errors.helpPointId} empty="Geen hulppunt (doorverwijzer)" options={points.map((p) => ({ value: p.id, label: p.name }))} />
        <button type="submit" className="button">
          Aanvraag indienen
        </button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
