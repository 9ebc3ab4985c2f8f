import { describe, expect, it } from "vitest";
import { formatDateTime, formatClock } from "~/modules/learning/registration-format";
import { formatDistance, formatTime } from "./format";
import { i18nFor } from "./i18n";

describe("dates and times in the person's language", () => {
  it("shows a 24-hour clock with Latin digits in every language, as the SMS and Belgian signs do", () => {
    const afternoon = new Date("2026-12-03T13:30:00Z"); // 14:30 in Brussels
    for (const lang of ["nl", "fr", "en", "ar"]) expect(formatClock(afternoon, lang)).toBe("14:30");
    expect(formatTime("14:30", "ar")).toBe("14:30");
    expect(formatTime("09:05", "nl")).toBe("09:05");
  });

  it("joins the date and the time with an Arabic comma in Arabic", () => {
    const when = formatDateTime(new Date("2026-12-03T13:30:00Z"), "ar");
    expect(when).toContain("، 14:30");
    expect(when).not.toContain(",");
  });

  it("gives the same answer when a formatter is reused", () => {
    expect(formatDistance(0.42, "nl")).toBe("400 m");
    expect(formatDistance(0.42, "nl")).toBe("400 m");
    expect(formatDistance(12.34, "fr")).toBe("12,3 km");
  });
});

describe("numbers of hours in a sentence", () => {
  const cutoff = (lang: "nl" | "fr" | "en" | "ar", hours: number) =>
    i18nFor(lang).t("appointments.manage.changeUntil", { hours: i18nFor(lang).t("appointments.manage.hours", { count: hours }) });

  it("uses the plural form the language needs, also Arabic's dual and its forms for 3–10 and 11–99", () => {
    expect(cutoff("nl", 1)).toBe("Dat kan hier tot 1 uur voor de afspraak.");
    expect(cutoff("en", 1)).toContain("up to 1 hour before");
    expect(cutoff("en", 24)).toContain("up to 24 hours before");
    expect(cutoff("fr", 1)).toContain("jusqu'à 1 heure avant");
    expect(cutoff("fr", 24)).toContain("jusqu'à 24 heures avant");
    expect(cutoff("ar", 1)).toContain("حتى ساعة واحدة قبل");
    expect(cutoff("ar", 2)).toContain("حتى ساعتين قبل");
    expect(cutoff("ar", 3)).toContain("حتى 3 ساعات قبل");
    expect(cutoff("ar", 24)).toContain("حتى 24 ساعة قبل");
  });
});
