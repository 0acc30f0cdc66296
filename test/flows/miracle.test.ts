import { describe, expect, it } from "vitest";
import { miracleMachine } from "../../flows/miracle.js";
import type { ClientEvent } from "../../flows/types.js";
import { buttonIds, chose, keys, question, roundTrip, run, said, send, start, type Turn } from "./drive.js";

const m = miracleMachine;
const last = (events: ClientEvent[], from: Turn = start(m)) => run(m, from, events).at(-1) as Turn;
const ANSWERS = [said("Ik word uitgerust wakker."), said("Mijn dochter"), said("Ik zet koffie en ga naar buiten.")];

describe("miracle flow", () => {
  it("sets the scene and asks what the client notices first", () => {
    const s = start(m);
    expect(keys(s)).toEqual(["miracle.intro", "miracle.setup", "miracle.first"]);
    expect(s.says[0]?.vars).toEqual({ name: "Samira" });
    expect(buttonIds(question(s))).toEqual(["notNow"]);
  });

  it("asks who notices and what the client does differently, then summarises as a question", () => {
    const turns = run(m, start(m), ANSWERS);
    expect(turns.map(keys)).toEqual([
      ["miracle.who"],
      ["miracle.different"],
      ["miracle.summary.first", "miracle.summary.who", "miracle.summary.different", "miracle.summary.check"],
    ]);
    const summary = turns[2] as Turn;
    expect(summary.says.slice(0, 3).map((s) => s.vars)).toEqual([
      { first: "Ik word uitgerust wakker" },
      { who: "je dochter" },
      { different: "Ik zet koffie en ga naar buiten" },
    ]);
    expect(buttonIds(question(summary))).toEqual(["yes", "no", "notNow"]);
  });

  it("brings an answer about others only back to what the client can do", () => {
    const firstOthers = last([said("Mijn vrouw is dan aardiger tegen me")]);
    expect(keys(firstOthers)).toEqual(["miracle.who"]);
    const onlyOthers = last([said("Mijn vrouw is dan aardiger")]);
    expect(keys(onlyOthers)).toEqual(["miracle.firstOwn"]);
    expect(keys(send(m, onlyOthers, said("Ik ben rustiger")))).toEqual(["miracle.who"]);
    const different = last([...ANSWERS.slice(0, 2), said("De gemeente laat ons met rust")]);
    expect(keys(different)).toEqual(["miracle.differentOwn"]);
    const back = send(m, different, said("Ik open mijn post"));
    expect(back.says[2]).toEqual({ key: "miracle.summary.different", vars: { different: "Ik open mijn post" } });
  });

  it("ends positively after yes, or after a correction, saving nothing", () => {
    const summary = last(ANSWERS);
    const yes = send(m, summary, said("ja klopt"));
    expect(keys(yes)).toEqual(["miracle.end"]);
    expect(yes.says[0]?.vars).toEqual({ name: "Samira" });
    expect(yes.snap.status).toBe("done");
    expect(yes.effects).toEqual([]);
    const fix = send(m, summary, chose("no"));
    expect(keys(fix)).toEqual(["miracle.fix"]);
    const fixed = send(m, fix, said("Ik ga eerst douchen"));
    expect(keys(fixed)).toEqual(["miracle.fixed", "miracle.end"]);
    expect(fixed.snap.status).toBe("done");
    expect(keys(send(m, summary, said("tja")))).toEqual(["common.pickButton", "miracle.summary.check"]);
  });

  it("'niet nu' parks from any question, typed or pressed", () => {
    for (const prefix of [[], ANSWERS.slice(0, 1), ANSWERS.slice(0, 2), ANSWERS]) {
      const parked = last([...prefix, said("nu niet")]);
      expect(keys(parked)).toEqual(["controls.park.when"]);
      const done = send(m, parked, said("zelf"));
      expect(done.effects).toEqual([{ kind: "park" }]);
      expect(done.snap.status).toBe("done");
    }
    expect(keys(send(m, start(m), chose("notNow")))).toEqual(["controls.park.when"]);
  });

  it("asks again calmly after an empty, emoji-only or very long answer", () => {
    const s = start(m);
    expect(keys(send(m, s, said(" ")))).toEqual(["controls.empty", "miracle.first"]);
    expect(keys(send(m, s, said("😴")))).toEqual(["controls.noWords", "miracle.first"]);
    expect(keys(send(m, s, said("a".repeat(501))))).toEqual(["controls.tooLong", "miracle.first"]);
    expect(keys(send(m, s, chose("yes")))).toEqual(["common.pickButton", "miracle.first"]);
  });

  it("survives a JSON round trip of its persisted snapshot", () => {
    const atDifferent = roundTrip(m, last(ANSWERS.slice(0, 2)));
    expect(atDifferent.snap.value).toBe("different");
    const summary = send(m, atDifferent, ANSWERS[2] as ClientEvent);
    expect(summary.says[1]).toEqual({ key: "miracle.summary.who", vars: { who: "je dochter" } });
  });
});
