/** Plain Dutch words for the learning pages of the staff area (the staff area is Dutch only). */
import type { CourseAudience, CourseLevel } from "./course-schema";

export const COURSE_LEVEL_LABELS: Record<CourseLevel, string> = {
  starter: "Beginner (DigComp 1–2)",
  basic: "Basis (DigComp 3–4)",
  advanced: "Gevorderd (DigComp 5–6)",
};

export const COURSE_AUDIENCE_LABELS: Record<CourseAudience, string> = {
  adults: "Volwassenen",
  seniors: "Senioren",
  children: "Kinderen",
  youth: "Jongeren",
  parents: "Ouders",
  newcomers: "Nieuwkomers",
  city_staff: "Personeel van de stad",
};

export const COURSE_FORMAT_LABELS = { group: "In groep", individual: "Individueel" } as const;
export const COURSE_MODE_LABELS = { in_person: "Ter plaatse", online: "Online" } as const;

/** Where a run takes place, in a few words. */
export function runPlaceLabel(run: { place: { name: string } | null; venue: string | null }): string {
  return run.place?.name ?? run.venue ?? "Plaats nog niet bekend";
}

/** "maandag 12 januari 2027, 09:30–11:30" in Brussels time. */
export function dutchSessionLabel(startsAt: Date | string, endsAt: Date | string): string {
  const day = new Intl.DateTimeFormat("nl-BE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Brussels" }).format(
    new Date(startsAt),
  );
  const time = (d: Date | string) =>
    new Intl.DateTimeFormat("nl-BE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Brussels" }).format(new Date(d));
  return `${day}, ${time(startsAt)}–${time(endsAt)}`;
}
