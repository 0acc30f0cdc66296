/**
 * Forgetting a client from Slack, on the client's request: the "Vergeten op verzoek" button in
 * the client file modal opens a confirmation that says it is on the client's request and cannot
 * be undone; only its submission forgets, through the same `forgetOnRequest` as /vergeet and the
 * CLI (audited as done by the coach). Only the client's own coach may; anyone else, and a forged
 * client id, is refused and the refusal audited.
 */
import type { App, types } from "@slack/bolt";
import { forgetLocked, ownClientToForget } from "../../domain/forget.js";
import { memberOf, recordRefusal, tellUser, type SlackDeps } from "../context.js";
import { parseSlackId, slackUserOf } from "../refusals.js";
import { clip, escapeSlack, mrkdwn, plainText, SLACK_LIMITS } from "../text.js";
import { readView } from "../views/values.js";
import { FILE_FORGET, FILE_FORGET_CONFIRM } from "../ids.js";


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The button under the file of one's own client. */
export function forgetButton(deps: Pick<SlackDeps, "t">, clientId: string): types.KnownBlock {
  return { type: "actions", elements: [{ type: "button", action_id: FILE_FORGET, style: "danger", text: plainText(deps.t("file.forget.button"), 75), value: clientId }] };
}

export function registerClientForget(app: App, deps: SlackDeps): void {
  app.action(FILE_FORGET, async ({ ack, body, client, action, context }) => {
    await ack();
    const user = parseSlackId((body.user as { id?: string } | undefined)?.id);
    if (!user) return recordRefusal(deps, { surface: "action", what: FILE_FORGET, why: "noUser", slackUserId: null });
    const member = memberOf(context);
    if (!member) return recordRefusal(deps, { surface: "action", what: FILE_FORGET, why: "notMember", slackUserId: user });
    const value = (action as { value?: unknown }).value;
    const clientId = typeof value === "string" ? value : "";
    // A forged value is refused like another coach's client, and audited as well (the answer says so).
    if (!UUID.test(clientId)) await recordRefusal(deps, { surface: "action", what: FILE_FORGET, why: "malformedId", slackUserId: user, member });
    const own = UUID.test(clientId) ? await ownClientToForget(deps.db, member, clientId, "ask") : null;
    if (!own) return tellUser(client, { user }, deps.t("file.forget.notYours"));
    await client.views.push({
      trigger_id: (body as { trigger_id?: string }).trigger_id ?? "",
      view: {
        type: "modal",
        callback_id: FILE_FORGET_CONFIRM,
        private_metadata: JSON.stringify({ client: clientId }),
        title: plainText(deps.t("file.forget.title"), SLACK_LIMITS.modalTitle),
        submit: plainText(deps.t("file.forget.submit"), SLACK_LIMITS.modalTitle),
        close: plainText(deps.t("file.forget.cancel"), SLACK_LIMITS.modalTitle),
        blocks: [{ type: "section", text: mrkdwn(clip(escapeSlack(deps.t("file.forget.explain", { name: own.name })), SLACK_LIMITS.text)) }],
      },
    });
  });

  app.view(FILE_FORGET_CONFIRM, async ({ ack, body, view, client, context }) => {
    const user = slackUserOf(body);
    const member = user ? memberOf(context) : null;
    const clientId = readView(view).meta().client ?? "";
    if (!user || !member) {
      await ack();
      return recordRefusal(deps, { surface: "view", what: FILE_FORGET_CONFIRM, why: "notMember", slackUserId: user });
    }
    if (!UUID.test(clientId)) await recordRefusal(deps, { surface: "view", what: FILE_FORGET_CONFIRM, why: "malformedId", slackUserId: user, member });
    const own = UUID.test(clientId) ? await ownClientToForget(deps.db, member, clientId, "confirm") : null;
    if (!own) {
      await ack();
      return tellUser(client, { user }, deps.t("file.forget.notYours"));
    }
    const now = deps.clock();
    await forgetLocked(deps.db, { clientId, by: { kind: "COACH", id: member.id }, via: "slack", now, goodbye: [{ key: "forget.doneByCoach" }] });
    // Every modal of this client closes: nothing of the file stays on screen.
    await ack({ response_action: "clear" });
    await tellUser(client, { user }, deps.t("file.forget.done", { name: own.name }));
  });
}
