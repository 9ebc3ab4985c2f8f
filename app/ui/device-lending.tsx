/** Small pieces shared by the device-lending staff pages (applications, loans, settings). */
import { FieldError } from "~/ui/form";

/** A group of checkboxes with a legend and an error; the first box carries the group's id (for the error summary). */
export function CheckboxGroup({
  id,
  name,
  legend,
  hint,
  options,
  checked,
  error,
}: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  checked: readonly string[];
  error?: string;
}) {
  return (
    <fieldset className="field" aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} message={error} />
      <div className="checkboxes">
        {options.map((o, i) => (
          <div className="checkbox" key={o.value}>
            <input type="checkbox" id={i === 0 ? id : `${id}-${o.value}`} name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
            <label htmlFor={i === 0 ? id : `${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Radio buttons with a legend and an error; the first one carries the group's id. */
export function RadioGroup({
  id,
  name,
  legend,
  options,
  value,
  error,
}: {
  id: string;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string;
  error?: string;
}) {
  return (
    <fieldset className="field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <FieldError id={id} message={error} />
      <div className="radios">
        {options.map((o, i) => (
          <div className="radio" key={o.value}>
            <input type="radio" id={i === 0 ? id : `${id}-${o.value}`} name={name} value={o.value} defaultChecked={value === o.value} />
            <label htmlFor={i === 0 ? id : `${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** A YYYY-MM-DD date in plain Dutch: "dinsdag 1 december 2026". */
export function dutchLongDate(date: string): string {
  return new Intl.DateTimeFormat("nl-BE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}
