/**
 * Crisis alerts in Slack: the urgent message to the coach (category, the client's words, when,
 * buttons), the escalation to the team's channel and its contact and backup, a thread line and a
 * new direct message for every new signal, and the buttons' listeners ("ik neem contact op",
 * "contact gehad", "hervat herinneringen"). Without Slack the jobs only log ids and the category:
 * the client's words and name never go to the log.
 */
import type { App, BlockAction, ButtonAction, Context, types, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { memberNames, type DataHandle } from "../domain/members.js";
import { CRISIS_ESCALATE, CRISIS_NOTIFY, type CrisisAction, type CrisisEscalatePayload, type CrisisNotifyPayload } from "../domain/safety/alerts.js";
import {
  alertEvent,
  answerAlert,
  auditStrangerPress,
  escalateNow,
  loadAlertView,
  markEscalated,
  recordAlertEvent,
  saveAlertThread,
  teamMembers,
  type AlertView,
  type CrisisAlert,
} from "../domain/safety/alert-store.js";
import { SendError } from "../jobs/errors.js";
import { firstName } from "../domain/clients.js";
import type { JobContext, JobHandler, JobHandlers } from "../jobs/types.js";
import { memberFor, refuse, tellUser, type SlackDeps } from "./context.js";
import type { SlackT } from "../i18n-slack.js";
import { isNotInChannel, stepper } from "./delivery.js";
import { clip, escapeSlack, mrkdwn, SLACK_LIMITS } from "./text.js";
import { postDm } from "./web.js";
import { CRISIS_ACTIONS } from "./ids.js";


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Slack allows 3000 characters in a section; a very long message is cut (the whole text is in Koers). */
const MAX_QUOTE = 2500;

type Block = types.KnownBlock;

/** The client's words as a Slack quote, escaped so that "<!channel>" or a link cannot do anything. */
export function quote(text: string): string {
  // Escaped first, then cut: an escaped "&" is five characters, and an entity is never cut in half.
  return clip(escapeSlack(text), MAX_QUOTE)
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join("\n");
}

const section = (text: string): Block => ({ type: "section", text: mrkdwn(text) });

/** "Hervat herinneringen" on its own, for the App Home: the same action as under the alert. */
export function resumeButtonRow(t: SlackT, alertId: string): Block {
  return {
    type: "actions",
    block_id: `crisis:${alertId}`,
    elements: [{ type: "button", action_id: CRISIS_ACTIONS.resume, value: alertId, text: { type: "plain_text", text: t("crisis.button.resume") } }],
  };
}

function buttons(t: SlackT, view: AlertView): Block | null {
  const { alert, client } = view;
  const shown: CrisisAction[] = [];
  if (alert.status === "OPEN") shown.push("ack");
  if (alert.status !== "CONTACTED") shown.push("contacted");
  if (client.crisisHoldSince) shown.push("resume");
  if (!shown.length) return null;
  return {
    type: "actions",
    block_id: `crisis:${alert.id}`,
    elements: shown.map((a) => ({
      type: "button",
      action_id: CRISIS_ACTIONS[a],
      value: alert.id,
      text: { type: "plain_text", text: t(`crisis.button.${a}`) },
      ...(a === "ack" ? { style: "primary" as const } : {}),
    })),
  };
}

/** Who confirmed what and when, as lines under the alert. */
async function stateLines(db: DataHandle, t: SlackT, alert: CrisisAlert): Promise<string[]> {
  const ids = [alert.acknowledgedBy, alert.contactedBy, alert.resumedBy].filter((x): x is string => x !== null);
  const members = await memberNames(db, ids);
  const who = (id: string | null) => (id ? escapeSlack(members.get(id) ?? "?") : "Koers");
  const lines: string[] = [];
  if (alert.acknowledgedAt) lines.push(t("crisis.state.ack", { who: who(alert.acknowledgedBy), when: alert.acknowledgedAt.toISOString() }));
  if (alert.contactedAt) lines.push(t("crisis.state.contacted", { who: who(alert.contactedBy), when: alert.contactedAt.toISOString() }));
  if (alert.resumedAt) lines.push(t("crisis.state.resume", { who: who(alert.resumedBy), when: alert.resumedAt.toISOString() }));
  return lines;
}

interface Rendered {
  text: string;
  blocks: Block[];
}

/** The alert: who and what kind, the danger now, the words, when and which rule, the state, the buttons. */
export async function renderAlert(db: DataHandle, t: SlackT, view: AlertView, opts: { lead?: string; signal?: { category: string; text: string; at: Date; rule: string; acute: boolean } } = {}): Promise<Rendered> {
  const name = escapeSlack(firstName(view.client));
  const s = opts.signal ?? { category: view.alert.category, text: view.alert.messageText, at: view.alert.createdAt, rule: view.alert.rule, acute: view.alert.acute };
  const category = t(`crisis.category.${s.category}`);
  const blocks: Block[] = [];
  if (opts.lead) blocks.push(section(opts.lead));
  blocks.push(section(t(opts.signal ? "crisis.again" : "crisis.title", { name, category })));
  if (s.acute) blocks.push(section(t("crisis.acute")));
  blocks.push(section(`${t("crisis.said", { name })}\n${quote(s.text)}`));
  blocks.push({ type: "context", elements: [mrkdwn(t("crisis.when", { when: s.at.toISOString(), rule: escapeSlack(s.rule) }))] });
  const states = await stateLines(db, t, view.alert);
  if (states.length) blocks.push(section(states.join("\n")));
  const row = buttons(t, view);
  if (row) blocks.push(row);
  const text = clip(t(opts.signal ? "crisis.againFallback" : "crisis.fallback", { name, category }), SLACK_LIMITS.fallback);
  return { text, blocks };
}

export interface CrisisDeliveryDeps {
  db: DataHandle;
  t: SlackT;
  logger: Logger;
  /** Null when Slack is not configured: alerts are logged (ids and category only). */
  web: webApi.WebClient | null;
  /** CRISIS_ESCALATE_MINUTES, for the team's message. */
  escalateMinutes: number;
}

const dm = (web: webApi.WebClient, userId: string, message: Rendered) => postDm(web, userId, message);

/** A job about one alert (its id in the payload): nothing to do when the alert is gone. */
function alertJob<P extends { alertId: string }>(deps: CrisisDeliveryDeps, run: (p: P, view: AlertView, ctx: JobContext) => Promise<void>): JobHandler {
  return async (job, ctx) => {
    const p = job.payload as P;
    const view = await loadAlertView(deps.db, p.alertId);
    if (view) await run(p, view, ctx);
  };
}

function notifyHandler(deps: CrisisDeliveryDeps): JobHandler {
  return alertJob<CrisisNotifyPayload>(deps, async (p, view, ctx) => {
    const { alert, coach } = view;
    const now = ctx.now();
    const noSlack = !coach.slackUserId;
    if (!deps.web) {
      deps.logger.warn({ alertId: alert.id, clientId: alert.clientId, coachId: coach.id, category: alert.category, acute: alert.acute, reason: p.reason }, "crisis alert (Slack is not configured: tell the coach another way)");
      await recordAlertEvent(deps.db, alert, "alerted", { via: "log", reason: p.reason, to: coach.id }, now);
      if (noSlack && p.reason === "new") await escalateNow(deps.db, alert.id, now);
      return;
    }
    const web = deps.web;
    const step = stepper(ctx, p.done);
    if (p.reason === "new") {
      if (noSlack) {
        // A coach who cannot be reached in Slack: the team gets it at once.
        await escalateNow(deps.db, alert.id, now);
        return;
      }
      await step("dm:coach", async () => {
        const where = await dm(web, coach.slackUserId ?? "", await renderAlert(deps.db, deps.t, view));
        await saveAlertThread(deps.db, alert.id, where, false);
        await recordAlertEvent(deps.db, alert, "alerted", { via: "dm", to: coach.id, channel: where.channel }, now);
      });
      return;
    }
    const event = p.eventId ? await alertEvent(deps.db, p.eventId) : null;
    if (!event) return;
    const signal = { category: event.category ?? alert.category, text: event.messageText ?? "", at: event.at, rule: event.rule ?? "", acute: event.acute ?? false };
    const message = await renderAlert(deps.db, deps.t, view, { signal });
    if (alert.slackChannel && alert.slackTs) {
      const [channel, ts] = [alert.slackChannel, alert.slackTs];
      await step("thread", () => web.chat.postMessage({ channel, thread_ts: ts, text: message.text, blocks: message.blocks }));
    }
    const people = [...(coach.slackUserId ? [coach] : []), ...(alert.escalatedAt || noSlack ? await teamMembers(deps.db, coach.organisation) : [])];
    const reached: string[] = [];
    for (const m of people) {
      if (!m.slackUserId || reached.includes(m.id)) continue;
      await step(`dm:${m.id}`, () => dm(web, m.slackUserId ?? "", message));
      reached.push(m.id);
    }
    await step("recorded", () => recordAlertEvent(deps.db, alert, "alerted", { via: "dm", reason: "signal", to: reached.join(","), eventId: p.eventId ?? null }, now));
  });
}

function escalateHandler(deps: CrisisDeliveryDeps): JobHandler {
  return alertJob<CrisisEscalatePayload>(deps, async (p, view, ctx) => {
    const { alert, coach } = view;
    // Someone confirmed in time, or it went to the team already: nothing to do.
    if (alert.status !== "OPEN" || (alert.escalatedAt && !p.done?.length)) return;
    const now = ctx.now();
    const org = coach.organisation;
    const team = (await teamMembers(deps.db, org)).filter((m) => m.id !== coach.id);
    if (!deps.web) {
      deps.logger.warn({ alertId: alert.id, clientId: alert.clientId, coachId: coach.id, teamId: org.id, to: team.map((m) => m.id), category: alert.category, why: p.why }, "crisis alert to the team (Slack is not configured: tell the team another way)");
      await markEscalated(deps.db, alert.id, now);
      await recordAlertEvent(deps.db, alert, "escalated", { via: "log", why: p.why }, now);
      return;
    }
    const web = deps.web;
    const step = stepper(ctx, p.done);
    const mentions = team.filter((m) => m.slackUserId).map((m) => `<@${m.slackUserId ?? ""}>`).join(" ");
    const lead = deps.t(p.why === "noSlack" ? "crisis.teamNoSlack" : "crisis.team", { mentions, coach: escapeSlack(coach.name), count: deps.escalateMinutes });
    const message = await renderAlert(deps.db, deps.t, view, { lead });
    const channel = org.referralChannel;
    const reached: string[] = [];
    if (channel) {
      let inChannel = true;
      await step("channel", async () => {
        try {
          const posted = await web.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
          // From now on the team's post is the alert's thread: new signals are added there.
          await saveAlertThread(deps.db, alert.id, { channel: posted.channel ?? channel, ts: posted.ts ?? null }, true);
        } catch (err) {
          // Waiting does not help, and must not hold up the direct messages to the team below.
          if (!isNotInChannel(err)) throw err;
          inChannel = false;
          deps.logger.error({ alertId: alert.id, teamId: org.id, channel }, "Koers is not in the team's channel: the crisis alert goes to the team by direct message only; invite the app there (/invite @Koers)");
        }
      });
      if (inChannel) reached.push(`channel:${channel}`);
    }
    for (const m of team) {
      if (!m.slackUserId) continue;
      await step(`dm:${m.id}`, () => dm(web, m.slackUserId ?? "", message));
      reached.push(m.id);
    }
    if (!reached.length) {
      throw new SendError(`Crisis alert ${alert.id}: team "${org.name}" has no channel and no contact or backup in Slack (npm run koers -- org set-channel / org set-contact)`, { permanent: true });
    }
    await step("recorded", async () => {
      await markEscalated(deps.db, alert.id, now);
      await recordAlertEvent(deps.db, alert, "escalated", { why: p.why, to: reached.join(",") }, now);
    });
  });
}

/** The job handlers to give the dispatcher. */
export function crisisHandlers(deps: CrisisDeliveryDeps): JobHandlers {
  return { [CRISIS_NOTIFY]: notifyHandler(deps), [CRISIS_ESCALATE]: escalateHandler(deps) };
}

/**
 * The alert's buttons: only the client's coach or the coach's team; a refusal is private and
 * audited. "Hervat herinneringen" is on the App Home too: pressed there, the Home is shown anew.
 */
export function registerCrisisActions(app: App, deps: SlackDeps, opts: { publishHome?: (client: webApi.WebClient, userId: string, context: Context) => Promise<void> } = {}): void {
  for (const [action, actionId] of Object.entries(CRISIS_ACTIONS) as [CrisisAction, string][]) {
    const answer = async (body: BlockAction<ButtonAction>, button: ButtonAction, client: webApi.WebClient, context: Context): Promise<void> => {
      const place = { user: body.user.id, channel: body.channel?.id };
      const alertId = button.value ?? "";
      const asked = { surface: "action", what: actionId } as const;
      const member = await memberFor(deps, client, place, asked, context);
      if (!member) {
        if (UUID.test(alertId)) await auditStrangerPress(deps.db, { alertId, action, slackUser: body.user.id });
        return;
      }
      if (!UUID.test(alertId)) {
        await refuse(deps, client, place, { ...asked, why: "malformedId", member }, "crisis.refused.notFound");
        return;
      }
      const result = await answerAlert(deps.db, { alertId, member, action, now: deps.clock() });
      if (result.kind === "notFound") {
        await refuse(deps, client, place, { ...asked, why: "notFound", member }, "crisis.refused.notFound");
        return;
      }
      if (result.kind !== "ok") {
        // "notAllowed" is audited by the domain (crisis.refused, with the client).
        await tellUser(client, place, deps.t(`crisis.refused.${result.kind}`));
        return;
      }
      const view = await loadAlertView(deps.db, alertId);
      if (!view) return;
      const rendered = await renderAlert(deps.db, deps.t, view);
      const channel = body.channel?.id;
      const ts = body.message?.ts;
      if (channel && ts) await client.chat.update({ channel, ts, text: rendered.text, blocks: rendered.blocks });
      const a = view.alert;
      if (a.slackChannel && a.slackTs && !(a.slackChannel === channel && a.slackTs === ts)) {
        const line = deps.t(`crisis.state.${action}`, { who: escapeSlack(member.name), when: deps.clock().toISOString() });
        await client.chat.postMessage({ channel: a.slackChannel, thread_ts: a.slackTs, text: clip(line, SLACK_LIMITS.text) });
      }
    };
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action: button, client, context }) => {
      await ack();
      await answer(body, button, client, context);
      if (body.view?.type === "home") await opts.publishHome?.(client, body.user.id, context);
    });
  }
}
