import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { registerAppHomeOpened } from "./app-home-opened.js";

/** Events API subscriptions (see slack/manifest.yaml). */
export function registerEvents(app: App, deps: SlackDeps): void {
  registerAppHomeOpened(app, deps);
}
