import { describe, expect, it } from "vitest";
import { checkinMachine, stepStatusOf } from "../../flows/checkin.js";
import type { ClientEvent } from "../../flows/types.js";
import { buttonIds, chose, inputFor, keys, question, roundTrip, run, said, send, start, type Turn } from "./drive.js";

const m = checkinMachine;
const STEP = { step: { id: "step-1", what: "De huisarts bellen." } };
const last = (events: ClientEvent[], from: Turn = start(m)) => run(m, from, events).at(-1) as Turn;
const withStep = () => start(m, inputFor(STEP));

describe("checkin flow", () => {
  it("says hello and asks how the client is, 0-10", () => {
    const s = start(m);
    expect(keys(s)).toEqual(["checkin.hello", "checkin.mood"]);
    expect(buttonIds(question(s))).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "notNow"]);
  });

  it("records WELLBEING and asks what went a bit better; a compliment question when something did", () => {
    const good = send(m, start(m), chose("7"));
    expect(good.effects).toEqual([{ kind: "recordScale", scale: "WELLBEING", score: 7 }]);
    expect(keys(good)).toEqual(["checkin.better.ask"]);
    expect(keys(send(m, good, said("Ik heb mijn post opengemaakt")))).toEqual(["checkin.better.how"]);
    const end = last([said("Gewoon gedaan")], send(m, good, said("Ik heb mijn post opengemaakt")));
    expect(keys(end)).toEqual(["checkin.end"]);
    expect(end.snap.status).toBe("done");
    const nothing = send(m, good, said("niks"));
    expect(keys(nothing)).toEqual(["checkin.better.nothing", "checkin.end"]);
  });

  it("a low score gets a coping question and an exception question", () => {
    for (const low of [chose("4"), said("twee"), chose("0")]) {
      const s = send(m, start(m), low);
      expect(keys(s)).toEqual(["checkin.coping"]);
      expect(keys(send(m, s, said("Voor mijn kinderen")))).toEqual(["checkin.exception"]);
    }
    const end = last([chose("3"), said("Mijn kinderen"), said("Vorige week, toen ik ging zwemmen")]);
    expect(keys(end)).toEqual(["checkin.end"]);
  });

  it("asks how the step went; done and partly update it with a concrete compliment", () => {
    const atStep = last([chose("6"), said("niks")], withStep());
    expect(keys(atStep)).toEqual(["checkin.better.nothing", "checkin.step.ask"]);
    expect(question(atStep)?.vars).toEqual({ step: "de huisarts bellen" });
    expect(buttonIds(question(atStep))).toEqual(["done", "partly", "notYet", "notNow"]);
    const done = send(m, atStep, chose("done"));
    expect(done.effects).toEqual([{ kind: "updateStep", stepId: "step-1", status: "DONE" }]);
    // The compliment names the step, and a next step is asked for.
    expect(done.says[0]).toEqual({ key: "checkin.step.doneOk", vars: { step: "de huisarts bellen" } });
    expect(keys(done)).toEqual(["checkin.step.doneOk", "checkin.step.nextAsk"]);
    expect(buttonIds(question(done))).toEqual(["notSure", "notNow"]);
    const next = send(m, done, said("de afspraak in mn agenda zetten"));
    expect(next.effects).toEqual([{ kind: "addStep", afterStepId: "step-1", what: "de afspraak in mn agenda zetten" }]);
    expect(keys(next)).toEqual(["checkin.step.nextOk", "checkin.end"]);
    for (const none of [said("weet ik nog niet"), chose("notSure"), chose("notNow"), said("niks")]) {
      const later = send(m, done, none);
      expect(later.effects).toEqual([]);
      expect(keys(later)).toEqual(["checkin.step.nextLater", "checkin.end"]);
    }
    const partly = send(m, atStep, said("een beetje"));
    expect(partly.effects).toEqual([{ kind: "updateStep", stepId: "step-1", status: "PARTLY" }]);
    expect(keys(partly)).toEqual(["checkin.step.partlyOk", "checkin.end"]);
  });

  it("names a rise since the last score and asks what the client did differently; a fall or no history gets the usual question", () => {
    const rise = send(m, start(m, inputFor({ previousScore: 3 })), said("een 7"));
    expect(rise.says.at(-1)).toMatchObject({ key: "checkin.rise.ask", vars: { from: 3, to: 7 } });
    expect(keys(send(m, rise, said("ik ben elke dag naar buiten gegaan")))).toEqual(["checkin.rise.thanks", "checkin.end"]);
    expect(keys(send(m, rise, said("weet ik niet")))).toEqual(["checkin.rise.anyway", "checkin.end"]);
    expect(keys(send(m, start(m, inputFor({ previousScore: 8 })), chose("7")))).toEqual(["checkin.better.ask"]);
    expect(keys(send(m, start(m, inputFor({ previousScore: 7 })), chose("7")))).toEqual(["checkin.better.ask"]);
    expect(keys(send(m, start(m, inputFor({ previousScore: 1 })), chose("3")))).toEqual(["checkin.coping"]);
    expect(keys(send(m, start(m, inputFor({ previousScore: "x" })), chose("7")))).toEqual(["checkin.better.ask"]);
  });

  it("'not yet' asks what got in the way and whether to make the step smaller, without blame", () => {
    const atStep = last([chose("6"), said("niks")], withStep());
    const [blocked, smaller, what, saved] = run(m, atStep, [said("nog niet"), said("Ik was ziek"), chose("yes"), said("Het nummer opzoeken")]);
    expect(keys(blocked as Turn)).toEqual(["checkin.step.blocked"]);
    expect(blocked?.effects).toEqual([]);
    expect(keys(smaller as Turn)).toEqual(["checkin.step.smaller"]);
    expect(keys(what as Turn)).toEqual(["checkin.step.smallerWhat"]);
    expect(saved?.effects).toEqual([{ kind: "updateStep", stepId: "step-1", status: "OPEN", smallerWhat: "Het nummer opzoeken" }]);
    expect(keys(saved as Turn)).toEqual(["checkin.step.smallerOk", "checkin.end"]);
    const keep = send(m, smaller as Turn, said("nee"));
    expect(keep.effects).toEqual([{ kind: "updateStep", stepId: "step-1", status: "OPEN" }]);
    expect(keys(keep)).toEqual(["checkin.step.keepOk", "checkin.end"]);
  });

  it("reads typed step answers", () => {
    expect([said("Gedaan!"), said("Ja, gelukt"), said("niet helemaal"), said("half"), said("nee"), said("nog niet gelukt"), said("hmm")].map(stepStatusOf)).toEqual([
      "done", "done", "partly", "partly", "notYet", "notYet", null,
    ]);
  });

  it("asks again calmly after bad answers, without updating anything", () => {
    const atStep = last([chose("6"), said("niks")], withStep());
    for (const [text, key] of [["", "controls.empty"], ["🤷", "controls.noWords"], ["hmm", "common.pickButton"]] as const) {
      const t = send(m, atStep, said(text));
      expect(keys(t)).toEqual([key, "checkin.step.ask"]);
      expect(t.effects).toEqual([]);
    }
    expect(keys(send(m, start(m), said("12")))).toEqual(["controls.scaleRange", "checkin.mood"]);
    expect(keys(send(m, start(m), said("-3")))).toEqual(["controls.scaleRange", "checkin.mood"]);
  });

  it("'niet nu' parks at any question and updates no step", () => {
    const prefixes: ClientEvent[][] = [[], [chose("6")], [chose("6"), said("niks")], [chose("2")], [chose("6"), said("niks"), chose("notYet")]];
    for (const prefix of prefixes) {
      const parked = last([...prefix, said("niet nu")], withStep());
      expect(keys(parked)).toEqual(["controls.park.when"]);
      const done = send(m, parked, said("vrijdag"));
      expect(done.effects).toEqual([{ kind: "park", resumeAt: "2027-03-12T10:00:00+01:00" }]);
      expect(keys(done)).toEqual(["controls.park.okDay"]);
    }
  });

  it("survives a JSON round trip with its step", () => {
    const input = inputFor(STEP);
    const restored = roundTrip(m, last([chose("6"), said("niks")], start(m, input)), input);
    expect(restored.snap.value).toBe("stepAsk");
    expect(send(m, restored, chose("done")).effects).toEqual([{ kind: "updateStep", stepId: "step-1", status: "DONE" }]);
  });
});
