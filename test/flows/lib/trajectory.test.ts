import { describe, expect, it } from "vitest";
import { factsOf, goalSaid, recap, scoreLine, STEPS_NAMED, stepsSaid, type TrajectoryFacts } from "../../../flows/lib/trajectory.js";

const facts = (f: Partial<TrajectoryFacts>): TrajectoryFacts => ({ goal: "", stepsDone: [], stepsOpen: 0, scores: [], ...f });

describe("factsOf", () => {
  it("reads the engine's data as it is", () => {
    const data = { goal: "werk vinden", stepsDone: ["cv maken"], stepsOpen: 2, scores: [{ kind: "PROGRESS", first: 3, last: 6, count: 4 }] };
    expect(factsOf(data)).toEqual(data);
  });

  it("gives empty facts for no data, and for values of the wrong type", () => {
    const empty = { goal: "", stepsDone: [], stepsOpen: 0, scores: [] };
    expect(factsOf(undefined)).toEqual(empty);
    expect(factsOf({})).toEqual(empty);
    expect(factsOf({ goal: 3, stepsDone: "cv maken", stepsOpen: "2", scores: { kind: "PROGRESS" } })).toEqual(empty);
  });

  it("drops blank and non-text steps, and scores that miss a field", () => {
    const f = factsOf({
      stepsDone: ["cv maken", "  ", "", 3, null, "bellen"],
      scores: [{ kind: "PROGRESS", first: 3, last: 6, count: 4 }, { kind: "WELLBEING", first: 5, last: "6", count: 2 }, { kind: "X" }, null, 7],
    });
    expect(f.stepsDone).toEqual(["cv maken", "bellen"]);
    expect(f.scores).toEqual([{ kind: "PROGRESS", first: 3, last: 6, count: 4 }]);
  });
});

describe("goalSaid and stepsSaid", () => {
  it("turn the client's words to our side", () => {
    expect(goalSaid(facts({ goal: "Ik wil werk vinden" }))).toBe("werk vinden");
    expect(goalSaid(facts({}))).toBe("");
  });

  it(`name at most ${STEPS_NAMED} steps, the most recent ones, joined by commas`, () => {
    expect(STEPS_NAMED).toBe(3);
    expect(stepsSaid(facts({ stepsDone: ["cv maken", "vacatures zoeken", "brief schrijven", "gesprek oefenen"] }))).toBe("vacatures zoeken, brief schrijven, gesprek oefenen");
    expect(stepsSaid(facts({ stepsDone: ["cv maken"] }))).toBe("cv maken");
    expect(stepsSaid(facts({}))).toBe("");
  });

  it("leave the day and the helper out of a step", () => {
    expect(stepsSaid(facts({ stepsDone: ["op maandag met mijn zus naar het UWV"] }))).toBe("naar het UWV");
  });
});

describe("recap", () => {
  it("picks the key after what there is, keeping the caller's vars", () => {
    const vars = { name: "Sam" };
    expect(recap("evaluation.recap", facts({ goal: "werk vinden", stepsDone: ["cv maken"] }), vars)).toEqual({
      key: "evaluation.recap.goalSteps",
      vars: { name: "Sam", goal: "werk vinden", steps: "cv maken" },
    });
    expect(recap("p", facts({ goal: "werk vinden" }), vars)).toEqual({ key: "p.goalOnly", vars: { name: "Sam", goal: "werk vinden", steps: "" } });
    expect(recap("p", facts({ stepsDone: ["cv maken"] }), vars)).toEqual({ key: "p.stepsOnly", vars: { name: "Sam", goal: "", steps: "cv maken" } });
    expect(recap("p", facts({}), {})).toEqual({ key: "p.nothing", vars: { goal: "", steps: "" } });
  });
});

describe("scoreLine", () => {
  it("takes the kind with most scores and says whether it went up, down or stayed", () => {
    const scores = [
      { kind: "WELLBEING", first: 5, last: 4, count: 2 },
      { kind: "PROGRESS", first: 3, last: 6, count: 4 },
    ];
    expect(scoreLine(facts({ scores }))).toEqual({ key: "evaluation.scores.progress.up", vars: { from: 3, to: 6 } });
    expect(scoreLine(facts({ scores: [scores[0] as (typeof scores)[number]] }))).toEqual({ key: "evaluation.scores.wellbeing.down", vars: { from: 5, to: 4 } });
    expect(scoreLine(facts({ scores: [{ kind: "COPING", first: 7, last: 7, count: 3 }] }))).toEqual({ key: "evaluation.scores.coping.same", vars: { from: 7, to: 7 } });
  });

  it("says nothing without a kind scored at least twice", () => {
    expect(scoreLine(facts({}))).toBeNull();
    expect(scoreLine(facts({ scores: [{ kind: "PROGRESS", first: 3, last: 3, count: 1 }] }))).toBeNull();
  });

  it("does not reorder the facts it was given", () => {
    const scores = [
      { kind: "A", first: 1, last: 2, count: 2 },
      { kind: "B", first: 1, last: 2, count: 5 },
    ];
    const f = facts({ scores });
    scoreLine(f);
    expect(f.scores.map((s) => s.kind)).toEqual(["A", "B"]);
  });
});
