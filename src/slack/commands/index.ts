import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { registerAanmelden } from "./aanmelden.js";
import { registerVerwijs } from "./verwijs.js";

/** Slash commands. */
export function registerCommands(app: App, deps: SlackDeps): void {
  registerVerwijs(app, deps);
  registerAanmelden(app, deps);
}
