/**
 * The Slack app (Bolt, HTTP mode) on the service's own HTTP server: `createSlackApp` builds it
 * with our receiver, registers the listeners by surface and sets the one error boundary. Nothing
 * connects here; `init()` asks Slack who the bot is only when its ids were not given.
 */
import { App, type webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Route } from "../http/server.js";
import { registerActions } from "./actions/index.js";
import { registerCommands } from "./commands/index.js";
import type { SlackDeps } from "./context.js";
import { tellUser } from "./context.js";
import { registerEvents } from "./events/index.js";
import { registerHome } from "./home/index.js";
import { boltLogger } from "./log.js";
import { KoersReceiver } from "./receiver.js";
import { registerViews } from "./views/index.js";

export interface SlackAppOptions extends SlackDeps {
  signingSecret: string;
  token: string;
  /** Another Web API base URL (a local fake in tests), ending in `/`. */
  apiUrl?: string | undefined;
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
}

/** Bolt's extended error handler arguments (the last overload of `app.error`): the error and the request body. */
type BoundaryArgs = Parameters<Parameters<App["error"]>[0]>[0];

/** Who and where a failed request came from, when Slack told us. */
function placeOf(b: Record<string, unknown>): { user: string; channel?: string } | null {
  const user = (b.user as { id?: string } | undefined)?.id ?? (typeof b.user_id === "string" ? b.user_id : undefined);
  const channel = (b.channel as { id?: string } | undefined)?.id ?? (typeof b.channel_id === "string" ? b.channel_id : undefined);
  return user ? { user, ...(channel ? { channel } : {}) } : null;
}

/** The one error boundary: log with context, tell the person calmly, never show a stack trace. */
function errorBoundary(app: App, deps: SlackDeps, logger: Logger): void {
  app.error(async ({ error, body }: BoundaryArgs) => {
    const b = body as unknown as Record<string, unknown>;
    logger.error({ err: error, type: b.type, command: b.command, callbackId: (b.view as { callback_id?: string } | undefined)?.callback_id }, "Slack request failed");
    const place = placeOf(b);
    if (place) await tellUser(app.client, place, deps.t("referral.error.generic")).catch(() => undefined);
  });
}

export function createSlackApp(opts: SlackAppOptions): SlackApp {
  const logger = opts.logger.child({ component: "slack" });
  const receiver = new KoersReceiver({ signingSecret: opts.signingSecret, logger, clock: opts.clock, ...(opts.ackTimeoutMs ? { ackTimeoutMs: opts.ackTimeoutMs } : {}) });
  const known = opts.botId !== undefined && opts.botUserId !== undefined;
  const app = new App({
    receiver,
    token: opts.token,
    ...(known ? { botId: opts.botId, botUserId: opts.botUserId } : { deferInitialization: true }),
    logger: boltLogger(logger),
    extendedErrorHandler: true,
    clientOptions: { ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}), retryConfig: { retries: 0 } },
  });
  const deps: SlackDeps = opts;
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps);
  registerHome(app, deps);
  for (const register of opts.extraListeners ?? []) register(app);
  errorBoundary(app, deps, logger);
  return {
    app,
    route: receiver.route,
    client: app.client,
    init: () => (known ? Promise.resolve() : app.init()),
  };
}
