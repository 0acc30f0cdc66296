import { createActor, initialTransition, transition, type AnyMachineSnapshot, type Snapshot } from "xstate";
import type { ClientEvent, Effect, FlowDefinition, FlowInput, PersistedFlow, Say } from "../../flows/types.js";

/** What one step of a flow produced: messages, effects and the snapshot to save. */
export interface FlowStep {
  says: Say[];
  effects: Effect[];
  persisted: PersistedFlow;
  done: boolean;
}

interface ActionLike {
  type: string;
  params?: unknown;
}

function collect(snapshot: AnyMachineSnapshot, actions: readonly ActionLike[], flow: FlowDefinition): FlowStep {
  const says: Say[] = [];
  const effects: Effect[] = [];
  for (const a of actions) {
    if (a.type === "say") says.push(a.params as Say);
    else if (a.type === "effect") effects.push(a.params as Effect);
  }
  return {
    says,
    effects,
    persisted: flow.machine.getPersistedSnapshot(snapshot) as PersistedFlow,
    done: snapshot.status === "done",
  };
}

/** Starts a flow: its first messages and its initial snapshot. */
export function startFlow(flow: FlowDefinition, input: FlowInput): FlowStep {
  const [snapshot, actions] = initialTransition(flow.machine, input);
  return collect(snapshot as AnyMachineSnapshot, actions as ActionLike[], flow);
}

export type RestoreResult =
  | { ok: true; snapshot: AnyMachineSnapshot }
  | { ok: false; reason: "version" | "invalid" };

/**
 * Restores a saved snapshot. A snapshot from an older machine version is migrated when the flow
 * knows how; a snapshot whose state no longer exists never throws: the caller restarts the flow.
 */
export function restoreFlow(flow: FlowDefinition, saved: PersistedFlow, savedVersion: number): RestoreResult {
  let persisted: PersistedFlow | null = saved;
  if (savedVersion !== flow.version) {
    persisted = savedVersion < flow.version && flow.migrate ? safe(() => flow.migrate?.(saved, savedVersion) ?? null) : null;
    if (!persisted) return { ok: false, reason: "version" };
  }
  const snapshot = safe(() => createActor(flow.machine, { snapshot: persisted as Snapshot<unknown> }).getSnapshot() as AnyMachineSnapshot);
  if (!snapshot || snapshot.status !== "active") return { ok: false, reason: "invalid" };
  return { ok: true, snapshot };
}

/** Sends one client event to a restored flow. */
export function stepFlow(flow: FlowDefinition, snapshot: AnyMachineSnapshot, event: ClientEvent): FlowStep {
  const [next, actions] = transition(flow.machine, snapshot, event);
  return collect(next as AnyMachineSnapshot, actions as ActionLike[], flow);
}

function safe<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}
