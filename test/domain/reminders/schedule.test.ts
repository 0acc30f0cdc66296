import { describe, expect, it } from "vitest";
import {
  DAYPARTS,
  DAYPART_WINDOWS,
  appointmentReminderDue,
  atLocal,
  checkinDue,
  decideAtRun,
  isQuietHours,
  localTime,
  nextSlot,
  snoozeUntil,
  stepReminderDue,
  type Daypart,
} from "../../../src/domain/reminders/schedule.js";

const at = (iso: string) => new Date(iso);
const hhmm = (d: Date) => {
  const m = localTime(d).minutes;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};
const day = (d: Date) => {
  const { y, m, d: dd } = localTime(d).day;
  return `${y}-${String(m).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
};
const inWindow = (d: Date, daypart: Daypart) => {
  const m = localTime(d).minutes;
  return m >= DAYPART_WINDOWS[daypart].start && m < DAYPART_WINDOWS[daypart].end;
};
const HOUR = 3_600_000;

describe("Amsterdam wall-clock time", () => {
  it("maps local times to instants in winter and summer time", () => {
    expect(atLocal({ y: 2026, m: 1, d: 15 }, 9 * 60).toISOString()).toBe("2026-01-15T08:00:00.000Z");
    expect(atLocal({ y: 2026, m: 7, d: 15 }, 9 * 60).toISOString()).toBe("2026-07-15T07:00:00.000Z");
  });

  it("is right on both daylight-saving Sundays (29 March and 25 October 2026)", () => {
    expect(atLocal({ y: 2026, m: 3, d: 28 }, 9 * 60).toISOString()).toBe("2026-03-28T08:00:00.000Z");
    expect(atLocal({ y: 2026, m: 3, d: 29 }, 9 * 60).toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(atLocal({ y: 2026, m: 10, d: 24 }, 9 * 60).toISOString()).toBe("2026-10-24T07:00:00.000Z");
    expect(atLocal({ y: 2026, m: 10, d: 25 }, 9 * 60).toISOString()).toBe("2026-10-25T08:00:00.000Z");
  });

  it("knows the quiet hours: 21:00 until 08:00", () => {
    expect(isQuietHours(at("2026-01-15T19:59:00Z"))).toBe(false); // 20:59
    expect(isQuietHours(at("2026-01-15T20:00:00Z"))).toBe(true); // 21:00
    expect(isQuietHours(at("2026-07-15T05:59:00Z"))).toBe(true); // 07:59 summer
    expect(isQuietHours(at("2026-07-15T06:00:00Z"))).toBe(false); // 08:00 summer
    expect(isQuietHours(at("2026-03-29T01:30:00Z"))).toBe(true); // 03:30 on the switch night
  });
});

describe("slots", () => {
  it("are inside the chosen part of the day, never in quiet hours, all year round", () => {
    const keys = ["client-a", "client-b", "4d8f0c6e-3f0a-4c8e-9f53-1b2f8f3b9a10"];
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * HOUR + 13 * 60_000) {
      const now = new Date(t);
      for (const daypart of DAYPARTS) {
        for (const key of keys) {
          const slot = nextSlot(now, daypart, key);
          expect(slot >= now).toBe(true);
          expect(slot.getTime() - now.getTime()).toBeLessThanOrEqual(25 * HOUR);
          expect(inWindow(slot, daypart), `${daypart} ${slot.toISOString()}`).toBe(true);
          expect(isQuietHours(slot)).toBe(false);
        }
      }
    }
  });

  it("keep a client's local time of day across the spring switch", () => {
    const before = nextSlot(at("2026-03-27T20:00:00Z"), "morning", "sam"); // Saturday 28 March
    const after = nextSlot(new Date(before.getTime() + 1000), "morning", "sam"); // Sunday 29 March
    expect([day(before), day(after)]).toEqual(["2026-03-28", "2026-03-29"]);
    expect(hhmm(after)).toBe(hhmm(before));
    expect(after.getTime() - before.getTime()).toBe(23 * HOUR);
  });

  it("keep a client's local time of day across the autumn switch", () => {
    const before = nextSlot(at("2026-10-23T20:00:00Z"), "evening", "sam"); // Saturday 24 October
    const after = nextSlot(new Date(before.getTime() + 1000), "evening", "sam");
    expect([day(before), day(after)]).toEqual(["2026-10-24", "2026-10-25"]);
    expect(hhmm(after)).toBe(hhmm(before));
    expect(after.getTime() - before.getTime()).toBe(25 * HOUR);
  });
});

describe("check-ins", () => {
  it("come every N calendar days at the same local time, across daylight saving", () => {
    const last = nextSlot(at("2026-03-20T20:00:00Z"), "afternoon", "sam"); // Saturday 21 March, winter time
    const now = new Date(last.getTime() + HOUR);
    const weekly = checkinDue(last, 7, "afternoon", "sam", now);
    const biweekly = checkinDue(last, 14, "afternoon", "sam", now);
    expect(day(weekly)).toBe("2026-03-28");
    expect(day(biweekly)).toBe("2026-04-04");
    expect(hhmm(biweekly)).toBe(hhmm(last));
    expect(biweekly.getTime() - last.getTime()).toBe(14 * 24 * HOUR - HOUR);
  });

  it("come at the next slot when the planned day has passed", () => {
    const now = at("2026-05-10T12:00:00Z"); // 14:00
    const due = checkinDue(at("2026-04-01T08:00:00Z"), 7, "morning", "sam", now);
    expect(day(due)).toBe("2026-05-11");
    expect(inWindow(due, "morning")).toBe(true);
  });
});

describe("snooze", () => {
  it("is the same slot on the next calendar day, also over the switch nights", () => {
    const spring = snoozeUntil(at("2026-03-28T18:40:00Z"), "evening", "sam"); // Saturday 19:40
    expect(day(spring)).toBe("2026-03-29");
    expect(inWindow(spring, "evening")).toBe(true);
    const autumn = snoozeUntil(at("2026-10-24T08:00:00Z"), "morning", "sam");
    expect(day(autumn)).toBe("2026-10-25");
    expect(hhmm(autumn)).toBe(hhmm(nextSlot(at("2026-10-24T04:00:00Z"), "morning", "sam")));
  });

  it("pressed late in the evening is still never at night", () => {
    const s = snoozeUntil(at("2026-01-15T22:30:00Z"), "morning", "sam"); // 23:30
    expect(day(s)).toBe("2026-01-16");
    expect(isQuietHours(s)).toBe(false);
  });
});

describe("steps and appointments", () => {
  it("remind of a step on its day, or now when that day's slot has passed, but never at night", () => {
    const due = at("2026-06-10T10:00:00Z");
    expect(day(stepReminderDue(due, "morning", "sam", at("2026-06-08T10:00:00Z")) as Date)).toBe("2026-06-10");
    const afternoon = at("2026-06-10T13:00:00Z"); // 15:00 on the day itself
    expect(stepReminderDue(due, "morning", "sam", afternoon)).toEqual(afternoon);
    expect(stepReminderDue(due, "morning", "sam", at("2026-06-10T20:00:00Z"))).toBeNull(); // 22:00
    expect(stepReminderDue(due, "morning", "sam", at("2026-06-11T08:00:00Z"))).toBeNull();
  });

  it("remind of an appointment the day before, in the client's part of the day", () => {
    const appt = at("2026-10-26T09:00:00Z"); // Monday 10:00, the day after the autumn switch
    const due = appointmentReminderDue(appt, "evening", "sam", at("2026-10-20T10:00:00Z")) as Date;
    expect(day(due)).toBe("2026-10-25");
    expect(inWindow(due, "evening")).toBe(true);
    expect(appointmentReminderDue(appt, "morning", "sam", at("2026-10-25T16:00:00Z"))).toEqual(at("2026-10-25T16:00:00Z"));
    expect(appointmentReminderDue(appt, "morning", "sam", at("2026-10-25T21:00:00Z"))).toBeNull();
  });
});

describe("a reminder that runs late", () => {
  it("goes out inside its window or shortly after", () => {
    expect(decideAtRun(at("2026-02-02T09:30:00Z"), "morning", "sam")).toEqual({ kind: "send" }); // 10:30
    expect(decideAtRun(at("2026-02-02T11:30:00Z"), "morning", "sam")).toEqual({ kind: "send" }); // 12:30, within the grace
  });

  it("moves to the next slot when it is too late in the day, and at night", () => {
    const afternoon = decideAtRun(at("2026-02-02T13:30:00Z"), "morning", "sam"); // 14:30
    expect(afternoon.kind).toBe("reschedule");
    const night = decideAtRun(at("2026-02-02T22:30:00Z"), "evening", "sam"); // 23:30
    expect(night).toMatchObject({ kind: "reschedule" });
    if (night.kind === "reschedule") {
      expect(day(night.at)).toBe("2026-02-03");
      expect(inWindow(night.at, "evening")).toBe(true);
    }
  });

  it("with a deadline: sent now rather than too late, dropped at night or after it", () => {
    const deadline = at("2026-02-02T20:00:00Z");
    expect(decideAtRun(at("2026-02-02T13:30:00Z"), "morning", "sam", deadline)).toEqual({ kind: "send" });
    expect(decideAtRun(at("2026-02-02T21:30:00Z"), "morning", "sam", at("2026-02-03T06:00:00Z"))).toEqual({ kind: "drop" });
    expect(decideAtRun(at("2026-02-02T20:30:00Z"), "morning", "sam", deadline)).toEqual({ kind: "drop" });
  });
});
