import { describe, expect, it } from "vitest";
import { initialTransition, setup } from "xstate";
import { effectWith, greet, outputActions, say, sayWith } from "../../../flows/lib/actions.js";

describe("say", () => {
  it("builds a say action with only the parts given", () => {
    expect(say("grow.intro")).toEqual({ type: "say", params: { key: "grow.intro" } });
    expect(say("k", { name: "Sam" })).toEqual({ type: "say", params: { key: "k", vars: { name: "Sam" } } });
    const choices = [[{ id: "yes", label: "common.yes" }]];
    expect(say("k", undefined, choices)).toEqual({ type: "say", params: { key: "k", choices } });
    expect(say("k", { n: 1 }, choices)).toEqual({ type: "say", params: { key: "k", vars: { n: 1 }, choices } });
  });
});

describe("outputActions", () => {
  it("do nothing themselves: the engine reads their params", () => {
    expect(outputActions.say(undefined, { key: "k" })).toBeUndefined();
    expect(outputActions.effect(undefined, { kind: "activateClient" })).toBeUndefined();
  });
});

describe("sayWith, effectWith and greet", () => {
  /** The actions a machine's first state gives, as the engine reads them. */
  function entryActions(entry: ("intro" | "askScore" | "save")[], context: { name: string; score: number }) {
    const machine = setup({
      types: { context: {} as { name: string; score: number } },
      actions: {
        ...outputActions,
        intro: greet("grow.intro"),
        askScore: sayWith(({ context: c }) => ({ key: "scale.ask", vars: { score: c.score } })),
        save: effectWith(({ context: c }) => ({ kind: "recordScale", scale: "PROGRESS", score: c.score })),
      },
    }).createMachine({ context, initial: "a", states: { a: { entry } } });
    const [, actions] = initialTransition(machine);
    return actions.map((a) => ({ type: a.type, params: a.params as unknown }));
  }

  it("emit plain say and effect actions with the params built from the context, in entry order", () => {
    expect(entryActions(["intro", "askScore", "save"], { name: "Sam", score: 6 })).toEqual([
      { type: "say", params: { key: "grow.intro", vars: { name: "Sam" } } },
      { type: "say", params: { key: "scale.ask", vars: { score: 6 } } },
      { type: "effect", params: { kind: "recordScale", scale: "PROGRESS", score: 6 } },
    ]);
  });

  it("read the context at the time they run", () => {
    expect(entryActions(["askScore", "intro"], { name: "Noor", score: 0 })).toEqual([
      { type: "say", params: { key: "scale.ask", vars: { score: 0 } } },
      { type: "say", params: { key: "grow.intro", vars: { name: "Noor" } } },
    ]);
  });
});
