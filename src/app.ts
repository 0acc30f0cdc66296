import type http from "node:http";
import { webhookCallback, type Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import { flowRegistry } from "../flows/index.js";
import type { FlowDefinition } from "../flows/types.js";
import type { Config } from "./config.js";
import { createEngine, type Engine } from "./conversation/engine.js";
import { openDatabase, type Database } from "./db/client.js";
import { close, createHttpServer, listen, type Route } from "./http/server.js";
import { createTranslator, type Translator } from "./i18n.js";
import type { Dispatcher } from "./jobs/dispatcher.js";
import { createJobs, type MessageSender } from "./jobs/index.js";
import { unlimited } from "./jobs/rate-limit.js";
import { nudgeSinkFor } from "./slack/nudge-sink.js";
import { SLACK_EVENTS_PATH } from "./slack/receiver.js";
import { wireSlack } from "./slack/wiring.js";
import { createTelegramBot, setCommandMenu } from "./telegram/bot.js";
import { createTelegramSender } from "./telegram/sender.js";

export const WEBHOOK_PATH = "/telegram/webhook";

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
  server: http.Server;
  port: number;
  /** Stops cleanly: no update half-handled, no job lost. */
  stop(): Promise<void>;
}

/** Builds and starts the whole service from a parsed configuration. */
export async function startKoers(config: Config, opts: KoersOptions): Promise<Koers> {
  const { logger } = opts;
  const clock = opts.clock ?? (() => new Date());
  const db = await openDatabase(config.database);
  try {
    const migrated = await db.migrate();
    if (migrated.applied.length) logger.info({ applied: migrated.applied }, "database migrated");
  } catch (err) {
    await db.close();
    const where = config.database.kind === "postgres" ? "Check DATABASE_URL" : `Check DATA_DIR (${config.database.dataDir})`;
    throw new Error(`the database could not be opened or migrated (${err instanceof Error ? err.message : String(err)}). ${where}.`, { cause: err });
  }
  const translator = createTranslator();
  let dispatcher: Dispatcher | null = null;
  const engine = createEngine({
    db,
    flows: opts.flows ?? flowRegistry,
    clock,
    logger,
    onQueued: () => dispatcher?.poke(),
    crisisEscalateMinutes: config.nudges.crisisEscalateMinutes,
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

  const routes = new Map<string, Route>();
  if (bot && tg.mode === "webhook") {
    routes.set(WEBHOOK_PATH, webhookCallback(bot, "http", { secretToken: tg.webhookSecret }) as Route);
  }
  if (referrals.route) routes.set(SLACK_EVENTS_PATH, referrals.route); // referrals (issue 5)
  const server = createHttpServer({ logger, healthy: () => db.ping(), routes });
  let port: number;
  try {
    port = await listen(server, config.port, config.host);
  } catch (err) {
    await db.close();
    throw err;
  }

  let polling: Promise<void> | null = null;
  if (bot && tg.mode !== "off") {
    await bot.init();
    await setCommandMenu(bot, translator, logger);
    if (tg.mode === "webhook") {
      await bot.api.setWebhook(`${tg.publicUrl}${WEBHOOK_PATH}`, { secret_token: tg.webhookSecret ?? "" });
      logger.info({ url: `${tg.publicUrl}${WEBHOOK_PATH}` }, "Telegram webhook set");
    } else {
      polling = bot.start({ onStart: (me) => logger.info({ bot: me.username }, "Telegram long polling started") });
      polling.catch((err: unknown) => logger.error({ err }, "Telegram polling stopped with an error"));
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
    server,
    port,
    stop() {
      stopping ??= (async () => {
        if (bot && polling) {
          await bot.stop();
          await polling.catch(() => undefined);
        }
        await close(server);
        await dispatcher.stop();
        await db.close();
        logger.info("Koers stopped");
      })();
      return stopping;
    },
  };
}
