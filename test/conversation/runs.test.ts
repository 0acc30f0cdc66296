import { describe, expect, it } from "vitest";
import { lastQuestion, runData } from "../../src/conversation/runs.js";
import type { FlowRun } from "../../src/generated/prisma/client.js";

describe("runData", () => {
  it("gives the run's start data when it is an object, else nothing", () => {
    expect(runData({ data: { referralId: "r1" } } as unknown as FlowRun)).toEqual({ referralId: "r1" });
    expect(runData({ data: null } as unknown as FlowRun)).toBeUndefined();
    expect(runData({ data: ["a"] } as unknown as FlowRun)).toBeUndefined();
    expect(runData({ data: "text" } as unknown as FlowRun)).toBeUndefined();
  });
});

describe("lastQuestion", () => {
  const ask = { key: "grow.askGoal", choices: [[{ id: "a", label: "grow.a" }]] };

  it("repeats the last message with buttons, else the last message", () => {
    expect(lastQuestion([{ key: "grow.intro" }, ask, { key: "grow.hint" }])).toEqual([ask]);
    expect(lastQuestion([{ key: "grow.intro" }, { key: "grow.hint" }])).toEqual([{ key: "grow.hint" }]);
    expect(lastQuestion([{ key: "grow.intro" }, { key: "grow.hint", choices: [] }])).toEqual([{ key: "grow.hint", choices: [] }]);
    expect(lastQuestion([])).toEqual([]);
  });
});
