/** Forms of the help-question log and the list of services (staff: plain Dutch messages). */
import { z } from "zod";
import { AGE_BANDS, CHANNELS, DURATIONS, HELP_LANGUAGES, OUTCOMES } from "./labels";

const uuid = (message: string) => z.string(message).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, message);
const optionalUuid = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim() || null)
  .refine((v) => !v || /^[0-9a-f-]{36}$/i.test(v), {
    message: "Deze koppeling klopt niet. Open het formulier opnieuw.",
  });
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim() || null)
    .refine((v): v is T[number] | null => v === null || (values as readonly string[]).includes(v), { message });

export const tallyInput = z.object({
  helpPointId: uuid("Kies het hulppunt."),
  channel: z.enum(CHANNELS, "Kies hoe de persoon bij u kwam."),
  topicIds: z.array(uuid("Kies een onderwerp uit de lijst.")).max(10, "Kies hoogstens 10 onderwerpen."),
  serviceIds: z.array(uuid("Kies een dienst uit de lijst.")).max(10, "Kies hoogstens 10 diensten."),
  outcome: z.enum(OUTCOMES, "Kies hoe het afliep."),
  duration: z.enum(DURATIONS, "Kies hoe lang het duurde."),
  ageBand: optionalEnum(AGE_BANDS, "Kies een leeftijd uit de lijst."),
  language: optionalEnum(HELP_LANGUAGES, "Kies een taal uit de lijst."),
  firstVisit: z
    .string()
    .optional()
    .transform((v) => (v === "yes" ? true : v === "no" ? false : null)),
  remark: z
    .string()
    .optional()
    .transform((v) => (v ?? "").replace(/\s+/g, " ").trim() || null)
    .refine((v) => !v || v.length <= 200, {
      message: "Schrijf hoogstens 200 tekens.",
    }),
  appointmentId: optionalUuid,
  homeVisitId: optionalUuid,
  /** The form's own key: sent twice, it is one contact (see help_contacts.submission_key). */
  submissionKey: optionalUuid,
});
export type TallyInput = z.output<typeof tallyInput>;

export const TALLY_FIELDS = [
  "helpPointId",
  "channel",
  "outcome",
  "duration",
  "ageBand",
  "language",
  "firstVisit",
  "remark",
  "appointmentId",
  "homeVisitId",
  "submissionKey",
] as const;
export interface TallyValues extends Record<(typeof TALLY_FIELDS)[number], string> {
  topicIds: string[];
  serviceIds: string[];
}

export function tallyValuesFromForm(form: FormData): TallyValues {
  const values = Object.fromEntries(TALLY_FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as unknown as TallyValues;
  values.topicIds = form.getAll("topicIds").map(String);
  values.serviceIds = form.getAll("serviceIds").map(String);
  return values;
}

export const serviceNameInput = z
  .string("Vul een naam in.")
  .trim()
  .min(2, "Vul een naam in van minstens 2 tekens.")
  .max(80, "Gebruik hoogstens 80 tekens.");
