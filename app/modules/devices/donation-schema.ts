/**
 * Forms of the device bank's donations and intake. The pledge form is public (messages are i18n keys under
 * "donation.errors", translated where shown; staff see the Dutch text); the intake batch is staff-only (plain Dutch).
 */
import { z } from "zod";
import type { deviceCondition, deviceKind, keyboardLayout } from "~/db/schema";

// The enums of the schema, repeated here (type-checked) so that pages can use them without bundling the schema.
export const DEVICE_KINDS = ["laptop", "tablet", "smartphone", "screen", "router_4g", "data_sim"] as const satisfies readonly (typeof deviceKind.enumValues)[number][];
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const KEYBOARD_LAYOUTS = ["azerty", "qwerty", "other"] as const satisfies readonly (typeof keyboardLayout.enumValues)[number][];
export const DEVICE_CONDITIONS = ["new", "good", "fair", "poor", "broken"] as const satisfies readonly (typeof deviceCondition.enumValues)[number][];

/** Staff pages are Dutch. */
export const KIND_LABELS_NL: Record<DeviceKind, string> = {
  laptop: "Laptop",
  tablet: "Tablet",
  smartphone: "Smartphone",
  screen: "Scherm",
  router_4g: "4G-router",
  data_sim: "Data-simkaart",
};
export const LAYOUT_LABELS_NL: Record<(typeof KEYBOARD_LAYOUTS)[number], string> = { azerty: "AZERTY", qwerty: "QWERTY", other: "Ander" };
export const CONDITION_LABELS_NL: Record<(typeof DEVICE_CONDITIONS)[number], string> = {
  new: "Nieuw",
  good: "Goed",
  fair: "Redelijk",
  poor: "Slecht",
  broken: "Defect",
};

export const DONATION_STATUS_LABELS = { pledged: "Beloofd, nog niet ontvangen", received: "Ontvangen", cancelled: "Geannuleerd" } as const;

export const isDeviceKind = (value: unknown): value is DeviceKind => typeof value === "string" && (DEVICE_KINDS as readonly string[]).includes(value);

const E = (key: string) => `donation.errors.${key}`;
const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim() || null)
    .refine((v) => !v || v.length <= max, { message: E("tooLong") });

export const countField = (kind: string) => `count_${kind}`;

export interface PledgeFormValues {
  organizationName: string;
  counts: Record<string, string>;
  minimumSpecs: string;
  pickupAddress: string;
  pickupDate: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  note: string;
}

export function pledgeValuesFromForm(form: FormData): PledgeFormValues {
  const text = (name: string) => String(form.get(name) ?? "");
  return {
    organizationName: text("organizationName"),
    counts: Object.fromEntries(DEVICE_KINDS.map((kind) => [kind, text(countField(kind))])),
    minimumSpecs: text("minimumSpecs"),
    pickupAddress: text("pickupAddress"),
    pickupDate: text("pickupDate"),
    contactName: text("contactName"),
    contactEmail: text("contactEmail"),
    contactPhone: text("contactPhone"),
    note: text("note"),
  };
}

