import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { countField, DEVICE_KINDS, parsePledge, pledgeValuesFromForm, type PledgeFormValues } from "~/modules/devices/donation-schema";
import { impactPath, pledgeDonation } from "~/modules/devices/donations.server";
import { brusselsDate } from "~/modules/finder/opening-hours";
import { usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { newSubmissionKey, submissionKeyOf } from "~/modules/shared/submission.server";
import { ErrorSummary, FieldError, type FieldErrors, TextArea, TextField } from "~/ui/form";
import type { RouteHandle } from "~/root";
import type { Route } from "./+types/donate";
import { PhoneSentence } from "~/ui/phone-link";

export const handle: RouteHandle = { hydrate: false };

export async function loader({ params }: Route.LoaderArgs) {
  await requirePublicMunicipality(params);
  // A fresh key for each form shown: the same form sent twice is one donation with one link.
  return { today: brusselsDate(), submissionKey: newSubmissionKey() };
}

/** Each page view has its own form key: never kept by a browser or a proxy and shown to someone else. */
export const headers: Route.HeadersFunction = ({ parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  headers.set("Cache-Control", "private, no-store");
  return headers;
};

type ActionData = { errors: FieldErrors; values: PledgeFormValues; submissionKey: string | null; sent?: boolean };

export async function action({ params, request }: Route.ActionArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const form = await request.formData();
  const values = pledgeValuesFromForm(form);
  const submissionKey = submissionKeyOf(form);
  const parsed = parsePledge(values, brusselsDate());
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values, submissionKey }, { status: 400 });
  const result = await pledgeDonation(getDb(), municipality.id, parsed.data, { language: lang, baseUrl: appBaseUrl(request), submissionKey });
  if (!result.ok) return data<ActionData>({ errors: { organizationName: "donation.errors.organizationName" }, values, submissionKey }, { status: 400 });
  // Sent again after staff renewed the link: the donation stands, the new link is in the e-mail.
  if (!result.token) return data<ActionData>({ errors: {}, values: EMPTY, submissionKey: null, sent: true });
  throw redirect(`${impactPath(municipality.slug, lang, result.token)}?nieuw=1`, 303);
}

const EMPTY: PledgeFormValues = {
  organizationName: "",
  counts: {},
  minimumSpecs: "",
  pickupAddress: "",
  pickupDate: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  note: "",
};

export default function Donate({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const result = actionData as ActionData | undefined;
  const errors: FieldErrors = Object.fromEntries(Object.entries(result?.errors ?? {}).map(([k, v]) => [k, v ? t(v) : v]));
  const hasErrors = Object.values(errors).some(Boolean);
  const values = result?.values ?? EMPTY;
  const title = t("donation.pledge.title");
  const phone = ctx.municipality.phone;
  const countErrors = DEVICE_KINDS.map((kind) => errors[countField(kind)]).filter(Boolean);
  if (result?.sent) {
    return (
      <div className="narrow">
        <title>{`${title} — Digibrug ${ctx.municipality.name}`}</title>
        <h1>{title}</h1>
        <div className="success" role="status">
          <p>{t("donation.impact.thanks")}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="narrow">
      <title>{`${hasErrors ? `${t("form.errorPrefix")} ` : ""}${title} — Digibrug ${ctx.municipality.name}`}</title>
      <h1>{title}</h1>
      <p className="lead">{t("donation.pledge.intro")}</p>
      <p>
        <PhoneSentence textKey="donation.pledge.callUs" phone={phone} />
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" noValidate>
        <input type="hidden" name="submissionKey" value={result?.submissionKey ?? loaderData.submissionKey} />
        <TextField id="organizationName" label={t("donation.pledge.organization")} value={values.organizationName} error={errors.organizationName} autoComplete="organization" />

        <fieldset className="field" aria-describedby="devices-hint">
          <legend>{t("donation.pledge.devicesLegend")}</legend>
          <p className="hint" id="devices-hint">
            {t("donation.pledge.devicesHint")}
          </p>
          {countErrors.length ? <FieldError id="devices" message={countErrors[0]} /> : null}
          <div className="hours-row">
            {DEVICE_KINDS.map((kind) => {
              const id = countField(kind);
              return (
                <div className="field" key={kind}>
                  <label htmlFor={id}>{t(`donation.kinds.${kind}`)}</label>
                  <input
                    id={id}
                    name={id}
                    type="text"
                    inputMode="numeric"
                    className="input-short"
                    defaultValue={values.counts[kind] ?? ""}
                    aria-invalid={errors[id] ? true : undefined}
                    aria-describedby={errors[id] ? "devices-error" : undefined}
                  />
                </div>
              );
            })}
          </div>
        </fieldset>

        <TextArea id="minimumSpecs" label={t("donation.pledge.minimumSpecs")} hint={t("donation.pledge.minimumSpecsHint")} value={values.minimumSpecs} error={errors.minimumSpecs} rows={3} />
        <TextArea id="pickupAddress" label={t("donation.pledge.pickupAddress")} hint={t("donation.pledge.pickupAddressHint")} value={values.pickupAddress} error={errors.pickupAddress} rows={2} />
        <TextField id="pickupDate" label={t("donation.pledge.pickupDate")} value={values.pickupDate} error={errors.pickupDate} type="date" min={loaderData.today} />

        <fieldset className="field">
          <legend>{t("donation.pledge.contactLegend")}</legend>
          <TextField id="contactName" label={t("donation.pledge.contactName")} value={values.contactName} error={errors.contactName} autoComplete="name" />
          <TextField
            id="contactEmail"
            label={t("donation.pledge.contactEmail")}
            hint={t("donation.pledge.contactEmailHint")}
            value={values.contactEmail}
            error={errors.contactEmail}
            type="email"
            autoComplete="email"
          />
          <TextField id="contactPhone" label={t("donation.pledge.contactPhone")} value={values.contactPhone} error={errors.contactPhone} type="tel" autoComplete="tel" />
        </fieldset>

        <TextArea id="note" label={t("donation.pledge.note")} value={values.note} error={errors.note} rows={3} />
        <p className="hint">{t("donation.pledge.wipeNote")}</p>
        <button type="submit" className="button">
          {t("donation.pledge.submit")}
        </button>
      </form>
    </div>
  );
}
