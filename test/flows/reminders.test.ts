import { describe, expect, it } from "vitest";
import { daypartOfTime, parseRhythm, parseWhen, reminders, remindersMachine, RHYTHM_MAX, RHYTHM_MIN } from "../../flows/reminders.js";
import { buttonIds, chose, inputFor, keys, question, run, said, send, start, type Turn } from "./drive.js";

const m = remindersMachine;
const ON = { wanted: true, daypart: "morning", everyDays: 7 };
const from = (data: Record<string, unknown>) => start(m, inputFor(data));
const last = (data: Record<string, unknown>, events: Parameters<typeof send>[2][]) => run(m, from(data), events).at(-1) as Turn;

describe("daypartOfTime", () => {
  it.each([
    [8 * 60, "morning"],
    [12 * 60 + 29, "morning"],
    [12 * 60 + 30, "afternoon"],
    [17 * 60 + 29, "afternoon"],
    [17 * 60 + 30, "evening"],
    [20 * 60 + 59, "evening"],
    [21 * 60, null],
    [0, null],
    [7 * 60 + 59, null],
    [24 * 60, null],
    [-1, null],
  ])("minute %i of the day is %s", (minutes, daypart) => {
    expect(daypartOfTime(minutes)).toBe(daypart);
  });
});

describe("parseWhen", () => {
  it.each([
    ["8", { daypart: "morning" }],
    ["08:00", { daypart: "morning" }],
    ["12:29", { daypart: "morning" }],
    ["12.30", { daypart: "afternoon" }],
    ["rond 14u", { daypart: "afternoon" }],
    ["tegen 17:29 uur", { daypart: "afternoon" }],
    ["at 17:30", { daypart: "evening" }],
    ["20:59h", { daypart: "evening" }],
    ["  Om 10 UUR ", { daypart: "morning" }],
    ["12:5", { daypart: "morning" }],
    ["21:00", { error: "night" }],
    ["00:00", { error: "night" }],
    ["7:59", { error: "night" }],
    ["24", { error: "noSuchTime" }],
    ["99:00", { error: "noSuchTime" }],
    ["10:60", { error: "noSuchTime" }],
    ["'s Avonds", { daypart: "evening" }],
    ["s morgens", { daypart: "morning" }],
    ["in de middag", { daypart: "afternoon" }],
    ["MORNING", { daypart: "morning" }],
    ["Nooit!", { off: true }],
    ["helemaal niet", { off: true }],
    ["geen herinneringen", { off: true }],
  ])("reads %j", (text, expected) => {
    expect(parseWhen(said(text))).toEqual(expected);
  });

  it.each(["", "   ", "ergens", "10 of 11", "100", "10:00:00", "-5", "om tien uur", "ochtend of avond"])("does not read %j", (text) => {
    expect(parseWhen(said(text))).toBeNull();
  });

  it("takes the three daypart buttons and nothing else", () => {
    expect(parseWhen(chose("morning"))).toEqual({ daypart: "morning" });
    expect(parseWhen(chose("afternoon"))).toEqual({ daypart: "afternoon" });
    expect(parseWhen(chose("evening"))).toEqual({ daypart: "evening" });
    for (const choice of ["night", "nooit", "10:00", "toString", ""]) expect(parseWhen(chose(choice)), choice).toBeNull();
  });
});

describe("parseRhythm", () => {
  it.each([
    ["elke dag", { days: 1 }],
    ["dagelijks", { days: 1 }],
    ["Elke week", { days: 7 }],
    ["week", { days: 7 }],
    ["weekly", { days: 7 }],
    ["om de twee weken", { days: 14 }],
    ["every two weeks", { days: 14 }],
    ["1", { days: 1 }],
    ["elke 3 dagen", { days: 3 }],
    ["iedere 10 dagen", { days: 10 }],
    ["every 5 days", { days: 5 }],
    ["1 week", { days: 7 }],
    ["4 weken", { days: 28 }],
    ["3 weeks", { days: 21 }],
    ["28", { days: 28 }],
    ["0", { error: "range" }],
    ["29", { error: "range" }],
    ["5 weken", { error: "range" }],
    ["-1", { error: "range" }],
    ["100 dagen", { error: "range" }],
    ["nooit", { off: true }],
    ["uit", { off: true }],
  ])("reads %j", (text, expected) => {
    expect(parseRhythm(said(text))).toEqual(expected);
  });

  it.each(["", "vaak", "af en toe", "1000", "3 maanden", "elke week of zo", "drie dagen"])("does not read %j", (text) => {
    expect(parseRhythm(said(text))).toBeNull();
  });

  it("takes the buttons' day counts, within 1 to 28 days", () => {
    expect(parseRhythm(chose("7"))).toEqual({ days: 7 });
    expect(parseRhythm(chose("14"))).toEqual({ days: 14 });
    expect(parseRhythm(chose("99"))).toEqual({ error: "range" });
    expect(parseRhythm(chose("yes"))).toBeNull();
    expect([RHYTHM_MIN, RHYTHM_MAX]).toEqual([1, 28]);
  });
});

