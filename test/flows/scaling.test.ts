import { describe, expect, it } from "vitest";
import { scalingMachine } from "../../flows/scaling.js";
import type { ClientEvent } from "../../flows/types.js";
import { buttonIds, chose, inputFor, keys, question, roundTrip, run, said, send, start, type Turn } from "./drive.js";

const m = scalingMachine;
const last = (events: ClientEvent[], from: Turn = start(m)) => run(m, from, events).at(-1) as Turn;

describe("scaling flow", () => {
  it.each([
    ["PROGRESS", "scaling.ask.progress"],
    ["MOTIVATION", "scaling.ask.motivation"],
    ["CONFIDENCE", "scaling.ask.confidence"],
    ["COPING", "scaling.ask.coping"],
  ])("asks the %s scale with 0-10 buttons in rows", (scale, key) => {
    const s = start(m, inputFor({ scale }));
    expect(keys(s)).toEqual(["scaling.intro", key]);
    expect(question(s)?.choices?.map((row) => row.map((c) => c.id))).toEqual([
      ["0", "1", "2", "3", "4", "5"],
      ["6", "7", "8", "9", "10"],
      ["notNow"],
    ]);
  });

  it("defaults to PROGRESS without data or with an unknown scale", () => {
    expect(keys(start(m))[1]).toBe("scaling.ask.progress");
    expect(keys(start(m, inputFor({ scale: "WELLBEING", previousScore: "vier" })))[1]).toBe("scaling.ask.progress");
  });

  it("records the score of its own kind, pressed or typed", () => {
    expect(send(m, start(m, inputFor({ scale: "COPING" })), chose("6")).effects).toEqual([{ kind: "recordScale", scale: "COPING", score: 6 }]);
    expect(send(m, start(m), said("zeven")).effects).toEqual([{ kind: "recordScale", scale: "PROGRESS", score: 7 }]);
    expect(send(m, start(m), said("een 6 of zo")).effects).toEqual([{ kind: "recordScale", scale: "PROGRESS", score: 6 }]);
  });

  it("asks how the client got that far and not lower, what one point higher looks like, and one small step", () => {
    const turns = run(m, start(m), [chose("6"), said("Ik ben elke dag buiten geweest"), said("Dan bel ik zelf de huisarts"), said("Morgen het nummer opzoeken")]);
    expect(turns.map((t) => t.says.map((s) => [s.key, s.vars]))).toEqual([
      [["scaling.how.plain", { score: 6 }]],
      [["scaling.higher", { next: 7 }]],
      [["scaling.step", undefined]],
      [["scaling.end", { name: "Samira" }]],
    ]);
    expect(turns.at(-1)?.snap.status).toBe("done");
    expect(turns.slice(1).flatMap((t) => t.effects)).toEqual([]);
  });

  it("gives a rise a concrete compliment and never judges a fall", () => {
    const rise = send(m, start(m, inputFor({ previousScore: 4 })), chose("6"));
    expect(question(rise)).toMatchObject({ key: "scaling.how.rise", vars: { from: 4, to: 6 } });
    const fall = send(m, start(m, inputFor({ previousScore: 7 })), chose("5"));
    expect(question(fall)).toMatchObject({ key: "scaling.how.fall", vars: { from: 7, to: 5 } });
    const same = send(m, start(m, inputFor({ previousScore: 5 })), chose("5"));
    expect(question(same)).toMatchObject({ key: "scaling.how.plain", vars: { score: 5 } });
  });

  it("at 0 asks how the client keeps going; at 10 asks what helps to stay there", () => {
    expect(keys(send(m, start(m, inputFor({ previousScore: 3 })), chose("0")))).toEqual(["scaling.how.zero"]);
    const ten = last([chose("10"), said("Ik heb hard gewerkt")]);
    expect(keys(ten)).toEqual(["scaling.keep"]);
    expect(keys(send(m, ten, said("Mijn vaste ritme")))).toEqual(["scaling.step"]);
  });

  it("refuses 12, -3 and unreadable numbers calmly and asks again, saving nothing", () => {
    const s = start(m);
    for (const [text, key] of [["12", "controls.scaleRange"], ["-3", "controls.scaleRange"], ["elf", "controls.scaleRange"], ["goed", "controls.scaleUnknown"], ["", "controls.scaleUnknown"], ["🙂", "controls.scaleUnknown"], ["5 of 6", "controls.scaleUnknown"], ["7".repeat(501), "controls.tooLong"]] as const) {
      const t = send(m, s, said(text));
      expect(keys(t), text).toEqual([key, "scaling.ask.progress"]);
      expect(t.effects).toEqual([]);
    }
  });

  it("'niet nu' parks at every question", () => {
    for (const prefix of [[], [chose("4")], [chose("4"), said("Ik doe mijn best")], [chose("4"), said("Ik doe mijn best"), said("Meer rust")]]) {
      const parked = last([...prefix, chose("notNow")]);
      expect(keys(parked)).toEqual(["controls.park.when"]);
      expect(send(m, parked, chose("nextWeek")).effects).toEqual([{ kind: "park", resumeAt: "2027-03-15T10:00:00+01:00" }]);
    }
  });

  it("survives a JSON round trip, keeping kind and previous score", () => {
    const input = inputFor({ scale: "MOTIVATION", previousScore: 2 });
    const restored = roundTrip(m, start(m, input), input);
    const next = send(m, restored, said("5"));
    expect(next.effects).toEqual([{ kind: "recordScale", scale: "MOTIVATION", score: 5 }]);
    expect(question(next)).toMatchObject({ key: "scaling.how.rise", vars: { from: 2, to: 5 } });
    expect(buttonIds(question(next))).toEqual(["notNow"]);
  });

  it("'weet ik niet' to the small step gets an easier question, then an ending that does not claim a step", () => {
    const atStep = run(m, start(m), [chose("5"), said("ik doe mijn best"), said("meer rust")]).at(-1) as Turn;
    expect(keys(atStep)).toEqual(["scaling.step"]);
    const help = send(m, atStep, said("weet ik niet"));
    expect(keys(help)).toEqual(["scaling.stepHelp"]);
    expect(keys(send(m, help, said("even wandelen")))).toEqual(["scaling.end"]);
    const none = send(m, help, said("geen idee"));
    expect(keys(none)).toEqual(["scaling.endNoStep"]);
    expect(none.snap.status).toBe("done");
  });
});
