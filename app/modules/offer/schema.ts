import { z } from "zod";

export const HELP_POINT_TYPES = ["digipunt", "ocr", "library", "service_centre", "popup", "wifi_spot"] as const;
export const ORGANIZATION_TYPES = ["city_department", "service_centre", "library", "ocmw", "ngo", "school", "company"] as const;
export const EQUIPMENT = ["computers", "printer", "scanner", "wifi"] as const;
/** A help point whose information no person confirmed for this long is "stale". */
export const STALE_MONTHS = 6;

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

// ---------------------------------------------------------------------------------------------
// Services, opening hours and exceptions (staff forms)
// ---------------------------------------------------------------------------------------------

/** A service an organisation offers, as staff enter it in Dutch. */
export const serviceInput = z.object({
  name: text(120, "Vul de naam van de dienst in."),
  description: optionalText(1000),
  free: z.boolean(),
});
export type ServiceInput = z.infer<typeof serviceInput>;

export const MAX_INTERVALS_PER_DAY = 3;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const TIME_MESSAGE = "Schrijf het uur als UU:MM, bijvoorbeeld 09:00.";

/** "9", "9:00", "9.00", "9u", "09u30" → "09:00" / "09:30"; null when it is not a time of day. */
export function normaliseTime(raw: string): string | null {
  const value = raw.trim().toLowerCase().replace(/\s+/g, "");
  const match = /^(\d{1,2})(?:[:.hu](\d{2})?)?$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? "0");
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

const timeOfDay = z.string().transform((v, ctx) => {
  const time = normaliseTime(v);
  if (!time) {
    ctx.addIssue({ code: "custom", message: TIME_MESSAGE });
    return z.NEVER;
  }
  return time;
});

export interface WeeklyInterval {
  weekday: number; // 1 = Monday … 7 = Sunday
  opens: string; // HH:MM
  closes: string; // HH:MM
}

/** Form field name of one time in the weekly hours editor: h-1-0-opens = Monday, first block, opens. */
export const hoursField = (weekday: number, slot: number, edge: "opens" | "closes") => `h-${weekday}-${slot}-${edge}`;

const WEEKDAY_NAMES = ["", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

/**
 * Read the weekly hours editor: per weekday up to three blocks (so a break is two blocks).
 * Errors are keyed by field name, the typed values are returned to show them again.
 */
export function weeklyHoursFromForm(form: FormData): { hours: WeeklyInterval[]; values: Record<string, string>; errors: Record<string, string> } {
  const hours: WeeklyInterval[] = [];
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const weekday of WEEKDAYS) {
    const day: (WeeklyInterval & { slot: number })[] = [];
    for (let slot = 0; slot < MAX_INTERVALS_PER_DAY; slot++) {
      const opensKey = hoursField(weekday, slot, "opens");
      const closesKey = hoursField(weekday, slot, "closes");
      const opensRaw = String(form.get(opensKey) ?? "").trim();
      const closesRaw = String(form.get(closesKey) ?? "").trim();
      values[opensKey] = opensRaw;
      values[closesKey] = closesRaw;
      if (!opensRaw && !closesRaw) continue;
      const opens = opensRaw ? normaliseTime(opensRaw) : null;
      const closes = closesRaw ? normaliseTime(closesRaw) : null;
      if (!opensRaw) errors[opensKey] = `Vul in wanneer dit blok op ${WEEKDAY_NAMES[weekday]} begint.`;
      else if (!opens) errors[opensKey] = TIME_MESSAGE;
      if (!closesRaw) errors[closesKey] = `Vul in wanneer dit blok op ${WEEKDAY_NAMES[weekday]} eindigt.`;
      else if (!closes) errors[closesKey] = TIME_MESSAGE;
      if (!opens || !closes) continue;
      if (opens >= closes) {
        errors[closesKey] = `Het sluitingsuur op ${WEEKDAY_NAMES[weekday]} moet later zijn dan het openingsuur.`;
        continue;
      }
      day.push({ weekday, opens, closes, slot });
    }
    day.sort((a, b) => a.opens.localeCompare(b.opens));
    for (let i = 1; i < day.length; i++) {
      if (day[i].opens < day[i - 1].closes) {
        errors[hoursField(weekday, day[i].slot, "opens")] = `Dit blok op ${WEEKDAY_NAMES[weekday]} overlapt met een ander blok.`;
      }
    }
    hours.push(...day.map(({ weekday: w, opens, closes }) => ({ weekday: w, opens, closes })));
  }
  return { hours, values, errors };
}

/** The same rules for hours that come from elsewhere (domain functions check them again). */
export function weeklyHoursProblem(hours: readonly WeeklyInterval[]): string | null {
  for (const h of hours) {
    if (!Number.isInteger(h.weekday) || h.weekday < 1 || h.weekday > 7) return "Een weekdag is 1 (maandag) tot 7 (zondag).";
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(h.opens) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(h.closes)) return TIME_MESSAGE;
    if (h.opens >= h.closes) return "Het sluitingsuur moet later zijn dan het openingsuur.";
  }
  for (const weekday of WEEKDAYS) {
    const day = hours.filter((h) => h.weekday === weekday).sort((a, b) => a.opens.localeCompare(b.opens));
    if (day.length > MAX_INTERVALS_PER_DAY) return `Gebruik maximaal ${MAX_INTERVALS_PER_DAY} blokken per dag.`;
    for (let i = 1; i < day.length; i++) {
      if (day[i].opens < day[i - 1].closes) return `Twee blokken op ${WEEKDAY_NAMES[weekday]} overlappen.`;
    }
  }
  return null;
}

const isoDate = z
  .string()
  .trim()
  .min(1, "Vul een datum in.")
  .refine((v) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
    const d = new Date(`${v}T12:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "Vul een geldige datum in, zoals 2027-03-15.");

/** A closure (the whole day) or an extra opening on one date. */
export const exceptionInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("closed"),
    date: isoDate,
    reason: optionalText(200),
  }),
  z
    .object({
      kind: z.literal("open"),
      date: isoDate,
      opens: timeOfDay,
      closes: timeOfDay,
      reason: optionalText(200),
    })
    .refine((v) => v.opens < v.closes, { message: "Het einduur moet later zijn dan het beginuur.", path: ["closes"] }),
]);
export type ExceptionInput = z.infer<typeof exceptionInput>;
