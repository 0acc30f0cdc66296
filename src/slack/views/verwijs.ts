import type { App } from "@slack/bolt";
import { ReferralRefused } from "../../domain/referrals/types.js";
import { VIEW } from "../blocks/modals.js";
import { modalErrors, tellUser, type SlackDeps } from "../context.js";
import { readView } from "./values.js";

/** The /verwijs modal is submitted: file the referral and ask the client in Telegram first. */
export function registerVerwijsView(app: App, deps: SlackDeps): void {
  app.view(VIEW.verwijs, async ({ ack, body, view, client }) => {
    const v = readView(view);
    const place = { user: body.user.id, channel: v.meta().channel };
    const member = await deps.service.member(body.user.id);
    if (!member) {
      await ack({ response_action: "errors", errors: { client: deps.t("referral.refused.notMember") } });
      return;
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
    let filed;
    try {
      filed = await deps.service.fileOut(member, draft);
    } catch (err) {
      if (!(err instanceof ReferralRefused)) throw err;
      await ack(modalErrors(deps, err, "client"));
      return;
    }
    await ack();
    const names = await deps.db.prisma.referral.findUniqueOrThrow({ where: { id: filed.referral.id }, include: { client: true, toOrg: true } });
    const vars = { client: names.client?.name ?? "", partner: names.toOrg.name };
    await tellUser(client, place, deps.t(filed.asked ? "referral.done.filedOut" : "referral.done.notAsked", vars));
  });
}
