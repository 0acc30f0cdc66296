import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { miracle, miracleMachine } from "../../flows/miracle.js";
import type { ClientEvent } from "../../flows/types.js";
import { buttonIds, chose, inputFor, keys, question, roundTrip, run, said, send, start, type Turn } from "./drive.js";

const m = miracleMachine;
const last = (events: ClientEvent[], from: Turn = start(m)) => run(m, from, events).at(-1) as Turn;
const ANSWERS = [said("Ik word uitgerust wakker."), said("Mijn dochter"), said("ze lacht naar me"), said("Ik zet koffie en ga naar buiten."), said("een goeie nacht slaap")];

describe("miracle flow", () => {
  it("sets the scene and asks what the client notices first", () => {
    const s = start(m);
    expect(keys(s)).toEqual(["miracle.intro", "miracle.setup", "miracle.first"]);
    expect(s.says[0]?.vars).toEqual({ name: "Samira" });
    expect(buttonIds(question(s))).toEqual(["notNow"]);
  });

  it("asks who notices and what they do differently, what the client does differently and needs, then summarises in its own words", () => {
    const turns = run(m, start(m), ANSWERS);
    expect(turns.map(keys)).toEqual([
      ["miracle.who"],
      ["miracle.whoDoes"],
      ["miracle.different"],
      ["miracle.need"],
      ["miracle.summary.first", "miracle.summary.whoDoes", "miracle.summary.different", "miracle.summary.need", "miracle.summary.check"],
    ]);
    expect(question(turns[0] as Turn)?.key).toBe("miracle.who");
    expect((turns[1] as Turn).says[0]?.vars).toEqual({ who: "je dochter" });
    const summary = turns[4] as Turn;
    expect(summary.says.slice(0, 4).map((s) => s.vars)).toEqual([
      { first: "je wordt uitgerust wakker" },
      { who: "je dochter", does: "ze lacht naar je" },
      { different: "je zet koffie en ga naar buiten" },
      { need: "een goeie nacht slaap" },
    ]);
    expect(buttonIds(question(summary))).toEqual(["yes", "no", "notNow"]);
  });

  it("gives 'weet ik niet' an easier question or a gentle skip, and never says it back", () => {
    const first = last([said("weet ik niet")]);
    expect(keys(first)).toEqual(["miracle.firstHelp"]);
    expect(keys(send(m, first, said("geen idee")))).toEqual(["miracle.skip", "miracle.who"]);
    const nobody = last([said("Ik ben rustig"), said("niemand")]);
    expect(keys(nobody)).toEqual(["miracle.nobody", "miracle.different"]);
    const different = last([said("Ik ben rustig"), said("weet ik niet"), said("weet ik niet")]);
    expect(keys(different)).toEqual(["miracle.differentHelp"]);
    const summary = last([said("ik loop een rondje"), said("weet ik niet")], different);
    expect(keys(summary)).toEqual(["miracle.needLater", "miracle.summary.first", "miracle.summary.different", "miracle.summary.check"]);
    expect(JSON.stringify(summary.says)).not.toMatch(/weet/);
    const empty = last(Array.from({ length: 6 }, () => said("weet ik niet")));
    expect(keys(empty).at(-1)).toBe("miracle.endEmpty");
    expect(empty.snap.status).toBe("done");
  });

  it("brings an answer about others only back to what the client can do", () => {
    const firstOthers = last([said("Mijn vrouw is dan aardiger tegen me")]);
    expect(keys(firstOthers)).toEqual(["miracle.who"]);
    const onlyOthers = last([said("Mijn vrouw is dan aardiger")]);
    expect(keys(onlyOthers)).toEqual(["miracle.firstOwn"]);
    expect(keys(send(m, onlyOthers, said("Ik ben rustiger")))).toEqual(["miracle.who"]);
    const different = last([...ANSWERS.slice(0, 3), said("De gemeente laat ons met rust")]);
    expect(keys(different)).toEqual(["miracle.differentOwn"]);
    const back = last([said("Ik open mijn post"), said("moed")], different);
    expect(back.says[2]).toEqual({ key: "miracle.summary.different", vars: { different: "je opent je post" } });
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
    expect(keys(send(m, summary, said("tja")))).toEqual(["miracle.summary.unclear", "miracle.summary.check"]);
  });

  it("'niet nu' parks from any question, typed or pressed", () => {
    for (const prefix of [[], ANSWERS.slice(0, 1), ANSWERS.slice(0, 2), ANSWERS.slice(0, 3), ANSWERS.slice(0, 4), ANSWERS]) {
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
    const atDifferent = roundTrip(m, last(ANSWERS.slice(0, 3)));
    expect(atDifferent.snap.value).toBe("different");
    const summary = last(ANSWERS.slice(3), atDifferent);
    expect(summary.says[1]).toEqual({ key: "miracle.summary.whoDoes", vars: { who: "je dochter", does: "ze lacht naar je" } });
  });

  it("takes a conversation saved by version 1 further where it was", () => {
    const v1 = { status: "active", value: "different", historyValue: {}, children: {}, context: { name: "Samira", first: "Ik ben rustig", who: "Mijn dochter", different: "" } };
    const migrated = miracle.migrate?.(v1, 1);
    const snap = createActor(m, { snapshot: migrated as never, input: inputFor() }).getSnapshot();
    const summary = last([said("Ik zet koffie"), said("rust")], { snap, says: [], effects: [] });
    expect(keys(summary)).toEqual(["miracle.summary.first", "miracle.summary.who", "miracle.summary.different", "miracle.summary.need", "miracle.summary.check"]);
  });
});
