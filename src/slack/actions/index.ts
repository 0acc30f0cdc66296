import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { registerCardActions } from "./card.js";
import { registerDmActions } from "./dm.js";
import { registerCrisisActions } from "../crisis.js";
import { publishHome } from "../home/index.js";
import { CRISIS_ACTIONS } from "../ids.js";
import { registerNudgeActions } from "./nudges.js";

/** Buttons on referral cards, in direct messages and on coach nudges. */
export function registerActions(app: App, deps: SlackDeps): void {
  registerCardActions(app, deps);
  registerDmActions(app, deps);
  registerNudgeActions(app, deps);
  registerCrisisActions(app, deps, { publishHome: (client, userId, context) => publishHome(deps, client, userId, CRISIS_ACTIONS.resume, context) });
}