describe("the reminders flow", () => {
  it("with reminders on, shows the current settings and the menu", () => {
    const s = from({ wanted: true, daypart: "evening", everyDays: 14 });
    expect(keys(s)).toEqual(["reminders.flow.current.evening", "reminders.flow.rhythmNow.biweekly", "reminders.flow.menu"]);
    expect(buttonIds(question(s))).toEqual(["daypart", "rhythm", "off", "keep"]);
  });

  it.each([
    [1, "reminders.flow.rhythmNow.daily", undefined],
    [7, "reminders.flow.rhythmNow.weekly", undefined],
    [14, "reminders.flow.rhythmNow.biweekly", undefined],
    [3, "reminders.flow.rhythmNow.days", { count: 3 }],
  ])("says a rhythm of %i days as %s", (everyDays, key, vars) => {
    expect(from({ ...ON, everyDays }).says[1]).toEqual(vars ? { key, vars } : { key });
  });

  it("settings that are missing or out of range read as mornings, once a week", () => {
    for (const data of [{ wanted: true }, { wanted: true, daypart: "night", everyDays: 0 }, { wanted: true, daypart: 3, everyDays: 29 }, { wanted: true, everyDays: "7" }]) {
      expect(keys(from(data)).slice(0, 2), JSON.stringify(data)).toEqual(["reminders.flow.current.morning", "reminders.flow.rhythmNow.weekly"]);
    }
  });

  it("only a real true counts as on: anything else offers to turn them on", () => {
    for (const wanted of [false, "true", 1, undefined]) expect(keys(from({ wanted })), String(wanted)).toEqual(["reminders.flow.offOffer"]);
    expect(keys(start(m))).toEqual(["reminders.flow.offOffer"]);
  });

  it("declining the offer, pressed or typed or 'niet nu', changes nothing", () => {
    for (const e of [chose("no"), said("nee"), said("niet nu")]) {
      const t = send(m, from({ wanted: false }), e);
      expect(keys(t)).toEqual(["reminders.flow.unchanged"]);
      expect(t.effects).toEqual([]);
      expect(t.snap.status).toBe("done");
    }
  });

  it("an unclear answer to the offer asks for a button and offers again", () => {
    const t = send(m, from({ wanted: false }), said("banaan"));
    expect(keys(t)).toEqual(["common.pickButton", "reminders.flow.offOffer"]);
    expect(send(m, t, chose("yes")).snap.value).toBe("when");
  });

  it("changing only the part of the day keeps the rhythm and asks nothing more", () => {
    const t = last({ wanted: true, daypart: "morning", everyDays: 3 }, [said("ander moment"), chose("evening")]);
    expect(t.effects).toEqual([{ kind: "setReminders", wanted: true, daypart: "evening", everyDays: 3 }]);
    expect(keys(t)).toEqual(["reminders.flow.saved.evening", "reminders.flow.rhythmNow.days"]);
    expect(t.snap.status).toBe("done");
  });

  it("changing only the rhythm keeps the part of the day", () => {
    const t = last({ wanted: true, daypart: "afternoon", everyDays: 7 }, [chose("rhythm"), said("elke dag")]);
    expect(t.effects).toEqual([{ kind: "setReminders", wanted: true, daypart: "afternoon", everyDays: 1 }]);
    expect(keys(t)).toEqual(["reminders.flow.saved.afternoon", "reminders.flow.rhythmNow.daily"]);
  });

  it("'zo laten' keeps everything as it is", () => {
    for (const e of [chose("keep"), said("zo laten"), said("goed zo")]) {
      const t = send(m, from(ON), e);
      expect(keys(t)).toEqual(["reminders.flow.unchanged"]);
      expect(t.effects).toEqual([]);
    }
  });

  it("turning off asks first; 'nee' keeps them on", () => {
    const ask = send(m, from(ON), said("uit"));
    expect(keys(ask)).toEqual(["reminders.flow.offAsk"]);
    expect(buttonIds(question(ask))).toEqual(["yes", "no"]);
    const kept = send(m, ask, chose("no"));
    expect([keys(kept), kept.effects]).toEqual([["reminders.flow.unchanged"], []]);
    const off = send(m, ask, said("ja"));
    expect([keys(off), off.effects]).toEqual([["reminders.flow.savedOff"], [{ kind: "setReminders", wanted: false }]]);
  });

  it("an unclear answer to 'turn off?' asks again and turns nothing off", () => {
    const t = last(ON, [chose("off"), said("hmm")]);
    expect(keys(t)).toEqual(["common.pickButton", "reminders.flow.offAsk"]);
    expect(t.effects).toEqual([]);
  });

  it("an unknown answer to the menu asks the menu again without repeating the settings, and works after that", () => {
    const again = send(m, from(ON), said("banaan"));
    expect(keys(again)).toEqual(["common.pickButton", "reminders.flow.menu"]);
    const forged = send(m, again, chose("toString"));
    expect(keys(forged)).toEqual(["common.pickButton", "reminders.flow.menu"]);
    expect(send(m, forged, chose("rhythm")).snap.value).toBe("rhythm");
  });

  it("'nooit' when asked for the moment or the rhythm goes to 'turn off?'", () => {
    expect(keys(last(ON, [chose("daypart"), said("nooit")]))).toEqual(["reminders.flow.offAsk"]);
    expect(keys(last(ON, [chose("rhythm"), said("nooit")]))).toEqual(["reminders.flow.offAsk"]);
    expect(keys(last({ wanted: false }, [chose("yes"), chose("morning"), said("never")]))).toEqual(["reminders.flow.offAsk"]);
  });

  it("an unreadable moment or rhythm asks for a button, a time at night or out of range says why", () => {
    expect(keys(last(ON, [chose("daypart"), said("straks")]))).toEqual(["common.pickButton", "reminders.flow.when"]);
    expect(keys(last(ON, [chose("daypart"), said("3:00")]))).toEqual(["reminders.flow.night", "reminders.flow.when"]);
    expect(keys(last(ON, [chose("rhythm"), said("af en toe")]))).toEqual(["common.pickButton", "reminders.flow.rhythm"]);
    expect(keys(last(ON, [chose("rhythm"), said("40")]))).toEqual(["reminders.flow.rhythmRange", "reminders.flow.rhythm"]);
  });

  it("is registered as reminders, version 1", () => {
    expect(reminders).toMatchObject({ id: "reminders", version: 1, machine: remindersMachine });
  });
});