const pledgeSchema = z.object({
  organizationName: z.string().trim().min(2, E("organizationName")).max(120, E("tooLong")),
  minimumSpecs: optionalText(1000),
  pickupAddress: z.string().trim().min(5, E("pickupAddress")).max(300, E("tooLong")),
  pickupDate: z
    .string()
    .trim()
    .transform((v) => v || null)
    .refine((v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T12:00:00Z`))), { message: E("pickupDate") }),
  contactName: z.string().trim().min(1, E("contactName")).max(100, E("tooLong")),
  contactEmail: z
    .string()
    .trim()
    .min(1, E("contactEmail"))
    .max(254, E("tooLong"))
    .refine((v) => z.email().safeParse(v).success, { message: E("contactEmail") }),
  contactPhone: optionalText(30).refine((v) => !v || (/^(\+32|0)[0-9 ./-]{7,15}$/.test(v) && v.replace(/\D/g, "").length >= 9), {
    message: E("contactPhone"),
  }),
  note: optionalText(1000),
});

export interface PledgeInput extends z.output<typeof pledgeSchema> {
  pledged: { kind: DeviceKind; count: number }[];
}

/** The pledge, or field errors (i18n keys). The pickup date may not lie before `today` (Brussels date). */
export function parsePledge(values: PledgeFormValues, today: string): { ok: true; data: PledgeInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const pledged: { kind: DeviceKind; count: number }[] = [];
  for (const kind of DEVICE_KINDS) {
    const raw = (values.counts[kind] ?? "").trim();
    if (!raw) continue;
    const count = Number(raw);
    if (!Number.isInteger(count) || count < 0 || count > 500) errors[countField(kind)] ??= E("count");
    else if (count > 0) pledged.push({ kind, count });
  }
  const parsed = pledgeSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  }
  if (pledged.length === 0 && !Object.keys(errors).some((k) => k.startsWith("count_"))) errors[countField(DEVICE_KINDS[0])] = E("noDevices");
  const date = values.pickupDate.trim();
  if (!errors.pickupDate && /^\d{4}-\d{2}-\d{2}$/.test(date) && date < today) errors.pickupDate = E("pickupPast");
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data: { ...parsed.data, pledged } };
}

// ---------------------------------------------------------------------------------------------
// Intake: one batch of devices as staff register them (plain Dutch)
// ---------------------------------------------------------------------------------------------

export const INTAKE_FIELDS = ["kind", "make", "model", "serial", "specs", "keyboardLayout", "condition"] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];
export type IntakeRowValues = Record<IntakeField, string>;
export const intakeField = (row: number, field: IntakeField) => `rows-${row}-${field}`;
export const EMPTY_INTAKE_ROW: IntakeRowValues = { kind: "", make: "", model: "", serial: "", specs: "", keyboardLayout: "", condition: "good" };

export interface IntakeRow {
  kind: DeviceKind;
  make: string | null;
  model: string | null;
  serial: string | null;
  specs: string | null;
  keyboardLayout: (typeof KEYBOARD_LAYOUTS)[number] | null;
  condition: (typeof DEVICE_CONDITIONS)[number];
}

export function intakeValuesFromForm(form: FormData, maxRows = 60): IntakeRowValues[] {
  const rows: IntakeRowValues[] = [];
  for (let i = 0; i < maxRows; i++) {
    if (!form.has(intakeField(i, "kind"))) break;
    rows.push(Object.fromEntries(INTAKE_FIELDS.map((f) => [f, String(form.get(intakeField(i, f)) ?? "")])) as IntakeRowValues);
  }
  return rows;
}

/** A row with only the default condition filled in counts as empty. */
const isBlank = (row: IntakeRowValues) => INTAKE_FIELDS.every((f) => f === "condition" || !row[f].trim());

/** Normalised serial number: case and spaces do not make two serials different. */
export const serialKey = (serial: string) => serial.replace(/\s+/g, "").toUpperCase();

/**
 * The devices of a batch, or errors per field (`rows-<i>-<field>`), in plain Dutch. Empty rows are skipped; two
 * rows with the same serial number are flagged at both serial fields.
 */
export function parseIntake(values: IntakeRowValues[]): { ok: true; rows: IntakeRow[]; index: number[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const rows: IntakeRow[] = [];
  const index: number[] = [];
  const serials = new Map<string, number>();
  values.forEach((row, i) => {
    if (isBlank(row)) return;
    const text = (field: IntakeField, max: number) => {
      const v = row[field].trim();
      if (v.length > max) errors[intakeField(i, field)] = `Te lang: hoogstens ${max} tekens.`;
      return v || null;
    };
    if (!isDeviceKind(row.kind)) errors[intakeField(i, "kind")] = `Toestel ${i + 1}: kies de soort toestel.`;
    const serial = text("serial", 80);
    if (serial) {
      const key = serialKey(serial);
      const first = serials.get(key);
      if (first !== undefined) {
        errors[intakeField(i, "serial")] = `Toestel ${i + 1}: dit serienummer staat ook bij toestel ${first + 1}. Een serienummer hoort bij één toestel.`;
        errors[intakeField(first, "serial")] ??= `Toestel ${first + 1}: dit serienummer staat ook bij toestel ${i + 1}.`;
      } else serials.set(key, i);
    }
    const layout = row.keyboardLayout.trim();
    if (layout && !(KEYBOARD_LAYOUTS as readonly string[]).includes(layout)) errors[intakeField(i, "keyboardLayout")] = `Toestel ${i + 1}: kies AZERTY, QWERTY of ander.`;
    const condition = row.condition.trim() || "good";
    if (!(DEVICE_CONDITIONS as readonly string[]).includes(condition)) errors[intakeField(i, "condition")] = `Toestel ${i + 1}: kies de staat van het toestel.`;
    rows.push({
      kind: row.kind as DeviceKind,
      make: text("make", 80),
      model: text("model", 120),
      serial,
      specs: text("specs", 500),
      keyboardLayout: (layout || null) as IntakeRow["keyboardLayout"],
      condition: condition as IntakeRow["condition"],
    });
    index.push(i);
  });
  if (Object.keys(errors).length) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: { [intakeField(0, "kind")]: "Vul minstens één toestel in." } };
  return { ok: true, rows, index };
}

/** "3 × laptop, 1 × tablet" */
export function pledgedText(pledged: { kind: string; count: number }[]): string {
  return pledged.map((p) => `${p.count} × ${isDeviceKind(p.kind) ? KIND_LABELS_NL[p.kind].toLowerCase() : p.kind}`).join(", ");
}
