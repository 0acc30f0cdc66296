/**
 * What every Slack listener gets, and the few things they all do: find the member behind a Slack
 * user, refuse privately, and reach someone by a private message.
 */
import type { types, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Database } from "../db/client.js";
import type { ReferralService } from "../domain/referrals/service.js";
import { ReferralRefused } from "../domain/referrals/types.js";
import type { Member } from "../generated/prisma/client.js";
import type { SlackT } from "./i18n.js";

export interface SlackDeps {
  service: ReferralService;
  db: Database;
  t: SlackT;
  logger: Logger;
  clock: () => Date;
  /** For invite links (https://t.me/<bot>?start=<code>); null: the coach gets "/start <code>". */
  botUsername: () => Promise<string | null>;
}

type Web = webApi.WebClient;

/** Where a reply can go: the channel of the button or command, if any. */
export interface Place {
  user: string;
  channel?: string | undefined;
}

/** A private message to one user: an ephemeral one where they are, else a direct message. */
export async function tellUser(client: Web, place: Place, text: string): Promise<void> {
  if (place.channel) {
    try {
      await client.chat.postEphemeral({ channel: place.channel, user: place.user, text });
      return;
    } catch {
      // The app is not in that channel (a slash command elsewhere): a direct message still works.
    }
  }
  await directMessage(client, place.user, text);
}

export async function directMessage(client: Web, user: string, text: string, blocks?: types.KnownBlock[]): Promise<void> {
  const opened = await client.conversations.open({ users: user });
  const channel = opened.channel?.id;
  if (!channel) throw new Error(`Slack opened no conversation with ${user}`);
  await client.chat.postMessage({ channel, text, ...(blocks ? { blocks } : {}) });
}

/** The active member behind this Slack user, or a private "you are not known" and null. */
export async function memberFor(deps: SlackDeps, client: Web, place: Place): Promise<Member | null> {
  const member = await deps.service.member(place.user);
  if (!member) await tellUser(client, place, deps.t("referral.refused.notMember"));
  return member;
}

/**
 * Runs a listener's action and turns an expected refusal into a private message. Other errors
 * go on to the error boundary (`app.error`).
 */
export async function orRefuse(deps: SlackDeps, client: Web, place: Place, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (!(err instanceof ReferralRefused)) throw err;
    await tellUser(client, place, deps.t(err.message, err.vars));
  }
}

/** A refusal as a modal's inline errors: every wrong field, or the whole refusal under `fallback`. */
export function modalErrors(deps: SlackDeps, err: ReferralRefused, fallback: string): { response_action: "errors"; errors: Record<string, string> } {
  const errors = err.problems.length
    ? Object.fromEntries(err.problems.map((p) => [p.field, deps.t(p.key, p.vars)]))
    : { [fallback]: deps.t(err.message, err.vars) };
  return { response_action: "errors", errors };
}
