/**
 * Real signed requests to /slack/events, as Slack sends them: form-encoded bodies (a `payload`
 * field with JSON for interactions), `x-slack-request-timestamp` and `x-slack-signature` =
 * `v0=` + HMAC-SHA256(signing secret, `v0:${ts}:${body}`). Builders for the payloads we use.
 */
import { createHmac } from "node:crypto";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

export function sign(secret: string, ts: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
}

export interface Sent {
  status: number;
  text: string;
  json(): Record<string, unknown>;
}

export interface PostOptions {
  /** Seconds since the epoch; default now. */
  ts?: number;
  /** Replace the signature (or leave it out with null). */
  signature?: string | null;
  secret?: string;
  contentType?: string;
}

/** POSTs a raw body, signed unless told otherwise. */
export async function postSigned(url: string, body: string, opts: PostOptions = {}): Promise<Sent> {
  const ts = opts.ts ?? Math.floor(Date.now() / 1000);
  const signature = opts.signature === undefined ? sign(opts.secret ?? SIGNING_SECRET, ts, body) : opts.signature;
  const headers: Record<string, string> = { "content-type": opts.contentType ?? "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(ts) };
  if (signature !== null) headers["x-slack-signature"] = signature;
  const res = await fetch(url, { method: "POST", headers, body });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text || "{}") as Record<string, unknown> };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Slack gives every interaction its own trigger id; two equal bodies in one second would be a replay. */
let triggers = 0;
const trigger = (user: string) => `trig-${user}-${Date.now()}-${++triggers}`;

export function commandBody(command: string, user: string, channel = "CWHERE1"): string {
  return form({ command, text: "", user_id: user, user_name: user, channel_id: channel, team_id: "T1", trigger_id: trigger(user), response_url: "https://hooks.slack.invalid/x", api_app_id: "A1", token: "legacy" });
}

/** Where a press happened: a message in a channel (its ts, and the message itself when `text` is given), or a view. */
export const inMessage = (channel: string, ts = "1.1", text?: string) => ({
  channel: { id: channel },
  container: { type: "message", channel_id: channel, message_ts: ts },
  ...(text === undefined ? {} : { message: { type: "message", ts, text } }),
});
export const inView = (view: { id: string; type: string } & Record<string, unknown>) => ({ container: { type: "view", view_id: view.id }, view });
export const button = (actionId: string, value: string, blockId: string, actionTs = "1.2") => ({ type: "button", action_id: actionId, block_id: blockId, value, action_ts: actionTs });

/** A block_actions payload as Slack sends it: `where` from inMessage or inView, and anything more (user: null). */
export function actionsBody(user: string, where: Record<string, unknown>, ...actions: Record<string, unknown>[]): string {
  const payload = { type: "block_actions", user: { id: user }, team: { id: "T1" }, api_app_id: "A1", trigger_id: trigger(user), ...where, actions, token: "legacy" };
  return form({ payload: JSON.stringify(payload) });
}

export function buttonBody(actionId: string, value: string, user: string, channel = "CPARTNER"): string {
  return actionsBody(user, inMessage(channel), button(actionId, value, `ref:${value}`));
}

/** A button in the App Home. */
export function homeButtonBody(actionId: string, value: string, user: string, blockId = "b"): string {
  return actionsBody(user, inView({ id: "VHOME", type: "home" }), button(actionId, value, blockId));
}

/** The person opens the app's Home tab: an `app_home_opened` event (JSON). */
export const homeOpenedBody = (user: string, eventId: string, eventTime = 1) =>
  JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event: { type: "app_home_opened", user, tab: "home" }, event_id: eventId, event_time: eventTime });

const modal = (callbackId: string, metadata: object, values: object, hash: string) => ({ id: "V1", type: "modal", callback_id: callbackId, private_metadata: JSON.stringify(metadata), state: { values }, hash });
const interaction = (user: string, fields: Record<string, unknown>) => form({ payload: JSON.stringify({ user: { id: user }, team: { id: "T1" }, api_app_id: "A1", ...fields, token: "legacy" }) });

/** A view_submission: `values` maps block id to the element's state ({ value }, { selected_option }, ...). */
export function submitBody(callbackId: string, user: string, values: Record<string, Record<string, unknown>>, metadata: object = {}): string {
  const state = Object.fromEntries(Object.entries(values).map(([block, v]) => [block, { v }]));
  return interaction(user, { type: "view_submission", trigger_id: trigger(user), view: modal(callbackId, metadata, state, "h") });
}

export const text = (value: string) => ({ type: "plain_text_input", value });
export const pick = (value: string) => ({ type: "static_select", selected_option: { value } });
export const radio = (value: string) => ({ type: "radio_buttons", selected_option: { value } });
export const checks = (...values: string[]) => ({ type: "checkboxes", selected_options: values.map((value) => ({ value })) });
export const day = (date: string) => ({ type: "datepicker", selected_date: date });
export const time = (t: string) => ({ type: "timepicker", selected_time: t });

/** A block_suggestion: Slack asks an external select's options as the person types `value`. */
export function suggestionBody(callbackId: string, blockId: string, value: string, user: string, metadata: object = {}): string {
  return interaction(user, { type: "block_suggestion", action_id: "v", block_id: blockId, value, view: modal(callbackId, metadata, {}, `h${++triggers}`) });
}
