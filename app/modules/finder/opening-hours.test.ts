import { describe, expect, it } from "vitest";
import { daySchedule, openStatus, scheduleFrom, type WeeklyHours } from "./opening-hours";

const weekdays: WeeklyHours[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, opens: "09:00:00", closes: "12:00:00" },
  { weekday, opens: "13:00:00", closes: "16:30:00" },
]);

describe("opening hours", () => {
  it("shows a break as two intervals", () => {
    // 2026-11-24 is a Tuesday
    expect(daySchedule("2026-11-24", weekdays, []).intervals).toEqual([
      { opens: "09:00", closes: "12:00" },
      { opens: "13:00", closes: "16:30" },
    ]);
  });

  it("closes on a Belgian public holiday and names it", () => {
    // 11 November 2026 (Armistice) is a Wednesday
    const day = daySchedule("2026-11-11", weekdays, [], "nl");
    expect(day.intervals).toEqual([]);
    expect(day.closedReason).toBe("Wapenstilstand");
    expect(daySchedule("2026-11-11", weekdays, [], "fr").closedReason).toMatch(/Armistice/);
  });

  it("applies the point's own closure with its reason", () => {
    const day = daySchedule("2026-11-26", weekdays, [{ date: "2026-11-26", kind: "closed", reason: "Personeelsfeest" }]);
    expect(day.intervals).toEqual([]);
    expect(day.closedReason).toBe("Personeelsfeest");
  });

  it("adds an extra opening, such as a pop-up date on a Saturday", () => {
    const day = daySchedule("2026-11-28", [], [{ date: "2026-11-28", kind: "open", opens: "10:00", closes: "12:00" }]);
    expect(day.intervals).toEqual([{ opens: "10:00", closes: "12:00" }]);
    expect(day.extra).toBe(true);
  });

  it("gives seven days from today", () => {
    const week = scheduleFrom("2026-11-25", 7, weekdays, []);
    expect(week.map((d) => d.weekday)).toEqual([3, 4, 5, 6, 7, 1, 2]);
    expect(week[3].intervals).toEqual([]);
  });

  it("knows when it is open now and when it opens next, in Brussels time", () => {
    // 10:00 in Brussels on Tuesday 24 Nov 2026 is 09:00 UTC
    expect(openStatus(new Date("2026-11-24T09:00:00Z"), weekdays, [])).toEqual({
      openNow: true,
      closesAt: "12:00",
      nextOpening: null,
    });
    // During the lunch break
    expect(openStatus(new Date("2026-11-24T11:30:00Z"), weekdays, []).nextOpening).toEqual({ date: "2026-11-24", time: "13:00" });
    // Tuesday evening 10 Nov: Wednesday 11 Nov is a holiday, so next opening is Thursday 12 Nov
    expect(openStatus(new Date("2026-11-10T18:00:00Z"), weekdays, []).nextOpening).toEqual({ date: "2026-11-12", time: "09:00" });
  });
});
