/**
 * Buttons on a referral card. A press by someone who may not act on this card, on a referral that
 * does not exist (a forged value), or in a state that no longer allows it, gets a private refusal
 * and changes nothing. Buttons that need more (a reason, a date, a coach) open a modal, after the
 * same check; the submission is checked once more.
 */
import type { App } from "@slack/bolt";
import type { ReferralEvent, ReferralEventType } from "../../../flows/referral/index.js";
import { acceptModal, planModal, textModal } from "../blocks/modals.js";
import { onMemberButton, orRefuse, refuse, type SlackDeps } from "../context.js";
import { parseUuid } from "../refusals.js";
import { CARD_ACTION_PATTERN, CARD_ACTIONS as A } from "../ids.js";

/** Buttons that change the referral at once. */
const DIRECT: Record<string, ReferralEvent> = {
  [A.received]: { type: "partner.received" },
  [A.accept]: { type: "partner.accepted" },
  [A.contactWithCoach]: { type: "partner.contactMade", withCoach: true },
  [A.contactAlone]: { type: "partner.contactMade", withCoach: false },
  [A.noShow]: { type: "partner.noShow" },
};

/** Buttons that first ask for a text. */
const WITH_TEXT: Record<string, ReferralEventType> = {
  [A.reject]: "partner.rejected",
  [A.redirect]: "partner.redirected",
  [A.close]: "partner.closed",
  [A.complete]: "partner.completed",
  [A.askInfo]: "team.askedInfo",
  [A.declineIn]: "team.declined",
};

const KNOWN = new Set([...Object.keys(DIRECT), ...Object.keys(WITH_TEXT), A.plan, A.acceptIn]);

export function registerCardActions(app: App, deps: SlackDeps): void {
  onMemberButton(app, deps, CARD_ACTION_PATTERN, async ({ id, asked, place, member, action, body, client }) => {
    const referralId = parseUuid(action.value);
    if (!KNOWN.has(id)) return refuse(deps, client, place, { ...asked, why: "unknownAction", member }, "referral.refused.malformed");
    if (!referralId) return refuse(deps, client, place, { ...asked, why: "malformedId", member }, "referral.refused.unknown");
    await orRefuse(deps, client, place, async () => {
      const direct = DIRECT[id];
      const text = WITH_TEXT[id];
      if (direct) {
        await deps.service.act(member, referralId, direct);
      } else if (text) {
        await deps.service.check(member, referralId, text);
        await client.views.open({ trigger_id: body.trigger_id, view: textModal(deps.t, referralId, text) });
      } else if (id === A.plan) {
        await deps.service.check(member, referralId, "partner.planned");
        await client.views.open({ trigger_id: body.trigger_id, view: planModal(deps.t, referralId) });
      } else if (id === A.acceptIn) {
        await deps.service.check(member, referralId, "team.accepted");
        await client.views.open({ trigger_id: body.trigger_id, view: acceptModal(deps.t, referralId) });
      }
    });
  });
}
