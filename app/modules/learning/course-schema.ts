/**
 * Zod schemas of the course catalogue: the staff forms (plain Dutch messages for the person at the desk) and the
 * public catalogue's GET filter (messages are i18n keys, translated where they are shown).
 */
import { z } from "zod";
import { COURSE_AUDIENCES } from "~/db/schema/learning";

export { COURSE_AUDIENCES };
export type CourseAudience = (typeof COURSE_AUDIENCES)[number];

export const COURSE_LEVELS = ["starter", "basic", "advanced"] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];
export const COURSE_FORMATS = ["group", "individual"] as const;
export const COURSE_MODES = ["in_person", "online"] as const;

/** Our three levels on the DigComp 2.2 proficiency scale (1–8): foundation, intermediate, advanced. */
export const DIGCOMP_LEVELS: Record<CourseLevel, { from: number; to: number }> = {
  starter: { from: 1, to: 2 },
  basic: { from: 3, to: 4 },
  advanced: { from: 5, to: 6 },
};

/** The 21 DigComp competences by their stable ids; the labels (Dutch, for staff) may change with a new version. */
export const DIGCOMP_COMPETENCES: Record<string, string> = {
  "1.1": "Zoeken en filteren van informatie",
  "1.2": "Informatie beoordelen",
  "1.3": "Informatie beheren",
  "2.1": "Communiceren met digitale middelen",
  "2.2": "Delen met digitale middelen",
  "2.3": "Burgerschap via digitale middelen (e-overheid)",
  "2.4": "Samenwerken met digitale middelen",
  "2.5": "Netiquette",
  "2.6": "Digitale identiteit beheren",
  "3.1": "Digitale inhoud maken",
  "3.2": "Digitale inhoud bewerken en combineren",
  "3.3": "Auteursrecht en licenties",
  "3.4": "Programmeren",
  "4.1": "Toestellen beveiligen",
  "4.2": "Persoonsgegevens en privacy beschermen",
  "4.3": "Gezondheid en welzijn beschermen",
  "4.4": "Het milieu beschermen",
  "5.1": "Technische problemen oplossen",
  "5.2": "Noden en technologische oplossingen herkennen",
  "5.3": "Creatief digitale technologie gebruiken",
  "5.4": "Eigen digitale tekorten herkennen",
};
export const DIGCOMP_IDS = Object.keys(DIGCOMP_COMPETENCES);

/** Languages a course can be taught in (ISO 639-1), in the order of the staff form. */
export const INSTRUCTION_LANGUAGES = ["nl", "fr", "en", "ar", "tr", "ru", "uk", "pl", "ro", "es", "so", "ti", "prs", "ps", "fa", "sgn"];

/** The languages of the translated course texts: Dutch is required, the others are optional. */
export const TEXT_LANGUAGES = ["nl", "fr", "en", "ar"] as const;

// ---------------------------------------------------------------------------------------------
// Staff forms
// ---------------------------------------------------------------------------------------------

