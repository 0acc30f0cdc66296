import type { App } from "@slack/bolt";
import { organisationName } from "../../domain/members.js";
import { VIEW } from "../ids.js";
import { tellUser, type SlackDeps } from "../context.js";
import { parseSlackId } from "../refusals.js";
import { escapeSlack } from "../text.js";
import { onReferralModal } from "./forms.js";

/** The /aanmelden modal is submitted: a card goes to the team, a receipt to the referrer. */
export function registerAanmeldenView(app: App, deps: SlackDeps): void {
  onReferralModal(app, deps, { view: VIEW.aanmelden, block: "team" }, (member, v) =>
      deps.service.fileIn(member, {
        teamOrgId: v.selected("team"),
        personName: v.text("name"),
        personContact: v.text("contact"),
        need: v.text("need"),
        wish: v.text("wish"),
        urgency: v.selected("urgency"),
        personAgrees: v.checked("agrees").includes("yes"),
      }),
    async ({ user, result: referral }, v, client) => {
      // Where the command was typed, a quick confirmation; the receipt itself comes as a direct message.
      const channel = parseSlackId(v.meta().channel);
      if (!channel) return;
      const team = { name: await organisationName(deps.db, referral.toOrgId) };
      await tellUser(client, { user, channel }, deps.t("referral.done.filedIn", { team: escapeSlack(team.name) }));
    },
  );
}
