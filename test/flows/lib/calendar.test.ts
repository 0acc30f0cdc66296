/**
 * flows/lib/calendar.ts: calendar days in Europe/Amsterdam, with arithmetic on UTC midnights so
 * that daylight saving never shifts a day.
 */
import { describe, expect, it } from "vitest";
import { addDays, addMonths, amsterdamDateTime, amsterdamDay, daysBetween, fromIsoDate, isoWeekday, isRealDay, toIsoDate } from "../../../flows/lib/calendar.js";

describe("amsterdamDateTime", () => {
  it("gives the offset of that day, across daylight saving", () => {
    expect(amsterdamDateTime("2027-03-12", 10)).toBe("2027-03-12T10:00:00+01:00");
    expect(amsterdamDateTime("2027-03-28", 10)).toBe("2027-03-28T10:00:00+02:00");
    expect(amsterdamDateTime("2027-10-31", 10)).toBe("2027-10-31T10:00:00+01:00");
  });
});

describe("amsterdamDateTime around the switch", () => {
  it("takes the offset at the wanted local hour on the day of the switch itself", () => {
    // Summer time starts at 02:00 local on 28 March 2027 and ends at 03:00 local on 31 October 2027.
    expect(amsterdamDateTime("2027-03-28", 1)).toBe("2027-03-28T01:00:00+01:00");
    expect(amsterdamDateTime("2027-03-28", 4)).toBe("2027-03-28T04:00:00+02:00");
    expect(amsterdamDateTime("2027-10-31", 1)).toBe("2027-10-31T01:00:00+02:00");
    expect(amsterdamDateTime("2027-07-01", 9)).toBe("2027-07-01T09:00:00+02:00");
    expect(new Date(amsterdamDateTime("2027-07-01", 9)).toISOString()).toBe("2027-07-01T07:00:00.000Z");
  });
});

describe("amsterdamDay", () => {
  it("is the day in Amsterdam, not in UTC", () => {
    expect(amsterdamDay("2027-03-10T22:59:59Z")).toEqual({ y: 2027, m: 3, d: 10 });
    expect(amsterdamDay("2027-03-10T23:00:00Z")).toEqual({ y: 2027, m: 3, d: 11 });
    // Summer time: midnight in Amsterdam is 22:00 UTC.
    expect(amsterdamDay("2027-07-01T21:59:00Z")).toEqual({ y: 2027, m: 7, d: 1 });
    expect(amsterdamDay("2027-07-01T22:00:00Z")).toEqual({ y: 2027, m: 7, d: 2 });
    expect(amsterdamDay("2027-12-31T23:30:00Z")).toEqual({ y: 2028, m: 1, d: 1 });
  });
});

describe("isRealDay", () => {
  it("knows short months and leap years", () => {
    expect(isRealDay(2027, 4, 30)).toBe(true);
    expect(isRealDay(2027, 4, 31)).toBe(false);
    expect(isRealDay(2028, 2, 29)).toBe(true);
    expect(isRealDay(2027, 2, 29)).toBe(false);
    expect(isRealDay(2100, 2, 29)).toBe(false);
    expect(isRealDay(2000, 2, 29)).toBe(true);
  });

  it("refuses months and days out of range", () => {
    for (const [y, m, d] of [[2027, 0, 1], [2027, 13, 1], [2027, 1, 0], [2027, 1, 32], [2027, -1, 10]] as const) expect(isRealDay(y, m, d), `${y}-${m}-${d}`).toBe(false);
  });
});

describe("day arithmetic", () => {
  it("addDays crosses months, years and the switch to summer time without losing a day", () => {
    expect(addDays({ y: 2027, m: 3, d: 27 }, 1)).toEqual({ y: 2027, m: 3, d: 28 });
    expect(addDays({ y: 2027, m: 3, d: 28 }, 1)).toEqual({ y: 2027, m: 3, d: 29 });
    expect(addDays({ y: 2027, m: 12, d: 31 }, 1)).toEqual({ y: 2028, m: 1, d: 1 });
    expect(addDays({ y: 2028, m: 3, d: 1 }, -1)).toEqual({ y: 2028, m: 2, d: 29 });
    expect(addDays({ y: 2027, m: 3, d: 10 }, 0)).toEqual({ y: 2027, m: 3, d: 10 });
  });

  it("addMonths clamps to the end of a shorter month and crosses years", () => {
    expect(addMonths({ y: 2027, m: 1, d: 31 }, 1)).toEqual({ y: 2027, m: 2, d: 28 });
    expect(addMonths({ y: 2028, m: 1, d: 31 }, 1)).toEqual({ y: 2028, m: 2, d: 29 });
    expect(addMonths({ y: 2027, m: 8, d: 31 }, 1)).toEqual({ y: 2027, m: 9, d: 30 });
    expect(addMonths({ y: 2027, m: 11, d: 15 }, 3)).toEqual({ y: 2028, m: 2, d: 15 });
    expect(addMonths({ y: 2027, m: 1, d: 15 }, -2)).toEqual({ y: 2026, m: 11, d: 15 });
  });

  it("isoWeekday: Monday is 1, Sunday is 7", () => {
    expect(isoWeekday({ y: 2027, m: 3, d: 8 })).toBe(1);
    expect(isoWeekday({ y: 2027, m: 3, d: 10 })).toBe(3);
    expect(isoWeekday({ y: 2027, m: 3, d: 14 })).toBe(7);
  });

  it("daysBetween counts whole days, negative backwards, across the switch", () => {
    expect(daysBetween({ y: 2027, m: 3, d: 27 }, { y: 2027, m: 3, d: 29 })).toBe(2);
    expect(daysBetween({ y: 2027, m: 3, d: 10 }, { y: 2027, m: 3, d: 3 })).toBe(-7);
    expect(daysBetween({ y: 2027, m: 1, d: 1 }, { y: 2028, m: 1, d: 1 })).toBe(365);
    expect(daysBetween({ y: 2028, m: 1, d: 1 }, { y: 2029, m: 1, d: 1 })).toBe(366);
  });
});

describe("ISO dates", () => {
  it("toIsoDate pads; fromIsoDate reads it back", () => {
    expect(toIsoDate({ y: 2027, m: 3, d: 5 })).toBe("2027-03-05");
    expect(toIsoDate({ y: 999, m: 12, d: 31 })).toBe("0999-12-31");
    expect(fromIsoDate("2027-03-05")).toEqual({ y: 2027, m: 3, d: 5 });
    expect(fromIsoDate(toIsoDate({ y: 2028, m: 2, d: 29 }))).toEqual({ y: 2028, m: 2, d: 29 });
  });

  it("fromIsoDate fills a missing month or day with 1", () => {
    expect(fromIsoDate("2027")).toEqual({ y: 2027, m: 1, d: 1 });
    expect(fromIsoDate("2027-06")).toEqual({ y: 2027, m: 6, d: 1 });
  });
});
