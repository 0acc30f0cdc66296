import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { publishHome } from "../home/index.js";

/** Opening the app's Home tab shows the member's referrals. */
export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    await publishHome(deps, client, event.user, "app_home_opened", context);
  });
}
