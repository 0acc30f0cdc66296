/**
 * The one Slack Web API client, and direct messages through it, one way for every sender
 * (listeners, the referral and crisis jobs, nudges): open the conversation with the user, then
 * post in it.
 */
import type { types, webApi } from "@slack/bolt";
// From the Web API client (Bolt re-exports the same): importing Bolt costs a second at start.
import { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { SendError } from "../jobs/errors.js";
import { boltLogger } from "./log.js";

export interface WebClientOptions {
  token: string;
  /** Another Web API base URL (SLACK_API_URL: a local fake in tests and the sandbox), ending in `/`. */
  apiUrl?: string | undefined;
  logger: Logger;
}

/** How long one Web API call may take before it fails (and the job queue or error boundary takes over). */
export const WEB_API_TIMEOUT_MS = 10_000;

/**
 * The Web API client of the whole service: the Bolt app's listeners (`createSlackApp` hands it to
 * Bolt), the referral and crisis jobs and the nudge sink all call Slack through this one. The job
 * queue retries with backoff and keeps the job, and a listener's failure goes to the error
 * boundary: the client itself never waits and retries, and a rate limit is an error at once.
 */
export function createWebClient(opts: WebClientOptions): webApi.WebClient {
  return new WebClient(opts.token, {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: WEB_API_TIMEOUT_MS,
    // Its lines go to our logger, so LOG_LEVEL decides what is shown (a `logLevel` here would be
    // ignored by @slack/web-api next to a logger); bodies and answers never reach the log.
    logger: boltLogger(opts.logger, "slack-web-api"),
  });
}

/** The direct-message channel with one user; a SendError when Slack opens none. */
export async function openDm(web: webApi.WebClient, user: string): Promise<string> {
  const opened = await web.conversations.open({ users: user });
  const channel = opened.channel?.id;
  if (!channel) throw new SendError(`Slack opened no conversation with ${user}`);
  return channel;
}

/** Posts a direct message to one user: where it went. */
export async function postDm(web: webApi.WebClient, user: string, message: { text: string; blocks?: types.KnownBlock[] | undefined }): Promise<{ channel: string; ts: string | null }> {
  const channel = await openDm(web, user);
  const posted = await web.chat.postMessage({ channel, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
  return { channel, ts: posted.ts ?? null };
}
