import { enqueueActions, type EventObject, type MachineContext } from "xstate";
import type { Effect, Say } from "../types.js";

/**
 * Placeholder implementations of the two output actions. Flows list them in `setup({ actions })`;
 * the engine never runs them but reads their resolved params from `transition()`.
 */
export const outputActions = {
  say: (_: unknown, _params: Say) => undefined,
  effect: (_: unknown, _params: Effect) => undefined,
};

/** Builds the params of a `say` action. */
export function say(key: string, vars?: Say["vars"], choices?: Say["choices"]): { type: "say"; params: Say } {
  return { type: "say", params: { key, ...(vars ? { vars } : {}), ...(choices ? { choices } : {}) } };
}

type Build<C, E, T> = (args: { context: C; event: E }) => T;

/**
 * A named message for `setup({ actions })`: `askScore: sayWith(({ context }) => ({ key: … }))`,
 * then `entry: "askScore"`. It emits a plain `say` action, so the engine sees what it always saw.
 */
export function sayWith<C extends MachineContext, E extends EventObject>(build: Build<C, E, Say>) {
  return enqueueActions<C, E, undefined, E, never, { type: "say"; params: Say }, never, never, never>(({ context, event, enqueue }) =>
    enqueue({ type: "say", params: build({ context, event }) }),
  );
}

/** A named effect for `setup({ actions })`, emitting a plain `effect` action. */
export function effectWith<C extends MachineContext, E extends EventObject>(build: Build<C, E, Effect>) {
  return enqueueActions<C, E, undefined, E, never, { type: "effect"; params: Effect }, never, never, never>(({ context, event, enqueue }) =>
    enqueue({ type: "effect", params: build({ context, event }) }),
  );
}

/** A named message that greets the client by name: `intro: greet("grow.intro")`. */
export function greet<C extends MachineContext & { name: string }, E extends EventObject>(key: string) {
  return sayWith<C, E>(({ context }) => ({ key, vars: { name: context.name } }));
}
