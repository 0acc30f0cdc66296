import type { App } from "@slack/bolt";
import { organisationName } from "../../domain/members.js";
import { ReferralRefused } from "../../domain/referrals/types.js";
import { VIEW } from "../blocks/modals.js";
import { modalErrors, recordRefusal, tellUser, type SlackDeps } from "../context.js";
import { parseSlackId, slackUserOf } from "../refusals.js";
import { escapeSlack } from "../text.js";
import { readView } from "./values.js";

/** The /aanmelden modal is submitted: a card goes to the team, a receipt to the referrer. */
export function registerAanmeldenView(app: App, deps: SlackDeps): void {
  app.view(VIEW.aanmelden, async ({ ack, body, view, client }) => {
    const v = readView(view);
    const user = slackUserOf(body);
    const member = user ? await deps.service.member(user) : null;
    if (!user || !member) {
      await ack({ response_action: "errors", errors: { team: deps.t("referral.refused.notMember") } });
      return recordRefusal(deps, { surface: "view", what: VIEW.aanmelden, why: "notMember", slackUserId: user });
    }
    const draft = {
      teamOrgId: v.selected("team"),
      personName: v.text("name"),
      personContact: v.text("contact"),
      need: v.text("need"),
      wish: v.text("wish"),
      urgency: v.selected("urgency"),
      personAgrees: v.checked("agrees").includes("yes"),
    };
    let referral;
    try {
      referral = await deps.service.fileIn(member, draft);
    } catch (err) {
      if (!(err instanceof ReferralRefused)) throw err;
      await ack(modalErrors(deps, err, "team"));
      return;
    }
    await ack();
    // Where the command was typed, a quick confirmation; the receipt itself comes as a direct message.
    const channel = parseSlackId(v.meta().channel);
    if (!channel) return;
    const team = { name: await organisationName(deps.db, referral.toOrgId) };
    await tellUser(client, { user, channel }, deps.t("referral.done.filedIn", { team: escapeSlack(team.name) }));
  });
}
