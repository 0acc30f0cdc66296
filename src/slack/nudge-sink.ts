/**
 * Nudges to coaches through the Slack Web API (the service's one client): a direct message from
 * the app to the coach (conversations.open, then chat.postMessage). Without Slack configured they
 * are logged.
 */
import type { webApi } from "@slack/bolt";
import { WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError } from "@slack/web-api";
import type { Logger } from "pino";
import { SendError } from "../jobs/errors.js";
import type { NudgeSink } from "../jobs/nudge-jobs.js";
import { createSlackTranslator, type SlackT } from "../i18n-slack.js";
import { digestMessage, nudgeMessage } from "./nudge-message.js";
import { openDm } from "./web.js";

export interface SlackNudgeSinkOptions {
  /** The service's one Web API client (`createWebClient`). */
  web: webApi.WebClient;
  t: SlackT;
}

/** Slack errors that no retry will fix: a wrong token, a coach who left the workspace. */
const PERMANENT = new Set([
  "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission", "missing_scope",
  "user_not_found", "user_disabled", "users_not_found", "cannot_dm_bot", "channel_not_found", "is_archived", "invalid_blocks",
  "msg_too_long", "invalid_arguments",
]);

/** Turns a Web API error into a retry decision for the job queue. */
export function toSendError(err: unknown): unknown {
  if (err instanceof WebAPIRateLimitedError) return new SendError("Slack rate limit", { retryAfterSeconds: err.retryAfter });
  if (err instanceof WebAPIPlatformError) {
    const code = err.data.error;
    const hint = code === "invalid_auth" || code === "not_authed" ? " (check SLACK_BOT_TOKEN)" : "";
    return new SendError(`Slack said ${code}${hint}`, { permanent: PERMANENT.has(code) });
  }
  if (err instanceof WebAPIRequestError) return new SendError(`Slack could not be reached: ${err.original.message}`);
  return err;
}

export function createSlackNudgeSink(opts: SlackNudgeSinkOptions): NudgeSink {
  const { web } = opts;
  const dmChannels = new Map<string, string>();

  async function dmChannel(userId: string): Promise<string> {
    const known = dmChannels.get(userId);
    if (known) return known;
    const id = await openDm(web, userId);
    dmChannels.set(userId, id);
    return id;
  }

  return {
    async deliver(coach, notes, kind, now) {
      if (!coach.slackUserId) {
        throw new SendError(`Coach ${coach.name} (${coach.id}) has no Slack user id, so the nudge cannot reach them`, { permanent: true });
      }
      const message = kind === "digest" ? digestMessage(opts.t, notes, now) : nudgeMessage(opts.t, notes[0] ?? never(), now);
      try {
        const channel = await dmChannel(coach.slackUserId);
        const posted = await web.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never });
        return { channel, ts: posted.ts ?? null };
      } catch (err) {
        throw toSendError(err);
      }
    },
  };
}

function never(): never {
  throw new Error("a single nudge needs one note");
}

/**
 * Without Slack: every nudge is a log line with its ids and cause, never the client's name (a log
 * is read by operators, not only by the coach); the nudge itself is in the database.
 */
export function createLoggingNudgeSink(logger: Logger): NudgeSink {
  return {
    async deliver(coach, notes, kind) {
      for (const note of notes) {
        logger.info({ nudgeId: note.nudgeId, cause: note.cause, coachId: coach.id, kind }, `coach nudge (Slack is not configured): ${note.cause}`);
      }
      return { channel: null, ts: null };
    },
  };
}

/**
 * The nudge sink the configuration asks for. Without Slack the service still runs: nudges are
 * logged, and this is said once, here, at start.
 */
export function nudgeSinkFor(web: webApi.WebClient | null, language: "nl" | "en", logger: Logger): NudgeSink {
  if (!web) {
    logger.warn("Slack is not configured (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET): nudges to coaches are written to this log instead (ids and cause)");
    return createLoggingNudgeSink(logger);
  }
  return createSlackNudgeSink({ web, t: createSlackTranslator(language) });
}
