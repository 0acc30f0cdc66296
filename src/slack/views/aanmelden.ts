import type { App } from "@slack/bolt";
import { organisationName } from "../../domain/members.js";
import { VIEW } from "../ids.js";
import { tellUser, type SlackDeps } from "../context.js";
import { parseSlackId } from "../refusals.js";
import { escapeSlack } from "../text.js";
import { submit } from "./forms.js";
import { readView } from "./values.js";

/** The /aanmelden modal is submitted: a card goes to the team, a receipt to the referrer. */
export function registerAanmeldenView(app: App, deps: SlackDeps): void {
  app.view(VIEW.aanmelden, async ({ ack, body, view, client, context }) => {
    const v = readView(view);
    const filed = await submit(deps, ack, body, context, { view: VIEW.aanmelden, block: "team" }, (member) =>
      deps.service.fileIn(member, {
        teamOrgId: v.selected("team"),
        personName: v.text("name"),
        personContact: v.text("contact"),
        need: v.text("need"),
        wish: v.text("wish"),
        urgency: v.selected("urgency"),
        personAgrees: v.checked("agrees").includes("yes"),
      }),
    );
    if (!filed) return;
    const { user, result: referral } = filed;
    // Where the command was typed, a quick confirmation; the receipt itself comes as a direct message.
    const channel = parseSlackId(v.meta().channel);
    if (!channel) return;
    const team = { name: await organisationName(deps.db, referral.toOrgId) };
    await tellUser(client, { user, channel }, deps.t("referral.done.filedIn", { team: escapeSlack(team.name) }));
  });
}
