import type { App } from "@slack/bolt";
import { verwijsModal } from "../blocks/modals.js";
import { onMemberCommand, tellUser, type SlackDeps } from "../context.js";

/** /verwijs: a coach starts a warm handover for one of their own clients. */
export function registerVerwijs(app: App, deps: SlackDeps): void {
  onMemberCommand(app, deps, "/verwijs", { role: "COACH", why: "notCoach", key: "referral.refused.notCoach" }, async ({ place, member, body, client }) => {
    // The clients and partners themselves are asked for as the coach types (src/slack/options.ts).
    const [clients, partners] = [await deps.service.caseload(member, "", 1), await deps.service.receivers("PARTNER", "", 1)];
    if (!clients.length) return tellUser(client, place, deps.t("referral.refused.noClients"));
    if (!partners.length) return tellUser(client, place, deps.t("referral.refused.noPartners"));
    await client.views.open({ trigger_id: body.trigger_id, view: verwijsModal(deps.t, { channel: place.channel }) });
  });
}
