import { describe, expect, it } from "vitest";
import { growMachine } from "../../flows/grow.js";
import type { ClientEvent } from "../../flows/types.js";
import { buttonIds, chose, keys, question, roundTrip, run, said, send, start, type Turn } from "./drive.js";

const m = growMachine;
const go = (events: ClientEvent[], from: Turn = start(m)) => run(m, from, events);
const last = (events: ClientEvent[], from?: Turn) => go(events, from).at(-1) as Turn;

/** A goal with a when and a sign: no follow-up. */
const GOAL = said("Ik wil voor de zomer werk vinden, vier dagen per week.");
/** From the goal to the "when" question: rich reality, one option. */
const TO_WHEN = [GOAL, said("Ik zoek al een jaar, het gaat moeizaam."), said("Brieven sturen"), said("Via een uitzendbureau"), said("Ze kennen veel bedrijven"), said("Ik moet zelf bellen"), said("Het uitzendbureau bellen")];
const TO_SUMMARY = [...TO_WHEN, said("vrijdag"), said("Mijn zus Fatima"), said("zeven"), said("Als mijn zus meebelt")];

describe("grow flow", () => {
  it("starts with a short intro and the goal question with a 'niet nu' button", () => {
    const s = start(m);
    expect(keys(s)).toEqual(["grow.intro", "grow.goal.ask"]);
    expect(s.says[0]?.vars).toEqual({ name: "Samira" });
    expect(buttonIds(question(s))).toEqual(["notNow"]);
    expect(s.effects).toEqual([]);
  });

  it("asks one gentle follow-up only when the goal lacks a when or a sign", () => {
    expect(keys(last([said("Ik wil werk vinden")]))).toEqual(["grow.goal.when"]);
    expect(keys(last([said("Ik wil voor de zomer gezonder leven")]))).toEqual(["grow.goal.sign"]);
    expect(keys(last([GOAL]))).toEqual(["grow.reality.now"]);
    const afterFollowUp = last([said("Ik wil werk vinden"), said("voor de zomer")]);
    expect(keys(afterFollowUp)).toEqual(["grow.reality.now"]);
  });

  it("gives a 'weet ik niet' goal one easier question, then ends kindly without saving", () => {
    const [help, end] = go([said("weet ik niet"), said("geen idee")]);
    expect(keys(help as Turn)).toEqual(["grow.goal.help"]);
    expect(keys(end as Turn)).toEqual(["grow.goal.notYet"]);
    expect(end?.snap.status).toBe("done");
    expect(end?.effects).toEqual([]);
  });

  it("chooses the reality and options questions from the answers", () => {
    expect(keys(last([GOAL, said("slecht")]))).toEqual(["grow.reality.helps"]);
    expect(keys(last([GOAL, said("Ik heb al veel brieven gestuurd")]))).toEqual(["grow.reality.tried"]);
    const atOptions = last([GOAL, said("slecht"), said("mijn buurman")]);
    expect(keys(send(m, atOptions, said("weet ik niet")))).toEqual(["grow.options.free"]);
    expect(keys(send(m, atOptions, said("bellen, mailen of langsgaan")))).toEqual(["grow.options.favourite"]);
    expect(keys(send(m, atOptions, said("Langsgaan bij de supermarkt")))).toEqual(["grow.options.good"]);
  });

  it("runs a whole conversation on typed answers and saves only after the client agrees", () => {
    const turns = go(TO_SUMMARY);
    expect(turns.flatMap((t) => t.effects)).toEqual([]);
    expect(keys(turns[7] as Turn)).toEqual(["grow.will.helper"]);
    expect(question(turns[9] as Turn)).toMatchObject({ key: "grow.will.higher", vars: { score: 7 } });
    const summary = turns.at(-1) as Turn;
    expect(summary.says).toEqual([
      { key: "grow.summary.goal", vars: { goal: "Ik wil voor de zomer werk vinden, vier dagen per week" } },
      { key: "grow.summary.stepWhen", vars: { step: "Het uitzendbureau bellen", when: "vrijdag" } },
      { key: "grow.summary.helper", vars: { helper: "je zus Fatima" } },
      { key: "grow.summary.check", choices: [[{ id: "yes", label: "grow.summary.yes" }], [{ id: "no", label: "grow.summary.no" }], [{ id: "notNow", label: "controls.notNow" }]] },
    ]);
    expect(keys(send(m, summary, said("misschien")))).toEqual(["common.pickButton", "grow.summary.check"]);
    const saved = send(m, summary, said("Ja, klopt"));
    expect(saved.effects).toEqual([
      {
        kind: "saveGoal",
        text: "Ik wil voor de zomer werk vinden, vier dagen per week.",
        confidence: 7,
        steps: [{ what: "Het uitzendbureau bellen", dueAt: "2027-03-12T12:00:00+01:00", helper: "Mijn zus Fatima" }],
      },
      { kind: "recordScale", scale: "CONFIDENCE", score: 7, note: "Als mijn zus meebelt" },
    ]);
    expect(keys(saved)).toEqual(["grow.saved", "grow.next.ask"]);
    expect(saved.says[0]?.vars).toEqual({ name: "Samira", coach: "Ahmed" });
    expect(saved.snap.status).toBe("active");
  });

  it("offers the next conversation: yes starts scaling, 'niet nu' just ends", () => {
    const saved = last([...TO_SUMMARY, chose("yes")]);
    const yes = send(m, saved, chose("yes"));
    expect(yes.effects).toEqual([{ kind: "startFlow", flowId: "scaling" }]);
    expect(yes.snap.status).toBe("done");
    for (const no of [chose("notNow"), said("nee"), said("niet nu")]) {
      const s = send(m, saved, no);
      expect(keys(s)).toEqual(["grow.next.later"]);
      expect(s.effects).toEqual([]);
      expect(s.snap.status).toBe("done");
    }
  });

  it("lets the client correct a part of the summary and returns to it", () => {
    const summary = last(TO_SUMMARY);
    const [fix, stepQ, back] = go([said("nee"), said("de stap"), said("Eerst mijn cv maken")], summary);
    expect(keys(fix as Turn)).toEqual(["grow.fix.ask"]);
    expect(buttonIds(question(fix as Turn))).toEqual(["goal", "step", "when", "helper", "notNow"]);
    expect(keys(stepQ as Turn)).toEqual(["grow.will.step"]);
    expect(back?.says[1]).toEqual({ key: "grow.summary.stepWhen", vars: { step: "Eerst mijn cv maken", when: "vrijdag" } });
    const whenFixed = last([chose("no"), chose("when"), chose("notSure")], summary);
    expect(whenFixed.says[1]?.key).toBe("grow.summary.stepNoDay");
    const helperFixed = last([chose("no"), chose("helper"), chose("alone")], summary);
    expect(helperFixed.says[2]?.key).toBe("grow.summary.alone");
    const saved = send(m, helperFixed, chose("yes"));
    expect(saved.effects[0]).toMatchObject({ kind: "saveGoal", steps: [{ what: "Het uitzendbureau bellen", dueAt: "2027-03-12T12:00:00+01:00" }] });
    expect((saved.effects[0] as { steps: object[] }).steps[0]).not.toHaveProperty("helper");
  });

  it("understands the 'when' buttons and refuses past or unknown days calmly", () => {
    const atWhen = last(TO_WHEN);
    expect(buttonIds(question(atWhen))).toEqual(["tomorrow", "thisWeek", "notSure", "notNow"]);
    expect(keys(send(m, atWhen, said("1 maart")))).toEqual(["controls.datePast", "grow.will.when"]);
    expect(keys(send(m, atWhen, said("blabla")))).toEqual(["controls.dateUnknown", "grow.will.when"]);
    expect(keys(send(m, atWhen, said("")))).toEqual(["controls.empty", "grow.will.when"]);
    expect(send(m, atWhen, said("1 maart")).snap.value).toBe("willWhen");
    const tomorrow = last([chose("tomorrow"), chose("alone"), chose("10"), said("Ik heb er zin in")], atWhen);
    expect(tomorrow.says.map((s) => s.key)).toContain("grow.summary.stepTomorrow");
  });

  it("asks how sure with 0-10 buttons, refuses 12 and -3, and asks what makes a 10 so sure", () => {
    const atSure = last([...TO_WHEN, chose("tomorrow"), chose("alone")]);
    expect(buttonIds(question(atSure))).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "notNow"]);
    for (const bad of ["12", "-3"]) {
      const s = send(m, atSure, said(bad));
      expect(keys(s)).toEqual(["controls.scaleRange", "grow.will.sure"]);
      expect(s.snap.context.confidence).toBeNull();
    }
    expect(keys(send(m, atSure, said("🙂")))).toEqual(["controls.scaleUnknown", "grow.will.sure"]);
    expect(question(send(m, atSure, chose("10")))).toMatchObject({ key: "grow.will.ten", vars: { score: 10 } });
  });

  it("'niet nu' on any question parks the conversation until a day the client picks", () => {
    for (const prefix of [[], [GOAL], TO_WHEN, [...TO_WHEN, chose("tomorrow"), chose("alone")], TO_SUMMARY]) {
      for (const notNow of [chose("notNow"), said("niet nu"), said("later")]) {
        const parked = last([...prefix, notNow]);
        expect(keys(parked)).toEqual(["controls.park.when"]);
        expect(buttonIds(question(parked))).toEqual(["tomorrow", "nextWeek", "self"]);
        const done = send(m, parked, chose("tomorrow"));
        expect(done.effects).toEqual([{ kind: "park", resumeAt: "2027-03-11T10:00:00+01:00" }]);
        expect(keys(done)).toEqual(["controls.park.okTomorrow"]);
        expect(done.snap.status).toBe("done");
      }
    }
  });

  it("parks on a typed day, on 'ik zeg het zelf', and asks again for a past day", () => {
    const parked = last([GOAL, said("niet nu")]);
    expect(send(m, parked, said("over twee weken")).effects).toEqual([{ kind: "park", resumeAt: "2027-03-24T10:00:00+01:00" }]);
    expect(send(m, parked, chose("nextWeek")).effects).toEqual([{ kind: "park", resumeAt: "2027-03-15T10:00:00+01:00" }]);
    const self = send(m, parked, said("ik zeg het zelf"));
    expect(self.effects).toEqual([{ kind: "park" }]);
    expect(keys(self)).toEqual(["controls.park.okSelf"]);
    const past = send(m, parked, said("1 maart"));
    expect(keys(past)).toEqual(["controls.datePast", "controls.park.when"]);
    expect(past.effects).toEqual([]);
    expect(keys(send(m, parked, said("blabla")))).toEqual(["controls.dateUnknown", "controls.park.when"]);
  });

  it("refuses empty, emoji-only and very long answers and asks the same question again", () => {
    const s = start(m);
    expect(keys(send(m, s, said("")))).toEqual(["controls.empty", "grow.goal.ask"]);
    expect(keys(send(m, s, said("👍👍")))).toEqual(["controls.noWords", "grow.goal.ask"]);
    const long = send(m, s, said("Ik wil ".repeat(100)));
    expect(keys(long)).toEqual(["controls.tooLong", "grow.goal.ask"]);
    expect(long.snap.context.goal).toBe("");
    expect(long.snap.value).toBe("goal");
  });

  it("stores at most 300 characters of a long answer", () => {
    const goal = `Ik wil voor de zomer werk, vier dagen per week. ${"En ook nog veel meer. ".repeat(18)}`;
    expect(goal.length).toBeGreaterThan(300);
    expect(goal.length).toBeLessThanOrEqual(500);
    const s = last([said(goal)]);
    expect(s.snap.context.goal.length).toBe(300);
  });

  it("survives a JSON round trip of its persisted snapshot", () => {
    const atSure = last([...TO_WHEN, said("vrijdag"), said("Mijn zus")]);
    const restored = roundTrip(m, atSure);
    expect(restored.snap.value).toBe("willSure");
    expect(restored.snap.context.dueAt).toBe("2027-03-12T12:00:00+01:00");
    const next = send(m, restored, said("8"));
    expect(question(next)).toMatchObject({ key: "grow.will.higher", vars: { score: 8 } });
  });
});
