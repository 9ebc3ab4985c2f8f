import { describe, expect, it } from "vitest";
import { addWorkingDays, isOverdue, isWorkingDay, pickUpDeadline } from "./working-days";

describe("working days for referrals", () => {
  it("skips weekends and Belgian public holidays", () => {
    expect(isWorkingDay("2026-05-01")).toBe(false); // Labour Day, a Friday
    expect(isWorkingDay("2026-05-02")).toBe(false); // Saturday
    expect(isWorkingDay("2026-05-04")).toBe(true);
    expect(isWorkingDay("2026-12-25")).toBe(false); // Christmas
  });

  it("counts five working days in an ordinary week", () => {
    // Monday 9 March 2026 → Monday 16 March
    expect(addWorkingDays("2026-03-09", 5)).toBe("2026-03-16");
    // Friday → the next Friday
    expect(addWorkingDays("2026-03-13", 5)).toBe("2026-03-20");
  });

  it("adds a day for a public holiday in the week", () => {
    // Easter Monday 6 April 2026: sent Thursday 2 April → Fri 3, Tue 7, Wed 8, Thu 9, Fri 10
    expect(addWorkingDays("2026-04-02", 5)).toBe("2026-04-10");
    // Ascension Thursday 14 May 2026: sent Monday 11 May → Tue, Wed, Fri, Mon, Tue 19
    expect(addWorkingDays("2026-05-11", 5)).toBe("2026-05-19");
  });

  it("flags a new referral only after the deadline day, never one that was picked up", () => {
    const sent = new Date("2026-05-11T09:00:00+02:00");
    expect(pickUpDeadline(sent)).toBe("2026-05-19");
    expect(isOverdue({ status: "new", createdAt: sent }, new Date("2026-05-19T20:00:00+02:00"))).toBe(false);
    expect(isOverdue({ status: "new", createdAt: sent }, new Date("2026-05-20T08:00:00+02:00"))).toBe(true);
    expect(isOverdue({ status: "contacted", createdAt: sent }, new Date("2026-06-20T08:00:00+02:00"))).toBe(false);
  });

  it("uses Brussels dates: a referral sent just before midnight counts from that day", () => {
    // 23:30 on Friday 13 March in Brussels is 22:30 UTC the same day
    expect(pickUpDeadline(new Date("2026-03-13T22:30:00Z"))).toBe("2026-03-20");
    // 00:30 on Saturday 14 March in Brussels is still Friday in UTC
    expect(pickUpDeadline(new Date("2026-03-13T23:30:00Z"))).toBe("2026-03-20");
  });
});
