import type { App } from "@slack/bolt";
import { aanmeldenModal } from "../blocks/modals.js";
import { onMemberCommand, tellUser, type SlackDeps } from "../context.js";

/** /aanmelden: a partner refers a person to a coach team. */
export function registerAanmelden(app: App, deps: SlackDeps): void {
  onMemberCommand(app, deps, "/aanmelden", { role: "PARTNER", why: "notPartner", key: "referral.refused.notPartner" }, async ({ place, body, client }) => {
    // Two are enough to know whether there is one team to choose for them; the rest come as they type.
    const teams = await deps.service.receivers("COACH_TEAM", "", 2);
    if (!teams.length) return tellUser(client, place, deps.t("referral.refused.noTeams"));
    const only = teams.length === 1 && teams[0] ? { value: teams[0].id, label: teams[0].name } : undefined;
    await client.views.open({ trigger_id: body.trigger_id, view: aanmeldenModal(deps.t, { onlyTeam: only, channel: place.channel }) });
  });
}
