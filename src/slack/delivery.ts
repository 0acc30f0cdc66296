/**
 * The job that brings a referral change to Slack (queued by src/domain/referrals/deliveries.ts):
 * post the card once or update it, add a line to its thread, send the direct messages. Each step
 * is recorded in the job's payload before the next, so a retry after a failure repeats nothing
 * that already reached Slack. Without Slack configured the job only logs.
 */
import type { types, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { memberById, type DataHandle } from "../domain/members.js";
import { cardData, cardPlace, firstNotInChannel, saveCardPlace, type CardData } from "../domain/referrals/card.js";
import { SLACK_REFERRAL_JOB, type DmControls, type Line, type SlackReferralPayload } from "../domain/referrals/deliveries.js";
import { SendError } from "../jobs/errors.js";
import type { JobContext, JobHandler, JobHandlers } from "../jobs/types.js";
import { buttons, renderCard } from "./blocks/card.js";
import type { SlackT } from "../i18n-slack.js";
import { toSendError } from "./nudge-sink.js";
import { clip, escapeSlack, escapeVars, mrkdwn, SLACK_LIMITS } from "./text.js";
import { postDm } from "./web.js";
import { DM_ACTIONS } from "./ids.js";

/** Variables that already are Slack markup (mentions); every other one is escaped. */
const MARKUP_VARS = new Set(["actor", "coach", "context"]);

/** A thread line or direct message: typed values escaped, then the whole within Slack's text limit. */
export function lineText(t: SlackT, line: Line): string {
  return clip(t(line.key, escapeVars(line.vars, MARKUP_VARS)), SLACK_LIMITS.text);
}

const CONTROLS: Record<DmControls, [string, string, ("primary" | "danger")?][]> = {
  askAgain: [[DM_ACTIONS.askAgain, "askAgain", "primary"], [DM_ACTIONS.cancel, "cancel", "danger"]],
  answerInfo: [[DM_ACTIONS.answer, "answer", "primary"]],
};

interface DeliveryDeps {
  db: DataHandle;
  t: SlackT;
  logger: Logger;
  /** The service's one Web API client (`createWebClient`); null when Slack is not configured. */
  web: webApi.WebClient | null;
}

async function postOrUpdateCard(deps: DeliveryDeps & { web: webApi.WebClient }, referralId: string): Promise<void> {
  const { db, t, web } = deps;
  // Render, write, and render again if the referral changed meanwhile: the last write shows the latest state.
  for (let attempt = 0; attempt < 3; attempt++) {
    const data = await cardData(db, referralId);
    const { text, blocks } = renderCard(t, data);
    const r = data.referral;
    if (r.slackChannel && r.slackTs) {
      await web.chat.update({ channel: r.slackChannel, ts: r.slackTs, text, blocks });
    } else {
      const channel = data.toOrg.referralChannel;
      if (!channel) throw new SendError(`"${data.toOrg.name}" has no referral channel: npm run koers -- org set-channel`, { permanent: true });
      const posted = await web.chat.postMessage({ channel, text, blocks }).catch(async (err: unknown) => {
        if (!isNotInChannel(err)) throw err;
        await tellNotInChannel(deps, data, channel);
        throw new SendError(`Koers is not in the referral channel ${channel} of "${data.toOrg.name}": invite the app there (/invite @Koers)`, { permanent: true });
      });
      const saved = await saveCardPlace(db, referralId, { channel: posted.channel ?? channel, ts: posted.ts ?? null });
      // Another job posted the card first: keep theirs.
      if (!saved && posted.ts) await web.chat.delete({ channel: posted.channel ?? channel, ts: posted.ts });
      if (!saved) continue;
    }
    const now = await cardPlace(db, referralId);
    if (now.updatedAt.getTime() === r.updatedAt.getTime() || r.slackTs === null) return;
  }
}

const NOT_IN_CHANNEL = new Set(["not_in_channel", "channel_not_found"]);

/** Slack's answer when the app may not post in a channel: no retry will change it. */
export function isNotInChannel(err: unknown): boolean {
  return err instanceof Error && "data" in err && NOT_IN_CHANNEL.has(String((err as { data?: { error?: unknown } }).data?.error));
}

/**
 * The app cannot post in an organisation's referral channel: waiting does not help, so the
 * organisation's contact (else its backup, else the filing organisation's channel) hears it once
 * per channel, and the log says it each time. The card is posted by the referral's next change.
 */
async function tellNotInChannel(deps: DeliveryDeps & { web: webApi.WebClient }, data: CardData, channel: string): Promise<void> {
  const { db, web, logger, t } = deps;
  logger.error({ orgId: data.toOrg.id, channel, referralId: data.referral.id }, "Koers is not in the organisation's referral channel: invite the app there (/invite @Koers); the card is not posted");
  if (!(await firstNotInChannel(db, { channel, orgId: data.toOrg.id, referralId: data.referral.id }))) return;
  const text = t("referral.admin.notInChannel", { org: escapeSlack(data.toOrg.name), channel: `<#${channel}>` });
  try {
    const admin = [data.contact, data.backup].find((m) => m?.slackUserId);
    if (admin?.slackUserId) {
      // No conversation opened: the filing organisation's channel below, as for no admin at all.
      const sent = await postDm(web, admin.slackUserId, { text }).then(
        () => true,
        (err: unknown) => {
          if (err instanceof SendError) return false;
          throw err;
        },
      );
      if (sent) return;
    }
    if (data.fromOrg.referralChannel) await web.chat.postMessage({ channel: data.fromOrg.referralChannel, text });
  } catch (err) {
    logger.error({ err: err instanceof Error ? err.message : String(err), channel }, "could not tell anyone that Koers is not in the referral channel");
  }
}

async function dmMember(deps: DeliveryDeps & { web: webApi.WebClient }, memberId: string, referralId: string, line: Line, controls?: DmControls): Promise<void> {
  const member = await memberById(deps.db, memberId);
  if (!member?.slackUserId) throw new SendError(`Member ${memberId} has no Slack user id: npm run koers -- member set-slack`, { permanent: true });
  const text = lineText(deps.t, line);
  const blocks: types.KnownBlock[] = [{ type: "section", text: mrkdwn(text) }, ...(controls ? buttons(deps.t, referralId, CONTROLS[controls]) : [])];
  await postDm(deps.web, member.slackUserId, { text, blocks });
}

/**
 * Runs the steps of a job once each, the names of those done kept in the job's payload (`done`):
 * a retry after a failure repeats nothing that reached Slack. A Slack error becomes the queue's
 * retry decision (`toSendError`).
 */
export function stepper(ctx: JobContext, done: string[] | undefined) {
  const finished = new Set(done ?? []);
  return async (name: string, fn: () => Promise<unknown>): Promise<void> => {
    if (finished.has(name)) return;
    try {
      await fn();
    } catch (err) {
      throw toSendError(err);
    }
    finished.add(name);
    await ctx.savePayload({ done: [...finished] });
  };
}

function handler(deps: DeliveryDeps): JobHandler {
  return async (job, ctx) => {
    const p = job.payload as SlackReferralPayload;
    const { web } = deps;
    if (!web) {
      ctx.logger.info({ referralId: p.referralId, dms: p.dms.map((d) => d.line.key), thread: p.thread?.key }, "referral change (Slack is not configured, so it is only logged)");
      return;
    }
    const live = { ...deps, web };
    const step = stepper(ctx, p.done);
    if (p.card) await step("card", () => postOrUpdateCard(live, p.referralId));
    if (p.thread) {
      const thread = p.thread;
      await step("thread", async () => {
        const card = await cardPlace(deps.db, p.referralId);
        if (card.channel && card.ts) await web.chat.postMessage({ channel: card.channel, thread_ts: card.ts, text: lineText(deps.t, thread) });
      });
    }
    for (const [i, dm] of p.dms.entries()) await step(`dm:${i}`, () => dmMember(live, dm.memberId, p.referralId, dm.line, dm.controls));
  };
}

/** The job handlers to give the dispatcher (`createJobs({ handlers })`). */
export function slackReferralHandlers(deps: DeliveryDeps): JobHandlers {
  return { [SLACK_REFERRAL_JOB]: handler(deps) };
}
