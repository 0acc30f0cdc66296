import type http from "node:http";
import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import { flowRegistry } from "../flows/index.js";
import type { FlowDefinition } from "../flows/types.js";
import type { Config } from "./config.js";
import { createEngine, type Engine } from "./conversation/engine.js";
import { openDatabase, type Database } from "./db/client.js";
import { close, createHttpServer, listen, type Route } from "./http/server.js";
import { createTranslator, type Translator } from "./i18n.js";
import { configSecrets, protectSecrets } from "./log.js";
import { countTelegramRateLimited, createMetrics, type Metrics } from "./metrics.js";
import type { Dispatcher } from "./jobs/dispatcher.js";
import { createJobs, type MessageSender } from "./jobs/index.js";
import { unlimited } from "./jobs/rate-limit.js";
import { nudgeSinkFor } from "./slack/nudge-sink.js";
import { SLACK_EVENTS_PATH } from "./slack/receiver.js";
import { wireSlack } from "./slack/wiring.js";
import { createTelegramBot, setCommandMenu } from "./telegram/bot.js";
import { createTelegramSender } from "./telegram/sender.js";
import { createUpdateHandler, startPolling, webhookRoute, type Polling } from "./telegram/updates.js";

export const WEBHOOK_PATH = "/telegram/webhook";
export const METRICS_PATH = "/metrics";

export interface KoersOptions {
  logger: Logger;
  clock?: () => Date;
  flows?: Record<string, FlowDefinition>;
  /** Replaces Telegram as the way messages reach the client (the terminal chat). */
  sender?: MessageSender;
  /** Known bot info: skips `getMe` (tests). */
  botInfo?: UserFromGetMe;
  dispatcherIdleMs?: number;
}

export interface Koers {
  config: Config;
  db: Database;
  engine: Engine;
  dispatcher: Dispatcher;
  translator: Translator;
  bot: Bot | null;
  metrics: Metrics;
  server: http.Server;
  port: number;
  /** Stops cleanly: no update half-handled, no job lost. */
  stop(): Promise<void>;
}

/** Builds and starts the whole service from a parsed configuration. */
export async function startKoers(config: Config, opts: KoersOptions): Promise<Koers> {
  const { logger } = opts;
  const clock = opts.clock ?? (() => new Date());
  protectSecrets(logger, configSecrets(config));
  const db = await openDatabase(config.database, {
    onStaleLock: (previous, reason) => logger.warn({ previous, reason }, "took over the embedded database's stale pid file"),
  });
  try {
    const migrated = await db.migrate();
    if (migrated.applied.length) logger.info({ applied: migrated.applied }, "database migrated");
  } catch (err) {
    await db.close();
    const where = config.database.kind === "postgres" ? "Check DATABASE_URL" : `Check DATA_DIR (${config.database.dataDir})`;
    throw new Error(`the database could not be opened or migrated (${err instanceof Error ? err.message : String(err)}). ${where}.`, { cause: err });
  }
  const translator = createTranslator();
  const metrics = createMetrics(db, clock);
  let dispatcher: Dispatcher | null = null;
  const engine = createEngine({
    db,
    flows: opts.flows ?? flowRegistry,
    clock,
    logger,
    onQueued: () => dispatcher?.poke(),
    crisisEscalateMinutes: config.nudges.crisisEscalateMinutes,
    flood: config.flood,
  });

  const tg = config.telegram;
  const bot =
    tg.mode === "off"
      ? null
      : createTelegramBot({
          token: tg.token,
          apiRoot: tg.apiRoot,
          engine,
          translator,
          logger,
          ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
        });
  // Every Bot API call answered 429 is counted, whoever made it.
  bot?.api.config.use(async (prev, method, payload, signal) => {
    const res = await prev(method, payload, signal);
    if (!res.ok && res.error_code === 429) countTelegramRateLimited(metrics);
    return res;
  });
  const sender = opts.sender ?? (bot ? createTelegramSender(bot.api, translator) : null);
  if (!sender) {
    await db.close();
    throw new Error("No way to reach clients: configure Telegram or pass a sender.");
  }
  // --- referrals (issue 5): the Slack app at /slack/events and the referral deliveries
  const referrals = wireSlack({
    config,
    db,
    engine,
    translator,
    logger,
    clock,
    botUsername: async () => config.botUsername ?? (bot?.isInited() ? bot.botInfo.username : null),
    onQueued: () => dispatcher?.poke(),
  });
  // --- end referrals
  const jobs = createJobs({
    handlers: referrals.handlers,
    db,
    engine,
    sender,
    nudges: nudgeSinkFor(config.slack, config.defaultLanguage, logger),
    logger,
    clock,
    silentDays: config.nudges.silentDays,
    // The terminal chat prints locally: Telegram's limits do not apply there.
    ...(opts.sender ? { limiter: unlimited } : {}),
    ...(opts.dispatcherIdleMs ? { idleMs: opts.dispatcherIdleMs } : {}),
  });
  dispatcher = jobs.dispatcher;

  const updates = bot ? createUpdateHandler({ bot, translator, logger, metrics, healthy: () => db.ping() }) : null;
  let polling: Polling | null = null;
  const routes = new Map<string, Route>();
  if (updates && tg.mode === "webhook") routes.set(WEBHOOK_PATH, webhookRoute(updates, tg.webhookSecret));
  routes.set(METRICS_PATH, async (_req, res) => {
    const body = await metrics.scrape();
    res.writeHead(200, { "content-type": metrics.contentType }).end(body);
  });
  if (referrals.route) routes.set(SLACK_EVENTS_PATH, referrals.route); // referrals (issue 5)
  const server = createHttpServer({ logger, healthy: () => db.ping(), routes, metrics, problem: () => polling?.problem() ?? null });
  let port: number;
  try {
    port = await listen(server, config.port, config.host);
  } catch (err) {
    await db.close();
    throw err;
  }

  if (bot && updates && tg.mode !== "off") {
    await bot.init();
    await setCommandMenu(bot, translator, logger);
    if (tg.mode === "webhook") {
      await bot.api.setWebhook(`${tg.publicUrl}${WEBHOOK_PATH}`, { secret_token: tg.webhookSecret ?? "" });
      logger.info({ url: `${tg.publicUrl}${WEBHOOK_PATH}` }, "Telegram webhook set");
    } else {
      // Our own loop rather than bot.start(): an update is confirmed only once it was handled.
      await bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, "could not remove a webhook before long polling"));
      polling = startPolling({ bot, handler: updates, logger });
      logger.info({ bot: bot.botInfo.username }, "Telegram long polling started");
    }
  }
  await referrals.init(); // referrals (issue 5): Slack's auth.test; a failure is logged
  await jobs.ensureRecurring();
  dispatcher.start();
  logger.info({ port, database: config.database.kind, telegram: tg.mode }, "Koers started");

  let stopping: Promise<void> | null = null;
  return {
    config,
    db,
    engine,
    dispatcher,
    translator,
    bot,
    metrics,
    server,
    port,
    stop() {
      stopping ??= (async () => {
        if (polling) await polling.stop();
        await close(server);
        await dispatcher.stop();
        await db.close();
        logger.info("Koers stopped");
      })();
      return stopping;
    },
  };
}
