/**
 * The App Home: the referrals this member may see, grouped (my clients, received by my
 * organisation, filed by my organisation), with a refresh button. Shown when the tab opens.
 */
import type { App, types, webApi } from "@slack/bolt";
import type { OverviewLine } from "../../domain/referrals/overview.js";
import type { SlackDeps } from "../context.js";
import { escapeMrkdwn } from "../nudge-message.js";

export const HOME_REFRESH = "home.refresh";

function section(deps: SlackDeps, title: string, lines: OverviewLine[]): types.KnownBlock[] {
  const date = (d: Date) => d.toLocaleDateString("nl-NL", { timeZone: "Europe/Amsterdam", day: "numeric", month: "short" });
  const text = lines.length
    ? lines.map((l) => deps.t("referral.home.line", { what: escapeMrkdwn(l.what), state: deps.t(`referral.state.${l.direction === "OUT" ? "out" : "in"}.${l.state}`), date: date(l.at) })).join("\n")
    : deps.t("referral.home.none");
  return [{ type: "header", text: { type: "plain_text", text: title.slice(0, 150) } }, { type: "section", text: { type: "mrkdwn", text: text.slice(0, 3000) } }];
}

/** Publishes the member's home tab; someone unknown sees how to get access. */
export async function publishHome(deps: SlackDeps, client: webApi.WebClient, userId: string): Promise<void> {
  const member = await deps.service.member(userId);
  const blocks: types.KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: deps.t("referral.home.title") } }];
  if (!member) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: deps.t("referral.home.unknown") } });
  } else {
    const o = await deps.service.overview(member);
    if (member.role === "COACH") blocks.push(...section(deps, deps.t("referral.home.mine"), o.mine));
    blocks.push(...section(deps, deps.t("referral.home.incoming", { org: o.org }), o.incoming));
    if (o.filed.length || member.role === "PARTNER") blocks.push(...section(deps, deps.t("referral.home.filed", { org: o.org }), o.filed));
    blocks.push({ type: "actions", elements: [{ type: "button", action_id: HOME_REFRESH, text: { type: "plain_text", text: "↻" } }] });
  }
  await client.views.publish({ user_id: userId, view: { type: "home", blocks } });
}

export function registerHome(app: App, deps: SlackDeps): void {
  app.action(HOME_REFRESH, async ({ ack, body, client }) => {
    await ack();
    await publishHome(deps, client, body.user.id);
  });
}
