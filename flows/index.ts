import { onboarding } from "./onboarding.js";
import type { FlowDefinition } from "./types.js";

/** Every conversation the engine can run, by id. */
export const flowRegistry: Record<string, FlowDefinition> = {
  [onboarding.id]: onboarding,
};

export type { FlowDefinition } from "./types.js";
