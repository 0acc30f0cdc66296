/**
 * The buttons of a coach nudge ("ik neem contact op", "over 3 dagen weer", "klaar"). Only the
 * nudge's own coach may answer; anyone else, a nudge that does not exist (a forged value) or a
 * nudge about a client who left gets a calm private answer, an audit row, and nothing changes.
 * On success the original message is replaced by what was chosen.
 */
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { answerNudge, type NudgeAction, type NudgeAnswer } from "../../domain/nudges.js";
import { askingMember, refuse, type SlackDeps } from "../context.js";
import { NUDGE_ACTIONS } from "../ids.js";
import { parseSlackId, parseUuid } from "../refusals.js";
import { escapeSlack, mrkdwn } from "../text.js";


export function registerNudgeActions(app: App, deps: SlackDeps): void {
  for (const [action, actionId] of Object.entries(NUDGE_ACTIONS) as [NudgeAction, string][]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action: button, client, context }) => {
      await ack();
      const asked = { surface: "action" as const, what: actionId };
      const asking = await askingMember(deps, client, body, asked, context);
      if (!asking) return;
      const { place, member } = asking;
      const nudgeId = parseUuid(button.value);
      const outcome: NudgeAnswer = !nudgeId ? { kind: "notFound" } : await answerNudge(deps.db, { nudgeId, memberId: member.id, action, now: deps.clock() });
      if (outcome.kind !== "ok") {
        const why = nudgeId ? outcome.kind : "malformedId";
        return refuse(deps, client, place, { ...asked, why, member }, `nudge.refused.${outcome.kind}`);
      }
      const text = deps.t(`nudge.chosen.${action}`, { name: escapeSlack(outcome.name) });
      const channel = place.channel ?? parseSlackId(body.container?.channel_id);
      const ts = typeof body.message?.ts === "string" ? body.message.ts : undefined;
      if (channel && ts) {
        await client.chat.update({ channel, ts, text, blocks: [{ type: "section", text: mrkdwn(text) }] });
      }
    });
  }
}
