import { describe, expect, it } from "vitest";
import { formatDateTime, formatClock } from "~/modules/learning/registration-format";
import { formatDistance, formatTime } from "./format";

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
