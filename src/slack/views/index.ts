import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { registerAanmeldenView } from "./aanmelden.js";
import { registerForms } from "./forms.js";
import { registerVerwijsView } from "./verwijs.js";

/** Modal submissions. */
export function registerViews(app: App, deps: SlackDeps): void {
  registerVerwijsView(app, deps);
  registerAanmeldenView(app, deps);
  registerForms(app, deps);
}
