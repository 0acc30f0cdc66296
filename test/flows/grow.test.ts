import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { grow, growMachine } from "../../flows/grow.js";
import type { ClientEvent } from "../../flows/types.js";
import { buttonIds, chose, inputFor, keys, question, roundTrip, run, said, send, start, type Turn } from "./drive.js";

const m = growMachine;
const go = (events: ClientEvent[], from: Turn = start(m)) => run(m, from, events);
const last = (events: ClientEvent[], from?: Turn) => go(events, from).at(-1) as Turn;

/** A goal with a when and a sign: no follow-up. */
const GOAL = said("Ik wil voor de zomer werk vinden, vier dagen per week.");
/** From the goal to the "when" question: a reality answer with what was tried, one option, a step without a day. */
const TO_WHEN = [GOAL, said("Ik heb al veel brieven gestuurd"), said("Via een uitzendbureau"), said("Het uitzendbureau bellen")];
const TO_SUMMARY = [...TO_WHEN, said("vrijdag"), said("zeven"), said("dat ik zenuwachtig word"), said("dan vraag ik mijn zus Fatima")];

describe("grow flow", () => {
  it("starts with a short intro and the goal question with a 'niet nu' button", () => {
    const s = start(m);
    expect(keys(s)).toEqual(["grow.intro", "grow.goal.ask"]);
    expect(s.says[0]?.vars).toEqual({ name: "Samira" });
    expect(buttonIds(question(s))).toEqual(["notNow"]);
    expect(s.effects).toEqual([]);
  });

  it("asks by when only for a goal of a few words that says neither when nor how it shows", () => {
    expect(keys(last([said("Ik wil werk")]))).toEqual(["grow.goal.when"]);
    expect(keys(last([said("minder stress denk ik")]))).toEqual(["grow.goal.when"]);
    expect(keys(last([said("Ik wil werk vinden")]))).toEqual(["grow.reality.now"]);
    expect(keys(last([said("Ik wil voor de zomer gezonder leven")]))).toEqual(["grow.reality.now"]);
    expect(keys(last([GOAL]))).toEqual(["grow.reality.now"]);
    // "weet ik niet" to the when: a gentle skip, nothing stored.
    const skipped = last([said("Ik wil werk"), said("weet ik niet")]);
    expect(keys(skipped)).toEqual(["grow.goal.whenLater", "grow.reality.now"]);
    expect(skipped.snap.context.whenText).toBe("");
  });

  it("gives a 'weet ik niet' goal one easier question, then ends kindly without saving", () => {
    const [help, end] = go([said("weet ik niet"), said("geen idee")]);
    expect(keys(help as Turn)).toEqual(["grow.goal.help"]);
    expect(keys(end as Turn)).toEqual(["grow.goal.notYet"]);
    expect(end?.snap.status).toBe("done");
    expect(end?.effects).toEqual([]);
  });

  it("helps pick one problem when several are named, with a button for each", () => {
    const pick = last([said("mn schulden, werk vinden, en mn huis is een puinhoop en ik slaap slecht")]);
    expect(keys(pick)).toEqual(["grow.goal.pick"]);
    const labels = (question(pick)?.choices ?? []).flat().map((c) => c.vars?.["text"] ?? c.label);
    expect(labels).toEqual(["Mijn schulden", "Werk vinden", "Mijn huis is een puinhoop", "Ik slaap slecht", "controls.notNow"]);
    const tapped = send(m, pick, chose("part1"));
    expect(keys(tapped)).toEqual(["grow.goal.picked", "grow.reality.now"]);
    expect(tapped.snap.context.goal).toBe("werk vinden");
    expect(send(m, pick, said("dat huis")).snap.context.goal).toBe("dat huis");
    expect(send(m, pick, said("schulden")).snap.context.goal).toBe("mijn schulden");
    const unsure = send(m, pick, said("weet ik niet"));
    expect(unsure.says[0]).toEqual({ key: "grow.goal.pickFirst", vars: { part: "je schulden" } });
    // One goal and its story is no list: "ik wil weer aan het werk, ik zit al 3 jaar thuis, ..."
    expect(keys(last([said("Nou ik wil weer aan het werk, ik zit al 3 jaar thuis, het liefst iets met mn handen")]))).toEqual(["grow.reality.now"]);
    expect(keys(last([GOAL]))).toEqual(["grow.reality.now"]);
  });

  it("chooses the reality and options questions from the answers", () => {
    expect(keys(last([GOAL, said("slecht")]))).toEqual(["grow.reality.helps"]);
    expect(keys(last([GOAL, said("het lukt gewoon echt niet goed")]))).toEqual(["grow.reality.tried"]);
    expect(keys(last([GOAL, said("Ik heb al veel brieven gestuurd")]))).toEqual(["grow.options.ask"]);
    expect(keys(last([GOAL, said("slecht"), said("geen idee")]))).toEqual(["grow.reality.helpsNone", "grow.options.ask"]);
    const atOptions = last([GOAL, said("slecht"), said("mijn buurman")]);
    // No ways in mind: straight to one small step, with an example.
    expect(keys(send(m, atOptions, said("weet ik niet")))).toEqual(["grow.will.stepHelp"]);
    const several = send(m, atOptions, said("bellen, mailen of langsgaan"));
    expect(keys(several)).toEqual(["grow.options.favourite"]);
    expect(buttonIds(question(several))).toEqual(["way0", "way1", "way2", "notNow"]);
    expect(keys(send(m, several, chose("way2")))).toEqual(["grow.will.step"]);
    expect(keys(send(m, atOptions, said("Langsgaan bij de supermarkt")))).toEqual(["grow.will.step"]);
    // An option with its day is the first step already.
    expect(keys(send(m, atOptions, said("zaterdag langsgaan bij de supermarkt")))).toEqual(["grow.will.sure"]);
  });

  it("two clients with different answers take different, shorter paths", () => {
    const path = (events: ClientEvent[]) => go(events).map((t) => question(t)?.key);
    const chatty = path([GOAL, said("Ik heb al veel brieven gestuurd"), said("Via een uitzendbureau"), said("vrijdag het uitzendbureau bellen met mn zus"), chose("9"), said("niks"), chose("yes")]);
    const hesitant = path([said("weet ik niet"), said("rust"), said("weet ik niet"), said("slecht"), said("geen idee"), said("weet ik niet"), said("mn zus bellen"), chose("thisWeek"), chose("3"), said("weet ik niet"), chose("coach"), chose("yes")]);
    expect(chatty).not.toEqual(hesitant);
    expect(chatty).toHaveLength(7);
    expect(chatty).not.toContain("grow.will.when");
    expect(chatty).not.toContain("grow.will.helper");
    expect(hesitant).toContain("grow.will.stepHelp");
    expect(hesitant).toContain("grow.will.fallback");
    expect(hesitant).toHaveLength(12);
    // Neither hears the whole question bank.
    for (const p of [chatty, hesitant]) expect(new Set(p).size).toBeLessThan(13);
  });

  it("runs a whole conversation on typed answers and saves only after the client agrees", () => {
    const turns = go(TO_SUMMARY);
    expect(turns.flatMap((t) => t.effects)).toEqual([]);
    expect(keys(turns[3] as Turn)).toEqual(["grow.will.when"]);
    expect(question(turns[5] as Turn)).toMatchObject({ key: "grow.will.obstacle", vars: { score: 7 } });
    expect(question(turns[6] as Turn)).toMatchObject({ key: "grow.will.fallbackIf" });
    const summary = turns.at(-1) as Turn;
    expect(summary.says).toEqual([
      { key: "grow.will.fallbackOwn" },
      { key: "grow.summary.goal", vars: { goal: "voor de zomer werk vinden", when: "" } },
      {
        key: "grow.summary.step.dayPlain",
        vars: { step: "het uitzendbureau bellen", day: "vrijdag", helper: "" },
        choices: [[{ id: "yes", label: "grow.summary.yes" }], [{ id: "no", label: "grow.summary.no" }], [{ id: "notNow", label: "controls.notNow" }]],
      },
    ]);
    expect(keys(send(m, summary, said("misschien")))).toEqual(["grow.summary.unclear", "grow.summary.step.dayPlain"]);
    const saved = send(m, summary, said("Ja, klopt"));
    expect(saved.effects).toEqual([
      {
        kind: "saveGoal",
        text: "Ik wil voor de zomer werk vinden, vier dagen per week.",
        confidence: 7,
        steps: [{ what: "Het uitzendbureau bellen", dueAt: "2027-03-12T12:00:00+01:00" }],
      },
      { kind: "recordScale", scale: "CONFIDENCE", score: 7, note: "dat ik zenuwachtig word" },
    ]);
    expect(keys(saved)).toEqual(["grow.saved", "grow.next.ask"]);
    expect(saved.says[0]?.vars).toEqual({ name: "Samira", coach: "Ahmed" });
    expect(saved.snap.status).toBe("active");
  });

  it("reads the day and the helper from the step itself, and says them back in its own words", () => {
    const atSure = last([GOAL, said("Ik heb al veel brieven gestuurd"), said("Via een uitzendbureau"), said("ik ga zondg het uitzendbureau bellen met mn zus haha")]);
    expect(keys(atSure)).toEqual(["grow.will.sure"]);
    expect(atSure.snap.context).toMatchObject({ whenKind: "text", whenSaid: "zondag", dueAt: "2027-03-14T12:00:00+01:00", helperKind: "person", helper: "mijn zus" });
    const summary = last([chose("8"), said("nee hoor")], atSure);
    expect(summary.says.at(-1)).toMatchObject({ key: "grow.summary.step.dayHelper", vars: { step: "het uitzendbureau bellen", day: "zondag", helper: "je zus" } });
    const saved = send(m, summary, chose("yes"));
    expect(saved.effects[0]).toMatchObject({ steps: [{ what: "ik ga zondg het uitzendbureau bellen met mn zus haha", dueAt: "2027-03-14T12:00:00+01:00", helper: "mijn zus" }] });
    const alone = last([GOAL, said("Ik heb al veel brieven gestuurd"), said("bellen"), said("morgen zelf bellen"), chose("9"), said("niks")]);
    expect(alone.says.at(-1)).toMatchObject({ key: "grow.summary.step.dayAlone", vars: { step: "bellen", day: "morgen" } });
  });

  it("asks what could get in the way when sure, what makes it higher when unsure, and what happens if the step fails", () => {
    const atSure = last([...TO_WHEN, chose("tomorrow")]);
    expect(buttonIds(question(atSure))).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "notNow"]);
    for (const bad of ["12", "-3"]) {
      const s = send(m, atSure, said(bad));
      expect(keys(s)).toEqual(["controls.scaleRange", "grow.will.sure"]);
      expect(s.snap.context.confidence).toBeNull();
    }
    expect(keys(send(m, atSure, said("🙂")))).toEqual(["controls.scaleUnknown", "grow.will.sure"]);
    expect(question(send(m, atSure, chose("10")))).toMatchObject({ key: "grow.will.obstacle", vars: { score: 10 } });
    const nothing = last([chose("8"), said("nee niks")], atSure);
    expect(keys(nothing)[0]).toBe("grow.will.nothingInWay");
    const obstacle = last([chose("8"), said("als mijn kind ziek is")], atSure);
    expect(question(obstacle)?.key).toBe("grow.will.fallbackIf");
    expect(buttonIds(question(obstacle))).toEqual(["retry", "coach", "notNow"]);
    expect(obstacle.snap.context.obstacle).toBe("als mijn kind ziek is");
    const unsure = send(m, atSure, chose("4"));
    expect(question(unsure)).toMatchObject({ key: "grow.will.higherWho", vars: { score: 4 } });
    const named = send(m, unsure, said("als mn broer meegaat"));
    expect(question(named)?.key).toBe("grow.will.fallback");
    expect(named.snap.context).toMatchObject({ helperKind: "person", helper: "mijn broer", higher: "als mn broer meegaat" });
    expect(keys(send(m, named, chose("coach")))[0]).toBe("grow.will.fallbackCoach");
    expect(keys(send(m, named, chose("retry")))[0]).toBe("grow.will.fallbackRetry");
    expect(keys(send(m, named, said("weet ik niet")))[0]).toBe("grow.will.fallbackNone");
    // "Weet ik niet" to the higher question: no note stored, nothing said back.
    const dk = send(m, unsure, said("weet ik niet"));
    expect(dk.snap.context.higher).toBe("");
    expect(question(dk)?.key).toBe("grow.will.fallback");
  });

  it("gives 'weet ik niet' to the first step an easier question, and a second one a kind end without saving", () => {
    const help = last([GOAL, said("Ik heb al veel brieven gestuurd"), said("bellen"), said("weet ik niet")]);
    expect(keys(help)).toEqual(["grow.will.stepHelp"]);
    const end = send(m, help, said("geen idee"));
    expect(keys(end)).toEqual(["grow.will.notYet"]);
    expect(end.snap.status).toBe("done");
    expect(end.effects).toEqual([]);
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

  it("lets the client correct a part of the summary and returns to it; 'nee, zaterdag' puts the day right at once", () => {
    const summary = last(TO_SUMMARY);
    const [fix, stepQ, back] = go([said("nee"), said("de stap"), said("Eerst mijn cv maken")], summary);
    expect(keys(fix as Turn)).toEqual(["grow.fix.ask"]);
    expect(buttonIds(question(fix as Turn))).toEqual(["goal", "step", "when", "helper", "notNow"]);
    expect(keys(stepQ as Turn)).toEqual(["grow.will.step"]);
    expect(back?.says[1]).toMatchObject({ key: "grow.summary.step.dayPlain", vars: { step: "eerst je cv maken", day: "vrijdag" } });
    const whenFixed = last([chose("no"), chose("when"), chose("notSure")], summary);
    expect(whenFixed.says[1]?.key).toBe("grow.summary.step.nonePlain");
    const helperFixed = last([chose("no"), chose("helper"), said("Mijn zus Fatima")], summary);
    expect(helperFixed.says[1]).toMatchObject({ key: "grow.summary.step.dayHelper", vars: { helper: "je zus Fatima" } });
    const aloneFixed = last([chose("no"), chose("helper"), chose("alone")], summary);
    expect(aloneFixed.says[1]?.key).toBe("grow.summary.step.dayAlone");
    const saved = send(m, aloneFixed, chose("yes"));
    expect(saved.effects[0]).toMatchObject({ kind: "saveGoal", steps: [{ what: "Het uitzendbureau bellen", dueAt: "2027-03-12T12:00:00+01:00" }] });
    expect((saved.effects[0] as { steps: object[] }).steps[0]).not.toHaveProperty("helper");
    const atOnce = send(m, summary, said("nee, zaterdg"));
    expect(atOnce.says[1]).toMatchObject({ key: "grow.summary.step.dayPlain", vars: { day: "zaterdag" } });
    expect(atOnce.snap.context.dueAt).toBe("2027-03-13T12:00:00+01:00");
    // "ja" to "who can help?" names nobody: asked once more.
    expect(keys(last([chose("no"), chose("helper"), said("ja")], summary))).toEqual(["grow.will.helperWho", "grow.will.helper"]);
  });

  it("understands the 'when' buttons and typed days, typos too, and refuses past or unknown days calmly", () => {
    const atWhen = last(TO_WHEN);
    expect(buttonIds(question(atWhen))).toEqual(["tomorrow", "thisWeek", "notSure", "notNow"]);
    expect(keys(send(m, atWhen, said("1 maart")))).toEqual(["controls.datePast", "grow.will.when"]);
    expect(keys(send(m, atWhen, said("gisteren")))).toEqual(["controls.datePast", "grow.will.when"]);
    expect(keys(send(m, atWhen, said("blabla")))).toEqual(["controls.dateUnknown", "grow.will.when"]);
    expect(keys(send(m, atWhen, said("")))).toEqual(["controls.empty", "grow.will.when"]);
    expect(send(m, atWhen, said("1 maart")).snap.value).toBe("willWhen");
    expect(send(m, atWhen, said("dondrdag ofzo")).snap.context).toMatchObject({ whenSaid: "donderdag", dueAt: "2027-03-11T12:00:00+01:00" });
    expect(send(m, atWhen, said("weet ik nog niet")).snap.context).toMatchObject({ whenKind: "none", dueAt: null });
    const tomorrow = last([chose("tomorrow"), chose("10"), said("niks")], atWhen);
    expect(tomorrow.says.map((s) => s.key)).toContain("grow.summary.step.tomorrowPlain");
  });

  it("'niet nu' on any question parks the conversation until a day the client picks", () => {
    for (const prefix of [[], [GOAL], TO_WHEN, [...TO_WHEN, chose("tomorrow")], [...TO_WHEN, chose("tomorrow"), chose("3")], TO_SUMMARY]) {
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
    const atSure = last([...TO_WHEN, said("vrijdag")]);
    const restored = roundTrip(m, atSure);
    expect(restored.snap.value).toBe("willSure");
    expect(restored.snap.context.dueAt).toBe("2027-03-12T12:00:00+01:00");
    const next = send(m, restored, said("8"));
    expect(question(next)).toMatchObject({ key: "grow.will.obstacle", vars: { score: 8 } });
  });

  it("takes a conversation saved by version 1 further where it was, with its answers", () => {
    const v1 = (value: string, context: Record<string, unknown>) => ({ status: "active", value, historyValue: {}, children: {}, context });
    const base = { name: "Samira", coach: "Ahmed", goal: "Ik wil werk vinden", whenText: "voor de zomer", signText: "", goalHelped: false, step: "", whenKind: "none", whenSaid: "", dueAt: null, helper: "", confidence: null, higher: "", fixing: false };
    const restore = (snap: Record<string, unknown>) => {
      const migrated = grow.migrate?.(snap, 1);
      expect(migrated).not.toBeNull();
      return roundTrip(m, { snap: createActor(m, { snapshot: migrated as never, input: inputFor() }).getSnapshot(), says: [], effects: [] });
    };
    const atGood = restore(v1("optionsGood", base));
    expect(atGood.snap.value).toBe("willStep");
    expect(keys(send(m, atGood, said("Het uitzendbureau bellen")))).toEqual(["grow.will.when"]);
    const atCheck = restore(v1("check", { ...base, step: "Het uitzendbureau bellen", whenKind: "text", whenSaid: "vrijdag", dueAt: "2027-03-12T12:00:00+01:00", confidence: 7 }));
    expect(atCheck.snap.context).toMatchObject({ helperKind: "alone", parts: [], obstacle: "" });
    expect(send(m, atCheck, chose("yes")).effects[0]).toMatchObject({ kind: "saveGoal", text: "Ik wil werk vinden", steps: [{ what: "Het uitzendbureau bellen" }] });
    expect(restore(v1("willHelper", base)).snap.value).toBe("willSure");
    expect(grow.migrate?.({ value: { nested: "x" } }, 1)).toBeNull();
  });

  it("GROW's first question names the part of life the client chose", () => {
    expect(question(start(growMachine, inputFor({ focus: "money" })))?.key).toBe("grow.goal.focus.money");
    expect(question(start(growMachine))?.key).toBe("grow.goal.ask");
    expect(question(start(growMachine, inputFor({ focus: "bogus" })))?.key).toBe("grow.goal.ask");
  });
});
