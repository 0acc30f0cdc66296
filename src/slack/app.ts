/**
 * The Slack app (Bolt, HTTP mode) on the service's own HTTP server: `createSlackApp` builds it
 * with our receiver, registers the listeners by surface and sets the one error boundary. Nothing
 * connects here; `init()` asks Slack who the bot is (auth.test) only when its ids were not given.
 */
import { App, type webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Route } from "../http/server.js";
import { registerActions } from "./actions/index.js";
import { registerCommands } from "./commands/index.js";
import type { SlackDeps } from "./context.js";
import { memberMiddleware, placeOf, recordRefusal, tellUser } from "./context.js";
import { registerEvents } from "./events/index.js";
import { registerClientFile } from "./file/index.js";
import { registerTrajectory } from "./file/trajectory.js";
import { registerClientForget } from "./file/forget.js";
import { registerHome } from "./home/index.js";
import { boltLogger } from "./log.js";
import { registerOptions } from "./options.js";
import { databaseReplayGuard, KoersReceiver } from "./receiver.js";
import { slackUserOf } from "./refusals.js";
import { registerViews } from "./views/index.js";

export interface SlackAppOptions extends SlackDeps {
  signingSecret: string;
  /** The service's one Web API client (`createWebClient`, with the bot token): every listener calls Slack through it. */
  web: webApi.WebClient;
  /** Known bot ids skip Slack's auth.test (tests, or a configured deployment). */
  botId?: string | undefined;
  botUserId?: string | undefined;
  /** See ReceiverDeps.ackTimeoutMs. */
  ackTimeoutMs?: number;
  /** More listeners from other features (nudge buttons), registered after ours. */
  extraListeners?: ((app: App) => void)[];
}

export interface SlackApp {
  app: App;
  /** The handler for POST /slack/events. */
  route: Route;
  client: webApi.WebClient;
  /** Asks Slack for the bot's ids when they were not given; call once before serving. */
  init(): Promise<void>;
  /** Resolves when the listener work of every request answered so far has finished (tests, shutdown). */
  settled(): Promise<void>;
}

/** Bolt's extended error handler arguments (the last overload of `app.error`): the error and the request body. */
type BoundaryArgs = Parameters<Parameters<App["error"]>[0]>[0];

/** What a request asked for, for logs and audit rows: the command, view, action or event type. */
function whatOf(b: Record<string, unknown>): string {
  const action = Array.isArray(b.actions) ? (b.actions[0] as { action_id?: unknown } | undefined)?.action_id : undefined;
  const candidates = [b.command, (b.view as { callback_id?: unknown } | undefined)?.callback_id, action, (b.event as { type?: unknown } | undefined)?.type, b.type];
  const found = candidates.find((c) => typeof c === "string");
  return typeof found === "string" ? found.slice(0, 64) : "unknown";
}

/** The one error boundary: log with context (no client text), tell the person calmly, never show a stack trace. */
function errorBoundary(app: App, deps: SlackDeps, logger: Logger): void {
  app.error(async ({ error, body }: BoundaryArgs) => {
    const b = (body ?? {}) as unknown as Record<string, unknown>;
    // The logger's error serializer keeps the kind, message and code, never a token or the request's text.
    logger.error({ err: error, type: typeof b.type === "string" ? b.type : undefined, what: whatOf(b) }, "Slack request failed");
    const place = placeOf(b);
    if (place) await tellUser(app.client, place, deps.t("referral.error.generic")).catch(() => undefined);
  });
}

/**
 * A verified request no listener took (an unknown command, button or view), or one too malformed
 * to route. Refused calmly (a view too: its modal was never ours, so the person gets a private
 * message) and audited.
 */
async function unhandled(app: App, deps: SlackDeps, body: Record<string, unknown>, why: "unhandled" | "malformed"): Promise<void> {
  const surface = typeof body.command === "string" ? "command" : body.type === "view_submission" ? "view" : body.type === "block_actions" ? "action" : body.type === "event_callback" ? "event" : "request";
  const slackUserId = slackUserOf(body);
  const member = slackUserId ? await deps.service.member(slackUserId).catch(() => null) : null;
  await recordRefusal(deps, { surface, what: whatOf(body), why, slackUserId, member });
  const place = placeOf(body);
  if (place && surface !== "event") await tellUser(app.client, place, deps.t("referral.refused.malformed")).catch(() => undefined);
}

export function createSlackApp(opts: SlackAppOptions): SlackApp {
  const logger = opts.logger.child({ component: "slack" });
  const deps: SlackDeps = opts;
  const holder: { app?: App } = {};
  const receiver = new KoersReceiver({
    signingSecret: opts.signingSecret,
    logger,
    clock: opts.clock,
    replays: databaseReplayGuard(opts.db.sql),
    onUnhandled: (body, why) => (holder.app ? unhandled(holder.app, deps, body, why) : Promise.resolve()),
    ...(opts.ackTimeoutMs ? { ackTimeoutMs: opts.ackTimeoutMs } : {}),
  });
  // Bolt 5.1 takes no client of ours: it builds `app.client` itself and, for a request whose
  // authorization carries a bot token, a pooled client per team from `clientOptions` (a second
  // and third WebClient, with other options). So the authorization names the bot's ids but no
  // token: every listener then gets `app.client`, which is the one client (it has the token).
  let ids: Promise<{ botId: string | undefined; botUserId: string | undefined }> | null =
    opts.botId !== undefined && opts.botUserId !== undefined ? Promise.resolve({ botId: opts.botId, botUserId: opts.botUserId }) : null;
  const botIds = () => {
    ids ??= opts.web.auth.test().then((r) => ({ botId: r.bot_id, botUserId: r.user_id }));
    // A failed auth.test is asked again at the next request.
    return ids.catch((err: unknown) => {
      ids = null;
      throw err;
    });
  };
  const app = new App({
    receiver,
    authorize: async () => ({ ...(await botIds()) }),
    logger: boltLogger(logger),
    extendedErrorHandler: true,
  });
  app.client = opts.web;
  holder.app = app;
  app.use(memberMiddleware(deps));
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps);
  registerHome(app, deps);
  registerClientFile(app, deps);
  registerTrajectory(app, deps);
  registerClientForget(app, deps);
  registerOptions(app, deps);
  for (const register of opts.extraListeners ?? []) register(app);
  errorBoundary(app, deps, logger);
  return {
    app,
    route: receiver.route,
    client: app.client,
    init: async () => {
      await botIds();
    },
    settled: () => receiver.settled(),
  };
}
