/**
 * Buttons in direct messages: the assigned coach's "new link" and "no contact" (referral in), the
 * coach's "ask again" and "withdraw" (referral out, after the client wanted to talk first), and
 * the referrer's "answer" to a question of the team. Checked like card buttons.
 */
import type { App } from "@slack/bolt";
import { referralNames } from "../../domain/referrals/card.js";
import { textModal } from "../blocks/modals.js";
import { onMemberButton, orRefuse, refuse, tellUser, type SlackDeps } from "../context.js";
import { sendInvite } from "../invite.js";
import { parseUuid } from "../refusals.js";
import { escapeSlack } from "../text.js";
import { DM_ACTION_PATTERN, DM_ACTIONS } from "../ids.js";

const KNOWN = new Set<string>(Object.values(DM_ACTIONS));

export function registerDmActions(app: App, deps: SlackDeps): void {
  onMemberButton(app, deps, DM_ACTION_PATTERN, async ({ id, asked, place, member, action, body, client }) => {
    if (!KNOWN.has(id)) return refuse(deps, client, place, { ...asked, why: "unknownAction", member }, "referral.refused.malformed");
    const referralId = parseUuid(action.value);
    if (!referralId) return refuse(deps, client, place, { ...asked, why: "malformedId", member }, "referral.refused.unknown");
    await orRefuse(deps, client, place, async () => {
      switch (id) {
        case DM_ACTIONS.reinvite:
          await sendInvite(deps, client, await deps.service.reinvite(member, referralId), member);
          return;
        case DM_ACTIONS.noContact:
          await deps.service.act(member, referralId, { type: "team.noContact" });
          return;
        case DM_ACTIONS.cancel:
          await deps.service.act(member, referralId, { type: "coach.cancelled" });
          return;
        case DM_ACTIONS.askAgain: {
          const asked = await deps.service.askAgain(member, referralId);
          const names = await referralNames(deps.db, referralId);
          await tellUser(client, place, deps.t(asked ? "referral.done.askedAgain" : "referral.done.notAsked", { client: escapeSlack(names.client ?? "") }));
          return;
        }
        case DM_ACTIONS.answer:
          await deps.service.check(member, referralId, "partner.answeredInfo");
          await client.views.open({ trigger_id: body.trigger_id, view: textModal(deps.t, referralId, "partner.answeredInfo") });
          return;
      }
    });
  });
}
