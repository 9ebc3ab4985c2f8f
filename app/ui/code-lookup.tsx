import { useTranslation } from "react-i18next";
import { describedBy, FieldError, type FieldErrors } from "./form";

/**
 * "Find it with your code and your phone number or e-mail": the same two fields for course registrations and
 * appointments. Texts come from `<prefix>.code|codeHint|contact|contactHint|submit` in the catalogues.
 */
export function CodeLookupForm({
  prefix,
  values,
  errors,
}: {
  prefix: string;
  values: { code: string; contact: string };
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  return (
    <form method="post" noValidate>
      <div className="field">
        <label htmlFor="code">{t(`${prefix}.code`)}</label>
        <p className="hint" id="code-hint">
          {t(`${prefix}.codeHint`)}
        </p>
        <FieldError id="code" message={errors.code} />
        <input
          id="code"
          name="code"
          type="text"
          className="input-code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
          defaultValue={values.code}
          aria-invalid={errors.code ? true : undefined}
          aria-describedby={describedBy("code", { hint: true, error: errors.code })}
        />
      </div>
      <div className="field">
        <label htmlFor="contact">{t(`${prefix}.contact`)}</label>
        <p className="hint" id="contact-hint">
          {t(`${prefix}.contactHint`)}
        </p>
        <FieldError id="contact" message={errors.contact} />
        <input
          id="contact"
          name="contact"
          type="text"
          autoComplete="tel"
          spellCheck={false}
          dir="ltr"
          defaultValue={values.contact}
          aria-invalid={errors.contact ? true : undefined}
          aria-describedby={describedBy("contact", { hint: true, error: errors.contact })}
        />
      </div>
      <button type="submit" className="button">
        {t(`${prefix}.submit`)}
      </button>
    </form>
  );
}
