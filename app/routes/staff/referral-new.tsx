import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { LANGUAGE_NAMES, LANGUAGES } from "~/i18n/languages";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { fieldErrors } from "~/modules/offer/schema";
import { REFERRAL_TARGETS, referralInput, referralValuesFromForm, TARGET_LABELS, type ReferralFormValues } from "~/modules/referrals/referral-schema";
import { createReferral, ownHelpPoint, referralFormOptions } from "~/modules/referrals/referrals.server";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { newSubmissionKey, submissionKeyOf } from "~/modules/shared/submission.server";
import { describedBy, ErrorSummary, FieldError, SelectField, TextArea, TextField, type FieldErrors } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/referral-new";

const TARGET_HINTS: Record<(typeof REFERRAL_TARGETS)[number], string> = {
  device_bank: "De bewoner heeft een laptop, tablet of mobiele data nodig.",
  course: "De bewoner wil iets leren in een groep. Kies hieronder de organisatie die de cursus geeft, als u die kent.",
  ocmw: "Kies hieronder het OCMW.",
  social_internet: "Hulp om goedkoper internet te krijgen. Kies hieronder de organisatie die helpt.",
  help_point: "Kies hieronder het hulppunt.",
  organization: "Kies hieronder de organisatie.",
};

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "help.refer");
  const options = await referralFormOptions(getDb(), municipality.id);
  // A fresh key for each form shown: the same form sent twice is one referral with one message each.
  return { municipality: { slug: municipality.slug, name: municipality.name }, ...options, submissionKey: newSubmissionKey() };
}

type ActionData = { errors: FieldErrors; values: ReferralFormValues; submissionKey: string | null };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "help.refer");
  const form = await readStaffForm(request, session);
  const values = referralValuesFromForm(form);
  const submissionKey = submissionKeyOf(form);
  const parsed = referralInput.safeParse(values);
  if (!parsed.success) return data<ActionData>({ errors: fieldErrors(parsed.error), values, submissionKey }, { status: 400 });
  const result = await createReferral(
    getDb(),
    municipality.id,
    parsed.data,
    { actor: { id: session.user.id, email: session.user.email }, fromHelpPointId: ownHelpPoint(session.assignments, municipality.id) },
    { baseUrl: appBaseUrl(request), submissionKey },
  );
  if (!result.ok) return data<ActionData>({ errors: { [result.field]: result.message }, values, submissionKey }, { status: 400 });
  const sent = result.residentMessaged ? "bericht" : "geen-bericht";
  throw redirect(`/beheer/${municipality.slug}/doorverwijzingen/${result.referralId}?verstuurd=${sent}`, 303);
}

const EMPTY: ReferralFormValues = { target: "", toOrganizationId: "", toHelpPointId: "", residentName: "", phone: "", email: "", language: "nl", topicId: "", reason: "", consent: "" };

export default function NewReferral({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, organizations, helpPoints, topics } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const v = result?.values ?? EMPTY;
  const hasErrors = Object.values(errors).some(Boolean);
  return (
    <>
      <title>{`${hasErrors ? "Fout: " : ""}Doorverwijzen — ${municipality.name} — Digibrug beheer`}</title>
      <p>
        <Link to={`/beheer/${municipality.slug}/doorverwijzingen`}>Terug naar de doorverwijzingen</Link>
      </p>
      <h1>Een bewoner doorverwijzen</h1>
      <p>
        Stuur een bewoner door naar een partner die verder helpt. De bewoner krijgt een sms of e-mail in de eigen taal. De partner krijgt een e-mail
        zonder persoonsgegevens en ziet de doorverwijzing in Digibrug.
      </p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="submissionKey" value={result?.submissionKey ?? loaderData.submissionKey} />
        <fieldset className="field" id="target" tabIndex={-1} aria-describedby={describedBy("target", { error: errors.target })}>
          <legend>Naar wie verwijst u door?</legend>
          <FieldError id="target" message={errors.target} />
          <div className="radios">
            {REFERRAL_TARGETS.map((t) => (
              <div className="radio" key={t}>
                <input type="radio" id={`target-${t}`} name="target" value={t} defaultChecked={v.target === t} />
                <label htmlFor={`target-${t}`}>
                  {TARGET_LABELS[t]}
                  <span className="hint referral-target-hint">
                    {TARGET_HINTS[t]}
                  </span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <SelectField
          id="toOrganizationId"
          label="Organisatie (bij OCMW, sociaal internet, een partner of een cursus)"
          value={v.toOrganizationId}
          error={errors.toOrganizationId}
          empty="Kies een organisatie"
          options={organizations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <SelectField
          id="toHelpPointId"
          label="Hulppunt (bij een ander hulppunt)"
          value={v.toHelpPointId}
          error={errors.toHelpPointId}
          empty="Kies een hulppunt"
          options={helpPoints.map((p) => ({ value: p.id, label: p.name }))}
        />
        <h2>De bewoner</h2>
        <TextField id="residentName" label="Naam van de bewoner" value={v.residentName} error={errors.residentName} autoComplete="off" />
        <TextField id="phone" label="Telefoonnummer" hint="Een gsm-nummer, zoals 0470 12 34 56: daar komt de sms. Of vul een e-mailadres in." value={v.phone} error={errors.phone} type="tel" />
        <TextField id="email" label="E-mailadres (niet verplicht)" value={v.email} error={errors.email} type="email" />
        <SelectField
          id="language"
          label="Taal van de bewoner"
          hint="Het bericht aan de bewoner is in deze taal."
          value={v.language}
          error={errors.language}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        />
        <SelectField id="topicId" label="Onderwerp (niet verplicht)" value={v.topicId} error={errors.topicId} empty="Geen onderwerp" options={topics.map((t) => ({ value: t.id, label: t.name }))} />
        <TextArea id="reason" label="Korte uitleg voor de partner (niet verplicht)" hint="Wat moet de partner weten? Schrijf alleen wat nodig is." value={v.reason} error={errors.reason} rows={3} />
        <div className="field" id="consent-field">
          <FieldError id="consent" message={errors.consent} />
          <div className="checkboxes">
            <div className="checkbox">
              <input
                type="checkbox"
                id="consent"
                name="consent"
                value="yes"
                defaultChecked={v.consent === "yes"}
                aria-invalid={errors.consent ? true : undefined}
                aria-describedby={describedBy("consent", { error: errors.consent })}
              />
              <label htmlFor="consent">De bewoner gaat akkoord dat we de naam en het telefoonnummer of e-mailadres doorgeven aan de partner.</label>
            </div>
          </div>
        </div>
        <button type="submit" className="button">
          Doorverwijzen
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
