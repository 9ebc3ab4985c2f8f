/** What a digihelper fills in to refer a resident: checked on the server, messages in plain Dutch. */
import { z } from "zod";
import { LANGUAGES } from "~/i18n/languages";
import { phoneNumber } from "~/modules/offer/schema";

export const REFERRAL_TARGETS = ["device_bank", "course", "ocmw", "social_internet", "help_point", "organization"] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];
export const REFERRAL_STATUSES = ["new", "contacted", "helped", "unreachable", "declined"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const TARGET_LABELS: Record<ReferralTarget, string> = {
  device_bank: "Uitleendienst voor toestellen",
  course: "Een cursus",
  ocmw: "OCMW (sociale dienst)",
  social_internet: "Sociaal internetaanbod",
  help_point: "Een ander hulppunt",
  organization: "Een andere partnerorganisatie",
};

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  new: "Nieuw",
  contacted: "Contact opgenomen",
  helped: "Geholpen",
  unreachable: "Niet bereikt",
  declined: "Afgewezen",
};

/** Targets that need a receiving organisation, and the one that needs a help point. */
export const NEEDS_ORGANIZATION: readonly ReferralTarget[] = ["ocmw", "social_internet", "organization"];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Gebruik maximaal ${max} tekens.`)
    .transform((v) => v || null);

export const referralInput = z
  .object({
    target: z.enum(REFERRAL_TARGETS, "Kies waar u de bewoner naar doorverwijst."),
    toOrganizationId: z.string().trim(),
    toHelpPointId: z.string().trim(),
    residentName: z.string().trim().min(1, "Vul de naam van de bewoner in.").max(120, "Gebruik maximaal 120 tekens."),
    phone: phoneNumber,
    email: z
      .string()
      .trim()
      .transform((v) => v.toLowerCase() || null)
      .refine((v) => !v || z.email().safeParse(v).success, { message: "Vul een e-mailadres in zoals naam@voorbeeld.be." }),
    language: z.enum(LANGUAGES, "Kies de taal van de bewoner."),
    topicId: z.string().trim(),
    reason: optionalText(600),
    consent: z.literal("yes", "Vraag eerst of de bewoner akkoord gaat, en vink het vakje aan. Zonder akkoord kunt u niet doorverwijzen."),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email) ctx.addIssue({ code: "custom", path: ["phone"], message: "Vul een telefoonnummer of een e-mailadres in, zodat men de bewoner kan bereiken." });
    if (NEEDS_ORGANIZATION.includes(v.target) && !v.toOrganizationId)
      ctx.addIssue({ code: "custom", path: ["toOrganizationId"], message: "Kies de organisatie die de bewoner verder helpt." });
    if (v.target === "help_point" && !v.toHelpPointId) ctx.addIssue({ code: "custom", path: ["toHelpPointId"], message: "Kies het hulppunt dat de bewoner verder helpt." });
  });
export type ReferralInput = z.output<typeof referralInput>;

export interface ReferralFormValues {
  target: string;
  toOrganizationId: string;
  toHelpPointId: string;
  residentName: string;
  phone: string;
  email: string;
  language: string;
  topicId: string;
  reason: string;
  consent: string;
}

export function referralValuesFromForm(form: FormData): ReferralFormValues {
  const get = (key: string) => String(form.get(key) ?? "");
  return {
    target: get("target"),
    toOrganizationId: get("toOrganizationId"),
    toHelpPointId: get("toHelpPointId"),
    residentName: get("residentName"),
    phone: get("phone"),
    email: get("email"),
    language: get("language") || "nl",
    topicId: get("topicId"),
    reason: get("reason"),
    consent: get("consent"),
  };
}

export const statusChangeInput = z.object({
  status: z.enum(REFERRAL_STATUSES, "Kies een nieuwe stand."),
  note: optionalText(500),
});
