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

/** What was just done or saved (after a redirect), in a status region that screen readers read out. */
export function SavedNotice({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="success" role="status">
      <p>{message}</p>
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

/** What every control of a field carries: id, name (the id when not given), the typed value, and its hint and error for screen readers. */
export function controlProps({ id, name, value, hint, error }: { id: string; name?: string; value: string; hint?: boolean; error?: string }) {
  return { id, name: name ?? id, defaultValue: value, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, { hint, error }) };
}

/** The hint (`<id>-hint`) and the error (`<id>-error`) under a field's label or legend. */
function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} message={error} />
    </>
  );
}

/** Label, hint and error of one field, GOV.UK style; the control comes as children. */
export function FieldFrame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
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
        {...controlProps({ id, name, value, hint: Boolean(hint), error })}
        type={type}
        autoComplete={autoComplete}
        className={className}
        min={min}
        max={max}
        inputMode={inputMode}
        lang={lang}
        dir={lang === "ar" ? "rtl" : undefined}
      />
    </FieldFrame>
  );
}

export function TextArea({ id, name, label, hint, value, error, lang, rows = 4 }: FieldProps & { rows?: number }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea {...controlProps({ id, name, value, hint: Boolean(hint), error })} rows={rows} lang={lang} dir={lang === "ar" ? "rtl" : undefined} />
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
      <select {...controlProps({ id, name, value, hint: Boolean(hint), error })}>
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

/** A labelled date or time input with its error (the browser's own picker shows the format). */
export function DateTimeField({ id, name, label, value, error, type }: Omit<FieldProps, "hint" | "lang"> & { type: "date" | "time" }) {
  return (
    <FieldFrame id={id} label={label} error={error}>
      <input {...controlProps({ id, name, value, error })} type={type} />
    </FieldFrame>
  );
}

/**
 * Checkboxes or radio buttons under a legend, with a hint and an error. The first input carries the group's id (the
 * name when no id is given), so the error summary can link to the group; the others `<id>-<value>`.
 */
export function ChoiceGroup({
  id,
  name,
  legend,
  hint,
  options,
  checked,
  error,
  type = "checkbox",
  columns = false,
}: {
  id?: string;
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  checked: readonly string[];
  error?: string;
  type?: "checkbox" | "radio";
  /** Short labels in columns on a wide screen. */
  columns?: boolean;
}) {
  const groupId = id ?? name;
  return (
    <fieldset className="field" aria-describedby={describedBy(groupId, { hint: Boolean(hint), error })}>
      <legend>{legend}</legend>
      <HintAndError id={groupId} hint={hint} error={error} />
      <div className={`${type === "radio" ? "radios" : "checkboxes"}${columns ? " checkbox-columns" : ""}`}>
        {options.map((option, i) => {
          const inputId = i === 0 ? groupId : `${groupId}-${option.value.replace(/\W/g, "-")}`;
          return (
            <div className={type} key={option.value}>
              <input type={type} id={inputId} name={name} value={option.value} defaultChecked={checked.includes(option.value)} />
              <label htmlFor={inputId}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
