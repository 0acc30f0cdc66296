import { describe, expect, it } from "vitest";
import { setup } from "xstate";
import { outputActions, say } from "../../flows/lib/actions.js";
import type { ClientEvent, FlowDefinition, FlowInput } from "../../flows/types.js";
import { restoreFlow, startFlow, stepFlow } from "../../src/conversation/runtime.js";

const input: FlowInput = { now: "2027-03-10T09:00:00.000Z", client: { name: "Samira" }, coach: { name: "Ahmed" } };

/** Asks a name, then sets it as the call name and ends. Version 2; version 1 called the first state "ask". */
const naming: FlowDefinition = {
  id: "naming",
  version: 2,
  machine: setup({ types: { input: {} as FlowInput, events: {} as ClientEvent }, actions: outputActions }).createMachine({
    id: "naming",
    initial: "askName",
    states: {
      askName: {
        entry: [say("onboarding.askName"), say("onboarding.askNameHint", undefined, [[{ id: "skip", label: "common.skip" }]])],
        on: {
          "client.said": { target: "end", actions: [{ type: "effect", params: ({ event }) => ({ kind: "setCallName", name: event.text }) }] },
        },
      },
      end: { type: "final", entry: say("common.thanks") },
    },
  }),
  migrate: (saved, from) => (from === 1 && saved["value"] === "ask" ? { ...saved, value: "askName" } : null),
};

describe("startFlow", () => {
  it("gives the first messages in order, no effects and an active snapshot", () => {
    const step = startFlow(naming, input);
    expect(step.says.map((s) => s.key)).toEqual(["onboarding.askName", "onboarding.askNameHint"]);
    expect(step.says[1]?.choices).toEqual([[{ id: "skip", label: "common.skip" }]]);
    expect(step.effects).toEqual([]);
    expect([step.persisted["value"], step.done]).toEqual(["askName", false]);
  });
});

describe("stepFlow", () => {
  it("gives the effects and messages of one event, and says when the flow is done", () => {
    const restored = restoreFlow(naming, startFlow(naming, input).persisted, 2);
    if (!restored.ok) throw new Error("not restored");
    const step = stepFlow(naming, restored.snapshot, { type: "client.said", text: "Sam", now: "2027-03-10T09:00:00.000Z" });
    expect(step.effects).toEqual([{ kind: "setCallName", name: "Sam" }]);
    expect(step.says.map((s) => s.key)).toEqual(["common.thanks"]);
    expect(step.done).toBe(true);
  });

  it("changes nothing on an event the state does not take", () => {
    const restored = restoreFlow(naming, startFlow(naming, input).persisted, 2);
    if (!restored.ok) throw new Error("not restored");
    const step = stepFlow(naming, restored.snapshot, { type: "client.chose", choice: "skip", now: "2027-03-10T09:00:00.000Z" });
    expect([step.says, step.effects, step.persisted["value"], step.done]).toEqual([[], [], "askName", false]);
  });
});

describe("restoreFlow", () => {
  const saved = startFlow(naming, input).persisted;

  it("restores a snapshot of the same version", () => {
    const r = restoreFlow(naming, saved, 2);
    expect(r.ok && r.snapshot.value).toBe("askName");
  });

  it("migrates an older version when the flow knows how, and refuses it when not", () => {
    const r = restoreFlow(naming, { ...saved, value: "ask" }, 1);
    expect(r.ok && r.snapshot.value).toBe("askName");
    expect(restoreFlow(naming, { ...saved, value: "gone" }, 1)).toEqual({ ok: false, reason: "version" });
    expect(restoreFlow({ ...naming, migrate: () => { throw new Error("broken"); } }, saved, 1)).toEqual({ ok: false, reason: "version" });
  });

  it("refuses a newer version and a version without migrate", () => {
    expect(restoreFlow(naming, saved, 3)).toEqual({ ok: false, reason: "version" });
    const { migrate: _m, ...noMigrate } = naming;
    expect(restoreFlow(noMigrate, saved, 1)).toEqual({ ok: false, reason: "version" });
  });

  it("never throws on a state that no longer exists or a finished snapshot: the caller restarts", () => {
    expect(restoreFlow(naming, { ...saved, value: "nowhere" }, 2)).toEqual({ ok: false, reason: "invalid" });
    const restored = restoreFlow(naming, saved, 2);
    if (!restored.ok) throw new Error("not restored");
    const ended = stepFlow(naming, restored.snapshot, { type: "client.said", text: "Sam", now: "2027-03-10T09:00:00.000Z" }).persisted;
    expect(restoreFlow(naming, ended, 2)).toEqual({ ok: false, reason: "invalid" });
  });
});
