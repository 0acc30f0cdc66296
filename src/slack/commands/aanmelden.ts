import type { App } from "@slack/bolt";
import { aanmeldenModal } from "../blocks/modals.js";
import { memberFor, tellUser, type SlackDeps } from "../context.js";

/** /aanmelden: a partner refers a person to a coach team. */
export function registerAanmelden(app: App, deps: SlackDeps): void {
  app.command("/aanmelden", async ({ ack, body, client }) => {
    await ack();
    const place = { user: body.user_id, channel: body.channel_id };
    const member = await memberFor(deps, client, place);
    if (!member) return;
    if (member.role !== "PARTNER") return tellUser(client, place, deps.t("referral.refused.notPartner"));
    const teams = await deps.service.receivers("COACH_TEAM");
    if (!teams.length) return tellUser(client, place, deps.t("referral.refused.noTeams"));
    const view = aanmeldenModal(deps.t, { teams: teams.map((o) => ({ value: o.id, label: o.name })), channel: body.channel_id });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
