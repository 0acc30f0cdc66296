import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { registerCardActions } from "./card.js";
import { registerDmActions } from "./dm.js";

/** Buttons on referral cards and in direct messages. */
export function registerActions(app: App, deps: SlackDeps): void {
  registerCardActions(app, deps);
  registerDmActions(app, deps);
}
