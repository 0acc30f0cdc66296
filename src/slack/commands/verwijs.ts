import type { App } from "@slack/bolt";
import { verwijsModal } from "../blocks/modals.js";
import { memberFor, placeOf, recordRefusal, refuse, tellUser, type SlackDeps } from "../context.js";

/** /verwijs: a coach starts a warm handover for one of their own clients. */
export function registerVerwijs(app: App, deps: SlackDeps): void {
  app.command("/verwijs", async ({ ack, body, client, context }) => {
    await ack();
    const asked = { surface: "command" as const, what: "/verwijs" };
    const place = placeOf(body);
    if (!place) return recordRefusal(deps, { ...asked, why: "noUser", slackUserId: null });
    const member = await memberFor(deps, client, place, asked, context);
    if (!member) return;
    if (member.role !== "COACH") return refuse(deps, client, place, { ...asked, why: "notCoach", member }, "referral.refused.notCoach");
    // The clients and partners themselves are asked for as the coach types (src/slack/options.ts).
    const [clients, partners] = [await deps.service.caseload(member, "", 1), await deps.service.receivers("PARTNER", "", 1)];
    if (!clients.length) return tellUser(client, place, deps.t("referral.refused.noClients"));
    if (!partners.length) return tellUser(client, place, deps.t("referral.refused.noPartners"));
    await client.views.open({ trigger_id: body.trigger_id, view: verwijsModal(deps.t, { channel: place.channel }) });
  });
}