const requiredText = (max: number, message: string) => z.string().trim().min(1, message).max(max, `Gebruik maximaal ${max} tekens.`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Gebruik maximaal ${max} tekens.`)
    .transform((v) => v || null);

/**
 * An amount in euro as people type it: "10", "10,50", "€ 7.5", "" (nothing). Returns cents, or null when empty.
 */
export function parseEuro(raw: string): number | null | "invalid" {
  const value = raw.trim().replace(/^€\s*/, "").replace(/\s*(€|euro|eur)$/i, "").trim();
  if (!value) return null;
  const match = /^(\d{1,4})(?:[.,](\d{1,2}))?$/.exec(value);
  if (!match) return "invalid";
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
  return cents;
}

/** Cents as the staff form shows them: 1050 → "10,50", 1000 → "10", 0 → "". */
export function euroInputValue(cents: number | null | undefined): string {
  if (!cents) return "";
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace(".", ",");
}

const euro = (message: string) =>
  z.string().transform((v, ctx) => {
    const cents = parseEuro(v);
    if (cents === "invalid") {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return cents;
  });

/** The course form (field names are the keys; translated texts as titleNl, titleFr, …). */
export const courseInput = z
  .object({
    titleNl: requiredText(120, "Vul de titel van de cursus in het Nederlands in."),
    titleFr: optionalText(120),
    titleEn: optionalText(120),
    titleAr: optionalText(120),
    descriptionNl: optionalText(3000),
    descriptionFr: optionalText(3000),
    descriptionEn: optionalText(3000),
    descriptionAr: optionalText(3000),
    whatToBringNl: optionalText(500),
    whatToBringFr: optionalText(500),
    whatToBringEn: optionalText(500),
    whatToBringAr: optionalText(500),
    organizerId: z.uuid("Kies een organisator uit de lijst."),
    level: z.enum(COURSE_LEVELS, "Kies een niveau."),
    audiences: z.array(z.enum(COURSE_AUDIENCES, "Kies een doelgroep uit de lijst.")).min(1, "Kies minstens één doelgroep."),
    instructionLanguage: z.string().regex(/^[a-z]{2,3}$/, "Kies de taal waarin de cursus gegeven wordt."),
    format: z.enum(COURSE_FORMATS, "Kies in groep of individueel."),
    mode: z.enum(COURSE_MODES, "Kies ter plaatse of online."),
    price: euro("Schrijf de prijs in euro, bijvoorbeeld 10 of 12,50. Laat leeg als de cursus gratis is."),
    uitpasPrice: euro("Schrijf het UiTPAS-tarief in euro, bijvoorbeeld 2 of 1,50, of laat leeg."),
    completionPercent: z.coerce
      .number("Vul een percentage in tussen 1 en 100.")
      .int("Vul een geheel percentage in, bijvoorbeeld 75.")
      .min(1, "Vul een percentage in tussen 1 en 100.")
      .max(100, "Vul een percentage in tussen 1 en 100."),
    topicCodes: z.array(z.string().regex(/^[a-z0-9-]{1,60}$/, "Onbekend onderwerp.")),
    digcompIds: z.array(z.enum(DIGCOMP_IDS as [string, ...string[]], "Onbekende DigComp-competentie.")),
    trainerIds: z.array(z.uuid("Kies een lesgever uit de lijst.")),
    published: z.boolean(),
  })
  .refine((v) => v.descriptionNl || !(v.descriptionFr || v.descriptionEn || v.descriptionAr), {
    message: "Vul eerst de beschrijving in het Nederlands in.",
    path: ["descriptionNl"],
  })
  .refine((v) => v.whatToBringNl || !(v.whatToBringFr || v.whatToBringEn || v.whatToBringAr), {
    message: "Vul eerst in het Nederlands in wat mensen meebrengen.",
    path: ["whatToBringNl"],
  })
  .refine((v) => v.uitpasPrice == null || (v.price ?? 0) > 0, {
    message: "Een UiTPAS-tarief kan alleen als de cursus niet gratis is.",
    path: ["uitpasPrice"],
  })
  .refine((v) => v.uitpasPrice == null || v.uitpasPrice <= (v.price ?? 0), {
    message: "Het UiTPAS-tarief mag niet hoger zijn dan de gewone prijs.",
    path: ["uitpasPrice"],
  });
export type CourseInput = z.infer<typeof courseInput>;

/** The course form as strings and lists, to show it again after an error. */
export interface CourseFormValues {
  titleNl: string;
  titleFr: string;
  titleEn: string;
  titleAr: string;
  descriptionNl: string;
  descriptionFr: string;
  descriptionEn: string;
  descriptionAr: string;
  whatToBringNl: string;
  whatToBringFr: string;
  whatToBringEn: string;
  whatToBringAr: string;
  organizerId: string;
  level: string;
  audiences: string[];
  instructionLanguage: string;
  format: string;
  mode: string;
  price: string;
  uitpasPrice: string;
  completionPercent: string;
  topicCodes: string[];
  digcompIds: string[];
  trainerIds: string[];
  published: boolean;
}

export const EMPTY_COURSE_FORM: CourseFormValues = {
  titleNl: "",
  titleFr: "",
  titleEn: "",
  titleAr: "",
  descriptionNl: "",
  descriptionFr: "",
  descriptionEn: "",
  descriptionAr: "",
  whatToBringNl: "",
  whatToBringFr: "",
  whatToBringEn: "",
  whatToBringAr: "",
  organizerId: "",
  level: "starter",
  audiences: [],
  instructionLanguage: "nl",
  format: "group",
  mode: "in_person",
  price: "",
  uitpasPrice: "",
  completionPercent: "75",
  topicCodes: [],
  digcompIds: [],
  trainerIds: [],
  published: true,
};

export function courseFormFromData(form: FormData): CourseFormValues {
  const str = (name: string) => String(form.get(name) ?? "");
  const list = (name: string) => form.getAll(name).map(String).filter(Boolean);
  return {
    titleNl: str("titleNl"),
    titleFr: str("titleFr"),
    titleEn: str("titleEn"),
    titleAr: str("titleAr"),
    descriptionNl: str("descriptionNl"),
    descriptionFr: str("descriptionFr"),
    descriptionEn: str("descriptionEn"),
    descriptionAr: str("descriptionAr"),
    whatToBringNl: str("whatToBringNl"),
    whatToBringFr: str("whatToBringFr"),
    whatToBringEn: str("whatToBringEn"),
    whatToBringAr: str("whatToBringAr"),
    organizerId: str("organizerId"),
    level: str("level"),
    audiences: list("audiences"),
    instructionLanguage: str("instructionLanguage"),
    format: str("format"),
    mode: str("mode"),
    price: str("price"),
    uitpasPrice: str("uitpasPrice"),
    completionPercent: str("completionPercent"),
    topicCodes: list("topicCodes"),
    digcompIds: list("digcompIds"),
    trainerIds: list("trainerIds"),
    published: form.has("published"),
  };
}

const optionalUuid = (message: string) =>
  z
    .union([z.uuid(message), z.literal("")])
    .transform((v) => v || null)
    .nullable()
    .optional();

const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.coerce.number(message).int(message).min(min, message).max(max, message));

/** A run: where (a help point or another place), how many people, how long a freed place is offered. */
export const runInput = z
  .object({
    helpPointId: optionalUuid("Kies een hulppunt uit de lijst."),
    venue: optionalText(200),
    capacity: wholeNumber(1, 500, "Vul het aantal plaatsen in: een getal van 1 tot 500."),
    offerHours: wholeNumber(1, 336, "Vul een aantal uren in van 1 tot 336 (twee weken)."),
  })
  .refine((v) => v.helpPointId || v.venue, {
    message: "Kies een hulppunt of schrijf waar de cursus doorgaat.",
    path: ["helpPointId"],
  });
export type RunInput = z.infer<typeof runInput>;

/** "9", "9:00", "9.30", "9u", "09u30" → "09:00" / "09:30"; null when it is not a time of day. */
export function normaliseTime(raw: string): string | null {
  const value = raw.trim().toLowerCase().replace(/\s+/g, "");
  const match = /^(\d{1,2})(?:[:.hu](\d{2})?)?$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? "0");
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

const TIME_MESSAGE = "Schrijf het uur als UU:MM, bijvoorbeeld 09:30.";
const timeOfDay = (missing: string) =>
  z.string().transform((v, ctx) => {
    if (!v.trim()) {
      ctx.addIssue({ code: "custom", message: missing });
      return z.NEVER;
    }
    const time = normaliseTime(v);
    if (!time) {
      ctx.addIssue({ code: "custom", message: TIME_MESSAGE });
      return z.NEVER;
    }
    return time;
  });

export const isoDate = z
  .string()
  .trim()
  .min(1, "Vul een datum in.")
  .refine((v) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
    const d = new Date(`${v}T12:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "Vul een geldige datum in, zoals 2027-03-15.");

