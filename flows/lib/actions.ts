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

export function effect(params: Effect): { type: "effect"; params: Effect } {
  return { type: "effect", params };
}
