import { describe, expect, it } from "vitest";
import type { Say } from "../../flows/types.js";
import { answerRow, endedOutcome, stateKey } from "../../src/conversation/answers.js";

describe("stateKey", () => {
  it("names a flat state, a nested one with dots, and nothing else", () => {
    expect(stateKey("how")).toBe("how");
    expect(stateKey({ reality: "now" })).toBe("reality.now");
    expect(stateKey({ a: { b: "c" } })).toBe("a.b.c");
    expect(stateKey({})).toBe("");
    expect(stateKey(null)).toBe("");
    expect(stateKey(7)).toBe("");
  });
});

describe("answerRow", () => {
  const prompt: Say[] = [{ key: "grow.intro" }, { key: "grow.askGoal", vars: { name: "Sam" }, choices: [[{ id: "work", label: "grow.choice.work" }], [{ id: "rest", label: "grow.choice.rest" }]] }];
  const run = { id: "run1", clientId: "c1", prompt: prompt as never, snapshot: { value: { goal: "ask" } } as never };
  const at = new Date("2027-03-10T09:00:00.000Z");

  it("keeps a typed answer with the question that waited for it", () => {
    expect(answerRow(run, { type: "client.said", text: "Werk vinden", now: "2027-03-10T09:00:00.000Z" }, at)).toEqual({
      flowRunId: "run1", clientId: "c1", state: "goal.ask", promptKey: "grow.askGoal", promptVars: { name: "Sam" }, text: "Werk vinden", choice: null, choiceLabel: null, at,
    });
  });

  it("keeps a chosen button with its label, and an unknown choice without one", () => {
    expect(answerRow(run, { type: "client.chose", choice: "rest", now: "2027-03-10T09:00:00.000Z" }, at)).toMatchObject({ text: null, choice: "rest", choiceLabel: "grow.choice.rest" });
    expect(answerRow(run, { type: "client.chose", choice: "forged", now: "2027-03-10T09:00:00.000Z" }, at)).toMatchObject({ choice: "forged", choiceLabel: null });
  });

  it("has no question when the run had no prompt", () => {
    const row = answerRow({ ...run, prompt: null }, { type: "client.said", text: "hoi", now: "2027-03-10T09:00:00.000Z" }, at);
    expect([row.promptKey, "promptVars" in row]).toEqual([null, false]);
  });
});

describe("endedOutcome", () => {
  it("keeps the final state and context, and counts the parks", () => {
    expect(endedOutcome({ outcome: null }, { value: "done", context: { goal: "werk" } }, false, true)).toEqual({ state: "done", context: { goal: "werk" }, parks: 0 });
    expect(endedOutcome({ outcome: { state: "x", context: {}, parks: 2 } }, { value: "parkWhen" }, true, true)).toEqual({ state: "parkWhen", context: {}, parks: 3 });
  });

  it("keeps nothing without consent", () => {
    expect(endedOutcome({ outcome: null }, { value: "done", context: { goal: "werk" } }, false, false)).toBeUndefined();
  });
});
