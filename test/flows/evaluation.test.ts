/**
 * The evaluation talk as a pure machine: the goal, the steps done and the scores said back in our
 * words, then what was reached, what is still needed and what the client is proud of. Then every
 * path, enumerated.
 */
import { describe, expect, it } from "vitest";
import { evaluationMachine } from "../../flows/evaluation.js";
import { chose, inputFor, run, said, start } from "./drive.js";
import { FACTS, describeAllPaths, effects, lastOf } from "./talks.js";

describe("evaluation", () => {
  const m = evaluationMachine;

  it("shows the goal, the steps done and the score history in our words, then lets the client lead", () => {
    const s = start(m, inputFor(FACTS));
    expect(s.effects).toEqual([{ kind: "phase", to: "EVALUATION", onlyFrom: ["CLARIFYING", "GOAL_AND_PLAN", "DOING"] }]);
    expect(s.says.map((x) => [x.key, x.vars])).toEqual([
      ["evaluation.intro", { name: "Samira" }],
      ["evaluation.recap.goalSteps", { goal: "van je schulden af", steps: "de brief openmaken, de schuldhulp bellen", }],
      ["evaluation.scores.wellbeing.up", { from: 3, to: 7 }],
      ["evaluation.reached", undefined],
    ]);
  });

  it("without a goal or scores it says what there is, without pretending", () => {
    expect(start(m).says.map((x) => x.key)).toEqual(["evaluation.intro", "evaluation.recap.nothing", "evaluation.scores.none", "evaluation.reached"]);
  });

  it("asks what was reached, what is still needed, what the client is proud of; saves the answers and a progress score and tells the coach", () => {
    const turns = run(m, start(m, inputFor(FACTS)), [said("Ik open mijn post weer"), said("Nog een regeling met de bank"), said("Dat ik heb gebeld"), chose("7")]);
    expect(turns.map((t) => t.says.at(-1)?.key)).toEqual(["evaluation.needed", "evaluation.proud", "evaluation.score", "evaluation.end"]);
    const end = lastOf(turns);
    expect(end.snap.status).toBe("done");
    expect(end.snap.context).toMatchObject({ reached: "Ik open mijn post weer", needed: "Nog een regeling met de bank", proud: "Dat ik heb gebeld" });
    expect(effects(turns)).toEqual([{ kind: "recordScale", scale: "PROGRESS", score: 7 }, { kind: "notifyCoach", cause: "evaluation_done" }]);
  });

  it("a 'weet ik niet' to 'proud' names a step the client did, never the question again", () => {
    const t = lastOf(run(m, start(m, inputFor(FACTS)), [said("weet ik niet"), said("niks"), said("weet ik niet")]));
    expect(t.says.map((x) => [x.key, x.vars])).toEqual([["evaluation.proudHint", { steps: "de brief openmaken, de schuldhulp bellen" }], ["evaluation.score", undefined]]);
  });
});

describeAllPaths("evaluation", evaluationMachine, [inputFor(), inputFor(FACTS)]);
