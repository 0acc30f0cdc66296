/**
 * Direct messages through the Slack Web API, one way for every sender (listeners, the referral
 * and crisis jobs, nudges): open the conversation with the user, then post in it.
 */
import type { types, webApi } from "@slack/bolt";
import { SendError } from "../jobs/errors.js";

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
