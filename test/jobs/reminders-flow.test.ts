import { initialTransition, transition, type AnyMachineSnapshot } from "xstate";
import { describe, expect, it } from "vitest";
import { daypartOfTime, parseRhythm, parseWhen, remindersMachine } from "../../flows/reminders.js";
import type { ClientEvent, Effect, FlowInput, Say } from "../../flows/types.js";
import { createTranslator } from "../../src/i18n.js";
import { DAYPARTS, DAYPART_WINDOWS, QUIET_FROM, QUIET_UNTIL } from "../../src/domain/reminders/schedule.js";
import { expectKnownTextsAndButtons, exploreFlow, probeEvents } from "../flows/graph.js";

const NOW = "2027-03-10T09:00:00.000Z";
const input = (data: Record<string, unknown>): FlowInput => ({ now: NOW, client: { name: "Samira" }, coach: { name: "Ahmed" }, data });
const said = (text: string): ClientEvent => ({ type: "client.said", text, now: NOW });
const chose = (choice: string): ClientEvent => ({ type: "client.chose", choice, now: NOW });

type Turn = { snap: AnyMachineSnapshot; says: Say[]; effects: Effect[] };
const split = (snap: unknown, actions: { type: string; params?: unknown }[]): Turn => ({
  snap: snap as AnyMachineSnapshot,
  says: actions.filter((a) => a.type === "say").map((a) => a.params as Say),
  effects: actions.filter((a) => a.type === "effect").map((a) => a.params as Effect),
});
const start = (data: Record<string, unknown>) => split(...initialTransition(remindersMachine, input(data)));
const send = (t: Turn, e: ClientEvent) => split(...transition(remindersMachine, t.snap, e));
const keys = (t: Turn) => t.says.map((s) => s.key);

describe("the reminders conversation (/herinneringen)", () => {
  const ON = { wanted: true, daypart: "morning", everyDays: 7 };

  it("turns reminders on: part of the day, then how often", () => {
    let t = start({ wanted: false });
    expect(keys(t)).toEqual(["reminders.flow.offOffer"]);
    t = send(t, chose("yes"));
    expect(keys(t)).toEqual(["reminders.flow.when"]);
    t = send(t, said("'s middags"));
    expect(keys(t)).toEqual(["reminders.flow.rhythm"]);
    t = send(t, said("elke 3 dagen"));
    expect(t.effects).toEqual([{ kind: "setReminders", wanted: true, daypart: "afternoon", everyDays: 3 }]);
    expect(keys(t)).toEqual(["reminders.flow.saved.afternoon", "reminders.flow.rhythmNow.days"]);
    expect(t.says[1]?.vars).toEqual({ count: 3 });
    expect(createTranslator().t("nl", "reminders.flow.rhythmNow.days", t.says[1]?.vars)).toBe("Om de 3 dagen vraag ik hoe het gaat.");
    expect(createTranslator().t("en", "reminders.flow.rhythmNow.days", t.says[1]?.vars)).toBe("Every 3 days I ask how you are doing.");
    expect(t.snap.status).toBe("done");
  });

  it("answers a time that does not exist, a time at night, and 'nooit' clearly", () => {
    let t = send(start(ON), chose("daypart"));
    t = send(t, said("25:00"));
    expect(keys(t)).toEqual(["reminders.flow.noSuchTime", "reminders.flow.when"]);
    t = send(t, said("12:75"));
    expect(keys(t)).toEqual(["reminders.flow.noSuchTime", "reminders.flow.when"]);
    t = send(t, said("om 23 uur"));
    expect(keys(t)).toEqual(["reminders.flow.night", "reminders.flow.when"]);
    t = send(t, said("nooit"));
    expect(keys(t)).toEqual(["reminders.flow.offAsk"]);
    t = send(t, chose("yes"));
    expect(t.effects).toEqual([{ kind: "setReminders", wanted: false }]);
  });

  it("changes only the rhythm, refusing 0 and 100 days", () => {
    let t = send(start(ON), said("hoe vaak"));
    expect(keys(t)).toEqual(["reminders.flow.rhythm"]);
    t = send(t, said("0"));
    expect(keys(t)).toEqual(["reminders.flow.rhythmRange", "reminders.flow.rhythm"]);
    t = send(t, said("100 dagen"));
    expect(keys(t)).toEqual(["reminders.flow.rhythmRange", "reminders.flow.rhythm"]);
    t = send(t, chose("14"));
    expect(t.effects).toEqual([{ kind: "setReminders", wanted: true, daypart: "morning", everyDays: 14 }]);
  });

  it("reads typed times into the part of the day the bot uses", () => {
    expect(parseWhen(said("10:00"))).toEqual({ daypart: "morning" });
    expect(parseWhen(said("om 14.30 uur"))).toEqual({ daypart: "afternoon" });
    expect(parseWhen(said("19u"))).toEqual({ daypart: "evening" });
    expect(parseWhen(said("7:30"))).toEqual({ error: "night" });
    expect(parseWhen(said("24:00"))).toEqual({ error: "noSuchTime" });
    expect(parseRhythm(said("om de week"))).toEqual({ days: 14 });
    expect(parseRhythm(said("2 weken"))).toEqual({ days: 14 });
    expect(parseRhythm(said("-3"))).toEqual({ error: "range" });
  });

  it("maps every minute of each sending window to its own part of the day, and quiet hours to none", () => {
    for (const daypart of DAYPARTS) {
      const w = DAYPART_WINDOWS[daypart];
      for (let m = w.start; m < w.end; m++) expect(daypartOfTime(m)).toBe(daypart);
    }
    for (let m = QUIET_FROM; m < 24 * 60; m++) expect(daypartOfTime(m)).toBeNull();
    for (let m = 0; m < QUIET_UNTIL; m++) expect(daypartOfTime(m)).toBeNull();
  });

  describe("all paths", () => {
    const events = [...probeEvents(NOW), ...["daypart", "rhythm", "off", "afternoon", "evening", "14"].map(chose), ...["25:00", "23:00", "nooit", "om 10 uur", "elke 3 dagen"].map(said)];
    const report = exploreFlow(remindersMachine, {
      inputs: [input({ wanted: false }), input(ON), input({ wanted: true, daypart: "evening", everyDays: 1 }), input({ wanted: true, daypart: "afternoon", everyDays: 14 })],
      events,
    });

    it("reaches every state and never gets stuck", () => {
      // `start` is the eventless junction the flow begins in (on or off); it never rests, and the
      // explorer only counts junctions that a resting state leads into.
      expect(report.unreached).toEqual(["reminders.start"]);
      expect(report.stuck).toEqual([]);
    });

    it("uses only texts that exist in nl and en, and valid button ids", () => {
      expectKnownTextsAndButtons(report);
    });
  });
});
