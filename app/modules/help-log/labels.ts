/** Dutch labels of the help-question log (staff pages are Dutch only). Shared by server and pages. */

/** A contact can be undone by the person who logged it for this many minutes. */
export const UNDO_MINUTES = 10;
export const CHANNELS = ["walk_in", "appointment", "home_visit", "phone"] as const;
export const OUTCOMES = ["solved", "partly", "referred", "come_back"] as const;
export const DURATIONS = ["under_10", "10_to_30", "30_to_60", "over_60"] as const;
export const AGE_BANDS = ["under_18", "18_to_34", "35_to_54", "55_to_64", "65_to_79", "80_plus"] as const;
/** Languages the help is most often given in; anything else is "other" (stored as "xx"). */
export const HELP_LANGUAGES = ["nl", "fr", "en", "ar", "tr", "uk", "xx"] as const;

export type Channel = (typeof CHANNELS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Duration = (typeof DURATIONS)[number];
export type AgeBand = (typeof AGE_BANDS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  walk_in: "Binnengelopen",
  appointment: "Afspraak",
  home_visit: "Huisbezoek",
  phone: "Telefoon",
};
export const OUTCOME_LABELS: Record<Outcome, string> = {
  solved: "Opgelost",
  partly: "Deels opgelost",
  referred: "Doorverwezen",
  come_back: "Komt terug",
};
export const DURATION_LABELS: Record<Duration, string> = {
  under_10: "Minder dan 10 min",
  "10_to_30": "10 tot 30 min",
  "30_to_60": "30 tot 60 min",
  over_60: "Meer dan een uur",
};
export const AGE_LABELS: Record<AgeBand, string> = {
  under_18: "Jonger dan 18",
  "18_to_34": "18 tot 34",
  "35_to_54": "35 tot 54",
  "55_to_64": "55 tot 64",
  "65_to_79": "65 tot 79",
  "80_plus": "80 of ouder",
};
export const HELP_LANGUAGE_LABELS: Record<(typeof HELP_LANGUAGES)[number], string> = {
  nl: "Nederlands",
  fr: "Frans",
  en: "Engels",
  ar: "Arabisch",
  tr: "Turks",
  uk: "Oekraïens",
  xx: "Andere taal",
};
