/** Dutch labels of home visits for staff pages (no server code: pages import these). */
export type HomeVisitStatus = "requested" | "planned" | "done" | "cancelled";
export type RequesterKind = "resident" | "relative" | "social_worker" | "staff";

export const STATUS_LABELS: Record<HomeVisitStatus, string> = {
  requested: "Nieuw: nog te plannen",
  planned: "Gepland",
  done: "Gedaan",
  cancelled: "Geannuleerd",
};

export const REQUESTER_LABELS: Record<RequesterKind, string> = {
  resident: "De bewoner zelf",
  relative: "Een familielid of buur",
  social_worker: "Een hulpverlener",
  staff: "Een medewerker",
};
