import { useTranslation } from "react-i18next";
import { LANGUAGE_NAMES, type Language } from "~/i18n/languages";
import { CallUs } from "./call-us";
import { describedBy, FieldError, type FieldErrors } from "./form";

/**
 * Name, then phone or e-mail, for a resident who signs up without an account (course registration, appointment).
 * Texts come from `<prefix>.name|contactLegend|contactHint|phone|phoneHint|email|noContact`; `errors` are the
 * messages as shown (already translated).
 */
export function ResidentContactFields({
  prefix,
  values,
  errors,
}: {
  prefix: string;
  values: { name: string; phone: string; email: string };
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor="name">{t(`${prefix}.name`)}</label>
        <FieldError id="name" message={errors.name} />
        <input
          id="name"
          name="name"
          type="text"
          autoComplete="name"
          defaultValue={values.name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy("name", { error: errors.name })}
        />
      </div>
      <fieldset className="field" aria-describedby="contact-hint">
        <legend>{t(`${prefix}.contactLegend`)}</legend>
        <p className="hint" id="contact-hint">
          {t(`${prefix}.contactHint`)}
        </p>
        <div className="field">
          <label htmlFor="phone">{t(`${prefix}.phone`)}</label>
          <p className="hint" id="phone-hint">
            {t(`${prefix}.phoneHint`)}
          </p>
          <FieldError id="phone" message={errors.phone} />
          <input
            id="phone"
            name="phone"
            type="tel"
            autoComplete="tel"
            dir="ltr"
            defaultValue={values.phone}
            aria-invalid={errors.phone ? true : undefined}
            aria-describedby={describedBy("phone", { hint: true, error: errors.phone })}
          />
        </div>
        <div className="field">
          <label htmlFor="email">{t(`${prefix}.email`)}</label>
          <FieldError id="email" message={errors.email} />
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            dir="ltr"
            spellCheck={false}
            defaultValue={values.email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy("email", { error: errors.email })}
          />
        </div>
        <CallUs textKey={`${prefix}.noContact`} />
      </fieldset>
    </>
  );
}

/** The language for our messages: radio buttons with each language's own name; hidden when there is one choice. */
export function MessageLanguageField({
  legend,
  languages,
  value,
  error,
  fallback,
}: {
  legend: string;
  languages: readonly Language[];
  value: string;
  error?: string;
  fallback: string;
}) {
  if (languages.length <= 1) return <input type="hidden" name="language" value={languages[0] ?? fallback} />;
  return (
    <fieldset className="field" aria-describedby={describedBy("language", { error })}>
      <legend>{legend}</legend>
      <FieldError id="language" message={error} />
      <div className="radios">
        {languages.map((code, i) => (
          <div className="radio" key={code}>
            <input type="radio" id={i === 0 ? "language" : `language-${code}`} name="language" value={code} defaultChecked={value === code} />
            <label htmlFor={i === 0 ? "language" : `language-${code}`} lang={code}>
              {LANGUAGE_NAMES[code]}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
