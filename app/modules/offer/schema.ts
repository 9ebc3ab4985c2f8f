import { z } from "zod";

export const HELP_POINT_TYPES = ["digipunt", "ocr", "library", "service_centre", "popup", "wifi_spot"] as const;
export const ORGANIZATION_TYPES = ["city_department", "service_centre", "library", "ocmw", "ngo", "school", "company"] as const;
export const EQUIPMENT = ["computers", "printer", "scanner", "wifi"] as const;

const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, `Gebruik maximaal ${max} tekens.`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Gebruik maximaal ${max} tekens.`)
    .transform((v) => v || null)
    .nullable()
    .optional();

/** A Belgian phone number as people write it: 03 22 11 333, +32 3 221 13 33, 0470/12.34.56. */
export const phoneNumber = z
  .string()
  .trim()
  .transform((v) => v || null)
  .nullable()
  .optional()
  .refine((v) => !v || /^(\+32|0)[0-9 ./-]{7,15}$/.test(v) && v.replace(/\D/g, "").length >= 9, {
    message: "Vul een Belgisch telefoonnummer in, zoals 03 22 11 333.",
  });

const coordinate = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (v === "" || v == null ? null : typeof v === "string" ? Number(v.replace(",", ".")) : v),
    z.number(message).min(min, message).max(max, message).nullable(),
  );

/**
 * One help point as staff enter it (form or CSV row). Messages are plain Dutch for the person at the desk.
 */
export const helpPointInput = z
  .object({
    name: text(120, "Vul de naam van het hulppunt in."),
    type: z.enum(HELP_POINT_TYPES, "Kies een soort hulppunt uit de lijst."),
    organizationId: z.uuid("Kies een organisatie uit de lijst."),
    districtId: z
      .union([z.uuid("Kies een district uit de lijst."), z.literal("")])
      .transform((v) => v || null)
      .nullable()
      .optional(),
    street: text(160, "Vul de straat en het huisnummer in."),
    postcode: z.string().trim().regex(/^[1-9][0-9]{3}$/, "Een postcode heeft 4 cijfers, bijvoorbeeld 2060."),
    city: text(80, "Vul de gemeente in."),
    latitude: coordinate(-90, 90, "Vul een breedtegraad in zoals 51.2194, of laat leeg."),
    longitude: coordinate(-180, 180, "Vul een lengtegraad in zoals 4.4025, of laat leeg."),
    phone: phoneNumber,
    email: z
      .string()
      .trim()
      .transform((v) => v || null)
      .nullable()
      .optional()
      .refine((v) => !v || z.email().safeParse(v).success, { message: "Vul een e-mailadres in zoals naam@voorbeeld.be." }),
    walkIn: z.boolean(),
    byAppointment: z.boolean(),
    wheelchairAccessible: z.boolean(),
    languages: z
      .array(z.string().trim().regex(/^[a-z]{2,3}$/, "Gebruik taalcodes zoals nl, fr, en, ar."))
      .min(1, "Kies minstens één taal."),
    equipment: z.array(z.enum(EQUIPMENT, "Kies uit: computers, printer, scanner, wifi.")),
    topicCodes: z.array(z.string().regex(/^[a-z0-9-]{1,60}$/, "Onbekend onderwerp.")),
    description: optionalText(2000),
    accessibilityNotes: optionalText(500),
  })
  .refine((v) => (v.latitude == null) === (v.longitude == null), {
    message: "Vul breedtegraad en lengtegraad allebei in, of allebei niet.",
    path: ["longitude"],
  })
  .refine((v) => v.walkIn || v.byAppointment || v.type === "wifi_spot", {
    message: "Kies binnenlopen, op afspraak, of allebei.",
    path: ["walkIn"],
  });
export type HelpPointInput = z.infer<typeof helpPointInput>;

export const organizationInput = z.object({
  name: text(120, "Vul de naam van de organisatie in."),
  type: z.enum(ORGANIZATION_TYPES, "Kies een soort organisatie uit de lijst."),
  description: optionalText(2000),
  website: z
    .string()
    .trim()
    .transform((v) => v || null)
    .nullable()
    .optional()
    .refine((v) => !v || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), { message: "Vul een webadres in dat begint met https://." }),
  email: z
    .string()
    .trim()
    .transform((v) => v || null)
    .nullable()
    .optional()
    .refine((v) => !v || z.email().safeParse(v).success, { message: "Vul een e-mailadres in zoals naam@voorbeeld.be." }),
  phone: phoneNumber,
});
export type OrganizationInput = z.infer<typeof organizationInput>;

/** Field errors by field name, first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}
