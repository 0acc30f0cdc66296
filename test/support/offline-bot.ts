/**
 * The Telegram edge without any network, the way grammY tests itself: `createTelegramBot` with
 * known `botInfo` (no getMe), an API transformer that records every call as `{ method, payload }`
 * and answers ok, and `bot.handleUpdate()`. The engine and the outbox are the real ones on a test
 * database; the outbox is drained through `createTelegramSender(bot.api)`, so what the client
 * would read passes the same transformer.
 */
import type { Bot, Transformer } from "grammy";
import { afterAll, beforeAll } from "vitest";
import type { Update } from "grammy/types";
import { flowRegistry } from "../../flows/index.js";
import { createEngine, type Engine } from "../../src/conversation/engine.js";
import type { Database } from "../../src/db/client.js";
import { freshEmbeddedDb, type EmbeddedTestDb } from "./db.js";
import { createTranslator } from "../../src/i18n.js";
import { createJobs, type Jobs } from "../../src/jobs/index.js";
import type { CoachAddress, NudgeNote } from "../../src/jobs/nudge-jobs.js";
import { unlimited } from "../../src/jobs/rate-limit.js";
import { crisisHandlers } from "../../src/slack/crisis.js";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { createTelegramBot } from "../../src/telegram/bot.js";
import { createTelegramSender } from "../../src/telegram/sender.js";
import { BOT_INFO, BOT_TOKEN } from "../fixtures/updates.js";
import { memoryLogger, type LogLine } from "./service.js";

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface OfflineBot {
  bot: Bot;
  engine: Engine;
  jobs: Jobs;
  /** Every Bot API call so far. */
  calls: ApiCall[];
  /** Nudges delivered to coaches (the Slack side, recorded). */
  nudges: { coach: CoachAddress; notes: NudgeNote[] }[];
  logLines: LogLine[];
  /** Hands the updates to the bot one by one, drains the outbox and returns the calls made. */
  deliver(...updates: Update[]): Promise<ApiCall[]>;
}

/** The texts of the sendMessage calls, in order. */
export function texts(calls: ApiCall[]): string[] {
  return calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text));
}

/** The inline keyboard of a sendMessage call: rows of [label, callback data]. */
export function keyboard(call: ApiCall | undefined): [string, string][][] {
  const markup = call?.payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).map((row) => row.map((b) => [b.text, b.callback_data ?? ""]));
}

function fakeResult(method: string, payload: Record<string, unknown>, messageId: number): unknown {
  if (method === "sendMessage") {
    return { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: payload.chat_id, type: "private" }, text: payload.text };
  }
  return true;
}

export function offlineBot(db: Database): OfflineBot {
  const { logger, lines } = memoryLogger("warn");
  const translator = createTranslator();
  const engine = createEngine({ db, flows: flowRegistry, clock: () => new Date(), logger });
  const bot = createTelegramBot({ token: BOT_TOKEN, engine, translator, logger, botInfo: BOT_INFO });
  const calls: ApiCall[] = [];
  let messageId = 0;
  const recorder: Transformer = async (_prev, method, payload) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    calls.push({ method, payload: p });
    // The one cast: a transformer answers for every method, so its result type is per call.
    return { ok: true, result: fakeResult(method, p, ++messageId) as never };
  };
  bot.api.config.use(recorder);

  const nudges: OfflineBot["nudges"] = [];
  const jobs = createJobs({
    db,
    engine,
    sender: createTelegramSender(bot.api, translator),
    nudges: {
      async deliver(coach, notes) {
        nudges.push({ coach, notes });
        return { channel: null, ts: null };
      },
    },
    logger,
    limiter: unlimited,
    silentDays: 14,
    // Crisis alerts as without Slack: logged (ids and category only).
    handlers: crisisHandlers({ db, t: createSlackTranslator("nl"), logger, web: null, escalateMinutes: 30 }),
  });

  return {
    bot,
    engine,
    jobs,
    calls,
    nudges,
    logLines: lines,
    async deliver(...updates) {
      const from = calls.length;
      for (const u of updates) await bot.handleUpdate(u);
      await jobs.dispatcher.drain();
      return calls.slice(from);
    },
  };
}

/**
 * One fresh embedded database and one offline bot for a test file: `ready` gets them once they
 * are there (`offlineBotPerFile((file) => ({ db, ob } = file))`, before the first test), and the
 * database is removed after the last.
 */
export function offlineBotPerFile(ready: (file: { db: Database; ob: OfflineBot }) => void): void {
  let t: EmbeddedTestDb | undefined;
  beforeAll(async () => {
    t = await freshEmbeddedDb();
    ready({ db: t.db, ob: offlineBot(t.db) });
  });
  afterAll(async () => {
    await t?.cleanup();
  });
}
