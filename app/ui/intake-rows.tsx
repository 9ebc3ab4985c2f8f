/** One row of the device intake form (staff, Dutch): kind, make, model, serial, specs, keyboard, condition. */
import {
  CONDITION_LABELS_NL,
  DEVICE_CONDITIONS,
  DEVICE_KINDS,
  intakeField,
  KEYBOARD_LAYOUTS,
  KIND_LABELS_NL,
  LAYOUT_LABELS_NL,
  type IntakeField,
  type IntakeRowValues,
} from "~/modules/devices/donation-schema";
import { controlProps, FieldFrame, type FieldErrors } from "./form";

const FIELD_LABELS: Record<IntakeField, string> = {
  kind: "Soort",
  make: "Merk",
  model: "Model",
  serial: "Serienummer",
  specs: "Specificaties",
  keyboardLayout: "Toetsenbord",
  condition: "Staat",
};

export function IntakeRowFields({ index, values, errors }: { index: number; values: IntakeRowValues; errors: FieldErrors }) {
  const input = (field: IntakeField) => {
    const id = intakeField(index, field);
    const error = errors[id];
    const common = controlProps({ id, value: values[field], error });
    return (
      <FieldFrame key={field} id={id} label={FIELD_LABELS[field]} error={error}>
        {field === "kind" ? (
          <select {...common}>
            <option value="">Kies</option>
            {DEVICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS_NL[k]}
              </option>
            ))}
          </select>
        ) : field === "keyboardLayout" ? (
          <select {...common}>
            <option value="">Geen of onbekend</option>
            {KEYBOARD_LAYOUTS.map((k) => (
              <option key={k} value={k}>
                {LAYOUT_LABELS_NL[k]}
              </option>
            ))}
          </select>
        ) : field === "condition" ? (
          <select {...common}>
            {DEVICE_CONDITIONS.map((c) => (
              <option key={c} value={c}>
                {CONDITION_LABELS_NL[c]}
              </option>
            ))}
          </select>
        ) : (
          <input type="text" autoComplete="off" spellCheck={false} {...common} />
        )}
      </FieldFrame>
    );
  };
  return (
    <fieldset className="intake-row">
      <legend>Toestel {index + 1}</legend>
      <div className="intake-grid">{(["kind", "make", "model", "serial", "specs", "keyboardLayout", "condition"] as const).map(input)}</div>
    </fieldset>
  );
}

