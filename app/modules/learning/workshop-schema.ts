/**
 * Forms of school workshops: the request a school sends (public: messages are i18n keys, translated where shown)
 * and the coordinator's plan (staff: plain Dutch).
 */
import { z } from "zod";

export const GRADES = [
  "kindergarten",
  "primary_1",
  "primary_2",
  "primary_3",
  "primary_4",
  "primary_5",
  "primary_6",
  "secondary_1",
  "secondary_2",
  "secondary_3",
  "secondary_4",
  "secondary_5",
  "secondary_6",
  "secondary_7",
  "special",
  "adult",
  "other",
] as const;
export type Grade = (typeof GRADES)[number];

/** Staff see the grade in Dutch whatever language the school used. */
export const GRADE_LABELS_NL: Record<Grade, string> = {
  kindergarten: "Kleuterklas",
  primary_1: "1ste leerjaar",
  primary_2: "2de leerjaar",
  primary_3: "3de leerjaar",
  primary_4: "4de leerjaar",
  primary_5: "5de leerjaar",
  primary_6: "6de leerjaar",
  secondary_1: "1ste jaar secundair",
  secondary_2: "2de jaar secundair",
  secondary_3: "3de jaar secundair",
  secondary_4: "4de jaar secundair",
  secondary_5: "5de jaar secundair",
  secondary_6: "6de jaar secundair",
  secondary_7: "7de jaar secundair",
  special: "Buitengewoon onderwijs",
  adult: "Volwassenenonderwijs",
  other: "Andere",
};

export const gradeLabelNl = (grade: string) => GRADE_LABELS_NL[grade as Grade] ?? grade;

/** The value of the topic field when the school wants something not in the list. */
export const OTHER_TOPIC = "other";

const E = (key: string) => `courseRun.school.errors.${key}`;
const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim() || null)
    .refine((v) => !v || v.length <= max, { message: E("tooLong") });

export const workshopRequestInput = z
  .object({
    schoolId: z.string(E("school")).trim().min(1, E("school")),
    contactName: z.string(E("contactName")).trim().min(1, E("contactName")).max(100, E("tooLong")),
    contactEmail: optionalText(254).refine((v) => !v || z.email().safeParse(v).success, { message: E("email") }),
    contactPhone: optionalText(30).refine((v) => !v || (/^(\+32|0)[0-9 ./-]{7,15}$/.test(v) && v.replace(/\D/g, "").length >= 9), {
      message: E("phone"),
    }),
    topic: z.string(E("topic")).trim().min(1, E("topic")),
    grade: z.enum(GRADES, E("grade")),
    pupils: z.coerce.number(E("pupils")).int(E("pupils")).min(1, E("pupils")).max(60, E("pupils")),
    preferredDates: z.string(E("dates")).trim().min(1, E("dates")).max(500, E("tooLong")),
    needsDevices: z.enum(["yes", "no"], E("devices")).transform((v) => v === "yes"),
    note: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (!v.contactEmail && !v.contactPhone) ctx.addIssue({ code: "custom", message: E("contact"), path: ["contactEmail"] });
  });
export type WorkshopRequestInput = z.output<typeof workshopRequestInput>;

export const WORKSHOP_FIELDS = ["schoolId", "contactName", "contactEmail", "contactPhone", "topic", "grade", "pupils", "preferredDates", "needsDevices", "note"] as const;
export type WorkshopFormValues = Record<(typeof WORKSHOP_FIELDS)[number], string>;

export function workshopValuesFromForm(form: FormData): WorkshopFormValues {
  return Object.fromEntries(WORKSHOP_FIELDS.map((field) => [field, String(form.get(field) ?? "")])) as WorkshopFormValues;
}

export const workshopPlanInput = z
  .object({
    courseId: z.string("Kies een cursus.").min(1, "Kies een cursus."),
    date: z.string("Vul een datum in.").regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een datum in, zoals 2026-03-12."),
    from: z.string("Vul een beginuur in.").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Vul een beginuur in, zoals 09:00."),
    to: z.string("Vul een einduur in.").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Vul een einduur in, zoals 11:30."),
    capacity: z.coerce.number("Vul het aantal plaatsen in.").int("Vul een geheel getal in.").min(1, "Minstens 1 plaats.").max(200, "Maximaal 200 plaatsen."),
  })
  .refine((v) => v.from < v.to, { message: "Het einduur moet na het beginuur komen.", path: ["to"] });
export type WorkshopPlanInput = z.output<typeof workshopPlanInput>;

export const declineReasonInput = z.string("Schrijf waarom.").trim().min(1, "Schrijf waarom u de aanvraag weigert. De school krijgt deze uitleg.").max(1000, "Gebruik maximaal 1000 tekens.");

/** Check the request form: every error at once, also "fill in a way to reach you" while other fields are wrong. */
export function parseWorkshopRequest(values: WorkshopFormValues): { ok: true; data: WorkshopRequestInput } | { ok: false; errors: Record<string, string> } {
  const parsed = workshopRequestInput.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  if (!values.contactEmail.trim() && !values.contactPhone.trim()) errors.contactEmail ??= E("contact");
  // In the order of the form, for the error summary.
  return { ok: false, errors: Object.fromEntries(WORKSHOP_FIELDS.filter((f) => errors[f]).map((f) => [f, errors[f]])) };
}
