import { checkin } from "./checkin.js";
import { grow } from "./grow.js";
import { menu } from "./menu.js";
import { miracle } from "./miracle.js";
import { onboarding } from "./onboarding.js";
import { scaling } from "./scaling.js";
import type { FlowDefinition } from "./types.js";

/** Every conversation the engine can run, by id. */
export const flowRegistry: Record<string, FlowDefinition> = {
  [onboarding.id]: onboarding,
  [grow.id]: grow,
  [miracle.id]: miracle,
  [scaling.id]: scaling,
  [checkin.id]: checkin,
  [menu.id]: menu,
};

export type { FlowDefinition } from "./types.js";
