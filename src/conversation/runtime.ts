import { createActor, initialTransition, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type ExecutableActionObject, type Snapshot } from "xstate";
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

/**
 * The inert actor scope of a flow's machine, made once per machine: what xstate's pure
 * `transition` makes on every call (an actor of the machine, with its initial snapshot computed)
 * to restore a snapshot and take a step without running anything. Actions are collected, never
 * executed. Reusing it is safe because flows are pure: they invoke, spawn, delay and send nothing,
 * so the scope's actor system never holds anything of a step (a flow that did would need a fresh
 * scope per step again).
 */
interface FlowScope {
  scope: AnyActorScope;
  actions: ExecutableActionObject[];
}
const SCOPES = new WeakMap<AnyStateMachine, FlowScope>();

function scopeOf(machine: AnyStateMachine): FlowScope {
  let s = SCOPES.get(machine);
  if (!s) {
    const self = createActor(machine);
    const actions: ExecutableActionObject[] = [];
    const scope: AnyActorScope = {
      self, id: "", sessionId: "", system: self.system,
      logger: () => undefined, defer: () => undefined, emit: () => undefined, stopChild: () => undefined,
      actionExecutor: (a) => void actions.push(a),
    };
    SCOPES.set(machine, (s = { scope, actions }));
  }
  return s;
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
  const { scope } = scopeOf(flow.machine);
  const snapshot = safe(() => flow.machine.restoreSnapshot(persisted as Snapshot<unknown>, scope) as AnyMachineSnapshot);
  if (!snapshot || snapshot.status !== "active") return { ok: false, reason: "invalid" };
  return { ok: true, snapshot };
}

/** Sends one client event to a restored flow. */
export function stepFlow(flow: FlowDefinition, snapshot: AnyMachineSnapshot, event: ClientEvent): FlowStep {
  const { scope, actions } = scopeOf(flow.machine);
  actions.length = 0;
  let next: AnyMachineSnapshot;
  try {
    next = flow.machine.transition(snapshot, event, scope) as AnyMachineSnapshot;
  } catch (err) {
    actions.length = 0;
    throw err;
  }
  // Taken out before anything else can step this machine (all of this is synchronous).
  const taken = actions.splice(0);
  return collect(next, taken as ActionLike[], flow);
}

function safe<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}
