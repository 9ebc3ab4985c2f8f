/**
 * The home-visit request form. Public messages are i18n keys (translated where shown); staff see the Dutch text
 * of the same keys.
 */
import { z } from "zod";

export const REQUESTER_KINDS = ["resident", "relative", "social_worker"] as const;
const E = (key: string) => `homeVisit.errors.${key}`;

const belgianPhone = (message: string) =>
  z
    .string(message)
    .trim()
    .min(1, message)
    .max(30, message)
    .refine((v) => /^(\+32|0)[0-9 ./-]{7,15}$/.test(v) && v.replace(/\D/g, "").length >= 9, { message });
const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim() || null)
    .refine((v) => !v || v.length <= max, { message: E("tooLong") });

export const homeVisitInput = z
  .object({
    requesterKind: z.enum(REQUESTER_KINDS, E("requesterKind")),
    residentName: z.string(E("residentName")).trim().min(1, E("residentName")).max(100, E("tooLong")),
    address: z.string(E("address")).trim().min(3, E("address")).max(200, E("tooLong")),
    postcode: z
      .string(E("postcode"))
      .trim()
      .regex(/^[1-9][0-9]{3}$/, E("postcode")),
    phone: belgianPhone(E("phone")),
    requesterName: optionalText(100),
    requesterPhone: optionalText(30).refine((v) => !v || (/^(\+32|0)[0-9 ./-]{7,15}$/.test(v) && v.replace(/\D/g, "").length >= 9), {
      message: E("requesterPhone"),
    }),
    requesterOrganization: optionalText(100),
    topic: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim() || null),
    whenSuits: z.string(E("whenSuits")).trim().min(1, E("whenSuits")).max(300, E("tooLong")),
    whyNoTravel: z.string(E("whyNoTravel")).trim().min(1, E("whyNoTravel")).max(500, E("tooLong")),
  })
  .superRefine((v, ctx) => {
    if (v.requesterKind !== "resident" && !v.requesterName)
      ctx.addIssue({
        code: "custom",
        message: E("requesterName"),
        path: ["requesterName"],
      });
  });
export type HomeVisitInput = z.output<typeof homeVisitInput>;

export const HOME_VISIT_FIELDS = [
  "requesterKind",
  "residentName",
  "address",
  "postcode",
  "phone",
  "requesterName",
  "requesterPhone",
  "requesterOrganization",
  "topic",
  "whenSuits",
  "whyNoTravel",
] as const;
export type HomeVisitValues = Record<(typeof HOME_VISIT_FIELDS)[number], string>;

export function homeVisitValuesFromForm(form: FormData): HomeVisitValues {
  return Object.fromEntries(HOME_VISIT_FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as HomeVisitValues;
}

export function parseHomeVisit(values: HomeVisitValues): { ok: true; data: HomeVisitInput } | { ok: false; errors: Record<string, string> } {
  const parsed = homeVisitInput.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  if (values.requesterKind && values.requesterKind !== "resident" && !values.requesterName.trim()) errors.requesterName ??= E("requesterName");
  return {
    ok: false,
    errors: Object.fromEntries(HOME_VISIT_FIELDS.filter((f) => errors[f]).map((f) => [f, errors[f]])),
  };
}

export const assignInput = z.object({
  assignedUserId: z.string("Kies een digihelper.").regex(/^[0-9a-f-]{36}$/i, "Kies een digihelper."),
  date: z.string("Vul een datum in.").regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een datum in, zoals 2026-12-03."),
  time: z.string("Vul een uur in.").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Vul een uur in, zoals 14:00."),
});
