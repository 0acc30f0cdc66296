import { describe, expect, it } from "vitest";
import { isWaitingTalk, outcomeOf } from "../../src/domain/flow-runs.js";
import type { FlowRun } from "../../src/generated/prisma/client.js";

const run = (over: Partial<FlowRun>): FlowRun => ({ resumeFrom: null, outcome: null, ...over }) as FlowRun;

describe("isWaitingTalk", () => {
  it("is true only for a run whose resume point says it waits", () => {
    expect(isWaitingTalk(run({ resumeFrom: { waiting: true } }))).toBe(true);
    expect(isWaitingTalk(run({ resumeFrom: { waiting: true, state: "ask" } }))).toBe(true);
  });

  it("is false for no resume point, a parked run, and anything that is not exactly true", () => {
    for (const resumeFrom of [null, {}, { state: "ask" }, { waiting: false }, { waiting: "true" }, { waiting: 1 }, "waiting", 5, [true]]) {
      expect(isWaitingTalk(run({ resumeFrom: resumeFrom as FlowRun["resumeFrom"] })), JSON.stringify(resumeFrom)).toBe(false);
    }
  });
});

describe("outcomeOf", () => {
  it("reads the final state, its context and how often the run was parked", () => {
    expect(outcomeOf(run({ outcome: { state: "done", context: { goal: "rust" }, parks: 2 } }))).toEqual({ state: "done", context: { goal: "rust" }, parks: 2 });
  });

  it("fills in an empty context and no parks when they are missing or malformed", () => {
    expect(outcomeOf(run({ outcome: { state: "done" } }))).toEqual({ state: "done", context: {}, parks: 0 });
    expect(outcomeOf(run({ outcome: { state: "done", context: "rust", parks: "2" } }))).toEqual({ state: "done", context: {}, parks: 0 });
    expect(outcomeOf(run({ outcome: { state: "done", context: null, parks: null } }))).toEqual({ state: "done", context: {}, parks: 0 });
  });

  it("is null for a run without an outcome, or one without a state", () => {
    for (const outcome of [null, {}, { state: 3 }, { context: {} }, "done", 7, true]) {
      expect(outcomeOf(run({ outcome: outcome as FlowRun["outcome"] })), JSON.stringify(outcome)).toBeNull();
    }
  });
});
