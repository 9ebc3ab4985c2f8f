/**
 * The registration form: a resident registers without an account, or a staff member registers someone at the desk.
 * Public messages are i18n keys (translated where they are shown); staff messages are plain Dutch.
 */
import { z } from "zod";
import { emptyToNull, optionalEmail, optionalPhone } from "~/modules/shared/contact-fields";
import { normaliseCode } from "~/modules/shared/codes";

export const NEEDS = ["hearing", "sight", "mobility"] as const;
export type Need = (typeof NEEDS)[number];

export const NEED_LABELS_NL: Record<Need, string> = {
  hearing: "Horen",
  sight: "Zien",
  mobility: "Stappen of rolstoel",
};

export const UITPAS_MESSAGE = "Een UiTPAS-nummer heeft 13 cijfers.";

interface Messages {
  nameRequired: string;
  nameTooLong: string;
  contactRequired: string;
  phone: string;
  email: string;
  language: string;
  needs: string;
  uitpas: string;
  departmentRequired: string;
  departmentTooLong: string;
}

const PUBLIC_MESSAGES: Messages = {
  nameRequired: "registration.errors.nameRequired",
  nameTooLong: "registration.errors.nameTooLong",
  contactRequired: "registration.errors.contactRequired",
  phone: "registration.errors.phone",
  email: "registration.errors.email",
  language: "registration.errors.language",
  needs: "registration.errors.needs",
  uitpas: "registration.errors.uitpas",
  departmentRequired: "registration.errors.departmentRequired",
  departmentTooLong: "registration.errors.departmentTooLong",
};

const STAFF_MESSAGES: Messages = {
  nameRequired: "Vul de naam in.",
  nameTooLong: "Gebruik maximaal 100 tekens.",
  contactRequired: "Vul een telefoonnummer of e-mailadres in.",
  phone: "Vul een Belgisch telefoonnummer in, zoals 0470 12 34 56.",
  email: "Vul een e-mailadres in zoals naam@voorbeeld.be.",
  language: "Kies een taal uit de lijst.",
  needs: "Kies uit: horen, zien, stappen.",
  uitpas: UITPAS_MESSAGE,
  departmentRequired: "Vul de dienst of afdeling in.",
  departmentTooLong: "Gebruik maximaal 100 tekens.",
};

export interface RegistrationSchemaOptions {
  /** "public": a resident fills it in (a phone number or e-mail is required); "staff": at the desk (both optional). */
  mode: "public" | "staff";
  /** Languages the person can choose for our messages. */
  languages: readonly string[];
  /** Courses for city staff ask for the department (completion by department). */
  requireDepartment?: boolean;
}


/** 13 digits; people type spaces or dashes between the groups. */
export function normaliseUitpas(value: string): string {
  return value.replace(/[\s.-]/g, "");
}

/** Belgian mobile numbers (04…): the only ones an SMS reaches. */
export function isMobileNumber(phone: string): boolean {
  const digits = phone.replace(/[^0-9+]/g, "");
  return /^(\+324|00324|04)\d{8}$/.test(digits);
}

export function registrationSchema(options: RegistrationSchemaOptions) {
  const m = options.mode === "public" ? PUBLIC_MESSAGES : STAFF_MESSAGES;
  return z
    .object({
      name: z.string(m.nameRequired).trim().min(1, m.nameRequired).max(100, m.nameTooLong),
      phone: optionalPhone(m.phone),
      email: optionalEmail(m.email),
      language: z.string(m.language).refine((v) => options.languages.includes(v), { message: m.language }),
      needs: z.array(z.enum(NEEDS, m.needs)).default([]),
      uitpasNumber: z
        .string()
        .optional()
        .transform(emptyToNull)
        .refine((v) => !v || /^\d{13}$/.test(normaliseUitpas(v)), { message: m.uitpas })
        .transform((v) => (v ? normaliseUitpas(v) : null)),
      department: z
        .string()
        .optional()
        .transform(emptyToNull)
        .refine((v) => !v || v.length <= 100, { message: m.departmentTooLong }),
    })
    .superRefine((v, ctx) => {
      if (options.mode === "public" && !v.phone && !v.email) {
        ctx.addIssue({ code: "custom", message: m.contactRequired, path: ["phone"] });
      }
      if (options.requireDepartment && !v.department) {
        ctx.addIssue({ code: "custom", message: m.departmentRequired, path: ["department"] });
      }
    });
}

export type RegistrationForm = z.output<ReturnType<typeof registrationSchema>>;

/** The raw form values, kept to show them again after an error. */
export interface RegistrationFormValues {
  name: string;
  phone: string;
  email: string;
  language: string;
  needs: string[];
  uitpasNumber: string;
  department: string;
}

export function registrationValuesFromForm(form: FormData, defaultLanguage: string): RegistrationFormValues {
  const text = (key: string) => String(form.get(key) ?? "");
  return {
    name: text("name"),
    phone: text("phone"),
    email: text("email"),
    language: text("language") || defaultLanguage,
    needs: form.getAll("needs").map(String),
    uitpasNumber: text("uitpasNumber"),
    department: text("department"),
  };
}

/** The code as people type it: lower case, spaces or a dash in the middle. */
export const findRegistrationInput = z.object({
  code: z
    .string()
    .transform(normaliseCode)
    .refine((v) => v.length > 0, { message: "registration.find.errors.codeRequired" })
    .refine((v) => v.length === 0 || /^[A-Z0-9]{6}$/.test(v), { message: "registration.find.errors.codeFormat" }),
  contact: z.string().trim().min(1, "registration.find.errors.contactRequired").max(254, "registration.find.errors.contactRequired"),
});
