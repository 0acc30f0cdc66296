import type { App } from "@slack/bolt";
import { referralNames } from "../../domain/referrals/card.js";
import { VIEW } from "../ids.js";
import { tellUser, type SlackDeps } from "../context.js";
import { parseSlackId } from "../refusals.js";
import { escapeSlack } from "../text.js";
import { onReferralModal } from "./forms.js";

/**
 * The /verwijs modal is submitted: the referral is checked and filed, the modal answered (its
 * errors inline), and only then is the client asked in Telegram and the coach told.
 */
export function registerVerwijsView(app: App, deps: SlackDeps): void {
  onReferralModal(app, deps, { view: VIEW.verwijs, block: "client" }, (member, v) =>
      deps.service.fileOutOnly(member, {
        clientId: v.selected("client"),
        partnerOrgId: v.selected("partner"),
        lifeDomain: v.selected("domain"),
        need: v.text("need"),
        items: v.checked("items"),
        phone: v.text("phone"),
        summary: v.text("summary"),
        urgency: v.selected("urgency"),
        coachJoins: v.checked("joins").includes("yes"),
        wishedDate: v.date("date") || undefined,
      }),
    async ({ user, member, result: referral }, v, client) => {
      const askedClient = await deps.service.askConsent(referral.id, member.id);
      const names = await referralNames(deps.db, referral.id);
      const vars = { client: escapeSlack(names.client ?? ""), partner: escapeSlack(names.toOrg) };
      const channel = parseSlackId(v.meta().channel) ?? undefined;
      await tellUser(client, { user, channel }, deps.t(askedClient ? "referral.done.filedOut" : "referral.done.notAsked", vars));
    },
  );
}