/** One session (local Brussels date and times); `weeks` repeats it weekly, to add a series at once. */
export const sessionInput = z
  .object({
    date: isoDate,
    startTime: timeOfDay("Vul in hoe laat de les begint."),
    endTime: timeOfDay("Vul in hoe laat de les eindigt."),
    weeks: z.preprocess(
      (v) => (v === "" || v == null ? 1 : typeof v === "string" ? v.trim() : v),
      z.coerce.number("Vul een aantal weken in van 1 tot 20.").int("Vul een aantal weken in van 1 tot 20.").min(1, "Vul een aantal weken in van 1 tot 20.").max(20, "Vul een aantal weken in van 1 tot 20."),
    ),
  })
  .refine((v) => v.startTime < v.endTime, { message: "Het einduur moet later zijn dan het beginuur.", path: ["endTime"] });
export type SessionInput = z.infer<typeof sessionInput>;

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
// Public catalogue filter (GET)
// ---------------------------------------------------------------------------------------------

const optionalParam = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();

/** 15-01-2027, 15/1/2027 or 15.01.2027 (how people write dates here) → 2027-01-15; anything else unchanged. */
export function dayFirstToIso(value: string | undefined): string | undefined {
  const match = value ? /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value) : null;
  if (!match) return value;
  return `${match[3]}-${match[2].padStart(2, "0")}-${match[1].padStart(2, "0")}`;
}

export const catalogueQuery = z.object({
  topic: optionalParam.pipe(z.string().regex(/^[a-z0-9-]{1,60}$/, "courses.errors.topic").optional()),
  level: z.enum(COURSE_LEVELS).optional().catch(undefined),
  audience: z.enum(COURSE_AUDIENCES).optional().catch(undefined),
  language: optionalParam.pipe(z.string().regex(/^[a-z]{2,3}$/, "courses.errors.language").optional()),
  district: optionalParam.pipe(z.uuid("courses.errors.district").optional()),
  from: optionalParam.transform(dayFirstToIso).pipe(
    z
      .string()
      .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T12:00:00Z`)) && new Date(`${v}T12:00:00Z`).toISOString().slice(0, 10) === v, "courses.errors.from")
      .optional(),
  ),
  free: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(500).catch(1).default(1),
});
export type CatalogueQuery = z.infer<typeof catalogueQuery>;

export function parseCatalogueQuery(searchParams: URLSearchParams) {
  const raw = Object.fromEntries([...searchParams.entries()].filter(([, v]) => v !== ""));
  return catalogueQuery.safeParse(raw);
}
