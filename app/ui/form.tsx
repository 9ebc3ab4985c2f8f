import { useTranslation } from "react-i18next";

export type FieldErrors = Partial<Record<string, string>>;

/**
 * GOV.UK error summary: a list of links to the fields with errors, at the top of the form.
 * It is focused on load (tabIndex -1 + autoFocus-free: the server renders it first in the main content).
 */
export function ErrorSummary({ errors, labels }: { errors: FieldErrors; labels?: Record<string, string> }) {
  const { t } = useTranslation();
  const entries = Object.entries(errors).filter(([, message]) => message);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t("form.errorSummary")}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{labels?.[field] ? `${labels[field]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">{t("form.errorPrefix")}</span> {message}
    </p>
  );
}

/** aria-describedby for a field with an optional hint and error. */
export function describedBy(id: string, { hint, error }: { hint?: boolean; error?: string }): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** Label, hint and error of one field, GOV.UK style; the control comes as children. */
export function FieldFrame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} message={error} />
      {children}
    </div>
  );
}

interface FieldProps {
  id: string;
  /** The form field name; the id when not given. */
  name?: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  /** Language of the text typed here (a translation field); Arabic is written right to left. */
  lang?: string;
}

/** A labelled text input with its hint and error, GOV.UK style; the name is the id. */
export function TextField({
  id,
  name,
  label,
  hint,
  value,
  error,
  type = "text",
  autoComplete = "off",
  className,
  min,
  max,
  inputMode,
  lang,
}: FieldProps & {
  type?: string;
  autoComplete?: string;
  className?: string;
  min?: string;
  max?: string;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name ?? id}
        type={type}
        defaultValue={value}
        autoComplete={autoComplete}
        className={className}
        min={min}
        max={max}
        inputMode={inputMode}
        lang={lang}
        dir={lang === "ar" ? "rtl" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), error })}
      />
    </FieldFrame>
  );
}

export function TextArea({ id, name, label, hint, value, error, lang, rows = 4 }: FieldProps & { rows?: number }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name ?? id}
        rows={rows}
        defaultValue={value}
        lang={lang}
        dir={lang === "ar" ? "rtl" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), error })}
      />
    </FieldFrame>
  );
}

/** A labelled select with an optional empty first choice. */
export function SelectField({
  id,
  name,
  label,
  hint,
  value,
  error,
  options,
  empty,
}: FieldProps & { options: { value: string; label: string }[]; empty?: string }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name ?? id}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), error })}
      >
        {empty != null ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
