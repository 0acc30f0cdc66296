/**
 * The clarifying talk as a pure machine, driven with `transition()` the way the engine drives it:
 * wishes, worries, strengths and network, the life domains a page at a time, self-scores 1-5 and
 * the priority that seeds GROW. Then every path, enumerated.
 */
import { describe, expect, it } from "vitest";
import { clarifyingMachine } from "../../flows/clarifying.js";
import { DOMAINS, DOMAINS_PER_PAGE } from "../../flows/lib/domains.js";
import { buttonIds, chose, inputFor, keys, question, run, said, send, start, type Turn } from "./drive.js";
import { clarifyTo, describeAllPaths, lastOf } from "./talks.js";

describe("clarifying", () => {
  const m = clarifyingMachine;
  const toDomains = [chose("yes"), said("Dat ik weer rust heb"), said("De brieven van de deurwaarder"), said("Ik kan goed koken"), said("Mijn zus")];

  it("moves the client to clarifying and asks first whether the client wants the questions", () => {
    const s = start(m);
    expect(s.effects).toEqual([{ kind: "phase", to: "CLARIFYING", onlyFrom: ["REFERRED", "FIRST_CONTACT", "CLARIFYING", "GOAL_AND_PLAN", "DOING", "EVALUATION"] }]);
    expect(keys(s)).toEqual(["clarifying.intro", "clarifying.start.ask"]);
    expect(buttonIds(question(s))).toEqual(["yes", "skip"]);
  });

  it("can be skipped: straight on to GROW, in the goal-and-plan phase", () => {
    for (const e of [chose("skip"), said("sla maar over")]) {
      const t = send(m, start(m), e);
      expect(t.snap.status).toBe("done");
      expect(t.effects).toEqual([{ kind: "phase", to: "GOAL_AND_PLAN", onlyFrom: ["CLARIFYING"] }, { kind: "startFlow", flowId: "grow" }]);
    }
  });

  it("asks wishes, worries, strengths and network, one short question each", () => {
    const turns = run(m, start(m), toDomains);
    expect(turns.map((t) => t.says.at(-1)?.key)).toEqual(["clarifying.wish", "clarifying.worry", "clarifying.strengths", "clarifying.network", "clarifying.domains.ask"]);
    expect(lastOf(turns).snap.context).toMatchObject({ wish: "Dat ik weer rust heb", worry: "De brieven van de deurwaarder", strengths: "Ik kan goed koken", network: "Mijn zus" });
  });

  it("a 'weet ik niet' to strengths gets one easier question, never the same one again", () => {
    const turns = run(m, start(m), [chose("yes"), said("rust"), said("geld"), said("weet ik niet"), said("geen idee")]);
    expect(turns.map((t) => t.says.at(-1)?.key)).toEqual(["clarifying.wish", "clarifying.worry", "clarifying.strengths", "clarifying.strengthsHelp", "clarifying.network"]);
  });

  it("never shows all life domains at once: pages of a few, 'meer' for the next, all twelve reachable", () => {
    let t = lastOf(run(m, start(m), toDomains));
    const seen = new Set<string>();
    for (let page = 0; page < 3; page++) {
      const ids = buttonIds(question(t)).filter((id) => id !== "more" && id !== "notNow");
      expect(ids.length).toBeLessThanOrEqual(DOMAINS_PER_PAGE);
      for (const id of ids) seen.add(id);
      expect(buttonIds(question(t))).toContain("more");
      t = send(m, t, page === 1 ? said("meer") : chose("more"));
    }
    expect([...seen].sort()).toEqual([...DOMAINS].sort());
    // After the last page the first comes again.
    expect(buttonIds(question(t))).toContain("money");
  });

  it("per picked domain a self-score 1-5 in words; two domains, the client says which comes first, and that seeds GROW", () => {
    const turns = run(m, start(m), [...toDomains, chose("money"), chose("2"), chose("yes"), said("werk"), said("4"), chose("work"), chose("yes")]);
    const score = turns[5] as Turn;
    expect(question(score)?.key).toBe("clarifying.score.ask.money");
    expect(question(score)?.choices?.map((r) => r.map((c) => c.label))).toEqual([["clarifying.score.n1"], ["clarifying.score.n2"], ["clarifying.score.n3"], ["clarifying.score.n4"], ["clarifying.score.n5"], ["controls.notNow"]]);
    expect(question(turns[8] as Turn)?.key).toBe("clarifying.score.ask.work");
    expect(question(turns[9] as Turn)?.key).toBe("clarifying.priority");
    expect(buttonIds(question(turns[9] as Turn))).toEqual(["money", "work", "notNow"]);
    const end = lastOf(turns);
    expect(end.snap.status).toBe("done");
    expect(end.snap.context).toMatchObject({ picked: ["money", "work"], scores: { money: 2, work: 4 }, focus: "work" });
    expect(end.effects).toEqual([{ kind: "phase", to: "GOAL_AND_PLAN", onlyFrom: ["CLARIFYING"] }, { kind: "startFlow", flowId: "grow" }]);
  });

  it("refuses a score outside 1-5 calmly and asks again; one domain needs no priority question", () => {
    const t = lastOf(run(m, start(m), [...toDomains, said("mijn schulden")]));
    expect(question(t)?.key).toBe("clarifying.score.ask.money");
    const again = send(m, t, said("8"));
    expect(keys(again)).toEqual(["clarifying.score.unknown", "clarifying.score.ask.money"]);
    const done = lastOf(run(m, again, [said("drie"), chose("no")]));
    expect(question(done)?.key).toBe("clarifying.goal.ask");
    expect(done.snap.context).toMatchObject({ picked: ["money"], scores: { money: 3 }, focus: "money" });
    const later = send(m, done, chose("later"));
    expect(later.effects).toEqual([{ kind: "phase", to: "GOAL_AND_PLAN", onlyFrom: ["CLARIFYING"] }]);
  });

  it("reads a typed domain in messy words, and refuses two at once", () => {
    const t = lastOf(run(m, start(m), toDomains));
    expect(keys(send(m, t, said("geld en werk")))).toEqual(["clarifying.domains.unknown", "clarifying.domains.ask"]);
  });
});

describeAllPaths("clarifying", clarifyingMachine, [inputFor()], [
  [],
  clarifyTo,
  [...clarifyTo, chose("money"), chose("2")],
  [...clarifyTo, chose("money"), chose("2"), chose("yes"), chose("work"), chose("4")],
]);
