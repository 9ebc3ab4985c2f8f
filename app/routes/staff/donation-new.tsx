import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { i18nFor } from "~/i18n/i18n";
import { isLanguage, LANGUAGE_NAMES } from "~/i18n/languages";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { countField, DEVICE_KINDS, KIND_LABELS_NL, parsePledge, pledgeValuesFromForm, type PledgeFormValues } from "~/modules/devices/donation-schema";
import { pledgeDonation } from "~/modules/devices/donations.server";
import { brusselsDate } from "~/modules/finder/opening-hours";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { newSubmissionKey, submissionKeyOf } from "~/modules/shared/submission.server";
import { ErrorSummary, FieldError, type FieldErrors, SelectField, TextArea, TextField } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/donation-new";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.manage");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    languages: municipality.languages.filter(isLanguage).map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
    // A fresh key for each form shown: the same form sent twice is one donation.
    submissionKey: newSubmissionKey(),
  };
}

type ActionData = { errors: FieldErrors; values: PledgeFormValues & { language: string }; submissionKey: string | null };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.manage");
  const form = await readStaffForm(request, session);
  const values = { ...pledgeValuesFromForm(form), language: String(form.get("language") ?? "nl") };
  const submissionKey = submissionKeyOf(form);
  const parsed = parsePledge(values, brusselsDate());
  // Staff see the same messages as the public form, in Dutch.
  const t = i18nFor("nl").t;
  if (!parsed.ok) return data<ActionData>({ errors: Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k, t(v)])), values, submissionKey }, { status: 400 });
  const language = isLanguage(values.language) && municipality.languages.includes(values.language) ? values.language : "nl";
  const result = await pledgeDonation(getDb(), municipality.id, parsed.data, {
    actor: { id: session.user.id, email: session.user.email },
    language,
    baseUrl: appBaseUrl(request),
    submissionKey,
  });
  if (!result.ok) return data<ActionData>({ errors: { organizationName: result.message }, values, submissionKey }, { status: 400 });
  throw redirect(`/beheer/${municipality.slug}/schenkingen/${result.id}?opgeslagen=nieuw`, 303);
}

export default function DonationNew({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, languages } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const hasErrors = Object.values(errors).some(Boolean);
  const values = result?.values;
  const countError = DEVICE_KINDS.map((k) => errors[countField(k)]).find(Boolean);
  return (
    <>
      <title>{`${hasErrors ? "Fout: " : ""}Nieuwe schenking — ${municipality.name} — Digibrug beheer`}</title>
      <p>
        <Link to={`/beheer/${municipality.slug}/schenkingen`}>Terug naar de schenkingen</Link>
      </p>
      <h1>Nieuwe schenking noteren</h1>
      <p>De contactpersoon krijgt een e-mail met een geheime link naar een pagina met de aantallen: hoeveel toestellen gewist en uitgeleend zijn.</p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="submissionKey" value={result?.submissionKey ?? loaderData.submissionKey} />
        <TextField id="organizationName" label="Bedrijf of organisatie" hint="Bestaat de organisatie al, dan hangt de schenking eraan; anders komt er een nieuw bedrijf bij." value={values?.organizationName ?? ""} error={errors.organizationName} />
        <fieldset className="field" aria-describedby="devices-hint">
          <legend>Beloofde toestellen</legend>
          <p className="hint" id="devices-hint">
            Aantal per soort; laat leeg wat niet geschonken wordt.
          </p>
          <FieldError id="devices" message={countError} />
          <div className="hours-row">
            {DEVICE_KINDS.map((kind) => (
              <div className="field" key={kind}>
                <label htmlFor={countField(kind)}>{KIND_LABELS_NL[kind]}</label>
                <input
                  id={countField(kind)}
                  name={countField(kind)}
                  type="text"
                  inputMode="numeric"
                  className="input-short"
                  defaultValue={values?.counts[kind] ?? ""}
                  aria-invalid={errors[countField(kind)] ? true : undefined}
                  aria-describedby={errors[countField(kind)] ? "devices-error" : undefined}
                />
              </div>
            ))}
          </div>
        </fieldset>
        <TextArea id="minimumSpecs" label="Minimale specificaties (niet verplicht)" value={values?.minimumSpecs ?? ""} error={errors.minimumSpecs} rows={2} />
        <TextArea id="pickupAddress" label="Ophaaladres" value={values?.pickupAddress ?? ""} error={errors.pickupAddress} rows={2} />
        <TextField id="pickupDate" label="Ophalen vanaf (niet verplicht)" type="date" value={values?.pickupDate ?? ""} error={errors.pickupDate} />
        <fieldset className="field">
          <legend>Contactpersoon</legend>
          <TextField id="contactName" label="Naam" value={values?.contactName ?? ""} error={errors.contactName} />
          <TextField id="contactEmail" label="E-mailadres" type="email" value={values?.contactEmail ?? ""} error={errors.contactEmail} />
          <TextField id="contactPhone" label="Telefoonnummer (niet verplicht)" type="tel" value={values?.contactPhone ?? ""} error={errors.contactPhone} />
          <SelectField id="language" label="Taal van de e-mail" value={values?.language ?? "nl"} options={languages} />
        </fieldset>
        <TextArea id="note" label="Opmerking (niet verplicht)" value={values?.note ?? ""} error={errors.note} rows={3} />
        <button type="submit" className="button">
          Schenking bewaren
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
