import type { App } from "@slack/bolt";
import { referralNames } from "../../domain/referrals/card.js";
import { ReferralRefused } from "../../domain/referrals/types.js";
import { VIEW } from "../blocks/modals.js";
import { modalErrors, recordRefusal, tellUser, type SlackDeps } from "../context.js";
import { parseSlackId, slackUserOf } from "../refusals.js";
import { escapeSlack } from "../text.js";
import { readView } from "./values.js";

/**
 * The /verwijs modal is submitted: the referral is checked and filed, the modal answered (its
 * errors inline), and only then is the client asked in Telegram and the coach told.
 */
export function registerVerwijsView(app: App, deps: SlackDeps): void {
  app.view(VIEW.verwijs, async ({ ack, body, view, client }) => {
    const v = readView(view);
    const asked = { surface: "view" as const, what: VIEW.verwijs };
    const user = slackUserOf(body);
    const member = user ? await deps.service.member(user) : null;
    if (!user || !member) {
      await ack({ response_action: "errors", errors: { client: deps.t("referral.refused.notMember") } });
      return recordRefusal(deps, { ...asked, why: "notMember", slackUserId: user });
    }
    const draft = {
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
    };
    let referral;
    try {
      referral = await deps.service.fileOutOnly(member, draft);
    } catch (err) {
      if (!(err instanceof ReferralRefused)) throw err;
      await ack(modalErrors(deps, err, "client"));
      return;
    }
    await ack();
    const askedClient = await deps.service.askConsent(referral.id, member.id);
    const names = await referralNames(deps.db, referral.id);
    const vars = { client: escapeSlack(names.client ?? ""), partner: escapeSlack(names.toOrg) };
    const channel = parseSlackId(v.meta().channel) ?? undefined;
    await tellUser(client, { user, channel }, deps.t(askedClient ? "referral.done.filedOut" : "referral.done.notAsked", vars));
  });
}
