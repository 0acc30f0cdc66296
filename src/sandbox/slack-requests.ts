/**
 * Slack's side of /slack/events for the sandbox page: a click, a slash command or a submitted
 * modal becomes the request Slack would send (form-encoded, `payload` JSON for interactions,
 * JSON for events), signed with the sandbox's signing secret, and is posted to Koers's own HTTP
 * server. Bolt checks the signature like any other request.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { FakeSlackWebApi, SlackView } from "./slack-api.js";
import { dmOf } from "./slack-api.js";

export const TEAM_ID = "TSANDBOX";
const APP_ID = "ASANDBOX";

export interface SlackRequester {
  command(user: string, command: string, text: string, channel: string): Promise<Answer>;
  /** A button press or a menu choice, in a message, the App Home or a modal. */
  action(user: string, where: Surface, action: Record<string, unknown>): Promise<Answer>;
  submit(user: string, view: SlackView, values: Record<string, Record<string, unknown>>): Promise<Answer>;
  /** Options for an external_select: a block_suggestion request. */
  suggest(user: string, view: SlackView | null, actionId: string, blockId: string, value: string): Promise<Answer>;
  homeOpened(user: string): Promise<Answer>;
}

export type Surface = { type: "message"; channel: string; ts: string } | { type: "home"; view: SlackView } | { type: "modal"; view: SlackView };

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export function signature(secret: string, ts: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
}

export function slackRequester(deps: { url: () => string; secret: string; clock: () => Date; api: FakeSlackWebApi }): SlackRequester {
  const trigger = (user: string) => {
    const id = `${Date.now()}.${randomBytes(6).toString("hex")}`;
    deps.api.triggers.set(id, user);
    return id;
  };

  async function post(body: string, type: string): Promise<Answer> {
    const ts = Math.floor(deps.clock().getTime() / 1000);
    const res = await fetch(deps.url(), {
      method: "POST",
      headers: { "content-type": type, "x-slack-request-timestamp": String(ts), "x-slack-signature": signature(deps.secret, ts, body) },
      body,
    });
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed };
  }

  const form = (fields: Record<string, string>) => post(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded");
  const interaction = (payload: Record<string, unknown>) => form({ payload: JSON.stringify({ team: { id: TEAM_ID, domain: "koers-sandbox" }, api_app_id: APP_ID, token: "sandbox", ...payload }) });
  const viewPayload = (v: SlackView) => ({ id: v.id, type: v.type, callback_id: v.callback_id ?? "", private_metadata: v.private_metadata ?? "", hash: v.hash, blocks: v.blocks, team_id: TEAM_ID, app_id: APP_ID });

  return {
    command: (user, command, text, channel) =>
      form({ command, text, user_id: user, user_name: user, channel_id: channel, channel_name: channel, team_id: TEAM_ID, team_domain: "koers-sandbox", trigger_id: trigger(user), response_url: "https://hooks.slack.invalid/sandbox", api_app_id: APP_ID, token: "sandbox" }),
    action(user, where, action) {
      const actionTs = `${Math.floor(deps.clock().getTime() / 1000)}.000001`;
      const actions = [{ ...action, action_ts: actionTs }];
      if (where.type === "message") {
        return interaction({
          type: "block_actions",
          user: { id: user, username: user },
          trigger_id: trigger(user),
          channel: { id: where.channel },
          container: { type: "message", channel_id: where.channel, message_ts: where.ts, is_ephemeral: false },
          message: { type: "message", ts: where.ts },
          actions,
        });
      }
      return interaction({
        type: "block_actions",
        user: { id: user, username: user },
        trigger_id: trigger(user),
        container: { type: "view", view_id: where.view.id },
        view: { ...viewPayload(where.view), state: { values: {} } },
        ...(where.type === "home" ? { channel: { id: dmOf(user) } } : {}),
        actions,
      });
    },
    submit: (user, view, values) =>
      interaction({ type: "view_submission", user: { id: user, username: user }, trigger_id: trigger(user), view: { ...viewPayload(view), state: { values } } }),
    suggest: (user, view, actionId, blockId, value) =>
      interaction({ type: "block_suggestion", user: { id: user }, action_id: actionId, block_id: blockId, value, ...(view ? { view: { ...viewPayload(view), state: { values: {} } }, container: { type: "view", view_id: view.id } } : {}) }),
    homeOpened: (user) =>
      post(
        JSON.stringify({
          token: "sandbox",
          team_id: TEAM_ID,
          api_app_id: APP_ID,
          type: "event_callback",
          event_id: `Ev${randomBytes(5).toString("hex")}`,
          event_time: Math.floor(deps.clock().getTime() / 1000),
          event: { type: "app_home_opened", user, channel: dmOf(user), tab: "home", event_ts: `${Math.floor(deps.clock().getTime() / 1000)}.000100` },
        }),
        "application/json",
      ),
  };
}
