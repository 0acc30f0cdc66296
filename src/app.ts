import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import { flowRegistry } from "../flows/index.js";
import type { FlowDefinition } from "../flows/types.js";
import type { Config } from "./config.js";
import { createEngine, type Engine } from "./conversation/engine.js";
import { openDatabase, type Database } from "./db/client.js";
import { unknownSealingKeys } from "./db/key-check.js";
import { close, createHttpServer, listen, type Route } from "./http/server.js";
import { createTranslator, type Translator } from "./i18n.js";
import { configSecrets, protectSecrets } from "./log.js";
import { countTelegramRateLimited, createMetrics, type Metrics } from "./metrics.js";
import type { Dispatcher } from "./jobs/dispatcher.js";
import { createJobs, type MessageSender } from "./jobs/index.js";
import { createSendLimiter, databaseSendLimiter, unlimited, type SendLimits } from "./jobs/rate-limit.js";
import { wireSlack } from "./slack-wiring.js";
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
  /** More routes on the service's HTTP server, by exact path (the sandbox page). */
  routes?: Map<string, Route>;
  /** Other sending limits than Telegram's (the sandbox paces its in-process Bot API faster). */
  sendLimits?: SendLimits;
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

/** Why the service will not start when client texts are sealed with a key it lacks, and what to do. */
function missingKeyMessage(config: Config, db: Database, missing: string[]): string {
  const names = missing.map((id) => `"${id}"`).join(", ");
  const has = [...db.keyring.keys.keys()].map((id) => `"${id}"`).join(", ");
  const source = config.database.dataKey ? `KOERS_DATA_KEY (which has ${has})` : `the embedded folder's key file ${path.join(config.database.kind === "embedded" ? config.database.dataDir : "", "data-key")} (KOERS_DATA_KEY is not set)`;
  const folderKey = config.database.kind === "embedded" && config.database.dataKey ? path.join(config.database.dataDir, "data-key") : null;
  const hint =
    folderKey && fs.existsSync(folderKey)
      ? ` These rows were probably written before KOERS_DATA_KEY was set, with the folder's own key: add the line in ${folderKey} after your key (KOERS_DATA_KEY=<your key>,<that line>).`
      : "";
  return (
    `client texts in the database are encrypted with key ${names}, which ${source} does not hold. Without it Koers cannot read them and would answer every client with an error.` +
    `${hint} Put the key back after the current one, as in KOERS_DATA_KEY=k2:<new>,k1:<old>; the data.reseal job then re-encrypts the rows with the first key.`
  );
}

/** Builds and starts the whole service from a parsed configuration. */
export async function startKoers(config: Config, opts: KoersOptions): Promise<Koers> {
  const { logger } = opts;
  // Milliseconds since the process began, at each part of the start (logged with "Koers started").
  const startup: Record<string, number> = { imported: Math.round(performance.now()) };
  const clock = opts.clock ?? (() => new Date());
  protectSecrets(logger, configSecrets(config));
  const db = await openDatabase(config.database, {
    onStaleLock: (previous, reason) => logger.warn({ previous, reason }, "took over the embedded database's stale pid file"),
    onKeyCreated: (file) => logger.info({ file }, "KOERS_DATA_KEY is not set: made a new data key for the embedded database (keep it with your backups)"),
  });
  startup.opened = Math.round(performance.now());
  try {
    const migrated = await db.migrate();
    if (migrated.applied.length) logger.info({ applied: migrated.applied }, "database migrated");
  } catch (err) {
    await db.close();
    const where = config.database.kind === "postgres" ? "Check DATABASE_URL" : `Check DATA_DIR (${config.database.dataDir})`;
    throw new Error(`the database could not be opened or migrated (${err instanceof Error ? err.message : String(err)}). ${where}.`, { cause: err });
  }
  startup.migrated = Math.round(performance.now());
  const unknownKeys = await unknownSealingKeys(db).catch(async (err: unknown) => {
    await db.close();
    throw err;
  });
  if (unknownKeys.length) {
    await db.close();
    throw new Error(missingKeyMessage(config, db, unknownKeys));
  }
  startup.keyChecked = Math.round(performance.now());
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
    clarifyAfterOnboarding: config.clarifyAfterOnboarding ?? true,
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
  // Referrals: the Slack app at /slack/events and the referral deliveries
  const referrals = await wireSlack({
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
    nudges: referrals.nudges,
    logger,
    clock,
    silentDays: config.nudges.silentDays,
    textRetentionMonths: config.textRetentionMonths,
    shareRetentionMonths: config.shareRetentionMonths,
    leaseSeconds: config.jobLeaseSeconds,
    // The terminal chat prints locally: Telegram's limits do not apply there. On PostgreSQL the
    // limits are kept in the database, so they hold for all instances together; the sandbox
    // (sendLimits) sets its own.
    ...(opts.sender
      ? { limiter: unlimited }
      : opts.sendLimits
        ? { limiter: createSendLimiter(opts.sendLimits, () => clock().getTime()) }
        : db.kind === "postgres"
          ? { limiter: databaseSendLimiter(db.sql) }
          : {}),
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
  // The receiver (and Bolt) is imported only with Slack configured.
  if (referrals.route) routes.set((await import("./slack/receiver.js")).SLACK_EVENTS_PATH, referrals.route);
  for (const [path, route] of opts.routes ?? []) routes.set(path, route);
  for (const [path, route] of referrals.routes) routes.set(path, route); // the client file's chart images
  const server = createHttpServer({ logger, healthy: () => db.ping(), routes, metrics, problem: () => polling?.problem() ?? null });
  let port: number;
  try {
    port = await listen(server, config.port, config.host);
  } catch (err) {
    await db.close();
    throw err;
  }
  startup.listening = Math.round(performance.now());

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
  await referrals.init(); // Slack's auth.test; a failure is logged
  await jobs.ensureRecurring();
  dispatcher.start();
  startup.started = Math.round(performance.now());
  logger.info({ port, database: config.database.kind, telegram: tg.mode, startup }, "Koers started");

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
