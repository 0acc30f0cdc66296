/**
 * Drives a pure flow the way the engine does: `initialTransition` / `transition` from xstate,
 * reading `say` and `effect` actions and their params from the returned actions.
 */
import { createActor, initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type Snapshot } from "xstate";
import type { ClientEvent, Effect, FlowInput, Say } from "../../flows/types.js";

/** Wednesday 10 March 2027, 10:00 in Amsterdam. */
export const NOW = "2027-03-10T09:00:00.000Z";

export interface Turn {
  snap: AnyMachineSnapshot;
  says: Say[];
  effects: Effect[];
}

export function inputFor(data?: Record<string, unknown>): FlowInput {
  return { now: NOW, client: { name: "Samira" }, coach: { name: "Ahmed" }, ...(data ? { data } : {}) };
}

function split(snap: unknown, actions: readonly { type: string; params?: unknown }[]): Turn {
  return {
    snap: snap as AnyMachineSnapshot,
    says: actions.filter((a) => a.type === "say").map((a) => a.params as Say),
    effects: actions.filter((a) => a.type === "effect").map((a) => a.params as Effect),
  };
}

export function start(machine: AnyStateMachine, input: FlowInput = inputFor()): Turn {
  return split(...initialTransition(machine, input));
}

export function send(machine: AnyStateMachine, turn: Turn, event: ClientEvent): Turn {
  return split(...transition(machine, turn.snap, event));
}

/** Sends events one after another; returns every turn (the last one last). */
export function run(machine: AnyStateMachine, first: Turn, events: ClientEvent[]): Turn[] {
  const turns: Turn[] = [];
  let turn = first;
  for (const e of events) {
    turn = send(machine, turn, e);
    turns.push(turn);
  }
  return turns;
}

export const said = (text: string, now = NOW): ClientEvent => ({ type: "client.said", text, now });
export const chose = (choice: string, now = NOW): ClientEvent => ({ type: "client.chose", choice, now });
export const keys = (turn: Turn) => turn.says.map((s) => s.key);
/** The question of a turn: its last message. */
export const question = (turn: Turn) => turn.says[turn.says.length - 1];
export const buttonIds = (say: Say | undefined) => (say?.choices ?? []).flat().map((c) => c.id);

/** Persists the snapshot as JSON and restores it, as the engine does between two updates. */
export function roundTrip(machine: AnyStateMachine, turn: Turn, input: FlowInput = inputFor()): Turn {
  const json: unknown = JSON.parse(JSON.stringify(machine.getPersistedSnapshot(turn.snap)));
  const snap = createActor(machine, { snapshot: json as Snapshot<unknown>, input }).getSnapshot() as AnyMachineSnapshot;
  return { snap, says: [], effects: [] };
}
