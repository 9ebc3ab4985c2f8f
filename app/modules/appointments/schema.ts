/**
 * Forms of the appointments module. Public messages are i18n keys (translated where they are shown);
 * staff messages are plain Dutch.
 */
import { z } from "zod";
import { emptyToNull, optionalEmail, optionalPhone } from "~/modules/shared/contact-fields";
import { isMobileNumber } from "~/modules/learning/registration-schema";
import { phoneNumber } from "~/modules/offer/schema";
import { normaliseCode } from "~/modules/shared/codes";


interface Messages {
  nameTooLong: string;
  contactRequired: string;
  phone: string;
  email: string;
  language: string;
  noteTooLong: string;
  time: string;
}

const PUBLIC: Messages = {
  nameTooLong: "appointments.errors.nameTooLong",
  contactRequired: "appointments.errors.contactRequired",
  phone: "appointments.errors.phone",
  email: "appointments.errors.email",
  language: "appointments.errors.language",
  noteTooLong: "appointments.errors.noteTooLong",
  time: "appointments.errors.time",
};

const STAFF: Messages = {
  nameTooLong: "Gebruik maximaal 100 tekens.",
  contactRequired: "Vul een telefoonnummer of e-mailadres in.",
  phone: "Vul een Belgisch telefoonnummer in, zoals 0470 12 34 56.",
  email: "Vul een e-mailadres in zoals naam@voorbeeld.be.",
  language: "Kies een taal uit de lijst.",
  noteTooLong: "Gebruik maximaal 300 tekens.",
  time: "Kies een uur uit de lijst.",
};

export interface BookingFormValues {
  startsAt: string;
  name: string;
  phone: string;
  email: string;
  language: string;
  note: string;
}

export function bookingValuesFromForm(form: FormData, defaultLanguage: string): BookingFormValues {
  const text = (key: string) => String(form.get(key) ?? "");
  return {
    startsAt: text("startsAt"),
    name: text("name"),
    phone: text("phone"),
    email: text("email"),
    language: text("language") || defaultLanguage,
    note: text("note"),
  };
}

/**
 * A resident books ("public"): a name and a phone number or e-mail are required. Staff book on someone's behalf
 * ("staff"): nothing is required but the time (someone at the desk may not want to leave a number).
 */
export function bookingSchema(options: { mode: "public" | "staff"; languages: readonly string[] }) {
  const m = options.mode === "public" ? PUBLIC : STAFF;
  return z
    .object({
      startsAt: z
        .string(m.time)
        .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{3})?)?Z$/.test(v) && !Number.isNaN(Date.parse(v)), { message: m.time })
        .transform((v) => new Date(v)),
      name: z.string().optional().transform(emptyToNull).refine((v) => !v || v.length <= 100, { message: m.nameTooLong }),
      phone: optionalPhone(m.phone),
      email: optionalEmail(m.email),
      language: z.string(m.language).refine((v) => options.languages.includes(v), { message: m.language }),
      note: z.string().optional().transform(emptyToNull).refine((v) => !v || v.length <= 300, { message: m.noteTooLong }),
    })
    .superRefine((v, ctx) => {
      if (options.mode === "public" && !v.name) ctx.addIssue({ code: "custom", message: "appointments.errors.nameRequired", path: ["name"] });
      if (options.mode === "public" && !v.phone && !v.email) ctx.addIssue({ code: "custom", message: m.contactRequired, path: ["phone"] });
    });
}

/** Whether an SMS can reach this number (otherwise the e-mail is used, or no message at all). */
export const canText = (phone: string | null | undefined) => Boolean(phone && isMobileNumber(phone));

export const findAppointmentInput = z.object({
  code: z
    .string()
    .transform(normaliseCode)
    .refine((v) => v.length > 0, { message: "appointments.find.errors.codeRequired" })
    .refine((v) => v.length === 0 || /^[A-Z0-9]{6}$/.test(v), { message: "appointments.find.errors.codeFormat" }),
  contact: z
    .string()
    .trim()
    .min(1, "appointments.find.errors.contactRequired")
    .max(254, "appointments.find.errors.contactRequired")
    .refine((v) => v.includes("@") || phoneNumber.safeParse(v).success, { message: "appointments.find.errors.contactFormat" }),
});

// ---------------------------------------------------------------------------------------------
// Staff: appointment types and their weekly plan
// ---------------------------------------------------------------------------------------------

const whole = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, { message: `${label}: vul een getal van ${min} tot ${max} in.` })
    .transform(Number);

export const appointmentTypeInput = z.object({
  nameNl: z.string().trim().min(1, "Vul een naam in, bijvoorbeeld “Hulp met itsme”.").max(100, "Gebruik maximaal 100 tekens."),
  nameFr: z.string().trim().max(100, "Gebruik maximaal 100 tekens."),
  nameEn: z.string().trim().max(100, "Gebruik maximaal 100 tekens."),
  nameAr: z.string().trim().max(100, "Gebruik maximaal 100 tekens."),
  topicId: z.string().trim(),
  durationMinutes: whole("Duur", 5, 480),
  bufferMinutes: whole("Pauze na elke afspraak", 0, 120),
  minNoticeHours: whole("Minstens vooraf", 0, 336),
  horizonDays: whole("Hoe ver vooruit", 1, 180),
  cancelCutoffHours: whole("Annuleren tot", 0, 336),
  active: z.boolean(),
});
export type AppointmentTypeInput = z.output<typeof appointmentTypeInput>;

export interface AppointmentTypeValues {
  nameNl: string;
  nameFr: string;
  nameEn: string;
  nameAr: string;
  topicId: string;
  durationMinutes: string;
  bufferMinutes: string;
  minNoticeHours: string;
  horizonDays: string;
  cancelCutoffHours: string;
  active: boolean;
}

export function typeValuesFromForm(form: FormData): AppointmentTypeValues {
  const text = (key: string) => String(form.get(key) ?? "");
  return {
    nameNl: text("nameNl"),
    nameFr: text("nameFr"),
    nameEn: text("nameEn"),
    nameAr: text("nameAr"),
    topicId: text("topicId"),
    durationMinutes: text("durationMinutes"),
    bufferMinutes: text("bufferMinutes"),
    minNoticeHours: text("minNoticeHours"),
    horizonDays: text("horizonDays"),
    cancelCutoffHours: text("cancelCutoffHours"),
    active: form.get("active") === "on",
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const planBlockInput = z
  .object({
    weekday: z.string().refine((v) => /^[1-7]$/.test(v), { message: "Kies een dag." }).transform(Number),
    from: z.string().trim().refine((v) => TIME.test(v), { message: "Vul een uur in zoals 09:00." }),
    to: z.string().trim().refine((v) => TIME.test(v), { message: "Vul een uur in zoals 12:00." }),
    helpers: whole("Helpers tegelijk", 1, 50),
  })
  .refine((v) => v.from < v.to, { message: "Het einduur moet na het beginuur liggen.", path: ["to"] });
export type PlanBlockInput = z.output<typeof planBlockInput>;

export const WEEKDAY_LABELS_NL = ["", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"] as const;

export const STATUS_LABELS_NL = { booked: "Geboekt", checked_in: "Aangemeld", no_show: "Niet gekomen", cancelled: "Geannuleerd" } as const;
export const CHANNEL_LABELS_NL = { online: "Online", phone: "Telefoon", desk: "Aan de balie", walk_in: "Binnengelopen" } as const;
