import type { webApi } from "@slack/bolt";
import { inviteLink } from "../domain/invites.js";
import type { Accepted } from "../domain/referrals/in.js";
import { organisationName, type Member } from "../domain/members.js";
import { buttons } from "./blocks/card.js";
import { directMessage, type SlackDeps } from "./context.js";
import { clip, escapeSlack, mrkdwn, SLACK_LIMITS } from "./text.js";
import { DM_ACTIONS } from "./ids.js";

/**
 * Sends the one-time invite link to the assigned coach by direct message, with the buttons for a
 * new link and for "no contact". The code exists only here and in the coach's Slack: we store its
 * hash. When the coach has no Slack id, the member who accepted gets it to pass on.
 */
export async function sendInvite(deps: SlackDeps, client: webApi.WebClient, accepted: Accepted, accepter: Member): Promise<void> {
  const r = accepted.applied.referral;
  const from = { name: await organisationName(deps.db, r.fromOrgId) };
  const username = await deps.botUsername();
  const until = accepted.invite.expiresAt.toISOString();
  const text = clip(deps.t("referral.dm.in.invite", {
    client: escapeSlack(r.personName ?? ""),
    from: escapeSlack(from.name),
    contact: escapeSlack(r.personContact ?? "-"),
    until,
    link: username ? inviteLink(username, accepted.invite.code) : `/start ${accepted.invite.code}`,
  }), SLACK_LIMITS.text);
  const blocks = [
    { type: "section" as const, text: mrkdwn(text) },
    ...buttons(deps.t, r.id, [[DM_ACTIONS.reinvite, "reinvite"], [DM_ACTIONS.noContact, "noContact", "danger"]]),
  ];
  const to = accepted.coach.slackUserId ?? accepter.slackUserId;
  if (to) await directMessage(client, to, text, blocks);
}
