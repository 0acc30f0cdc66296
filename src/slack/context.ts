/**
 * What every Slack listener gets, and the few things they all do: find the member behind a Slack
 * user, refuse privately, and reach someone by a private message.
 */
import type { AnyMiddlewareArgs, App, BlockAction, ButtonAction, Context, Middleware, SlashCommand, types, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Engine } from "../conversation/engine.js";
import type { ChartLinks } from "../http/chart-link.js";
import type { ReferralService } from "../domain/referrals/service.js";
import { ReferralRefused } from "../domain/referrals/types.js";
import type { DataHandle, Member } from "../domain/members.js";
import type { SlackT } from "../i18n-slack.js";
import { postDm } from "./web.js";
import { auditSlackRefusal, parseSlackId, slackUserOf, type Refusal, type Surface } from "./refusals.js";

export interface SlackDeps {
  service: ReferralService;
  /** Passed on to domain functions; listeners never query it themselves. */
  db: DataHandle;
  t: SlackT;
  logger: Logger;
  clock: () => Date;
  /** For invite links (https://t.me/<bot>?start=<code>); null: the coach gets "/start <code>". */
  botUsername: () => Promise<string | null>;
  /** Signed links to score charts for the client file; null or absent: the file shows scores as text. */
  chartLinks?: ChartLinks | null;
  /** Starts conversations for the client file's trajectory buttons (src/slack/file/trajectory.ts); absent: "start now" is refused. */
  engine?: Pick<Engine, "startConversation"> | undefined;
  /** AFTERCARE_WEEKS: the check-ins after closing the closing talk asks permission for. */
  aftercareWeeks?: number[] | undefined;
  /** Wakes the dispatcher after a commit that queued a message to a client. */
  onQueued?: (() => void) | undefined;
}

type Web = webApi.WebClient;

/** Where a reply can go: the channel of the button or command, if any. */
export interface Place {
  user: string;
  channel?: string | undefined;
}

/** Who pressed or typed, and where: null when the body names no real-looking Slack user. */
export function placeOf(body: unknown): Place | null {
  const user = slackUserOf(body);
  if (!user) return null;
  const b = body as { channel?: { id?: unknown }; channel_id?: unknown };
  const channel = parseSlackId(b.channel?.id ?? b.channel_id);
  return { user, ...(channel ? { channel } : {}) };
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
  await postDm(client, user, { text, blocks });
}

/** What a listener was asked to do, for the audit row of a refusal. */
export interface Asked {
  surface: Surface;
  what: string;
}

/** Audits a refusal; a failure to write it is logged, never shown to the person. */
export async function recordRefusal(deps: SlackDeps, refusal: Refusal): Promise<void> {
  try {
    await auditSlackRefusal(deps.db, refusal);
  } catch (err) {
    deps.logger.error({ err: err instanceof Error ? err.message : String(err), surface: refusal.surface, why: refusal.why }, "could not audit a refused Slack request");
  }
}

/** A calm private refusal (ephemeral, else a direct message) and its audit row. */
export async function refuse(
  deps: SlackDeps,
  client: Web,
  place: Place,
  asked: Asked & { why: string; member?: Member | null; referralId?: string | null },
  key: string,
  vars?: Record<string, string | number>,
): Promise<void> {
  await Promise.all([
    recordRefusal(deps, { ...asked, slackUserId: place.user }),
    tellUser(client, place, deps.t(key, vars)).catch((err: unknown) =>
      deps.logger.warn({ err: err instanceof Error ? err.message : String(err), surface: asked.surface }, "could not tell a Slack user their request was refused"),
    ),
  ]);
}

/**
 * The one member lookup, as a Bolt global middleware: the active member behind the request's
 * Slack user (or null: no user, or none known) goes on `context.member` before any listener runs.
 * Listeners read it with `memberOf(context)` and keep their own refusals and audit rows.
 */
export function memberMiddleware(deps: Pick<SlackDeps, "service">): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const user = slackUserOf(body);
    context.member = user ? await deps.service.member(user) : null;
    await next();
  };
}

/** The member `memberMiddleware` found for this request, or null. */
export function memberOf(context: Context): Member | null {
  return (context.member as Member | null | undefined) ?? null;
}

/** The active member behind this request (`memberOf`), or a private "you are not known" (audited) and null. */
export async function memberFor(deps: SlackDeps, client: Web, place: Place, asked: Asked, context: Context): Promise<Member | null> {
  const member = memberOf(context);
  if (!member) await refuse(deps, client, place, { ...asked, why: "notMember" }, "referral.refused.notMember");
  return member;
}

/** A role a listener asks for, and how a member without it is refused. */
export interface NeededRole {
  role: Member["role"];
  why: string;
  key: string;
}

/**
 * Who asks and where: the request's place and its active member (with `need`, one of that role),
 * or null after the refusal: audited only when the body names no user, else also told privately.
 */
export async function askingMember(
  deps: SlackDeps,
  client: Web,
  body: unknown,
  asked: Asked,
  context: Context,
  need?: NeededRole,
): Promise<{ place: Place; member: Member } | null> {
  const place = placeOf(body);
  if (!place) {
    await recordRefusal(deps, { ...asked, why: "noUser", slackUserId: null });
    return null;
  }
  const member = await memberFor(deps, client, place, asked, context);
  if (!member) return null;
  if (need && member.role !== need.role) {
    await refuse(deps, client, place, { ...asked, why: need.why, member }, need.key);
    return null;
  }
  return { place, member };
}

/** A button pressed by an active member: its action id (at most 64 characters), what it asked, where and who, and the press itself. */
export interface MemberPress {
  id: string;
  asked: Asked;
  place: Place;
  member: Member;
  action: ButtonAction;
  body: BlockAction<ButtonAction>;
  client: Web;
}

/** Listens for the buttons whose action id matches `pattern`: acked at once, then handled for an active member (`askingMember`). */
export function onMemberButton(app: App, deps: SlackDeps, pattern: RegExp, handle: (press: MemberPress) => Promise<void>): void {
  app.action<BlockAction<ButtonAction>>(pattern, async ({ ack, body, action, client, context }) => {
    await ack();
    const id = String(action.action_id).slice(0, 64);
    const asked = { surface: "action" as const, what: id };
    const asking = await askingMember(deps, client, body, asked, context);
    if (!asking) return;
    await handle({ id, asked, ...asking, action, body, client });
  });
}

/** A slash command typed by an active member of the role it needs: where and who, the command itself. */
export interface MemberCommand {
  place: Place;
  member: Member;
  body: SlashCommand;
  client: Web;
}

/** Listens for slash command `name`: acked at once, then handled for an active member with `need`'s role (`askingMember`). */
export function onMemberCommand(app: App, deps: SlackDeps, name: string, need: NeededRole, handle: (command: MemberCommand) => Promise<void>): void {
  app.command(name, async ({ ack, body, client, context }) => {
    await ack();
    const asking = await askingMember(deps, client, body, { surface: "command", what: name }, context, need);
    if (!asking) return;
    await handle({ ...asking, body, client });
  });
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
