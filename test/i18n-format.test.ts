import { describe, expect, it } from "vitest";
import { createTranslator } from "../src/i18n.js";
import { DATE_FORMATS, formatDate, type DateFormat } from "../src/i18n-format.js";
import { createSlackTranslator } from "../src/i18n-slack.js";

// 09:30 UTC on a Friday in March, before summer time: 10:30 in Amsterdam.
const WINTER = "2027-03-12T09:30:00.000Z";
// The same clock time in summer: 11:30 in Amsterdam.
const SUMMER = "2027-07-09T09:30:00.000Z";

describe("formatDate", () => {
  it("writes each format in Amsterdam time, in Dutch and in English", () => {
    const nl: Record<DateFormat, string> = {
      day: "vrijdag 12 maart",
      dayMonth: "12 maart",
      date: "12 maart 2027",
      short: "12 mrt",
      time: "10:30",
      dayMonthTime: "12 maart om 10:30",
      shortTime: "12 mrt, 10:30",
      when: "vrijdag 12 maart om 10:30",
    };
    const en: Record<DateFormat, string> = {
      day: "Friday 12 March",
      dayMonth: "12 March",
      date: "12 March 2027",
      short: "12 Mar",
      time: "10:30",
      dayMonthTime: "12 March at 10:30",
      shortTime: "12 Mar, 10:30",
      when: "Friday 12 March at 10:30",
    };
    expect(Object.keys(nl).sort()).toEqual(Object.keys(DATE_FORMATS).sort());
    for (const format of Object.keys(DATE_FORMATS) as DateFormat[]) {
      expect(formatDate(WINTER, format, "nl"), format).toBe(nl[format]);
      expect(formatDate(new Date(WINTER), format, "en"), format).toBe(en[format]);
    }
  });

  it("follows summer time and the Amsterdam day, not the machine's", () => {
    expect(formatDate(SUMMER, "when", "nl")).toBe("vrijdag 9 juli om 11:30");
    // 23:30 UTC on Thursday is already Friday in Amsterdam.
    expect(formatDate("2027-07-08T23:30:00.000Z", "day", "nl")).toBe("vrijdag 9 juli");
    expect(formatDate("2027-07-09T01:30:00+02:00", "time", "nl")).toBe("01:30");
  });

  it("falls back to Dutch for a language it does not know", () => {
    expect(formatDate(WINTER, "day", "tr")).toBe("vrijdag 12 maart");
  });

  it("never reads a date out of a text: a date formatted before stays as it was", () => {
    // new Date("vrijdag 11 december") is 11 December 2001, a Tuesday.
    expect(formatDate("vrijdag 11 december", "day", "nl")).toBe("vrijdag 11 december");
    expect(formatDate("14:30", "time", "nl")).toBe("14:30");
    expect(formatDate("2027-03-12", "day", "nl")).toBe("2027-03-12");
    expect(formatDate("12 March 2027 10:30", "when", "en")).toBe("12 March 2027 10:30");
    expect(formatDate("2027-13-45T99:99:00Z", "when", "nl")).toBe("2027-13-45T99:99:00Z");
  });
});

describe("dates in texts", () => {
  it("the client's texts format the instant they are given, in the client's language", () => {
    const t = createTranslator();
    expect(t.t("nl", "overview.stepDue", { what: "Bellen", date: WINTER })).toBe("• Bellen (uiterlijk vrijdag 12 maart)");
    expect(t.t("en", "overview.stepDue", { what: "Call", date: WINTER })).toBe("• Call (by Friday 12 March)");
    expect(t.t("nl", "reminders.appointment.today", { name: "Sam", time: SUMMER })).toBe("Hoi Sam. Even een herinnering. Vandaag om 11:30 heb je een afspraak.");
  });

  it("the coaches' texts too, and their counts read right for one and for more", () => {
    const nl = createSlackTranslator("nl");
    const en = createSlackTranslator("en");
    expect(nl("crisis.state.ack", { who: "Ahmed", when: WINTER })).toBe("✅ Ahmed neemt contact op (12 maart om 10:30).");
    expect(en("crisis.state.ack", { who: "Ahmed", when: WINTER })).toBe("✅ Ahmed is getting in touch (12 March at 10:30).");
    expect(nl("crisis.team", { mentions: "@team", coach: "Ahmed", count: 1 })).toBe("@team Coach Ahmed heeft dit na 1 minuut nog niet bevestigd. Kan een van jullie contact opnemen?");
    expect(nl("crisis.team", { mentions: "@team", coach: "Ahmed", count: 30 })).toBe("@team Coach Ahmed heeft dit na 30 minuten nog niet bevestigd. Kan een van jullie contact opnemen?");
    expect(en("crisis.team", { mentions: "@team", coach: "Ahmed", count: 1 })).toBe("@team Coach Ahmed has not confirmed this after 1 minute. Can one of you get in touch?");
    expect(nl("file.scores.earlier", { count: 1 })).toBe("en 1 eerder cijfer");
    expect(en("file.scores.earlier", { count: 4 })).toBe("and 4 earlier scores");
    expect(nl("referral.card.appointmentAt", { when: WINTER, place: "Stadhuis" })).toBe("vrijdag 12 maart om 10:30, Stadhuis");
    expect(en("referral.home.line", { what: "Schuldhulp", state: "accepted", date: SUMMER })).toBe("*Schuldhulp* · accepted · 9 Jul");
    expect(nl("referral.home.caseload.crisisHold", { since: WINTER })).toContain("sinds een crisissignaal (12 mrt)");
  });
});
