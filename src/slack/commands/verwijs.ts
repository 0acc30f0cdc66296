import type { App } from "@slack/bolt";
import { verwijsModal } from "../blocks/modals.js";
import { memberFor, tellUser, type SlackDeps } from "../context.js";

/** /verwijs: a coach starts a warm handover for one of their own clients. */
export function registerVerwijs(app: App, deps: SlackDeps): void {
  app.command("/verwijs", async ({ ack, body, client }) => {
    await ack();
    const place = { user: body.user_id, channel: body.channel_id };
    const member = await memberFor(deps, client, place);
    if (!member) return;
    if (member.role !== "COACH") return tellUser(client, place, deps.t("referral.refused.notCoach"));
    const [clients, partners] = [await deps.service.caseload(member), await deps.service.receivers("PARTNER")];
    if (!clients.length) return tellUser(client, place, deps.t("referral.refused.noClients"));
    if (!partners.length) return tellUser(client, place, deps.t("referral.refused.noPartners"));
    const view = verwijsModal(deps.t, {
      clients: clients.map((c) => ({ value: c.id, label: c.name })),
      partners: partners.map((o) => ({ value: o.id, label: o.name })),
      channel: body.channel_id,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
